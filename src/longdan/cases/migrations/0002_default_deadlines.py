"""The shipped default deadlines (a row per category, no station). Stations change them in the admin."""

from django.db import migrations

# A copy, not an import: a migration must keep meaning what it meant when written.
DEFAULTS = {
    "land": 30,
    "social_welfare": 15,
    "security_order": 7,
    "infrastructure": 15,
    "environment": 15,
    "fishing_sea": 15,
    "legal": 15,
    "livelihood_loans": 15,
    "health": 15,
    "education": 15,
    "other": 15,
}


def add_defaults(apps, schema_editor):
    deadline = apps.get_model("cases", "CategoryDeadline")
    for category, days in DEFAULTS.items():
        deadline.objects.get_or_create(station=None, category=category, defaults={"days": days})


def remove_defaults(apps, schema_editor):
    apps.get_model("cases", "CategoryDeadline").objects.filter(station=None, category__in=DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
