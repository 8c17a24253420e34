"""The large demo's presentations (``seed_demo --scale large``): five years of them, and two months ahead.

Each is given on a working day of its area command by one of its officers (the busy ones more often),
with the report at the stage its age makes likely: approved for nearly every old one (a few cancelled),
submitted, returned or still a draft in the last weeks, scheduled ahead. About one in seven answers a
citizen's request; some raise the concerns the PACT works (written by ``outreach.demo.large_pact``).
"""

from datetime import timedelta

from outreach.demo.large import DAYS_AHEAD
from outreach.demo.large_field import random_uuid, references
from outreach.demo.large_pact import Source

from .models import MAX_AUDIENCE, Presentation, PresentationEvent, PresentationRequest, Program

Status, Action = Presentation.Status, PresentationEvent.Action
TOPICS = ["Safety walk with residents", "Scam calls and seniors", "Meet your beat officers"]
TOOK_PLACE = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED)
RETURN_COMMENT = "Please list the concerns participants raised."


def _status(rng, age):
    """Where a presentation ``age`` days old stands (negative: still ahead)."""
    if age < 0:
        return Status.CANCELLED if rng.random() < 0.03 else Status.SCHEDULED
    if age < 7:
        return rng.choices([Status.SCHEDULED, Status.DRAFT, Status.SUBMITTED, Status.RETURNED], [30, 30, 35, 5])[0]
    if age < 21:
        choices = [Status.SCHEDULED, Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED]
        return rng.choices(choices, [3, 7, 25, 8, 57])[0]
    return rng.choices([Status.APPROVED, Status.CANCELLED, Status.DRAFT], [955, 42, 3])[0]


class LargePresentations:
    def __init__(self, world):
        self.world = world
        load = world.loader
        self.presentations = load.table(
            "programs_presentation",
            [
                "program_id",
                "topic",
                "starts_at",
                "duration_minutes",
                "place",
                "area_command_id",
                "sector_id",
                "organization_id",
                "community_assistants",
                "participants",
                "potential_problems",
                "follow_up_requested",
                "follow_up_notes",
                "is_public",
                "status",
                "author_id",
                "submitted_at",
                "reviewed_by_id",
                "reviewed_at",
                "review_comment",
                "created_at",
                "updated_at",
            ],
        )
        self.presenters = load.table("programs_presentation_presenters", ("presentation_id", "user_id"))
        self.events = load.table("programs_presentationevent", ("presentation_id", "action", "by_id", "at", "comment"))
        self.requests = load.table(
            "programs_presentationrequest",
            [
                "code",
                "reference",
                "requester_name",
                "organization_name",
                "email",
                "phone",
                "program_id",
                "topic",
                "preferred_date",
                "alternative_dates",
                "audience_size",
                "address",
                "message",
                "language",
                "area_command_id",
                "status",
                "presentation_id",
                "decline_reason",
                "handled_by_id",
                "handled_at",
                "created_at",
            ],
        )

    def link_tables(self):
        """The concerns raised at a presentation point at both: registered after the concerns."""
        self.links = self.world.loader.table("programs_presentationconcern", ("concern_id", "presentation_id"))

    def seed(self, concerns):
        world, rng = self.world, self.world.rng
        programs = list(Program.objects.active().order_by("pk").values_list("pk", "name", "category"))
        rng.shuffle(programs)
        popularity = [(rank + 1) ** -0.7 for rank in range(len(programs))]
        self.reference = references(PresentationRequest, "PR", rng)
        total = world.count("presentations")
        ahead = round(total * DAYS_AHEAD / (len(world.days) + DAYS_AHEAD))
        raised = 0
        for number in range(total):
            area = world.area()
            # The first ones are ahead, within the two months; the rest in the five years behind.
            day = world.today + timedelta(days=rng.randint(1, DAYS_AHEAD)) if number < ahead else world.workday()
            program = rng.choices(programs, popularity)[0]
            if program[2] == Program.Category.ELEMENTARY and day.month in (6, 7):
                program = rng.choices(programs, popularity)[0]  # school is out: another program, mostly
            raised += self._one(area, day, program, rng, concerns)
        for _ in range(max(1, total // 5_000)):
            self._pending(rng.choice(programs))
        world.progress.step(
            f"{total:,} presentations ({ahead:,} ahead), {self.events.total:,} report events, "
            f"{self.requests.total:,} requests, {raised:,} concerns raised at them"
        )

    def _one(self, area, day, program, rng, concerns):
        world = self.world
        starts_at = world.at(day, rng.choice([9, 10, 10, 13, 14, 15, 18, 19, 19]), rng.choice([0, 0, 30]))
        age = (world.today - day).days if starts_at <= world.now else -1
        status = _status(rng, age)
        author = area.officer(rng)
        sergeant = area.sergeant_for(author, rng)
        if area.organizations and rng.random() < 0.7:
            organization_id, sector_id, _kind, place = rng.choice(area.organizations)
        else:
            organization_id = None
            sector_id, sector_name = area.sector(rng)
            place = f"{sector_name} community room"
        topic = "" if rng.random() < 0.95 else rng.choice(TOPICS)
        took_place = status in TOOK_PLACE
        participants = min(MAX_AUDIENCE, int(rng.lognormvariate(3.1, 0.7)) + 3)
        scheduled_at = world.past(starts_at - timedelta(days=rng.randint(5, 45), hours=rng.randint(0, 8)))
        scheduled_at = max(scheduled_at, world.at(world.start, 8))  # booked within the five years too
        steps = [(Action.SCHEDULED, author, scheduled_at, "")]
        submitted_at = reviewed_at = None
        returned_once = status == Status.RETURNED or (status == Status.APPROVED and rng.random() < 0.08)
        if took_place:
            moment = world.past(starts_at + timedelta(hours=rng.randint(2, 30)))
            steps.append((Action.REPORT_STARTED, author, moment, ""))
        if status in (Status.SUBMITTED, Status.RETURNED, Status.APPROVED):
            submitted_at = world.past(steps[-1][2] + timedelta(hours=rng.randint(1, 48)))
            steps.append((Action.SUBMITTED, author, submitted_at, ""))
        if returned_once:
            reviewed_at = world.past(submitted_at + timedelta(hours=rng.randint(4, 72)))
            steps.append((Action.RETURNED, sergeant, reviewed_at, RETURN_COMMENT))
            if status == Status.APPROVED:
                submitted_at = world.past(reviewed_at + timedelta(hours=rng.randint(2, 48)))
                steps.append((Action.RESUBMITTED, author, submitted_at, ""))
        if status == Status.APPROVED:
            reviewed_at = world.past(submitted_at + timedelta(hours=rng.randint(4, 96)))
            steps.append((Action.APPROVED, sergeant, reviewed_at, ""))
        if status == Status.CANCELLED:
            steps.append((Action.CANCELLED, author, world.past(starts_at - timedelta(days=rng.randint(1, 4))), ""))
        reported = took_place and (status != Status.DRAFT or rng.random() < 0.5)
        presentation_id = self.presentations.add(
            program[0] if not topic or rng.random() < 0.5 else None,
            topic,
            starts_at,
            rng.choice([45, 60, 60, 90, 120]),
            place,
            area.id,
            sector_id,
            organization_id,
            "",
            participants if reported else None,
            "Residents reluctant to call about the drug house." if took_place and rng.random() < 0.05 else "",
            took_place and rng.random() < 0.1,
            "",
            rng.random() < 0.35,
            status,
            author,
            submitted_at,
            sergeant if reviewed_at else None,
            reviewed_at,
            RETURN_COMMENT if status == Status.RETURNED else "",
            scheduled_at,
            max(step[2] for step in steps),
        )
        self.presenters.add(presentation_id, author)
        if rng.random() < 0.2:
            other = area.other_officer(rng, author)
            if other != author:
                self.presenters.add(presentation_id, other)
        for action, by, at, comment in steps:
            self.events.add(presentation_id, action, by, at, comment)
        if rng.random() < 0.15:
            self._request(area, day, program, sergeant, scheduled_at, presentation_id, status, participants)
        elif rng.random() < 0.03:
            self._request(area, day, program, sergeant, scheduled_at, None, PresentationRequest.Status.DECLINED, 0)
        if not took_place:
            return 0
        world.presentations.append((presentation_id, area.id, day))
        raised = rng.choices([0, 1, 2, 3], [84, 11, 4, 1])[0]
        for _ in range(raised):
            code, category_id = concerns.category()
            concern_id = concerns.add(
                area=area,
                received_on=day,
                source=Source.PRESENTATION,
                category_id=category_id,
                description=concerns.description(code),
                created_by=author,
                sector_id=sector_id,
                location=place,
                potential=rng.random() < 0.15,
            )
            self.links.add(concern_id, presentation_id)
        return raised

    def _pending(self, program):
        """A citizen's request of the last days nobody has answered: in an area's queue, or still unplaced."""
        world, rng = self.world, self.world.rng
        area = world.area()
        name = world.person()
        self.requests.add(
            random_uuid(rng),
            next(self.reference),
            name,
            "",
            f"{name.split()[0].lower()}.{rng.randint(1, 999)}@example.org",
            world.phone(),
            program[0],
            "",
            world.today + timedelta(days=rng.randint(14, 50)),
            "",
            rng.randint(10, 80),
            world.address(area),
            "",
            "en",
            area.id if rng.random() < 0.6 else None,
            PresentationRequest.Status.PENDING,
            None,
            "",
            None,
            None,
            world.past(world.at(world.today - timedelta(days=rng.randint(0, 10)), rng.randint(7, 21))),
        )

    def _request(self, area, day, program, sergeant, scheduled_at, presentation_id, status, audience):
        world, rng = self.world, self.world.rng
        received = scheduled_at - timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 12))
        if presentation_id is None:
            request_status = status
        elif status == Status.CANCELLED:
            request_status = PresentationRequest.Status.CANCELLED
        else:
            request_status = PresentationRequest.Status.ACCEPTED
        declined = request_status == PresentationRequest.Status.DECLINED
        name = world.person()
        self.requests.add(
            random_uuid(rng),
            next(self.reference),
            name,
            "",
            f"{name.split()[0].lower()}.{rng.randint(1, 999)}@example.org",
            world.phone(),
            program[0],
            "",
            day,
            "",
            audience or rng.randint(10, 80),
            world.address(area),
            "",
            "es" if rng.random() < 0.15 else "en",
            area.id,
            request_status,
            presentation_id,
            "No officer is free that week; please ask again for a later date." if declined else "",
            sergeant,
            world.past(received + timedelta(hours=rng.choice([3, 6, 20, 30, 52, 75]))),
            world.past(received),
        )
