"""Build the results' tally again from the responses and answers, survey by survey.

    python manage.py tally_survey_responses               # every survey
    python manage.py tally_survey_responses --survey 11   # one survey

Idempotent: each survey's tally rows are deleted and counted again from its counted responses in one
transaction (INSERT … SELECT … GROUP BY). Run it after loading responses by other means than the
application (a bulk seed), or after the department's time zone changes (the tally's days are local).
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from outreach import clock
from surveys.models import Survey
from surveys.services.tally import tally_rebuild


class Command(BaseCommand):
    help = "Build the survey results' tally again from the counted responses (every survey, or one)."

    def add_arguments(self, parser):
        parser.add_argument("--survey", type=int, action="append", help="A survey's number; repeat for several.")

    def handle(self, *args, survey=None, **options):
        surveys = Survey.objects.order_by("pk")
        if survey:
            surveys = surveys.filter(pk__in=survey)
        with clock.in_department_time():
            for pk in surveys.values_list("pk", flat=True):
                started = time.monotonic()
                rows = tally_rebuild(pk)
                self.stdout.write(f"Survey {pk}: {rows} tally rows in {time.monotonic() - started:.1f} s")
        if not connection.in_atomic_block:
            # The results page reads the tally by index only: that wants its visibility map set, and fresh statistics.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE) surveys_surveytally")
                cursor.execute("ANALYZE surveys_response")
        self.stdout.write(self.style.SUCCESS("The results' tally is built."))
