from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("longdan.api.urls")),
    path("account/", include("longdan.accounts.urls")),
    path("audit/", include("longdan.audit.urls")),
    path("cases/", include("longdan.cases.urls")),
    path("tips/", include("longdan.intel.urls")),
    path("support/", include("longdan.support.urls")),
    path("privacy/", include("longdan.privacy.urls")),
    path("reports/files/", include("longdan.reports.files.urls")),
    path("reports/", include("longdan.reports.dashboard.urls")),
    path("", include("longdan.web.urls")),
    path("", include("longdan.fieldwork.urls")),
    path("", include("longdan.households.urls")),
    path("", include("longdan.people.urls")),
]
