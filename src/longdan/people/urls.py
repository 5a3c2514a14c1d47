from django.urls import path

from . import views

urlpatterns = [
    path("members/<int:pk>/", views.member_detail, name="member-detail"),
]
