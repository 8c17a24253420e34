"""The monthly results, computed and sent to the chief and designee (policy 000 §V.B; 001 §III.C.4).

Run on the first of each month for the month before. A ``ResultsDigest`` row per survey and month
is claimed with a conditional update before the e-mail goes, so a second run sends nothing twice.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.http import urlencode

from outreach import clock
from outreach.lib.notifications import absolute_url, notify
from outreach.models import User

from ..models import ContactRequest, ResultsDigest, Survey
from ..selectors.results import ResultsFilter, month_bounds, survey_results

HEAR_PERMISSION = "surveys.hear_of_results"


def surveys_open_during(month):
    """The surveys that took answers at some point of the month opening on ``month``."""
    last_day = clock.next_month(month) - timedelta(days=1)
    start, _end = month_bounds(month)
    return (
        Survey.objects.exclude(status=Survey.Status.NEW)
        .filter(opens_on__lte=last_day, closes_on__gte=month)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=start))
        .select_related("live_version")
    )


def summarize(survey, month):
    """The figures the e-mail carries, as plain data (stored with the digest)."""
    results = survey_results(survey, ResultsFilter(month=month))
    previous = survey_results(survey, ResultsFilter(month=clock.previous_month(month)))
    before = {result.question.key: result.mean for result in previous["questions"]}
    start, end = month_bounds(month)
    return {
        "responses": results["total"],
        "channels": [(str(bar.point.label), bar.point.value) for bar in results["by_channel"]],
        "languages": [(str(bar.point.label), bar.point.value) for bar in results["by_language"]],
        "ratings": [
            {"question": result.question.text_en, "mean": result.mean, "before": before.get(result.question.key)}
            for result in results["questions"]
            if result.chart is not None
        ],
        "top_concerns": [
            (str(bar.point.label), bar.point.value)
            for result in results["questions"]
            if result.kind == "category"
            for bar in result.bars[:3]
        ],
        "contact_requests": ContactRequest.objects.filter(
            survey=survey, created_at__gte=start, created_at__lt=end
        ).count(),
    }


def send_monthly_results(month=None):
    """Compute and send every survey's results for ``month`` (by default the month just ended)."""
    month = month or clock.previous_month(clock.today().replace(day=1))
    recipients = [
        user.email
        for user in User.objects.with_perm(HEAR_PERMISSION, backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_active=True)
        .exclude(email="")
    ]
    sent = 0
    for survey in surveys_open_during(month):
        with transaction.atomic():
            summary = summarize(survey, month)
            digest, _created = ResultsDigest.objects.get_or_create(
                survey=survey, month=month, defaults={"responses": summary["responses"], "summary": summary}
            )
            claimed = ResultsDigest.objects.filter(pk=digest.pk, sent_at__isnull=True).update(
                sent_at=timezone.now(), responses=summary["responses"], summary=summary
            )
            if not claimed:
                continue
            url = absolute_url(survey.get_results_url() + "?" + urlencode({"month": month.strftime("%Y-%m")}))
            notify(
                template="surveys/email/monthly_results",
                recipients=recipients,
                context={"survey": survey, "month": month, "summary": summary, "url": url},
            )
            sent += 1
    return sent
