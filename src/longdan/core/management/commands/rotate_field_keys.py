"""Re-encrypt every encrypted field with the first key of FIELD_ENCRYPTION_KEYS."""

from typing import Any, cast

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils.translation import gettext as _

from longdan.core.crypto import EncryptedTextField, rotate


class Command(BaseCommand):
    help = _("Re-encrypt data at rest with the newest key (put the new key first in FIELD_ENCRYPTION_KEYS).")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        for model in apps.get_models():
            fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
            if not fields:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            # A concrete field always has a column; the stubs allow None for the abstract case.
            pk = connection.ops.quote_name(cast(str, model._meta.pk.column))
            for field in fields:
                column = connection.ops.quote_name(cast(str, field.column))
                # Raw SQL: the stored tokens, not the decrypted values the ORM would give.
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT {pk}, {column} FROM {table} WHERE {column} <> ''")
                    rows = cursor.fetchall()
                    for row_id, token in rows:
                        cursor.execute(
                            f"UPDATE {table} SET {column} = %s WHERE {pk} = %s",
                            [rotate(token), row_id],
                        )
                self.stdout.write(f"{model._meta.label}.{field.name}: {len(rows)}")
