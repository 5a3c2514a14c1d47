"""The Border Guard's unit tree, the communes each station answers for, and party cells."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import FoldedKeyField, NormalizedCharField, SortKeyField
from longdan.core.models import TimeStampedModel

from .querysets import UnitQuerySet


class UnitKind(models.TextChoices):
    HQ = "hq", _("National HQ")
    PROVINCE_COMMAND = "province_command", _("Provincial command")
    STATION = "station", _("Border guard station")
    FLOTILLA = "flotilla", _("Flotilla")
    TEAM = "team", _("Team")


# Units whose members take charge of households and whose area is a set of communes.
FIELD_UNIT_KINDS = (UnitKind.STATION, UnitKind.FLOTILLA)


class Unit(TimeStampedModel):
    """A node of the tree: Bộ Tư lệnh BĐBP → Bộ Chỉ huy BĐBP tỉnh → Đồn / Hải đội → Đội.

    `path` is a materialised path of ids ("/1/4/17/") so "this unit and everything
    under it" is one indexed prefix match, kept by the services that create and move units.
    """

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = NormalizedCharField(_("name"), max_length=160)
    name_folded = FoldedKeyField(source="name")
    name_sort = SortKeyField(source="name")
    kind = models.CharField(_("kind"), max_length=24, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    path = models.CharField(_("path"), max_length=255, db_index=True, editable=False, default="")
    province = models.ForeignKey(
        "geo.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="border_units",
        limit_choices_to={"level": "province", "valid_to__isnull": True},
        verbose_name=_("province"),
    )
    area = models.ManyToManyField(
        "geo.AdminUnit",
        through="UnitArea",
        through_fields=("unit", "commune"),
        related_name="responsible_units",
        blank=True,
        verbose_name=_("area of responsibility"),
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def subtree_ids(self) -> list[int]:
        return list(Unit.objects.filter(path__startswith=self.path).values_list("id", flat=True))

    def ancestors(self) -> "models.QuerySet[Unit]":
        ids = [int(part) for part in self.path.strip("/").split("/") if part]
        return Unit.objects.filter(id__in=ids).order_by("path")

    def province_command(self) -> "Unit | None":
        return self.ancestors().filter(kind=UnitKind.PROVINCE_COMMAND).first()


class UnitArea(models.Model):
    """A commune (current unit) in a station's area of responsibility."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="area_links", verbose_name=_("unit")
    )
    commune = models.ForeignKey(
        "geo.AdminUnit",
        on_delete=models.PROTECT,
        related_name="area_links",
        limit_choices_to={"level": "commune", "valid_to__isnull": True},
        verbose_name=_("commune"),
    )
    legacy_commune = models.ForeignKey(
        "geo.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legacy_area_links",
        limit_choices_to={"level": "commune", "valid_to__isnull": False},
        verbose_name=_("former commune"),
        help_text=_("When the station covers only the part of the commune that was this former commune."),
    )

    class Meta:
        verbose_name = _("area commune")
        verbose_name_plural = _("area communes")
        constraints = [
            models.UniqueConstraint(fields=["unit", "commune", "legacy_commune"], name="unitarea_unique"),
        ]

    def __str__(self) -> str:
        if self.legacy_commune_id:
            return f"{self.commune} ({_('former')} {self.legacy_commune})"
        return str(self.commune)


class CellKind(models.TextChoices):
    UNIT = "unit", _("Unit cell")
    HAMLET = "hamlet", _("Hamlet cell")


class PartyCell(TimeStampedModel):
    """A party cell: of a unit (chi bộ đồn, đội), or of a hamlet (chi bộ ấp, khóm) that station members attend."""

    name = NormalizedCharField(_("name"), max_length=160)
    name_folded = FoldedKeyField(source="name")
    kind = models.CharField(_("kind"), max_length=16, choices=CellKind.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="cells", verbose_name=_("unit")
    )
    hamlet = models.OneToOneField(
        "geo.Hamlet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cell",
        verbose_name=_("hamlet"),
    )
    secretary_name = NormalizedCharField(_("secretary"), max_length=128, blank=True)

    class Meta:
        verbose_name = _("party cell")
        verbose_name_plural = _("party cells")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="unit") & Q(unit__isnull=False) & Q(hamlet__isnull=True))
                | (Q(kind="hamlet") & Q(hamlet__isnull=False)),
                name="partycell_kind_matches_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.name
