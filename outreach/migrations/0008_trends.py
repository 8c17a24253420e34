"""Command staff see each area command's outreach this month and its trend on the dashboard."""

from django.db import migrations

from outreach import roles


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


class Migration(migrations.Migration):
    dependencies = [("outreach", "0007_text_limits")]

    operations = [
        migrations.AlterModelOptions(
            name="department",
            options={
                "permissions": [("view_trends", "Can see each area command's outreach this month and its trend")],
                "verbose_name": "department",
                "verbose_name_plural": "department",
            },
        ),
        migrations.RunPython(sync, migrations.RunPython.noop),
    ]
