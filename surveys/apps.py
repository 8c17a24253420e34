from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Citizen surveys")

    def ready(self):
        from outreach.lib import panels

        from . import panels as survey_panels

        panels.register("presentation", survey_panels.presentation_panel)
        panels.register("watch_group", survey_panels.watch_group_panel)
