from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Community outreach")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
        from django.core import checks

        from .lib import audit, retention
        from .lib.middleware import start_session_clock
        from .services.retention import register_record_types
        from .views.account import say_logged_out

        # Retention (policy 003 §C.4): outreach's record types, and the check of RETENTION_YEARS.
        register_record_types()
        checks.register(retention.check_retention_settings, checks.Tags.compatibility)
        user_logged_out.connect(say_logged_out, dispatch_uid="outreach.say_logged_out")
        user_logged_in.connect(start_session_clock, dispatch_uid="outreach.start_session_clock")
        # The audit log (CJIS AU-2): log-ins, failures, log-outs, lockouts.
        user_logged_in.connect(audit.on_login, dispatch_uid="outreach.audit_login")
        user_login_failed.connect(audit.on_login_failed, dispatch_uid="outreach.audit_login_failed")
        user_logged_out.connect(audit.on_logout, dispatch_uid="outreach.audit_logout")
        user_locked_out.connect(audit.on_locked_out, dispatch_uid="outreach.audit_locked_out")
        # A removed authenticator app ends its owner's sessions.
        from django.db.models.signals import post_delete
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from .services.two_factor import on_device_deleted

        post_delete.connect(on_device_deleted, sender=TOTPDevice, dispatch_uid="outreach.two_factor_reset")
        # …and who changed whose access.
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_init, post_save

        from .models import User

        post_init.connect(audit.on_user_loaded, sender=User, dispatch_uid="outreach.audit_user_loaded")
        post_save.connect(audit.on_user_saved, sender=User, dispatch_uid="outreach.audit_user_saved")
        m2m_changed.connect(
            audit.on_group_permissions_changed,
            sender=Group.permissions.through,
            dispatch_uid="outreach.audit_group_permissions",
        )
        # Every historical row (CJIS 5.4) carries the client's address beside the user.
        from simple_history.signals import pre_create_historical_record

        from .lib import history

        pre_create_historical_record.connect(history.record_address, dispatch_uid="outreach.history_address")
