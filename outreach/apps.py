from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Community outreach")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from .lib.middleware import start_session_clock
        from .views.account import say_logged_out

        user_logged_out.connect(say_logged_out, dispatch_uid="outreach.say_logged_out")
        user_logged_in.connect(start_session_clock, dispatch_uid="outreach.start_session_clock")
