from django.urls import path

from . import views

urlpatterns = [
    path("households/", views.household_list_view, name="household-list"),
    path("households/<int:pk>/", views.household_detail, name="household-detail"),
]
