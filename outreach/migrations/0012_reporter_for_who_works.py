"""Records staff do not work concerns: who reported one is no longer theirs to see."""

from django.db import migrations, models

from outreach import roles


def narrow(apps, schema_editor):
    roles.revoke(apps, "outreach.view_concern_reporter", [roles.Role.RECORDS])


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0011_plan_reminders"),
    ]

    operations = [
        migrations.AlterField(
            model_name="concernevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("received", "Recorded"),
                    ("edited", "Details corrected"),
                    ("assigned", "Assigned"),
                    ("taken", "Taken by the officer"),
                    ("merged", "Merged into another concern"),
                    ("absorbed", "Another concern merged into this one"),
                    ("no_action", "Closed with no action"),
                    ("reminded", "Reminder sent"),
                ],
                max_length=20,
                verbose_name="action",
            ),
        ),
        migrations.RunPython(narrow, migrations.RunPython.noop),
    ]
