"""Reasons the system writes are shown in the reader's language; a person's reason as typed."""

from django.utils import translation

from longdan.audit.models import AuditEntry, SystemReason


def test_a_system_reason_is_shown_in_vietnamese_and_stored_as_before():
    entry = AuditEntry(reason=SystemReason.SECOND_FACTOR)
    assert entry.reason == "second factor"  # rows written before keep matching
    with translation.override("vi"):
        assert entry.reason_display == "qua xác thực hai bước"
    with translation.override("en"):
        assert entry.reason_display == "with the second factor"


def test_a_persons_reason_is_shown_as_typed():
    entry = AuditEntry(reason="Kiểm tra nguồn tin trước khi báo cáo chỉ huy")
    assert entry.reason_display == "Kiểm tra nguồn tin trước khi báo cáo chỉ huy"
