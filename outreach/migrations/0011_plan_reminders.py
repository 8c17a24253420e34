"""Plan reminders: once per concern (or plan) and step; who hears of late plans; the 07:00 run in the department's zone.

A new install has the schedule: django-celery-beat reads it from the database.
"""

import django.db.models.deletion
from django.db import migrations, models

from outreach import roles

REMINDER_TASK = "outreach.tasks.send_plan_reminders"


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


def seed(apps, schema_editor):
    """Each morning at 07:00 where the department is."""
    Department = apps.get_model("outreach", "Department")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    department = Department.objects.filter(pk=1).first()
    zone = str(department.time_zone) if department else "UTC"
    crontab, _created = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="*", month_of_year="*", timezone=zone
    )
    PeriodicTask.objects.update_or_create(
        name="Action plan reminders, each morning",
        defaults={"task": REMINDER_TASK, "crontab": crontab, "enabled": True},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("outreach", "0010_plans_and_projects"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="actionplan",
            options={
                "ordering": ["due_on", "pk"],
                "permissions": [
                    ("review_actionplan", "Can approve or return the action plans of one's area command"),
                    ("oversee_actionplan", "Can follow every action plan of the area command, not only one's own"),
                    ("hear_of_overdue_actionplan", "Is e-mailed when an action plan of one's area is overdue"),
                    ("hear_of_late_actionplan", "Is e-mailed when an action plan of one's area is five days overdue"),
                ],
                "verbose_name": "action plan",
                "verbose_name_plural": "action plans",
            },
        ),
        migrations.RemoveConstraint(
            model_name="planreminder",
            name="outreach_planreminder_once_per_step",
        ),
        migrations.AddField(
            model_name="planreminder",
            name="concern",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reminders",
                to="outreach.concern",
            ),
        ),
        migrations.AlterField(
            model_name="concernevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("received", "Received"),
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
        migrations.AlterField(
            model_name="planreminder",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reminders",
                to="outreach.actionplan",
            ),
        ),
        migrations.AddConstraint(
            model_name="planreminder",
            constraint=models.UniqueConstraint(
                condition=models.Q(("concern__isnull", False)),
                fields=("concern", "step"),
                name="outreach_planreminder_once_per_concern_step",
            ),
        ),
        migrations.AddConstraint(
            model_name="planreminder",
            constraint=models.UniqueConstraint(
                condition=models.Q(("concern__isnull", True)),
                fields=("plan", "step"),
                name="outreach_planreminder_once_per_plan_step",
            ),
        ),
        migrations.AddConstraint(
            model_name="planreminder",
            constraint=models.CheckConstraint(
                condition=models.Q(("concern__isnull", False), ("plan__isnull", False), _connector="OR"),
                name="outreach_planreminder_has_subject",
            ),
        ),
        migrations.RunPython(sync, migrations.RunPython.noop),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
