from django.urls import path

from . import views

urlpatterns = [
    path("", views.case_board, name="case-board"),
    path("new/", views.case_new, name="case-new"),
    path("commune/", views.case_commune_list, name="case-commune"),
    path("<int:pk>/", views.case_detail, name="case-detail"),
    path("<int:pk>/note/", views.case_note, name="case-note"),
    path("<int:pk>/<slug:action>/", views.case_move, name="case-move"),
]
