"""The survey CSVs: the raw responses (streamed in chunks) and the aggregates. Neither ever reads a contact request."""

from django.utils import timezone
from django.utils.translation import gettext as _

from outreach.lib.lists import csv_response
from outreach.models import AreaCommand, CrimeType, Sector

from .models import Answer, Option, PaperBatch, Question, SurveyLink, SurveyVersion
from .models.responses import Channel
from .selectors.results import labelled_questions

CHUNK_SIZE = 2000


def responses_csv(survey, filters):
    """One row per response, one column per question; several choices joined by "; "."""
    questions = labelled_questions(survey, filters.version)
    keys = [question.key for question in questions]
    options = dict(Option.objects.filter(question__version__survey=survey).values_list("pk", "text_en"))
    categories = dict(CrimeType.objects.values_list("pk", "name"))
    sectors = dict(Sector.objects.values_list("pk", "name"))
    areas = dict(AreaCommand.objects.values_list("pk", "name"))
    channels = {value: str(label) for value, label in Channel.choices}
    header = [
        _("Answered"),
        _("Channel"),
        _("Link or campaign"),
        _("Paper batch"),
        _("Language"),
        _("Version"),
        _("Area command"),
        *[question.text_en for question in questions],
    ]
    # Every label is read once for the survey, never per row: a busy survey has 200,000 responses.
    links = {
        link.pk: str(link)
        for link in SurveyLink.objects.filter(survey=survey).select_related(
            "presentation__program", "watch_meeting__group"
        )
    }
    batches = dict(PaperBatch.objects.filter(survey=survey).values_list("pk", "name"))
    versions = dict(SurveyVersion.objects.filter(survey=survey).values_list("pk", "number"))
    asked = Question.objects.filter(version__survey=survey).values_list("pk", "key", "kind")
    asked = {pk: (key, kind) for pk, key, kind in asked}
    yes, no = _("Yes"), _("No")
    zone = timezone.get_current_timezone()
    responses = (
        filters.responses(survey)
        .order_by("pk")
        .values_list(
            "pk", "submitted_at", "channel", "link_id", "batch_id", "language", "version_id", "area_command_id"
        )
    )

    def rows():
        last = 0
        while True:
            chunk = list(responses.filter(pk__gt=last)[:CHUNK_SIZE])
            if not chunk:
                return
            last = chunk[-1][0]
            values = {}
            answers = (
                Answer.objects.filter(response__in=[row[0] for row in chunk])
                .order_by("pk")
                .values_list("response", "question", "option", "number", "text", "category", "sector")
            )
            for response_id, question_id, option, number, text, category, sector in answers:
                key, kind = asked[question_id]
                if option:
                    value = options.get(option, "")
                elif category:
                    value = categories.get(category, "")
                elif sector:
                    value = sectors.get(sector, "")
                elif kind == Question.Kind.YES_NO:
                    value = yes if number else no
                elif number is not None:
                    value = str(number)
                else:
                    value = text
                values.setdefault(response_id, {}).setdefault(key, []).append(value)
            for pk, submitted_at, channel, link_id, batch_id, language, version_id, area_id in chunk:
                answered = values.get(pk, {})
                yield [
                    submitted_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                    channels.get(channel, channel),
                    links.get(link_id, ""),
                    batches.get(batch_id, ""),
                    language,
                    versions.get(version_id, ""),
                    areas.get(area_id, ""),
                    *["; ".join(answered.get(key, ())) for key in keys],
                ]

    return csv_response(f"survey-{survey.slug}-responses", header, rows())


def aggregates_csv(survey, results):
    """The results page's figures: one row per question and value."""
    header = [_("Question"), _("Answer"), _("Count"), _("Share of those who answered (%)"), _("Mean")]

    def rows():
        yield [_("Responses"), "", results["total"], "", ""]
        for result in results["questions"]:
            text = result.question.text_en
            if result.chart is not None:
                for column in result.chart.columns:
                    share = round(100 * column.point.value / result.answered) if result.answered else 0
                    yield [text, column.point.long_label or column.point.label, column.point.value, share, result.mean]
            for bar in result.bars:
                share = round(100 * bar.point.value / result.answered) if result.answered else 0
                yield [text, bar.point.label, bar.point.value, share, ""]
            if result.kind in Question.TEXT_KINDS:
                yield [text, _("(typed answers)"), result.answered, "", ""]

    return csv_response(f"survey-{survey.slug}-results", header, rows())
