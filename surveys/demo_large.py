"""The large demo's surveys (``seed_demo --scale large``): five years of the community survey, a yearly
traffic survey in one area command each spring, and about a million responses with their answers.

Each year's community survey is approved by the chief and closed at the year's end; the demo's live one
(``surveys.demo``) takes the months since. Every response answers its survey's approved version and
comes by a channel: the website, a forum's link (a presentation or a watch meeting held a few days
before), a social-media campaign, or a monthly paper or water-bill batch keyed by records staff. Answers
differ a little by area command; a few written concerns become concerns for the PACT.
"""

from collections import defaultdict
from datetime import date, timedelta
from io import StringIO

from django.core.management import call_command

from outreach.demo.large_pact import Source
from outreach.lib.references import REFERENCE_ALPHABET
from outreach.models import User

from .demo import COMMUNITY_SLUG, CONCERN_TEXTS, TRAFFIC_QUESTIONS, _version, community_survey
from .models import PaperBatch, Question, Survey, SurveyVersion
from .models.responses import CODE_LENGTH, Channel

Kind = Question.Kind
# Each area command feels a little differently: north safer, southeast less so, valley content.
MOOD = {"north": 0.5, "southeast": -0.6, "westside": 0.0, "eastside": -0.2, "central": 0.1, "valley": 0.7}
SPANISH = {"southeast": 0.4, "central": 0.3}
CHANNELS = [(Channel.WEB, 45), (Channel.FORUM, 20), (Channel.SOCIAL, 10), (Channel.PAPER, 15), (Channel.WATER_BILL, 10)]
CAMPAIGNS = [
    "Facebook: {season} safety",
    "Nextdoor: monthly update",
    "Instagram: meet your officers",
    "X: {season} survey",
]
# What each written concern is about, in the order of ``surveys.demo.CONCERN_TEXTS``.
TEXT_CATEGORIES = [
    "traffic",
    "quality_of_life",
    "vehicle_crime",
    "theft",
    "traffic",
    "drugs",
    "quality_of_life",
    "quality_of_life",
]
HOURS = [7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 20, 21, 21, 22]
BASE_RATING = {0: 4.0, 1: 2.9, 2: 3.6}
# Responses a traffic survey draws per day, next to the community survey's.
TRAFFIC_SHARE = 0.3
# Responses per forum link and the days between the event and the answers.
PER_LINK = 25


class LargeSurveys:
    @staticmethod
    def tally():
        """The responses were copied in, not stored by the application: build the results' tally; how many surveys."""
        call_command("tally_survey_responses", stdout=StringIO())
        return Survey.objects.count()

    def __init__(self, world):
        self.world = world
        load = world.loader
        self.links = load.table(
            "surveys_surveylink",
            (
                "survey_id",
                "code",
                "channel",
                "campaign",
                "presentation_id",
                "watch_meeting_id",
                "created_by_id",
                "created_at",
            ),
        )
        self.batches = load.table(
            "surveys_paperbatch",
            (
                "survey_id",
                "version_id",
                "name",
                "channel",
                "sheets",
                "double_keyed",
                "status",
                "created_by_id",
                "created_at",
                "counted_at",
            ),
        )
        self.responses = load.table(
            "surveys_response",
            [
                "survey_id",
                "version_id",
                "submitted_at",
                "language",
                "channel",
                "link_id",
                "presentation_id",
                "watch_meeting_id",
                "batch_id",
                "sheet",
                "keying",
                "keyed_by_id",
                "one_time_code_id",
                "area_command_id",
                "counted",
                "submission_key",
            ],
        )
        self.answers = load.table(
            "surveys_answer",
            ("response_id", "question_id", "option_id", "number", "text", "category_id", "sector_id", "concern_id"),
        )
        self.codes = set()

    def seed(self, concerns):
        world = self.world
        surveys = self._surveys()
        weights = [world.weight(s.opens_on, min(s.closes_on, world.today)) * share for s, share in surveys]
        total, made = world.count("responses"), 0
        self.concern_chance = world.count("survey_concerns") / (total * 0.255)
        self.concerns = concerns
        self.sector_area = {sector: area for area in world.areas for sector, _name in area.sectors}
        self.by_day = defaultdict(list)
        for presentation_id, area_id, day in world.presentations:
            self.by_day[day].append((presentation_id, None, area_id))
        for meeting_id, area_id, day in world.meetings:
            self.by_day[day].append((None, meeting_id, area_id))
        for (survey, _share), weight in zip(surveys, weights, strict=True):
            count = round(total * weight / sum(weights))
            made = self._responses(survey, count, made)
        world.progress.step(
            f"{len(surveys)} surveys, {made:,} responses, {self.answers.total:,} answers, "
            f"{self.links.total:,} forum and campaign links"
        )

    def _surveys(self):
        """(survey, share of the day's responses): one community survey a year and the yearly traffic survey."""
        world, rng = self.world, self.world.rng
        chief = User.objects.get(pk=world.chief)
        builder = User.objects.get(pk=world.records[0])
        live = Survey.objects.get(slug=COMMUNITY_SLUG)
        surveys = [(live, 1.0)]
        for year in range(world.start.year, world.today.year + 1):
            opens, closes = (
                max(world.start, date(year, 1, 1)),
                min(date(year, 12, 31), live.opens_on - timedelta(days=1)),
            )
            if opens <= closes:
                survey = community_survey(
                    builder=builder, chief=chief, opens_on=opens, closes_on=closes, slug=f"{COMMUNITY_SLUG}-{year}"
                )
                self._close(survey, closes, builder)
                surveys.append((survey, 1.0))
            area = world.areas[year % len(world.areas)]
            opens, closes = max(world.start, date(year, 3, 15)), date(year, 6, 15)
            if closes >= world.start and opens <= world.today:
                lieutenant = User.objects.get(pk=rng.choice(area.lieutenants))
                survey = Survey.objects.create(
                    slug=f"traffic-{area.code}-{year}",
                    area_command_id=area.id,
                    opens_on=opens,
                    closes_on=closes,
                    created_by=lieutenant,
                )
                version = _version(
                    survey,
                    1,
                    (f"{area.name}: traffic safety {year}", f"{area.name}: seguridad vial {year}"),
                    (
                        "Help us decide where to enforce traffic laws.",
                        "Ayúdenos a decidir dónde hacer cumplir las leyes de tránsito.",
                    ),
                    TRAFFIC_QUESTIONS,
                    status=SurveyVersion.Status.APPROVED,
                    chief=chief,
                    builder=lieutenant,
                    days_ago=(world.today - opens).days + 3,
                )
                Survey.objects.filter(pk=survey.pk).update(live_version=version, status=Survey.Status.APPROVED)
                survey.refresh_from_db()
                if closes < world.today:
                    self._close(survey, closes, lieutenant)
                surveys.append((survey, TRAFFIC_SHARE))
        return surveys

    def _close(self, survey, closes, by):
        closed_at = self.world.at(closes + timedelta(days=1), 9)
        Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.CLOSED, closed_at=closed_at, closed_by=by)
        survey.status = Survey.Status.CLOSED

    def _code(self):
        rng = self.world.rng
        while True:
            code = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in self.codes:
                self.codes.add(code)
                return code

    def _responses(self, survey, count, made):
        world, rng = self.world, self.world.rng
        version = survey.live_version
        questions = [
            (q.pk, q.kind, q.position, q.required, [o.pk for o in q.options.all()])
            for q in version.questions.prefetch_related("options").order_by("position")
        ]
        until = min(survey.closes_on, world.today)
        days = sorted(world.day(since=survey.opens_on, until=until) for _ in range(count))
        months = defaultdict(list)
        for day in days:
            months[day.replace(day=1)].append(day)
        builder = world.records[0]
        season = "spring" if survey.area_command_id else "community"
        campaigns = [
            self.links.add(
                survey.pk,
                self._code(),
                Channel.SOCIAL,
                campaign.format(season=season) + f" {survey.opens_on.year}",
                None,
                None,
                builder,
                world.at(survey.opens_on, 9),
            )
            for campaign in CAMPAIGNS
        ]
        scoped = next((a for a in world.areas if a.id == survey.area_command_id), None)
        channels = [channel for channel, _w in CHANNELS]
        weights = [weight for _c, weight in CHANNELS]
        for month, month_days in sorted(months.items()):
            drawn = rng.choices(channels, weights, k=len(month_days))
            forum = self._forum_links(survey, month, month_days[-1], drawn.count(Channel.FORUM), scoped)
            batches = {}
            for channel, label in ((Channel.PAPER, "Paper forms"), (Channel.WATER_BILL, "Water bill")):
                papers = drawn.count(channel)
                for part in range(0, papers, 10_000):
                    sheets = min(10_000, papers - part)
                    name = f"{label} · {month:%Y-%m}" + (f" · {part // 10_000 + 1}" if part else "")
                    counted = world.past(world.at(min(until, month_days[-1]) + timedelta(days=3), 16))
                    batch = self.batches.add(
                        survey.pk,
                        version.pk,
                        name,
                        channel,
                        sheets,
                        False,
                        PaperBatch.Status.COUNTED,
                        builder,
                        world.at(month, 9),
                        counted,
                    )
                    batches.setdefault(channel, []).extend((batch, sheet) for sheet in range(1, sheets + 1))
            for day, channel in zip(month_days, drawn, strict=True):
                if channel == Channel.FORUM and not forum:
                    channel = Channel.WEB
                self._response(survey, version, questions, day, channel, forum, campaigns, batches, scoped, until)
                made += 1
                if made % 100_000 == 0:
                    world.progress.note(f"{made:,} responses")
        return made

    def _forum_links(self, survey, month, last_day, wanted, scoped):
        """Links for the month's forums: presentations and watch meetings of the month (of the survey's area)."""
        world, rng = self.world, self.world.rng
        if not wanted:
            return []
        events = [
            (*event, day)
            for offset in range((last_day - month).days + 1)
            for day in [month + timedelta(days=offset)]
            for event in self.by_day.get(day, ())
            if scoped is None or event[2] == scoped.id
        ]
        links = []
        for presentation_id, meeting_id, area_id, day in rng.sample(events, min(len(events), -(-wanted // PER_LINK))):
            link = self.links.add(
                survey.pk,
                self._code(),
                Channel.FORUM,
                "",
                presentation_id,
                meeting_id,
                world.records[0],
                world.at(day, 8),
            )
            links.append((link, presentation_id, meeting_id, area_id, day))
        return links

    def _response(self, survey, version, questions, day, channel, forum, campaigns, batches, scoped, until):
        world, rng = self.world, self.world.rng
        link = presentation_id = meeting_id = event_area = batch = sheet = keyed_by = None
        if channel == Channel.FORUM:
            link, presentation_id, meeting_id, event_area, held = rng.choice(forum)
            day = max(day, held)
        elif channel == Channel.SOCIAL:
            link = rng.choice(campaigns)
        elif channel in (Channel.PAPER, Channel.WATER_BILL):
            batch, sheet = batches[channel].pop()
            keyed_by = world.records[0]
        area = scoped or world.area()
        sector = area.sector(rng)[0] if rng.random() < 0.85 else None
        area_id = area.id if sector else event_area or (scoped.id if scoped else None)
        language = "es" if rng.random() < SPANISH.get(area.code, 0.22) else "en"
        moment = world.past(world.at(day, rng.choice(HOURS), rng.randint(0, 59)))
        response_id = self.responses.add(
            survey.pk,
            version.pk,
            moment,
            language,
            channel,
            link,
            presentation_id,
            meeting_id,
            batch,
            sheet,
            1 if batch else None,
            keyed_by,
            None,
            area_id,
            True,
            None,
        )
        shift = MOOD.get(area.code, 0.0) + 0.08 * (day.year - world.start.year)
        add = self.answers.add
        for question_id, kind, position, required, options in questions:
            if not required and rng.random() < 0.15:
                continue
            if kind == Kind.RATING:
                value = round(rng.gauss(BASE_RATING.get(position - 1, 3.5) + shift, 0.9))
                add(response_id, question_id, None, min(5, max(1, value)), "", None, None, None)
            elif kind == Kind.YES_NO:
                add(response_id, question_id, None, 1 if rng.random() < 0.45 else 0, "", None, None, None)
            elif kind == Kind.SINGLE:
                option = rng.choices(options, [1, 3, 3, 4, 2][: len(options)])[0]
                add(response_id, question_id, option, None, "", None, None, None)
            elif kind == Kind.MULTIPLE:
                for option in rng.sample(options, rng.randint(1, 2)):
                    add(response_id, question_id, option, None, "", None, None, None)
            elif kind == Kind.CATEGORY:
                for _code, category in dict.fromkeys(self.concerns.category() for _ in range(rng.randint(1, 3))):
                    add(response_id, question_id, None, None, "", category, None, None)
            elif kind == Kind.AREA:
                if sector:
                    add(response_id, question_id, None, None, "", None, sector, None)
            elif rng.random() < 0.3:
                index = rng.choice([i for i, (_t, lang) in enumerate(CONCERN_TEXTS) if lang == language])
                text = CONCERN_TEXTS[index][0]
                concern = None
                if rng.random() < self.concern_chance:
                    concern = self._concern(area, day, sector, index, text)
                add(response_id, question_id, None, None, text, None, None, concern)

    def _concern(self, area, day, sector, index, text):
        concerns = self.concerns
        category = dict(concerns.categories).get(TEXT_CATEGORIES[index]) or concerns.category()[1]
        return concerns.add(
            area=area,
            received_on=min(day + timedelta(days=self.world.rng.randint(0, 3)), self.world.today),
            source=Source.SURVEY,
            category_id=category,
            description=text,
            created_by=self.world.rng.choice(area.sergeants),
            sector_id=sector,
        )
