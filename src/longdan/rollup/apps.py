from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RollupConfig(AppConfig):
    name = "longdan.rollup"
    verbose_name = _("Monthly rollup")
