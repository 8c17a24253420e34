"""Print the code the demo's authenticator app shows now: every demo user logs in with it."""

from django.core.management.base import BaseCommand

from outreach.demo.two_factor import demo_code, demo_key_for_typing


class Command(BaseCommand):
    requires_system_checks = []
    help = "Print the demo users' two-factor code of this moment (the demo's published authenticator key)."

    def handle(self, *args, **options):
        self.stdout.write(demo_code())
        self.stderr.write(f"Good for about 30 seconds. The demo key, for an authenticator app: {demo_key_for_typing()}")
