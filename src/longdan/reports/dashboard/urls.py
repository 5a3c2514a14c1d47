from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("map/", views.map_view, name="map"),
    path("map/points.json", views.map_points, name="map-points"),
]
