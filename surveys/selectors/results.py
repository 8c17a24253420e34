"""A survey's results: every figure an aggregate in SQL, a fixed number of queries whatever the responses.

Results read the counted responses only (a paper batch counts once settled). Across versions a
question is the same question when it keeps its ``key``; an option likewise. The labels are the
newest version's among those read.

Every figure is read from the tally (``SurveyTally``, ``services.tally``) plus, live, the counted
responses not tallied yet, in one statement (``UNION ALL``), so it is exact whenever it is read.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Case, CharField, Count, F, Q, Subquery, Sum, UUIDField, Value, When
from django.db.models.functions import Cast, Concat, TruncDate, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from outreach import clock
from outreach.lib.charts import Point, bar_list, column_chart
from outreach.models import AreaCommand, CrimeType, Sector

from ..models import Answer, Question, Response, SurveyTally
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

    def untallied(self, survey):
        """The counted responses read that are not in the tally yet: few, read live."""
        return self.responses(survey).filter(tallied=False)

    def days(self):
        """The first and last day read (either None when open), the month and the range together."""
        first, last = self.since, self.until
        if self.month is not None:
            month_last = clock.next_month(self.month) - timedelta(days=1)
            first = max(first, self.month) if first else self.month
            last = min(last, month_last) if last else month_last
        return first, last

    def tally(self, survey):
        """The tally rows of the responses read: whole months' rows where whole months are read, else days'."""
        rows = SurveyTally.objects.filter(survey=survey)
        if self.area_command is not None:
            rows = rows.filter(area_command=self.area_command)
        if self.channel:
            rows = rows.filter(channel=self.channel)
        if self.version is not None:
            rows = rows.filter(version=self.version)
        if self.language:
            rows = rows.filter(language=self.language)
        return rows.filter(tally_days(*self.days())).order_by()


def tally_days(first, last):
    """Which tally rows count the days ``first`` to ``last`` (either None when open), each day once.

    The whole months inside are their month rows; the days before the first whole month and after
    the last are their day rows.
    """
    Span = SurveyTally.Span
    whole_from = None if first is None else first if first.day == 1 else clock.next_month(first.replace(day=1))
    whole_until = None if last is None else clock.next_month(last.replace(day=1))
    if last is not None and last + timedelta(days=1) != whole_until:
        whole_until = last.replace(day=1)  # the last month is read in part: its days
    if whole_from is not None and whole_until is not None and whole_from >= whole_until:
        return Q(span=Span.DAY, day__gte=first, day__lte=last)
    months = Q(span=Span.MONTH)
    if whole_from is not None:
        months &= Q(day__gte=whole_from)
    if whole_until is not None:
        months &= Q(day__lt=whole_until)
    rows = months
    if whole_from is not None and first < whole_from:
        rows |= Q(span=Span.DAY, day__gte=first, day__lt=whole_from)
    if whole_until is not None and last >= whole_until:
        rows |= Q(span=Span.DAY, day__gte=whole_until, day__lte=last)
    return rows


TEXT_KINDS = [str(kind) for kind in Question.TEXT_KINDS]
# The tally's value of an answer (``SurveyTally.value``), computed live for the responses not tallied yet.
ANSWER_VALUE = Case(
    When(option__isnull=False, then=Concat(Value("o"), Cast("option__key", CharField()))),
    When(category__isnull=False, then=Concat(Value("c"), Cast("category_id", CharField()))),
    When(sector__isnull=False, then=Concat(Value("s"), Cast("sector_id", CharField()))),
    When(
        question__kind__in=[Question.Kind.RATING, Question.Kind.YES_NO],
        number__isnull=False,
        then=Concat(Value("n"), Cast("number", CharField())),
    ),
    When(Q(question__kind__in=TEXT_KINDS) & ~Q(text=""), then=Value("t")),
    default=Value(None),
    output_field=CharField(),
)


def tally_figures(survey, filters):
    """{question key: {tally value: count}} for the responses read: the tally and the rest live, in one query."""
    untallied = Answer.objects.filter(response__in=filters.untallied(survey).values("pk")).order_by()
    rows = (
        filters.tally(survey)
        .filter(question_key__isnull=False)
        .values_list("question_key", "value")
        .annotate(n=Sum("n"))
        .union(
            untallied.annotate(key=F("question__key"), value=ANSWER_VALUE)
            .filter(value__isnull=False)
            .values_list("key", "value")
            .annotate(n=Count("pk")),
            untallied.values_list("question__key")
            .annotate(value=Value("a", output_field=CharField()), n=Count("response", distinct=True))
            .values_list("question__key", "value", "n"),
            all=True,
        )
    )
    figures = {}
    for key, value, n in rows:
        counts = figures.setdefault(key, {})
        counts[value] = counts.get(value, 0) + n
    return figures


def tally_responses(survey, filters):
    """[(area command id, channel, language, count)] of the responses read: the tally and the rest, in one query."""
    return list(
        filters.tally(survey)
        .filter(question_key__isnull=True)
        .values_list("area_command", "channel", "language")
        .annotate(n=Sum("n"))
        .union(
            filters.untallied(survey).values_list("area_command", "channel", "language").annotate(n=Count("pk")),
            all=True,
        )
    )


def _decoded(question, value):
    """A tally value as the results count it: a number, an option key, a category's or neighborhood's id."""
    kind, rest = value[0], value[1:]
    if kind == "n":
        return int(rest)
    if kind == "o":
        return uuid.UUID(rest)
    if kind in "cs":
        return int(rest)
    return None


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
    questions = labelled_questions(survey, filters.version)
    responses = tally_responses(survey, filters)
    figures = tally_figures(survey, filters)
    total = sum(n for *_dimensions, n in responses)

    by_key = {question.key: QuestionResult(question=question) for question in questions}
    for key, result in by_key.items():
        for value, n in figures.get(key, {}).items():
            if value == "a":
                result.answered = n
            elif value != "t" and n:
                result.counts[_decoded(result.question, value)] = n

    categories = {c.pk: str(c) for c in CrimeType.objects.all()} if _asks(questions, Kind.CATEGORY) else {}
    sectors = {s.pk: s.name for s in Sector.objects.all()} if _asks(questions, Kind.AREA) else {}
    for result in by_key.values():
        _draw(result, categories, sectors)

    return {
        "total": total,
        "questions": list(by_key.values()),
        "by_channel": _points(_grouped(responses, 1, dict(Channel.choices)), total),
        "by_language": _points(_grouped(responses, 2, {"en": _("English"), "es": _("Spanish")}), total),
        "by_area": _points(
            _grouped(
                responses, 0, {area.pk: area.name for area in AreaCommand.objects.all()}, none_label=_("Not known")
            ),
            total,
        ),
        "texts": [result for result in by_key.values() if result.kind in Question.TEXT_KINDS],
        # The typed answers read, per question key: the typed answers' list counts its pages with them.
        "typed": {key: counts.get("t", 0) for key, counts in figures.items() if counts.get("t")},
    }


def _asks(questions, kind):
    return any(question.kind == kind for question in questions)


def _grouped(responses, column, labels, none_label=None):
    """[(label, count)], most first, of the responses' counts by one of (area command, channel, language)."""
    counts = {}
    for row in responses:
        counts[row[column]] = counts.get(row[column], 0) + row[-1]
    ranked = sorted((item for item in counts.items() if item[1]), key=lambda item: -item[1])
    return [(labels.get(value, none_label or value), n) for value, n in ranked]


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
    last_day = clock.next_month(months[-1]) - timedelta(days=1)
    scoped = ResultsFilter(
        area_command=filters.area_command,
        channel=filters.channel,
        version=filters.version,
        language=filters.language,
        since=max(filters.since, months[0]) if filters.since else months[0],
        until=min(filters.until, last_day) if filters.until else last_day,
    )
    rating_keys = [question.key for question in questions if question.kind == Kind.RATING]
    untallied = scoped.untallied(survey)
    rows = (
        scoped.tally(survey)
        .filter(Q(question_key__isnull=True) | Q(question_key__in=rating_keys, value__startswith="n"))
        .annotate(month=TruncMonth("day"))
        .values_list("month", "question_key", "value")
        .annotate(n=Sum("n"))
        .union(
            untallied.annotate(
                month=TruncMonth(TruncDate("submitted_at")),
                key=Value(None, output_field=UUIDField()),
                value=Value("", output_field=CharField()),
            )
            .values_list("month", "key", "value")
            .annotate(n=Count("pk")),
            Answer.objects.filter(
                response__in=untallied.values("pk"),
                question__key__in=rating_keys,
                question__kind=Kind.RATING,
                number__isnull=False,
            )
            .annotate(
                month=TruncMonth(TruncDate("response__submitted_at")),
                key=F("question__key"),
                value=Concat(Value("n"), Cast("number", CharField())),
            )
            .values_list("month", "key", "value")
            .annotate(n=Count("pk")),
            all=True,
        )
    )
    counts, votes = {}, {}
    for month_of, key, value, n in rows:
        if key is None:
            counts[month_of] = counts.get(month_of, 0) + n
        else:
            total, points = votes.get((key, month_of), (0, 0))
            votes[key, month_of] = (total + n, points + n * int(value[1:]))
    means = {}
    for (key, month_of), (total, points) in votes.items():
        if total:
            means.setdefault(key, {})[month_of] = round(points / total, 2)
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
    """The typed answers, newest first (as stored), optionally one question's and holding ``search``.

    The answers are read between the first and the last response read, so the newest are found by
    walking back from the last one instead of from the newest answer of every survey.
    """
    responses = filters.responses(survey)
    answers = Answer.objects.filter(
        response__in=responses.values("pk"),
        response_id__lte=Subquery(responses.order_by("-pk").values("pk")[:1]),
        response_id__gte=Subquery(responses.order_by("pk").values("pk")[:1]),
        # By the survey's typed questions, so that the (question, response) index finds their answers
        # instead of every answer of the responses' range being read for its text.
        question__in=Question.objects.filter(version__survey=survey, kind__in=Question.TEXT_KINDS).values("pk"),
    ).exclude(text="")
    if question_key:
        answers = answers.filter(question__key=question_key)
    if search:
        answers = answers.filter(text__icontains=search)
    return answers.select_related("question", "response__area_command", "concern").order_by("-response_id", "-pk")


def typed_count(results, *, question_key=None):
    """How many typed answers ``text_answers`` lists without a search, from the results' figures."""
    if question_key:
        return results["typed"].get(question_key, 0)
    return sum(results["typed"].values())
