"""Who sees and asks for which report (outreach.roles), and the monthly reports at 02:00 on the 1st."""

from django.db import migrations

from outreach import periodic, roles


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


def seed(apps, schema_editor):
    periodic.schedule(apps, "Monthly reports, on the 1st")


class Migration(migrations.Migration):
    dependencies = [
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("outreach", "0013_unit_sergeant_report_language"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(sync, migrations.RunPython.noop),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
