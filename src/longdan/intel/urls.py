from django.urls import path

from . import views

urlpatterns = [
    path("", views.tip_list_view, name="tip-list"),
    path("new/", views.tip_new, name="tip-new"),
    path("<int:pk>/", views.tip_detail, name="tip-detail"),
    path("<int:pk>/pass/", views.tip_step, {"action": "pass"}, name="tip-pass"),
    path("<int:pk>/assess/", views.tip_step, {"action": "assess"}, name="tip-assess"),
    path("<int:pk>/act/", views.tip_step, {"action": "act"}, name="tip-act"),
]
