"""Who builds, approves and reads surveys, and who works the citizens' contact requests (roles.DEFAULT_GRANTS)."""

from django.db import migrations

from outreach import roles


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
