import pytest
from environ import ImproperlyConfigured

from longdan.settings.base import StrictEnv


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("1", True), ("FALSE", False), ("off", False)])
def test_it_reads_yes_no_values(monkeypatch, raw, expected):
    monkeypatch.setenv("LONGDAN_FLAG", raw)
    assert StrictEnv().bool("LONGDAN_FLAG") is expected


def test_it_fails_loudly_on_an_unclear_boolean(monkeypatch):
    monkeypatch.setenv("LONGDAN_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="LONGDAN_FLAG"):
        StrictEnv().bool("LONGDAN_FLAG")


def test_it_fails_loudly_on_a_bad_number(monkeypatch):
    monkeypatch.setenv("LONGDAN_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="LONGDAN_NUMBER"):
        StrictEnv().int("LONGDAN_NUMBER")


def test_defaults_apply_when_unset(monkeypatch):
    monkeypatch.delenv("LONGDAN_FLAG", raising=False)
    assert StrictEnv().bool("LONGDAN_FLAG", default=True) is True
    assert StrictEnv().int("LONGDAN_NUMBER_UNSET", default=7) == 7


def test_an_unsupported_database_is_refused(monkeypatch):
    from longdan.settings import base

    monkeypatch.setattr(base, "env", StrictEnv())
    monkeypatch.setenv("DATABASE_URL", "mysql://u:p@localhost/db")
    with pytest.raises(ImproperlyConfigured, match="unsupported"):
        base._database()
