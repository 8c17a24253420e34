from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Citizen surveys")

    def ready(self):
        from django.db.models.signals import post_save, pre_delete

        from outreach.lib import panels, retention

        from . import panels as survey_panels
        from .services.tally import withdraw_deleted
        from .views.public import forget_pages

        # The cached public pages carry the department's footer.
        post_save.connect(forget_pages, sender="outreach.Department", dispatch_uid="surveys_forget_pages")

        # A tallied response deleted leaves the results' tally (its answers are still there before the delete).
        pre_delete.connect(withdraw_deleted, sender="surveys.Response", dispatch_uid="surveys_tally_withdraw")

        panels.register("presentation", survey_panels.presentation_panel)
        panels.register("watch_group", survey_panels.watch_group_panel)

        # Retention (policy 003 §C.4): a contact request names a citizen and no response; it goes, with
        # its attempts, once it has been closed for the period (an open one never expires).
        retention.register(
            "surveys.contactrequest",
            date_field="closed_at",
            area_field="area_command",
            disposal=retention.Disposal.DELETE,
        )
