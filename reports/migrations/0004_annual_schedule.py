"""Who writes the chief's recommendations (outreach.roles), and the annual draft on 15 January."""

from django.db import migrations

from outreach import periodic, roles


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


def seed(apps, schema_editor):
    periodic.schedule(apps, "Annual citizen-concerns report, draft")


class Migration(migrations.Migration):
    dependencies = [
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("reports", "0003_annual_recommendations"),
    ]

    operations = [
        migrations.RunPython(sync, migrations.RunPython.noop),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
