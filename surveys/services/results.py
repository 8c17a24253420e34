"""What the chief does about a month's results (policy 001 §III.C.4 "for review and action")."""

from django.conf import settings
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from outreach import clock
from outreach.models import Concern
from outreach.services.concerns import concern_receive

from ..models import ResultsAction
from ..selectors.results import tally_figures


def finding_figures(survey, filters, *, question, category):
    """How many counted responses answered ``question``, and how many of them named ``category``."""
    counts = tally_figures(survey, filters).get(question.key, {})
    return counts.get("a", 0), counts.get(f"c{category.pk}", 0)


@transaction.atomic
def finding_concern(*, survey, filters, question, category, area_command, by):
    """Open a concern (source "survey") from a category the citizens named, and record it as the action taken.

    The concern says where it comes from in the department's language, with the figures it was
    opened on; the action is filed under the month read, or this month when every month was.
    """
    answered, named = finding_figures(survey, filters, question=question, category=category)
    month = filters.month or clock.today().replace(day=1)
    with override(settings.LANGUAGE_CODE):
        period = date_format(filters.month, "YEAR_MONTH_FORMAT") if filters.month else _("every month so far")
        description = _(
            "Survey “%(title)s”, %(period)s: %(named)s of %(answered)s respondents (%(share)s%%) named %(category)s "
            "when asked “%(question)s”."
        ) % {
            "title": survey.title,
            "period": period,
            "named": named,
            "answered": answered,
            "share": round(100 * named / answered) if answered else 0,
            "category": str(category),
            "question": question.text,
        }
    concern = concern_receive(
        concern=Concern(
            received_on=clock.today(),
            source=Concern.Source.SURVEY,
            category=category,
            description=description,
            area_command=area_command,
        ),
        by=by,
    )
    ResultsAction.objects.create(survey=survey, month=month, note=description, concern=concern, by=by)
    return concern
