from django.urls import path

from . import views

urlpatterns = [
    path("two-factor/", views.otp_verify, name="otp-verify"),
    path("two-factor/setup/", views.otp_setup, name="otp-setup"),
    path("password/done/", views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
    path(
        "password/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password-reset-confirm"
    ),
]
