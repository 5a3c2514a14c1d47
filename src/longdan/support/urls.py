from django.urls import path

from . import views

urlpatterns = [
    path("", views.support_event_list_view, name="support-event-list"),
    path("events/new/", views.support_event_new, name="support-event-new"),
    path("events/<int:pk>/", views.support_event_detail, name="support-event-detail"),
    path("benefits/", views.benefit_list_view, name="benefit-list"),
    path("benefits/new/", views.benefit_new, name="benefit-new"),
    path("benefits/<int:pk>/loan/", views.benefit_loan_advance, name="benefit-loan-advance"),
]
