from django.urls import path

from . import views

urlpatterns = [
    path("requests/", views.request_list_view, name="privacy-request-list"),
    path("requests/<int:pk>/", views.request_detail, name="privacy-request-detail"),
    path("households/<int:household_id>/requests/new/", views.request_new, name="privacy-request-new"),
    path(
        "households/<int:household_id>/export/", views.household_export_view, name="privacy-household-export"
    ),
    path("households/<int:household_id>/consents/new/", views.consent_new, name="privacy-consent-new"),
    path("consents/<int:pk>/withdraw/", views.consent_withdraw_view, name="privacy-consent-withdraw"),
    path("breaches/", views.breach_list_view, name="privacy-breach-list"),
    path("breaches/new/", views.breach_new, name="privacy-breach-new"),
    path("breaches/<int:pk>/", views.breach_detail, name="privacy-breach-detail"),
]
