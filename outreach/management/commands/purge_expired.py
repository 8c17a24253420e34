"""Dispose of records past their retention period (policy 003 §C.4), or count them first.

    python manage.py purge_expired --dry-run    # what would go, per record type; changes nothing
    python manage.py purge_expired --execute    # delete or anonymise it

Only expired records that no active legal hold keeps; never one younger than three years, whatever
RETENTION_YEARS says. Each record type runs in its own transaction and writes a row of the purge log.
"""

import getpass

from django.core.management.base import BaseCommand

from outreach import clock
from outreach.lib import retention
from outreach.services.retention import disposable_types, purge


class Command(BaseCommand):
    help = "Delete or anonymise the records whose retention period has ended (policy 003 §C.4)."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="Count what would be disposed of; change nothing.")
        mode.add_argument("--execute", action="store_true", help="Delete or anonymise the expired records.")

    def handle(self, *args, dry_run=False, execute=False, **options):
        run_by = f"{_os_user()} (manage.py purge_expired)"
        for warning in retention.check_retention_settings():
            self.stderr.write(self.style.WARNING(warning.msg))
        with clock.in_department_time():
            for record_type in disposable_types():
                outcome = purge(record_type, execute=execute, run_by=run_by)
                self.stdout.write(_line(outcome, execute))
        done = "Done" if execute else "Dry run: nothing was changed"
        self.stdout.write(self.style.SUCCESS(f"{done}; each record type is in the purge log."))


def _line(outcome, execute):
    log = outcome.log
    done = retention.Disposal(outcome.record_type.disposal).label
    verb = done if execute else f"would be {done}"
    held = f", {log.held} kept by legal holds" if log.held else ""
    return f"{log.record_type}: {outcome.disposed} {verb}{held} ({log.rule}, dated before {log.cutoff:%Y-%m-%d})"


def _os_user():
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
