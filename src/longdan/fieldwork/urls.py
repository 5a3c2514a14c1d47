from django.urls import path

from . import views

urlpatterns = [
    path("today/", views.work_today_view, name="work-today"),
    path("households/<int:household_id>/visits/new/", views.visit_create, name="visit-create"),
    path("visits/", views.visit_list, name="visit-list"),
    path("visits/<int:pk>/", views.visit_detail, name="visit-detail"),
    path("stations/<int:station_id>/work/", views.station_work_view, name="station-work"),
    path(
        "stations/<int:station_id>/work/<int:member_id>/",
        views.station_member_work,
        name="station-member-work",
    ),
    path("stations/<int:station_id>/coverage/", views.station_coverage, name="station-coverage"),
    path("stations/<int:station_id>/cadence/", views.station_cadence, name="station-cadence"),
    path("cell-meetings/", views.cell_meeting_list, name="cellmeeting-list"),
    path("cell-meetings/new/", views.cell_meeting_create, name="cellmeeting-create"),
    path("cell-meetings/<int:pk>/", views.cell_meeting_detail, name="cellmeeting-detail"),
]
