"""Shared pages: home, log in, log out."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import home_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"home": home_for(request.user)})


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only (Django's rule): a link or a prefetch must not log anyone out."""
