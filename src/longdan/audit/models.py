"""The append-only audit trail: changes to domain records and reads of sensitive ones.

No role can edit or delete a row through the application: the model refuses
updates and deletes, and database triggers refuse them underneath.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import FoldedKeyField
from longdan.core.scoping import get_scope


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    READ = "read", _("Read")
    EXPORT = "export", _("Exported")
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOCKOUT = "lockout", _("Locked out")


class SystemReason(models.TextChoices):
    """Reasons the system writes itself (a person's reason, e.g. for opening a tip, is stored as typed).

    The value is what is stored (rows already written keep it); the label is what pages show."""

    SECOND_FACTOR = "second factor", _("with the second factor")
    WRONG_SECOND_FACTOR = "wrong second-factor code", _("wrong second-factor code")
    THROTTLED = "second-factor code while throttled", _("second-factor code while temporarily locked")
    WRONG_SETUP_CODE = "wrong set-up code", _("wrong code when setting up the second factor")
    PASSWORD_LINK_ISSUED = "one-time password link issued", _("one-time password link issued")
    PASSWORD_SET_BY_LINK = "password set through a one-time link", _("password set through a one-time link")
    HOUSEHOLD_EXPORT = "household export", _("household data export")
    RETENTION = "retention", _("retention rule applied")


class AppendOnlyError(Exception):
    pass


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit trail is append-only.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The audit trail is append-only.")

    def for_object(self, obj: models.Model) -> "AuditEntryQuerySet":
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))

    def visible_to(self, user: Any) -> "AuditEntryQuerySet":
        """The rows `user` may read (see `audit_reach`)."""
        everything, units = audit_reach(user)
        if everything:
            return self.all()
        return self.filter(unit_id__in=units) if units else self.none()


def audit_reach(user: Any) -> tuple[bool, frozenset[int]]:
    """Who reads the trail, as (every row?, units whose rows): an administrator all of it; the province
    command (and the national HQ) the rows filed under a unit of their subtree — the records of their
    stations, and what people of their units did to records that have no unit (logins, hamlets);
    nobody else anything.

    A row is filed under the record's station when it is written (see `audit.services`), so a member's
    move later does not carry their old station's history into another province's view.
    """
    scope = get_scope(user)
    if scope.is_empty:
        return False, frozenset()
    if user.is_superuser or "admin" in scope.roles:
        return True, frozenset()
    return False, scope.units_for("province_command", "hq")


class AuditEntry(models.Model):
    """One thing that happened: who, when, from where, to which record, what changed or why it was read."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    # Kept as text too, so the row still says who it was if the account is renamed.
    actor_username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    # "sa vong" finds "Thạch Thị Sà Vọng" on the audit page. Nullable without a default, like `unit`, so
    # adding the column is a plain ALTER TABLE ADD COLUMN: SQLite would otherwise rebuild the table and
    # drop the append-only triggers with it.
    object_repr_folded = FoldedKeyField(source="object_repr", max_length=200, null=True, default=None)
    # The station (or command) the record belonged to when the row was written, else the actor's unit:
    # what the province command's view of the trail is scoped by. No database constraint and no cascade:
    # a unit removed later (the demo's reset) must not touch, nor be blocked by, the trail.
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the (unit, at) index below serves it
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)
    path = models.CharField(_("page"), max_length=255, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "at"], name="audit_object_at"),
            models.Index(fields=["actor", "at"], name="audit_actor_at"),
            models.Index(fields=["unit", "at"], name="audit_unit_at"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.at:%d/%m/%Y %H:%M} {self.actor_username} {self.get_action_display()} {self.object_repr}"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The audit trail is append-only.")

    @property
    def reason_display(self) -> str:
        """The reason as a page shows it: a system reason in the reader's language, a person's as typed."""
        if self.reason in SystemReason.values:
            return str(SystemReason(self.reason).label)
        return self.reason
