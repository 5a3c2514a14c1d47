"""Party members of border-guard units: the people who take charge of households."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import FoldedKeyField, NormalizedCharField, SortKeyField
from longdan.core.models import TimeStampedModel

from .querysets import MemberQuerySet


class Rank(models.TextChoices):
    """Cấp bậc, from the lowest NCO rank up; the order of the choices is the order of seniority."""

    HA_SI = "ha_si", _("Hạ sĩ")
    TRUNG_SI = "trung_si", _("Trung sĩ")
    THUONG_SI = "thuong_si", _("Thượng sĩ")
    THIEU_UY_CN = "thieu_uy_cn", _("Thiếu úy chuyên nghiệp")
    TRUNG_UY_CN = "trung_uy_cn", _("Trung úy chuyên nghiệp")
    THUONG_UY_CN = "thuong_uy_cn", _("Thượng úy chuyên nghiệp")
    DAI_UY_CN = "dai_uy_cn", _("Đại úy chuyên nghiệp")
    THIEU_TA_CN = "thieu_ta_cn", _("Thiếu tá chuyên nghiệp")
    TRUNG_TA_CN = "trung_ta_cn", _("Trung tá chuyên nghiệp")
    THUONG_TA_CN = "thuong_ta_cn", _("Thượng tá chuyên nghiệp")
    THIEU_UY = "thieu_uy", _("Thiếu úy")
    TRUNG_UY = "trung_uy", _("Trung úy")
    THUONG_UY = "thuong_uy", _("Thượng úy")
    DAI_UY = "dai_uy", _("Đại úy")
    THIEU_TA = "thieu_ta", _("Thiếu tá")
    TRUNG_TA = "trung_ta", _("Trung tá")
    THUONG_TA = "thuong_ta", _("Thượng tá")
    DAI_TA = "dai_ta", _("Đại tá")
    THIEU_TUONG = "thieu_tuong", _("Thiếu tướng")


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    TRANSFERRED = "transferred", _("Transferred")
    RETIRED = "retired", _("Retired")


class Language(models.TextChoices):
    VIETNAMESE = "vi", _("Vietnamese")
    KHMER = "km", _("Khmer")
    CHINESE = "zh", _("Chinese")
    CHAM = "cham", _("Cham")
    HMONG = "hmn", _("Hmong")
    TAY = "tay", _("Tày")
    THAI = "thai", _("Thái")
    LAO = "lo", _("Lao")
    OTHER = "other", _("Other")


class Member(TimeStampedModel):
    """Đảng viên, cán bộ: a party member of a unit, who may take charge of households."""

    full_name = NormalizedCharField(_("full name"), max_length=128)
    name_folded = FoldedKeyField(source="full_name")
    name_sort = SortKeyField(source="full_name", person=True)
    rank = models.CharField(_("rank"), max_length=24, choices=Rank.choices)
    position = NormalizedCharField(_("position"), max_length=160, blank=True)
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="members", verbose_name=_("unit")
    )
    party_entry_date = models.DateField(_("party entry date"), null=True, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
        verbose_name=_("user account"),
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["name_sort"]
        indexes = [models.Index(fields=["unit", "status"], name="member_unit_status")]

    def __str__(self) -> str:
        return f"{self.get_rank_display()} {self.full_name}"

    def get_absolute_url(self) -> str:
        return reverse("member-detail", args=[self.pk])

    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]
