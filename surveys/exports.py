"""The survey CSVs: the raw responses (streamed in chunks) and the aggregates. Neither ever reads a contact request."""

from django.utils import timezone
from django.utils.translation import gettext as _

from outreach.lib.lists import csv_response
from outreach.models import AreaCommand, CrimeType, Sector

from .models import Answer, Option, Question
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
    channels = dict(Channel.choices)
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
    responses = filters.responses(survey).select_related("link", "batch", "version").order_by("pk")

    def rows():
        last = 0
        while True:
            chunk = list(responses.filter(pk__gt=last)[:CHUNK_SIZE])
            if not chunk:
                return
            last = chunk[-1].pk
            values = {}
            answers = (
                Answer.objects.filter(response__in=[response.pk for response in chunk])
                .order_by("pk")
                .values_list(
                    "response", "question__key", "question__kind", "option", "number", "text", "category", "sector"
                )
            )
            for response_id, key, kind, option, number, text, category, sector in answers:
                if option:
                    value = options.get(option, "")
                elif category:
                    value = categories.get(category, "")
                elif sector:
                    value = sectors.get(sector, "")
                elif kind == Question.Kind.YES_NO:
                    value = _("Yes") if number else _("No")
                elif number is not None:
                    value = number
                else:
                    value = text
                values.setdefault(response_id, {}).setdefault(key, []).append(str(value))
            for response in chunk:
                answered = values.get(response.pk, {})
                yield [
                    timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M"),
                    channels.get(response.channel, response.channel),
                    str(response.link) if response.link_id else "",
                    response.batch.name if response.batch_id else "",
                    response.language,
                    response.version.number,
                    areas.get(response.area_command_id, ""),
                    *["; ".join(answered.get(key, [])) for key in keys],
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
