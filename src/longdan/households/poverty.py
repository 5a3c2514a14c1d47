"""Multidimensional poverty standards and the category they give a household.

NĐ 07/2021/NĐ-CP (2022–2025, extended to 2026): income line 1,500,000 VND per
person per month in rural areas, 2,000,000 in urban areas; a poor household is
at or below the line and lacks 3 or more of the 12 basic-service indicators;
a near-poor household is at or below the line and lacks fewer than 3; a
household of average living standard is above the line and at most 1.5 times it
(2,250,000 rural, 3,000,000 urban).

NĐ 351/2025/NĐ-CP (2026–2030, applied here from 2027): income line 2,200,000
rural and 2,800,000 urban, the same rule on deprivations, and the average band
up to 1.5 times the line. The lines are data, not code: correct them here if a
later circular changes them.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Standard(models.TextChoices):
    ND07_2021 = "nd07_2021", _("Decree 07/2021/NĐ-CP (2022–2026)")
    ND351_2025 = "nd351_2025", _("Decree 351/2025/NĐ-CP (from 2027)")


class AreaType(models.TextChoices):
    RURAL = "rural", _("Rural")
    URBAN = "urban", _("Urban")


class PovertyCategory(models.TextChoices):
    POOR = "poor", _("Poor (hộ nghèo)")
    NEAR_POOR = "near_poor", _("Near-poor (hộ cận nghèo)")
    AVERAGE = "average", _("Average living standard")
    OTHER = "other", _("Other")


# The 12 indicators of basic social services shared by both decrees: (field name, label).
DEPRIVATIONS: list[tuple[str, str | Promise]] = [
    ("lacks_employment", _("Employment")),
    ("lacks_dependents_ratio", _("Dependent persons in the household")),
    ("lacks_nutrition", _("Nutrition")),
    ("lacks_health_insurance", _("Health insurance")),
    ("lacks_adult_education", _("Adult education level")),
    ("lacks_child_schooling", _("Children's school attendance")),
    ("lacks_housing_quality", _("Housing quality")),
    ("lacks_housing_area", _("Housing area per person")),
    ("lacks_clean_water", _("Domestic water")),
    ("lacks_sanitation", _("Hygienic latrine")),
    ("lacks_telecom", _("Telecommunication services")),
    ("lacks_information_access", _("Means of access to information")),
]


@dataclass(frozen=True)
class Lines:
    rural: int
    urban: int
    poor_min_deprivations: int = 3
    average_factor: float = 1.5

    def line(self, area: str) -> int:
        return self.urban if area == AreaType.URBAN else self.rural


LINES = {
    Standard.ND07_2021: Lines(rural=1_500_000, urban=2_000_000),
    Standard.ND351_2025: Lines(rural=2_200_000, urban=2_800_000),
}


def standard_for(day: date) -> str:
    """The standard in force for an assessment made on `day`."""
    return Standard.ND351_2025 if day.year >= 2027 else Standard.ND07_2021


def categorize(*, standard: str, area: str, income_per_head: int, deprivations: int) -> str:
    """The category an assessment gives, from monthly income per person (VND) and deprivations counted."""
    lines = LINES[Standard(standard)]
    line = lines.line(area)
    if income_per_head <= line:
        if deprivations >= lines.poor_min_deprivations:
            return PovertyCategory.POOR
        return PovertyCategory.NEAR_POOR
    if income_per_head <= line * lines.average_factor:
        return PovertyCategory.AVERAGE
    return PovertyCategory.OTHER
