"""Vietnam's official administrative units (current and legacy) and the hamlets users enter under them."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import FoldedKeyField, NormalizedCharField, SortKeyField

# The two-tier local government reform took effect on this day; units before it are legacy.
REFORM_DATE = date(2025, 7, 1)
LEGACY_VALID_TO = date(2025, 6, 30)


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class AdminUnitQuerySet(models.QuerySet["AdminUnit"]):
    def current(self) -> "AdminUnitQuerySet":
        return self.filter(valid_to__isnull=True)

    def legacy(self) -> "AdminUnitQuerySet":
        return self.filter(valid_to__isnull=False)

    def provinces(self) -> "AdminUnitQuerySet":
        return self.filter(level=Level.PROVINCE)

    def communes(self) -> "AdminUnitQuerySet":
        return self.filter(level=Level.COMMUNE)


class AdminUnit(models.Model):
    """An official unit (tỉnh, huyện, xã, …), keyed by its official code within its level and era.

    Current and legacy units reuse numbers (xã Vĩnh Hải is 31795 both before and
    after 2025), and three current communes share the name "Xã Vĩnh Hải", so a unit
    is never looked up by name alone.
    """

    code = models.CharField(_("official code"), max_length=8)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    name = NormalizedCharField(_("name"), max_length=128)
    name_folded = FoldedKeyField(source="name")
    name_sort = SortKeyField(source="name")
    division_type = models.CharField(_("division type"), max_length=32)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        through="UnitSuccession",
        symmetrical=False,
        related_name="predecessors",
        verbose_name=_("successors"),
    )

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["level", "name_sort"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code"],
                condition=Q(valid_to__isnull=True),
                name="adminunit_current_code_unique",
            ),
            models.UniqueConstraint(fields=["level", "code", "valid_to"], name="adminunit_code_era_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def full_name(self) -> str:
        """Name with its parents, e.g. "Xã Vĩnh Hải, Thành phố Cần Thơ"."""
        names = [self.name]
        parent = self.parent
        while parent is not None:
            names.append(parent.name)
            parent = parent.parent
        return ", ".join(names)


class UnitSuccession(models.Model):
    """Old unit → new unit from the 2025 reform. An old commune may map to several new ones (partly merged)."""

    predecessor = models.ForeignKey(
        AdminUnit, on_delete=models.CASCADE, related_name="succession_out", verbose_name=_("old unit")
    )
    successor = models.ForeignKey(
        AdminUnit, on_delete=models.CASCADE, related_name="succession_in", verbose_name=_("new unit")
    )
    partial = models.BooleanField(_("partly merged"), default=False)
    effective_date = models.DateField(_("effective date"), default=REFORM_DATE)

    class Meta:
        verbose_name = _("unit succession")
        verbose_name_plural = _("unit successions")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unitsuccession_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class HamletKind(models.TextChoices):
    AP = "ap", _("Hamlet (ấp)")
    KHOM = "khom", _("Quarter (khóm)")
    THON = "thon", _("Village (thôn)")
    BAN = "ban", _("Village (bản)")
    TO_DAN_PHO = "to_dan_pho", _("Residential group (tổ dân phố)")
    BUON = "buon", _("Village (buôn)")
    OTHER = "other", _("Other")


class Hamlet(models.Model):
    """Ấp, khóm, thôn, bản, tổ dân phố: not in the official code list, entered by users under a current commune."""

    name = NormalizedCharField(_("name"), max_length=128)
    name_folded = FoldedKeyField(source="name")
    name_sort = SortKeyField(source="name")
    kind = models.CharField(_("kind"), max_length=16, choices=HamletKind.choices, default=HamletKind.AP)
    commune = models.ForeignKey(
        AdminUnit,
        on_delete=models.PROTECT,
        related_name="hamlets",
        limit_choices_to={"level": Level.COMMUNE, "valid_to__isnull": True},
        verbose_name=_("commune"),
    )
    legacy_commune = models.ForeignKey(
        AdminUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legacy_hamlets",
        limit_choices_to={"level": Level.COMMUNE, "valid_to__isnull": False},
        verbose_name=_("former commune"),
        help_text=_("The commune the hamlet belonged to before 2025-07-01, kept for history."),
    )

    class Meta:
        verbose_name = _("hamlet")
        verbose_name_plural = _("hamlets")
        ordering = ["name_sort"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "name"], name="hamlet_name_unique_in_commune")
        ]

    def __str__(self) -> str:
        return self.name
