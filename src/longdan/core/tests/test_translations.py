"""The Vietnamese catalogue is complete: every string the code and templates mark has a checked translation.

When one of these fails after you added or changed a user-facing string, run
`longdan makemessages -l vi --ignore=.venv` from src/longdan and translate the new
entries in src/longdan/locale/vi/LC_MESSAGES/django.po (remove the "fuzzy" flag once
a suggested translation is checked).
"""

import ast
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

PACKAGE_DIR = Path(settings.PACKAGE_DIR)
CATALOGUE = PACKAGE_DIR / "locale" / "vi" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def label(self) -> str:
        return f"{self.msgctxt}|{self.msgid}" if self.msgctxt else self.msgid


def read_po(path: Path) -> list[Entry]:
    """A small .po reader: enough for the checks below (entries, plurals, flags, obsolete ones)."""
    entries: list[Entry] = []
    for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
        entry, target = Entry(), ""
        for line in block.strip().splitlines():
            if line.startswith("#~"):
                entry.obsolete = True
            elif line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif match := re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$", line):
                keyword, value = match.group(1), ast.literal_eval(match.group(2))
                if keyword.startswith("msgstr"):
                    entry.msgstrs.append(value)
                    target = "msgstr"
                else:
                    setattr(entry, keyword, value)
                    target = keyword
            elif line.startswith('"'):
                value = ast.literal_eval(line)
                if target == "msgstr":
                    entry.msgstrs[-1] += value
                else:
                    setattr(entry, target, getattr(entry, target) + value)
        if entry.msgstrs or entry.obsolete:
            entries.append(entry)
    return entries


def problems(entries: list[Entry]) -> list[str]:
    found = []
    for entry in entries:
        if entry.obsolete or entry.msgid == "":
            continue
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy: {entry.label!r}")
        elif not all(entry.msgstrs):
            found.append(f"untranslated: {entry.label!r}")
        elif "python-format" in entry.flags:
            wanted = set(PLACEHOLDER.findall(entry.msgid))
            for msgstr in entry.msgstrs:
                if set(PLACEHOLDER.findall(msgstr)) != wanted:
                    found.append(f"placeholders differ: {entry.label!r} → {msgstr!r}")
    return found


def test_the_catalogue_has_no_untranslated_or_fuzzy_entries() -> None:
    entries = read_po(CATALOGUE)
    assert len(entries) > 100
    assert problems(entries) == []


def test_the_catalogue_covers_every_string_in_the_code_and_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Extract the strings afresh from a copy of the package and merge them into a copy of the catalogue."""
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext not found: `make test-deps` installs gettext")
    copy = tmp_path / "longdan"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static"))
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["vi"], ignore_patterns=[".venv"], verbosity=0)
    assert problems(read_po(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po")) == []


def test_the_catalogue_compiles() -> None:
    if shutil.which("msgfmt") is None:
        pytest.fail("msgfmt not found: `make test-deps` installs gettext")
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(CATALOGUE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_reader_sees_fuzzy_empty_and_mismatched_entries(tmp_path: Path) -> None:
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\n'
        '#, fuzzy\nmsgid "Household"\nmsgstr "Hộ gia đình"\n\n'
        'msgid "Members"\nmsgstr ""\n\n'
        '#, python-format\nmsgid "%(n)s household"\nmsgid_plural "%(n)s households"\nmsgstr[0] "%(count)s hộ"\n\n'
        'msgid "Unit"\nmsgstr ""\n"Đơn vị"\n\n'
        '#~ msgid "Old"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    assert problems(read_po(po)) == [
        "fuzzy: 'Household'",
        "untranslated: 'Members'",
        "placeholders differ: '%(n)s household' → '%(count)s hộ'",
    ]
