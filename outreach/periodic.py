"""Every beat schedule of the product, in one place, each in the department's time zone.

django-celery-beat reads its schedules from the database: data migrations call ``schedule`` with
the names they add, so nobody clicks a schedule into the admin, and a department moving to another
zone moves them all (``services.reminders.keep_schedule_in_zone``). Crontab fields, https://crontab.guru.
"""

# name -> (task, crontab fields)
SCHEDULES = {
    # 07:00 every day: https://crontab.guru/#0_7_*_*_*
    "Action plan reminders, each morning": ("outreach.tasks.send_plan_reminders", {"minute": "0", "hour": "7"}),
    # Every minute: https://crontab.guru/#*_*_*_*_*
    "Mail left in the outbox, each minute": ("outreach.tasks.send_outbox", {}),
    # Every minute: https://crontab.guru/#*_*_*_*_*
    "Survey responses into the results' tally, each minute": ("surveys.tasks.tally_survey_responses", {}),
    # 07:00 on the 1st: https://crontab.guru/#0_7_1_*_*
    "Survey results to the chief, each month": (
        "surveys.tasks.send_monthly_results",
        {"minute": "0", "hour": "7", "day_of_month": "1"},
    ),
    # 03:00 on 15 January: https://crontab.guru/#0_3_15_1_*
    "Annual citizen-concerns report, draft": (
        "reports.tasks.compile_annual_draft",
        {"minute": "0", "hour": "3", "day_of_month": "15", "month_of_year": "1"},
    ),
    # 02:00 on the 1st: https://crontab.guru/#0_2_1_*_*
    "Monthly reports, on the 1st": (
        "reports.tasks.compile_monthly_reports",
        {"minute": "0", "hour": "2", "day_of_month": "1"},
    ),
}


def schedule(apps, *names):
    """Create (or put back) the named schedules, in the department's zone: for a data migration."""
    Department = apps.get_model("outreach", "Department")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    department = Department.objects.filter(pk=1).first()
    zone = str(department.time_zone) if department else "UTC"
    for name in names:
        task, fields = SCHEDULES[name]
        crontab, _created = CrontabSchedule.objects.get_or_create(
            **{"minute": "*", "hour": "*", "day_of_week": "*", "day_of_month": "*", "month_of_year": "*", **fields},
            timezone=zone,
        )
        PeriodicTask.objects.update_or_create(name=name, defaults={"task": task, "crontab": crontab, "enabled": True})
