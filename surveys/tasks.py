from celery import shared_task


@shared_task(soft_time_limit=10 * 60, time_limit=15 * 60)
def send_monthly_results():
    """On the first of each month at 07:00 in the department's zone: last month's results to the chief."""
    from outreach import clock

    from .services.digest import send_monthly_results as run

    with clock.in_department_time():
        return run()


@shared_task(soft_time_limit=50, time_limit=60)
def tally_survey_responses():
    """Every minute: the counted responses stored since the last run, into the results' tally."""
    from outreach import clock

    from .services.tally import tally_pending

    with clock.in_department_time():
        return tally_pending(chunks=20)
