import pytest
from django.db import DatabaseError, connection, transaction

from longdan.audit import triggers
from longdan.audit.models import AppendOnlyError, AuditAction, AuditEntry
from longdan.audit.services import audit_change, audit_read, snapshot

pytestmark = pytest.mark.django_db


def test_it_records_a_read_with_its_reason(world):
    entry = audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh nguồn tin")
    assert entry.action == AuditAction.READ
    assert entry.actor_username == "commander-a"
    assert entry.object_type == "households.household"
    assert AuditEntry.objects.for_object(world.household_a).get().reason == "Xác minh nguồn tin"


def test_an_update_keeps_only_what_changed(world):
    before = snapshot(world.household_a)
    world.household_a.phone = "0912345678"
    entry = audit_change(
        actor=world.commander_a, obj=world.household_a, before=before, after=snapshot(world.household_a)
    )
    assert entry.changes == {"before": {"phone": ""}, "after": {"phone": "0912345678"}}


def test_the_application_cannot_edit_or_delete_rows(world):
    entry = audit_read(actor=world.commander_a, obj=world.household_a)
    entry.reason = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_the_database_refuses_edits_underneath(world):
    # Test databases run without the triggers (they are flushed between tests); install them here.
    triggers.install(connection)
    audit_read(actor=world.commander_a, obj=world.household_a)
    rows = AuditEntry.objects.count()  # the world's units and members are audited too
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET reason = 'x'")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.count() == rows
    assert AuditEntry.objects.filter(reason="x").count() == 0


def test_the_request_address_is_recorded(world, client):
    from longdan.audit.context import AuditContextMiddleware

    captured = {}

    def view(request):
        captured["entry"] = audit_read(actor=world.commander_a, obj=world.household_a)
        from django.http import HttpResponse

        return HttpResponse()

    from django.test import RequestFactory

    request = RequestFactory().get("/households/1/", REMOTE_ADDR="10.1.2.3")
    AuditContextMiddleware(view)(request)
    assert captured["entry"].ip == "10.1.2.3"
    assert captured["entry"].path == "/households/1/"
