from django.urls import path

from . import views

# No id in any route: the trail is searched, never opened a row at a time for editing.
urlpatterns = [
    path("", views.audit_list, name="audit-list"),
    path("export.csv", views.audit_export, {"fmt": "csv"}, name="audit-export-csv"),
    path("export.xlsx", views.audit_export, {"fmt": "xlsx"}, name="audit-export-xlsx"),
]
