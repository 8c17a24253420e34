from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs")

    def ready(self):
        from outreach.lib import retention

        from .models import Presentation

        # Retention (policy 003 §C.4): the requester's contact details go after the period; the
        # request stays in the counts. A report's file is a record once the report is approved.
        retention.register("programs.presentation", date_field="starts_at", area_field="area_command")
        retention.register(
            "programs.presentationrequest",
            date_field="created_at",
            area_field="area_command",
            disposal=retention.Disposal.ANONYMISE,
            personal_fields=("requester_name", "email", "phone", "message"),
        )
        retention.register(
            "programs.presentationattachment",
            date_field="uploaded_at",
            area_field="presentation__area_command",
            is_record=lambda attachment: attachment.presentation.status == Presentation.Status.APPROVED,
        )
