"""Install the append-only triggers (see longdan.audit.triggers).

The test settings turn them off: test databases are emptied between
transactional tests, which the triggers would rightly refuse; a test installs
them itself to prove they work.
"""

from django.conf import settings
from django.db import migrations

from longdan.audit import triggers


def forwards(apps, schema_editor):
    if getattr(settings, "LONGDAN_AUDIT_TRIGGERS", True):
        triggers.install(schema_editor.connection)


def backwards(apps, schema_editor):
    if getattr(settings, "LONGDAN_AUDIT_TRIGGERS", True):
        triggers.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
