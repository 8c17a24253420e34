"""Each survey's results to the chief and designee on the first of every month, 07:00 where the department is."""

from django.db import migrations

from outreach import roles

RESULTS_TASK = "surveys.tasks.send_monthly_results"


def sync(apps, schema_editor):
    roles.sync_default_grants(apps)


def seed(apps, schema_editor):
    Department = apps.get_model("outreach", "Department")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    department = Department.objects.filter(pk=1).first()
    zone = str(department.time_zone) if department else "UTC"
    crontab, _created = CrontabSchedule.objects.get_or_create(
        minute="0", hour="7", day_of_week="*", day_of_month="1", month_of_year="*", timezone=zone
    )
    PeriodicTask.objects.update_or_create(
        name="Survey results to the chief, each month",
        defaults={"task": RESULTS_TASK, "crontab": crontab, "enabled": True},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("outreach", "0012_reporter_for_who_works"),
        ("surveys", "0002_roles"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="resultsdigest",
            options={
                "ordering": ["survey", "-month"],
                "permissions": [("hear_of_results", "Is e-mailed each survey's results every month")],
                "verbose_name": "monthly results",
                "verbose_name_plural": "monthly results",
            },
        ),
        migrations.RunPython(sync, migrations.RunPython.noop),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
