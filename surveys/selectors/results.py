"""A survey's results: every figure an aggregate in SQL, a fixed number of queries whatever the responses.

Results read the counted responses only (a paper batch counts once settled). Across versions a
question is the same question when it keeps its ``key``; an option likewise. The labels are the
newest version's among those read.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from outreach import clock
from outreach.lib.charts import Point, bar_list, column_chart
from outreach.models import AreaCommand, CrimeType, Sector

from ..models import Answer, Question, Response
from ..models.responses import Channel

Kind = Question.Kind
TREND_MONTHS = 12


@dataclass
class ResultsFilter:
    """What the results are read for: a month or every month, and optionally one area, channel, version."""

    month: object = None  # the first day of a month, or None for the survey's whole run
    area_command: AreaCommand | None = None
    channel: str = ""
    version: object = None  # a SurveyVersion, or None for every version
    language: str = ""
    since: object = None  # the first and last day of a range of dates (within the month, if one is chosen)
    until: object = None

    def responses(self, survey):
        responses = Response.objects.counted().filter(survey=survey)
        if self.month is not None:
            start, end = month_bounds(self.month)
            responses = responses.filter(submitted_at__gte=start, submitted_at__lt=end)
        if self.since is not None:
            responses = responses.filter(submitted_at__gte=day_start(self.since))
        if self.until is not None:
            responses = responses.filter(submitted_at__lt=day_start(self.until + timedelta(days=1)))
        if self.area_command is not None:
            responses = responses.filter(area_command=self.area_command)
        if self.channel:
            responses = responses.filter(channel=self.channel)
        if self.version is not None:
            responses = responses.filter(version=self.version)
        if self.language:
            responses = responses.filter(language=self.language)
        return responses.order_by()


def day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_current_timezone())


def month_bounds(first):
    """The month opening on ``first`` as two aware moments in the active (department's) zone."""
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(first, time.min), zone)
    end = timezone.make_aware(datetime.combine(clock.next_month(first), time.min), zone)
    return start, end


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    # A rating's or a yes/no's count per value; a choice's count per option key; categories, neighborhoods.
    counts: dict = field(default_factory=dict)
    mean: float | None = None
    bars: tuple = ()
    chart: object = None
    # A category question's categories, most named first: ((pk, label, count), ...), to open a concern from.
    findings: tuple = ()

    @property
    def kind(self):
        return self.question.kind


def _share(count, total):
    return round(100 * count / total) if total else 0


def _spoken(count, total):
    return ngettext("%(count)s answer, %(share)s%%", "%(count)s answers, %(share)s%%", count) % {
        "count": number_format(count, force_grouping=True),
        "share": _share(count, total),
    }


def _points(pairs, total):
    return bar_list(Point(label=label, value=count, spoken=_spoken(count, total)) for label, count in pairs)


def labelled_questions(survey, version=None):
    """One question per key, labelled by the newest version read: [Question], in the newest order."""
    versions = [version] if version is not None else list(survey.versions.exclude(status="draft").order_by("-number"))
    seen, questions = set(), []
    for each in versions:
        for question in Question.objects.filter(version=each).prefetch_related("options").order_by("position"):
            if question.key not in seen:
                seen.add(question.key)
                questions.append(question)
    return questions


def survey_results(survey, filters):
    """Every figure of the results page for ``filters``."""
    responses = filters.responses(survey)
    questions = labelled_questions(survey, filters.version)
    answers = Answer.objects.filter(response__in=responses.values("pk")).order_by()
    total = responses.count()

    by_key = {question.key: QuestionResult(question=question) for question in questions}
    for row in answers.values("question__key").annotate(n=Count("response", distinct=True)):
        if row["question__key"] in by_key:
            by_key[row["question__key"]].answered = row["n"]
    numbers = answers.filter(question__kind__in=[Kind.RATING, Kind.YES_NO], number__isnull=False)
    for row in numbers.values("question__key", "number").annotate(n=Count("pk")):
        if row["question__key"] in by_key:
            by_key[row["question__key"]].counts[row["number"]] = row["n"]
    for row in answers.filter(option__isnull=False).values("question__key", "option__key").annotate(n=Count("pk")):
        if row["question__key"] in by_key:
            by_key[row["question__key"]].counts[row["option__key"]] = row["n"]
    for row in answers.filter(category__isnull=False).values("question__key", "category").annotate(n=Count("pk")):
        if row["question__key"] in by_key:
            by_key[row["question__key"]].counts[row["category"]] = row["n"]
    for row in answers.filter(sector__isnull=False).values("question__key", "sector").annotate(n=Count("pk")):
        if row["question__key"] in by_key:
            by_key[row["question__key"]].counts[row["sector"]] = row["n"]

    categories = {c.pk: str(c) for c in CrimeType.objects.all()} if _asks(questions, Kind.CATEGORY) else {}
    sectors = {s.pk: s.name for s in Sector.objects.all()} if _asks(questions, Kind.AREA) else {}
    for result in by_key.values():
        _draw(result, categories, sectors)

    return {
        "total": total,
        "questions": list(by_key.values()),
        "by_channel": _points(_grouped(responses, "channel", dict(Channel.choices)), total),
        "by_language": _points(_grouped(responses, "language", {"en": _("English"), "es": _("Spanish")}), total),
        "by_area": _points(
            _grouped(
                responses,
                "area_command",
                {area.pk: area.name for area in AreaCommand.objects.all()},
                none_label=_("Not known"),
            ),
            total,
        ),
        "texts": [result for result in by_key.values() if result.kind in Question.TEXT_KINDS],
    }


def _asks(questions, kind):
    return any(question.kind == kind for question in questions)


def _grouped(responses, name, labels, none_label=None):
    rows = responses.values(name).annotate(n=Count("pk")).order_by("-n")
    return [(labels.get(row[name], none_label or row[name]), row["n"]) for row in rows]


def _draw(result, categories, sectors):
    question, counts, answered = result.question, result.counts, result.answered
    if question.kind == Kind.RATING:
        votes = sum(counts.values())
        result.mean = round(sum(value * n for value, n in counts.items()) / votes, 2) if votes else None
        result.chart = column_chart(
            [
                Point(
                    label=str(value),
                    value=counts.get(value, 0),
                    long_label=_rating_label(question, value),
                    spoken=_spoken(counts.get(value, 0), votes),
                )
                for value in Question.RATING_SCALE
            ],
            width=300,
            height=120,
        )
    elif question.kind == Kind.YES_NO:
        result.bars = _points([(_("Yes"), counts.get(1, 0)), (_("No"), counts.get(0, 0))], answered)
    elif question.has_options():
        result.bars = _points([(option.text, counts.get(option.key, 0)) for option in question.options.all()], answered)
    elif question.kind == Kind.CATEGORY:
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        result.bars = _points([(categories.get(pk, "?"), n) for pk, n in ranked], answered)
        result.findings = tuple((pk, categories.get(pk, "?"), n) for pk, n in ranked)
    elif question.kind == Kind.AREA:
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        result.bars = _points([(sectors.get(pk, "?"), n) for pk, n in ranked], answered)


def _rating_label(question, value):
    if value == 1 and question.low_label:
        return f"1 ({question.low_label})"
    if value == 5 and question.high_label:
        return f"5 ({question.high_label})"
    return str(value)


def survey_trend(survey, filters, *, until, questions):
    """Responses and each rating's mean per month, for the months up to ``until`` (at most a year)."""
    months = []
    first = max(survey.opens_on.replace(day=1), _months_before(until, TREND_MONTHS - 1))
    month = first
    while month <= until:
        months.append(month)
        month = clock.next_month(month)
    start, _end = month_bounds(months[0])
    _start, end = month_bounds(months[-1])
    scoped = ResultsFilter(
        area_command=filters.area_command,
        channel=filters.channel,
        version=filters.version,
        language=filters.language,
        since=filters.since,
        until=filters.until,
    )
    responses = scoped.responses(survey).filter(submitted_at__gte=start, submitted_at__lt=end)
    counts = {
        timezone.localtime(row["month"]).date() if isinstance(row["month"], datetime) else row["month"]: row["n"]
        for row in responses.annotate(month=TruncMonth("submitted_at")).values("month").annotate(n=Count("pk"))
    }
    ratings = (
        Answer.objects.filter(response__in=responses.values("pk"), question__kind=Kind.RATING, number__isnull=False)
        .annotate(month=TruncMonth("response__submitted_at"))
        .values("month", "question__key")
        .annotate(total=Count("pk"), points=Sum("number"))
        .order_by()
    )
    means = {}
    for row in ratings:
        month_of = row["month"].date() if isinstance(row["month"], datetime) else row["month"]
        means.setdefault(row["question__key"], {})[month_of] = round(row["points"] / row["total"], 2)
    labels = [date_format(month, "M") for month in months]
    chart = column_chart(
        [
            Point(
                label=label,
                value=counts.get(month, 0),
                long_label=date_format(month, "YEAR_MONTH_FORMAT"),
                spoken=ngettext("%(count)s response", "%(count)s responses", counts.get(month, 0))
                % {"count": counts.get(month, 0)},
            )
            for label, month in zip(labels, months, strict=True)
        ],
        width=max(300, 40 * len(months)),
        height=130,
    )
    ratings = [
        (question, [means.get(question.key, {}).get(month) for month in months])
        for question in questions
        if question.kind == Kind.RATING
    ]
    return {"months": months, "chart": chart, "ratings": ratings, "labels": labels}


def _months_before(first, count):
    index = first.year * 12 + first.month - 1 - count
    return first.replace(year=index // 12, month=index % 12 + 1)


def text_answers(survey, filters, *, question_key=None, search=""):
    """The typed answers, newest first, optionally one question's and holding ``search``."""
    answers = Answer.objects.filter(
        response__in=filters.responses(survey).values("pk"), question__kind__in=Question.TEXT_KINDS
    ).exclude(text="")
    if question_key:
        answers = answers.filter(question__key=question_key)
    if search:
        answers = answers.filter(text__icontains=search)
    return answers.select_related("question", "response__area_command", "concern").order_by(
        "-response__submitted_at", "pk"
    )
