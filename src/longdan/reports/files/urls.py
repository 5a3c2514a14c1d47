from django.urls import path

from . import views

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("<int:pk>/", views.report_progress, name="report-progress"),
    path("<int:pk>/download/", views.report_download, name="report-download"),
    path("schedules/new/", views.report_schedule_new, name="report-schedule-new"),
    path("schedules/<int:pk>/stop/", views.report_schedule_stop_view, name="report-schedule-stop"),
]
