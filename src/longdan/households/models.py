"""Households in the border area, their residents and their dated poverty assessments."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import FoldedKeyField, NormalizedCharField, NormalizedTextField, SortKeyField
from longdan.core.models import TimeStampedModel

from .poverty import DEPRIVATIONS, AreaType, PovertyCategory, Standard
from .querysets import HouseholdQuerySet, ScopedByHouseholdQuerySet


class Priority(models.TextChoices):
    NORMAL = "normal", _("Normal")
    PRIORITY = "priority", _("Priority")


class Household(TimeStampedModel):
    """Hộ gia đình: one household in a hamlet, in the area of one station.

    `station` and `commune` are carried on the row (from the hamlet and the station's
    area when the household is created) so scoping and indicators never walk the
    hamlet → commune → area chain. `poverty_category` mirrors the latest assessment.
    """

    code = models.CharField(_("household code"), max_length=32)
    head_name = NormalizedCharField(_("head of household"), max_length=128)
    name_folded = FoldedKeyField(source="head_name")
    name_sort = SortKeyField(source="head_name", person=True)
    hamlet = models.ForeignKey(
        "geo.Hamlet", on_delete=models.PROTECT, related_name="households", verbose_name=_("hamlet")
    )
    commune = models.ForeignKey(
        "geo.AdminUnit",
        on_delete=models.PROTECT,
        related_name="households",
        editable=False,
        verbose_name=_("commune"),
    )
    station = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="households", verbose_name=_("station")
    )
    address = NormalizedCharField(_("address"), max_length=255, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    # Sensitive under the personal data law: shown only to roles that hold the right.
    ethnicity = NormalizedCharField(_("ethnicity"), max_length=64, blank=True)
    religion = NormalizedCharField(_("religion"), max_length=64, blank=True)
    livelihood = NormalizedCharField(_("livelihood"), max_length=255, blank=True)
    is_policy_family = models.BooleanField(_("policy family"), default=False)
    has_difficult_circumstances = models.BooleanField(_("difficult circumstances"), default=False)
    priority = models.CharField(
        _("priority"), max_length=16, choices=Priority.choices, default=Priority.NORMAL
    )
    poverty_category = models.CharField(
        _("poverty status"), max_length=16, choices=PovertyCategory.choices, blank=True, editable=False
    )
    poverty_assessed_on = models.DateField(_("poverty status since"), null=True, blank=True, editable=False)
    notes = NormalizedTextField(_("notes"), blank=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["name_sort"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "code"], name="household_code_unique_in_commune")
        ]
        indexes = [
            models.Index(fields=["station", "name_sort"], name="household_station_sort"),
            models.Index(fields=["commune", "name_sort"], name="household_commune_sort"),
        ]

    def __str__(self) -> str:
        return self.head_name

    def get_absolute_url(self) -> str:
        return reverse("household-detail", args=[self.pk])


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Relation(models.TextChoices):
    HEAD = "head", _("Head")
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    GRANDCHILD = "grandchild", _("Grandchild")
    SIBLING = "sibling", _("Sibling")
    OTHER = "other", _("Other")


class Schooling(models.TextChoices):
    NONE = "none", _("Not schooled")
    PRESCHOOL = "preschool", _("Preschool")
    PRIMARY = "primary", _("Primary school")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary school")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary school")
    VOCATIONAL = "vocational", _("Vocational")
    UNIVERSITY = "university", _("College or university")


class Resident(TimeStampedModel):
    """Nhân khẩu: a person living in a household."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="residents", verbose_name=_("household")
    )
    full_name = NormalizedCharField(_("full name"), max_length=128)
    name_folded = FoldedKeyField(source="full_name")
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    relation = models.CharField(_("relation to head"), max_length=16, choices=Relation.choices)
    schooling = models.CharField(_("schooling"), max_length=20, choices=Schooling.choices, blank=True)
    # Sensitive: the citizen identity number.
    id_number = models.CharField(_("identity number"), max_length=12, blank=True)

    objects = ScopedByHouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("resident")
        verbose_name_plural = _("residents")
        ordering = ["household", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_year__isnull=True) | models.Q(birth_year__gte=1900),
                name="resident_birth_year_plausible",
            )
        ]

    def __str__(self) -> str:
        return self.full_name


class PovertyAssessment(TimeStampedModel):
    """One dated review of a household's poverty status; the latest one is the household's status."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("household")
    )
    assessed_on = models.DateField(_("assessment date"))
    standard = models.CharField(_("standard"), max_length=16, choices=Standard.choices)
    area_type = models.CharField(_("area"), max_length=8, choices=AreaType.choices, default=AreaType.RURAL)
    income_per_head = models.PositiveIntegerField(_("income per person per month (VND)"))
    category = models.CharField(_("category"), max_length=16, choices=PovertyCategory.choices, editable=False)
    lacks_employment = models.BooleanField(_("lacks employment"), default=False)
    lacks_dependents_ratio = models.BooleanField(_("lacks: dependent persons"), default=False)
    lacks_nutrition = models.BooleanField(_("lacks nutrition"), default=False)
    lacks_health_insurance = models.BooleanField(_("lacks health insurance"), default=False)
    lacks_adult_education = models.BooleanField(_("lacks adult education"), default=False)
    lacks_child_schooling = models.BooleanField(_("lacks children's schooling"), default=False)
    lacks_housing_quality = models.BooleanField(_("lacks housing quality"), default=False)
    lacks_housing_area = models.BooleanField(_("lacks housing area"), default=False)
    lacks_clean_water = models.BooleanField(_("lacks clean water"), default=False)
    lacks_sanitation = models.BooleanField(_("lacks hygienic latrine"), default=False)
    lacks_telecom = models.BooleanField(_("lacks telecommunication"), default=False)
    lacks_information_access = models.BooleanField(_("lacks access to information"), default=False)
    note = NormalizedTextField(_("note"), blank=True)

    objects = ScopedByHouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("poverty assessment")
        verbose_name_plural = _("poverty assessments")
        ordering = ["household", "-assessed_on", "-id"]
        indexes = [models.Index(fields=["household", "assessed_on"], name="assessment_household_date")]

    def __str__(self) -> str:
        return f"{self.household} — {self.assessed_on:%d/%m/%Y}: {self.get_category_display()}"

    def deprivation_count(self) -> int:
        return sum(1 for name, _label in DEPRIVATIONS if getattr(self, name))
