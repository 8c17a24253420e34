"""The large demo's concerns and action plans: every concern with its timeline, a plan for about a third.

``Concerns.add`` writes one concern at once, whatever raised it (a presentation, a survey answer, a
partner's log entry, the phone), with where it stands today: awaiting a plan while it is recent,
merged or closed with no action when no plan was written, or following its plan's state
(``CONCERN_STATUS``). ``Plans.add`` writes a plan's story — written, submitted (most within the ten
days), returned now and then, approved by a sergeant who did not write it, logged, resolved,
watched and closed — cut at today, so an old plan is closed and a recent one still being written.
"""

from dataclasses import dataclass
from datetime import timedelta

from outreach.models import ActionPlan, Concern, ConcernEvent, CrimeType, PlanEvent
from outreach.services.plans import CONCERN_STATUS

Source, Status, Action = Concern.Source, Concern.Status, ConcernEvent.Action
PlanStatus, Step = ActionPlan.Status, PlanEvent.Action

# How often a concern from each source gets its own action plan.
PLAN_CHANCE = {
    Source.PRESENTATION: 0.3,
    Source.SURVEY: 0.25,
    Source.PARTNER: 0.4,
    Source.PHONE: 0.35,
    Source.WALK_IN: 0.4,
    Source.EMAIL: 0.35,
    Source.OBSERVATION: 0.45,
    Source.COMMAND: 0.6,
}
# Crime types by how often the community raises them.
CATEGORY_WEIGHTS = {
    "traffic": 14,
    "quality_of_life": 12,
    "theft": 10,
    "burglary": 9,
    "vehicle_crime": 9,
    "drugs": 8,
    "vandalism": 7,
    "youth": 5,
    "fraud": 4,
    "robbery": 3,
    "child_safety": 3,
    "family_violence": 2,
    "elder_safety": 2,
    "sexual_assault": 1,
    "emergencies": 1,
}
DESCRIPTIONS = {
    "traffic": ["Speeding near the school at pick-up time.", "Cars run the stop sign at the corner every morning."],
    "quality_of_life": ["Street lights out along the walking path.", "Dumped furniture and trash behind the store."],
    "theft": ["Packages stolen from porches.", "Bicycles taken from the apartment rack."],
    "burglary": ["Garage and shed break-ins at night.", "Two homes on the block burglarized while people worked."],
    "vehicle_crime": ["Car break-ins in the apartment lot.", "Catalytic converters cut off parked cars."],
    "drugs": ["Suspected drug sales from a house on the corner.", "Needles found in the park by the playground."],
    "vandalism": ["Graffiti on the park restrooms.", "Windows of the community center broken again."],
    "youth": ["Teenagers gathering late at the closed pool.", "Fights after school at the bus stop."],
    "fraud": ["Phone calls pretending to be the utility company.", "Seniors targeted by a gift-card scam."],
    "robbery": ["A man robbed at the ATM after dark.", "Phones snatched from people waiting for the bus."],
    "child_safety": ["A car slowly following children home from school.", "No crossing guard at a busy crossing."],
    "family_violence": ["Neighbours hear fighting and screams most weekends."],
    "elder_safety": ["An elderly neighbour seems neglected and afraid of a relative."],
    "sexual_assault": ["Women followed from the light-rail station at night."],
    "emergencies": ["Residents don't know where to go when the river floods."],
}
NO_ACTION_REASONS = [
    "Passed to the traffic unit; no PACT plan needed.",
    "Referred to code enforcement, which opened a case.",
    "Information only: shared with the shift at roll call.",
    "The reporter's problem was solved before a plan was needed.",
]
MEASURES = [
    ("Calls for service at the location", "the 90 days before", "the 90 days after"),
    ("Reported thefts on the block", "the quarter before", "the quarter after"),
    ("Complaints from residents", "the two months before", "the two months after"),
    ("Citations written at the corner", "the month before", "the month after"),
]
ENTRIES = [
    ("Directed patrols at the location, evenings.", "Fewer people loitering; no calls that week."),
    ("Met the property owner about lighting and a locked gate.", "Owner agreed to fix the lights."),
    ("Traffic enforcement at school arrival and dismissal.", "Speeds down on the radar trailer."),
    ("Knocked on doors and handed out crime-prevention flyers.", "Neighbours shared two license plates."),
    ("Surveillance with the narcotics unit.", "Search warrant served; the house is vacant now."),
]
ACTIONS = [
    "Meet the property owner and ask for lighting and a locked gate",
    "Directed patrols at the location, evenings, for two weeks",
    "Speed trailer and enforcement at school hours",
    "Ask code enforcement to inspect the property",
    "Present the block watch program to the neighbours",
]


@dataclass
class Story:
    """A plan's milestones in days after its subject began, cut at ``age`` (today)."""

    status: str
    days: dict
    returned: bool


class Plans:
    def __init__(self, world):
        self.world = world
        load = world.loader
        self.plans = load.table(
            "outreach_actionplan",
            [
                "concern_id",
                "partnership_id",
                "project_id",
                "title",
                "area_command_id",
                "sector_id",
                "officer_id",
                "starts_on",
                "due_on",
                "problem",
                "measure",
                "baseline_value",
                "baseline_period",
                "causes",
                "victims",
                "places",
                "times",
                "after_value",
                "after_period",
                "assessment",
                "recheck_on",
                "status",
                "first_submitted_at",
                "submitted_at",
                "reviewed_by_id",
                "reviewed_at",
                "review_comment",
                "closed_at",
                "created_by_id",
                "created_at",
                "updated_at",
            ],
        )
        self.actions = load.table(
            "outreach_plannedaction", ("plan_id", "description", "owner_id", "target_on", "done_on")
        )
        self.entries = load.table(
            "outreach_implementationentry",
            [
                "plan_id",
                "done_on",
                "by_id",
                "actions_taken",
                "arrests",
                "citations",
                "warnings",
                "code_notices",
                "referrals",
                "results",
                "created_at",
            ],
        )
        self.events = load.table("outreach_planevent", ("plan_id", "action", "by_id", "at", "comment"))

    def story(self, start):
        rng, age = self.world.rng, (self.world.today - start).days
        days = {Step.CREATED: min(age, rng.randint(0, 2))}  # started within two days, never ahead of today
        submitted = days[Step.CREATED] + (rng.randint(3, 10) if rng.random() < 0.85 else rng.randint(11, 21))
        days[Step.SUBMITTED] = submitted
        returned = rng.random() < 0.15
        if returned:
            days[Step.RETURNED] = submitted + rng.randint(1, 3)
            days[Step.RESUBMITTED] = days[Step.RETURNED] + rng.randint(1, 4)
            days[Step.APPROVED] = days[Step.RESUBMITTED] + rng.randint(1, 3)
        else:
            days[Step.APPROVED] = submitted + rng.randint(1, 3)
        stalled = 4 if rng.random() < 0.04 else 1
        days[Step.RESOLVED] = days[Step.APPROVED] + rng.randint(14, 60) * stalled
        days[Step.MONITORING] = days[Step.RESOLVED] + rng.randint(0, 3)
        days[Step.CLOSED] = days[Step.MONITORING] + rng.randint(21, 75)
        reached = {step: day for step, day in days.items() if day <= age}
        last = max(reached, key=reached.get)
        status = {
            Step.CREATED: PlanStatus.DRAFT,
            Step.SUBMITTED: PlanStatus.SUBMITTED,
            Step.RETURNED: PlanStatus.RETURNED,
            Step.RESUBMITTED: PlanStatus.SUBMITTED,
            Step.APPROVED: PlanStatus.IN_PROGRESS,
            Step.RESOLVED: PlanStatus.RESOLVED,
            Step.MONITORING: PlanStatus.MONITORING,
            Step.CLOSED: PlanStatus.CLOSED,
        }[last]
        return Story(status, reached, returned)

    def add(self, story, *, start, area, officer, title, problem, location="", sector_id=None, **subject):
        """One plan of ``story`` for a concern, partnership or project (``concern=id`` and so on)."""
        world, rng = self.world, self.world.rng
        days = story.days
        sergeant = area.sergeant_for(officer, rng)

        def moment(step, hour):
            return world.past(world.at(start + timedelta(days=days[step]), hour, rng.randint(0, 59)))

        measure, before, after = rng.choice(MEASURES)
        baseline = rng.randint(4, 40)
        watched = story.status in (PlanStatus.MONITORING, PlanStatus.CLOSED)
        approved = Step.APPROVED in days
        reviewed_step = Step.APPROVED if approved else Step.RETURNED if Step.RETURNED in days else None
        submitted_step = Step.RESUBMITTED if Step.RESUBMITTED in days else Step.SUBMITTED
        created_at = moment(Step.CREATED, 10)
        last_step = max(days, key=days.get)
        updated_at = moment(last_step, 15)
        plan_id = self.plans.add(
            subject.get("concern"),
            subject.get("partnership"),
            subject.get("project"),
            title[:150],
            area.id,
            sector_id,
            officer,
            start,
            ActionPlan.due_for(start),
            problem,
            measure,
            baseline,
            before,
            "Poor lighting and no one watching the spot at night.",
            "Residents of the block and people passing through.",
            location,
            rng.choice(["Evenings and weekends", "School days, 7-9 a.m. and 2-4 p.m.", "Late nights"]),
            max(0, baseline - rng.randint(0, baseline)) if watched else None,
            after if watched else "",
            "The measure fell after the response; neighbours report fewer problems." if watched else "",
            start + timedelta(days=days[Step.MONITORING] + 30) if watched else None,
            story.status,
            moment(Step.SUBMITTED, 15) if Step.SUBMITTED in days else None,
            moment(submitted_step, 15) if submitted_step in days else None,
            sergeant if reviewed_step else None,
            moment(reviewed_step, 11) if reviewed_step else None,
            "Name the measure's source and add a target date for each action."
            if story.status == PlanStatus.RETURNED
            else "",
            moment(Step.CLOSED, 16) if Step.CLOSED in days else None,
            officer,
            created_at,
            updated_at,
        )
        by = {Step.RETURNED: sergeant, Step.APPROVED: sergeant}
        for step in days:
            comment = (
                "Name the measure's source and add a target date for each action." if step == Step.RETURNED else ""
            )
            hour = {Step.CREATED: 10, Step.APPROVED: 11, Step.RETURNED: 11, Step.CLOSED: 16}.get(step, 15)
            self.events.add(plan_id, step, by.get(step, officer), moment(step, hour), comment)
        under_way = approved
        for number, description in enumerate(rng.sample(ACTIONS, rng.randint(2, 3))):
            target = start + timedelta(days=14 + 7 * number)
            done = target - timedelta(days=rng.randint(0, 3))
            finished = under_way and done <= world.today and done >= start + timedelta(days=days[Step.APPROVED])
            owner = officer if number == 0 else rng.choice([officer, sergeant, area.other_officer(rng, officer)])
            self.actions.add(plan_id, description, owner, target, done if finished else None)
        if under_way:
            first = start + timedelta(days=days[Step.APPROVED])
            last = start + timedelta(days=days.get(Step.RESOLVED, (world.today - start).days))
            span = max(0, (min(last, world.today) - first).days)
            for _ in range(rng.choices([1, 2, 3, 4, 5, 6, 8], [2, 4, 4, 3, 2, 1, 1])[0]):
                done_on = first + timedelta(days=rng.randint(0, span))
                taken, results = rng.choice(ENTRIES)
                self.entries.add(
                    plan_id,
                    done_on,
                    officer if rng.random() < 0.8 else area.other_officer(rng, officer),
                    taken,
                    rng.choices([0, 1, 2, 3], [8, 3, 1, 0.3])[0],
                    rng.choices([0, 1, 2, 4, 6], [4, 3, 2, 1, 0.5])[0],
                    rng.choices([0, 1, 3, 5], [3, 3, 2, 1])[0],
                    rng.choices([0, 1, 2], [6, 2, 1])[0],
                    rng.choices([0, 1], [5, 1])[0],
                    results,
                    world.past(world.at(done_on, 17, rng.randint(0, 59))),
                )
        return plan_id


class Concerns:
    def __init__(self, world):
        self.world = world
        load = world.loader
        self.concerns = load.table(
            "outreach_concern",
            [
                "received_on",
                "source",
                "category_id",
                "description",
                "location",
                "is_potential_problem",
                "area_command_id",
                "sector_id",
                "reporter_name",
                "reporter_phone",
                "reporter_email",
                "partnership_log_entry_id",
                "status",
                "assigned_to_id",
                "merged_into_id",
                "closing_reason",
                "created_by_id",
                "created_at",
                "updated_at",
            ],
        )
        self.events = load.table(
            "outreach_concernevent",
            ("concern_id", "action", "by_id", "at", "comment", "other_concern_id", "officer_id"),
        )
        self.plans = Plans(world)
        categories = dict(CrimeType.objects.values_list("code", "pk"))
        self.categories = [(code, categories[code]) for code in CATEGORY_WEIGHTS if code in categories]
        self.category_weights = [CATEGORY_WEIGHTS[code] for code, _pk in self.categories]
        self.names = dict(CrimeType.objects.values_list("pk", "name"))
        # The latest concern still standing of each area and category: where a repeat report is merged.
        self.latest = {}

    def category(self):
        return self.world.rng.choices(self.categories, self.category_weights)[0]

    def description(self, code):
        return self.world.rng.choice(DESCRIPTIONS.get(code, DESCRIPTIONS["quality_of_life"]))

    def add(
        self,
        *,
        area,
        received_on,
        source,
        category_id,
        description,
        created_by,
        sector_id=None,
        location="",
        reporter=("", "", ""),
        log_entry=None,
        potential=False,
    ):
        world, rng = self.world, self.world.rng
        age = (world.today - received_on).days
        recorded = world.past(world.at(received_on, rng.randint(8, 18), rng.randint(0, 59)))
        events = [(Action.RECEIVED, created_by, recorded, "", None, None)]
        officer = plan_story = merged_into = None
        closing_reason = ""
        if rng.random() < PLAN_CHANCE[source]:
            plan_story = self.plans.story(received_on)
            status = CONCERN_STATUS[plan_story.status]
            officer = area.officer(rng)
        elif age <= 10 or (age <= 30 and rng.random() < 0.12):
            status = Status.NEW if rng.random() < 0.45 else Status.ASSIGNED
            officer = None if status == Status.NEW else area.officer(rng)
        else:
            target = self.latest.get((area.id, category_id))
            if target and 0 <= (received_on - target[1]).days <= 30 and rng.random() < 0.4:
                status, merged_into = Status.MERGED, target[0]
                closing_reason = "The same problem as an earlier report."
            else:
                status, closing_reason = Status.NO_ACTION, rng.choice(NO_ACTION_REASONS)
        sergeant = area.sergeant_for(officer, rng) if officer else rng.choice(area.sergeants)
        if officer:
            taken = status != Status.NEW and plan_story is None and rng.random() < 0.2
            assigned_at = world.past(recorded + timedelta(hours=rng.randint(2, 30)))
            events.append(
                (Action.TAKEN, officer, assigned_at, "", None, officer)
                if taken
                else (Action.ASSIGNED, sergeant, assigned_at, "", None, officer)
            )
        ended_at = world.past(recorded + timedelta(days=rng.randint(1, 5)))
        if status == Status.MERGED:
            events.append((Action.MERGED, sergeant, ended_at, closing_reason, merged_into, None))
        elif status == Status.NO_ACTION:
            events.append((Action.NO_ACTION, sergeant, ended_at, closing_reason, None, None))
        concern_id = self.concerns.add(
            received_on,
            source,
            category_id,
            description,
            location,
            potential,
            area.id,
            sector_id,
            *reporter,
            log_entry,
            status,
            officer,
            merged_into,
            closing_reason,
            created_by,
            recorded,
            max(at for _a, _b, at, *_rest in events),
        )
        for action, by, at, comment, other, assigned in events:
            self.events.add(concern_id, action, by, at, comment, other, assigned)
        if merged_into:
            self.events.add(merged_into, Action.ABSORBED, sergeant, ended_at, closing_reason, concern_id, None)
        elif status not in (Status.MERGED, Status.NO_ACTION):
            self.latest[area.id, category_id] = (concern_id, received_on)
        if plan_story:
            name = self.names[category_id]
            self.plans.add(
                plan_story,
                start=received_on,
                area=area,
                officer=officer,
                title=f"{name}: {location or description[:60]}",
                problem=description,
                location=location,
                sector_id=sector_id,
                concern=concern_id,
            )
        return concern_id
