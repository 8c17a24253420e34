"""The large demo's field work: watch groups and their meetings, partnerships and their daily log, POP
projects and their monthly notes, the concerns that come in by phone, mail and at the counter, outside
referrals and the immigration-policy outreach. Called by ``seed_demo --scale large``."""

import uuid
from datetime import timedelta

from outreach import clock
from outreach.lib.references import REFERENCE_ALPHABET, REFERENCE_LENGTH
from outreach.models import (
    ImmigrationOutreach,
    Partnership,
    Project,
    Referral,
    WatchGroup,
)

from .large import MONTH_WEIGHTS, STREETS
from .large_pact import Source

INTAKE_SOURCES = [
    (Source.PHONE, 35),
    (Source.EMAIL, 20),
    (Source.OBSERVATION, 17),
    (Source.WALK_IN, 14),
    (Source.COMMAND, 10),
]
LOG_LINES = [
    "Manager reported two shoplifting incidents this week.",
    "Members asked for more patrols near the bus stop after dark.",
    "Shared the new lighting plan for the parking lot.",
    "Graffiti cleaned up; no new incidents since.",
    "Parents worried about speeding at drop-off.",
    "A tenant reported a car parked for days with someone sleeping in it.",
    "The board agreed to host the next block watch meeting.",
    "Two break-ins in the storage units over the weekend.",
]
REFERRAL_KINDS = [
    (Referral.Kind.CODE_VIOLATION, 30, "City code enforcement"),
    (Referral.Kind.MENTAL_HEALTH, 22, "Crisis outreach team"),
    (Referral.Kind.DRUG_HOUSE, 18, "Narcotics unit"),
    (Referral.Kind.CHILD_ABUSE, 10, "Child protective services"),
    (Referral.Kind.ELDER_ABUSE, 8, "Adult protective services"),
    (Referral.Kind.OTHER, 12, "Animal services"),
]
PROJECT_THEMES = ["drug-house corridor", "car break-ins", "park after dark", "school-zone speeding", "retail theft"]


def references(model, prefix, rng):
    """Unused ``PR-XXXXXX`` references, drawn from ``rng``."""
    taken = set(model.objects.values_list("reference", flat=True))
    while True:
        reference = f"{prefix}-" + "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        if reference not in taken:
            taken.add(reference)
            yield reference


def random_uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


class FieldWork:
    def __init__(self, world):
        self.world = world
        load = world.loader
        self.groups = load.table(
            "outreach_watchgroup",
            [
                "code",
                "reference",
                "name",
                "kind",
                "area_command_id",
                "sector_id",
                "boundaries",
                "status",
                "started_by",
                "liaison_officer_id",
                "households",
                "requester_name",
                "requester_email",
                "requester_phone",
                "requester_message",
                "requester_language",
                "notes",
                "created_at",
                "updated_at",
            ],
        )
        self.captains = load.table("outreach_blockcaptain", ("group_id", "name", "phone", "email", "block"))
        self.meetings = load.table(
            "outreach_watchmeeting", ("group_id", "held_on", "place", "attendance", "officer_present_id", "notes")
        )
        self.partnerships = load.table(
            "outreach_partnership",
            ("organization_id", "purpose", "responsible_officer_id", "starts_on", "ends_on", "status", "created_at"),
        )
        self.log = load.table(
            "outreach_partnershiplogentry",
            (
                "partnership_id",
                "logged_on",
                "officer_id",
                "information",
                "follow_up_needed",
                "follow_up_note",
                "created_at",
            ),
        )
        self.referrals = load.table(
            "outreach_referral",
            [
                "kind",
                "agency",
                "summary",
                "location",
                "area_command_id",
                "officer_id",
                "referred_on",
                "follow_up_due",
                "follow_up_confirmed_on",
                "confirmed_by_id",
                "outcome",
                "created_at",
            ],
        )
        self.outreach = load.table(
            "outreach_immigrationoutreach", ("organization_id", "reached_on", "officer_id", "notes")
        )
        self.notes = load.table("outreach_projectnote", ("project_id", "month", "text", "by_id", "created_at"))
        self.projects = {}

    def link_tables(self):
        """Tables that point at concerns: registered after them."""
        self.project_concerns = self.world.loader.table("outreach_project_concerns", ("project_id", "concern_id"))

    # Watch groups ---------------------------------------------------------------------------------

    def watch_groups(self):
        world, rng = self.world, self.world.rng
        reference = references(WatchGroup, "NW", rng)
        names = {}
        for area_id, name in WatchGroup.objects.filter(area_command__isnull=False).values_list("area_command", "name"):
            names.setdefault(area_id, set()).add(name.lower())
        Status = WatchGroup.Status
        for _ in range(world.count("watch_groups")):
            area = world.area()
            created = world.day()
            age = (world.today - created).days
            if age < 60:
                status = Status.REQUESTED if rng.random() < 0.35 else Status.ORGANIZING
            else:
                status = rng.choices([Status.ACTIVE, Status.INACTIVE, Status.ORGANIZING], [72, 16, 12])[0]
            citizens = status == Status.REQUESTED or rng.random() < 0.3
            placed = status != Status.REQUESTED or rng.random() < 0.6
            sector_id, sector_name = area.sector(rng)
            kind = WatchGroup.Kind.BUSINESS if rng.random() < 0.15 else WatchGroup.Kind.RESIDENTIAL
            taken = names.setdefault(area.id, set())
            name = f"{rng.choice(STREETS)} {'Business' if kind == WatchGroup.Kind.BUSINESS else 'Block'} Watch"
            while name.lower() in taken:
                name = f"{rng.choice(STREETS)} {rng.choice(STREETS)} {name.split(' ', 1)[1]}"
            taken.add(name.lower())
            liaison = area.officer(rng) if status != Status.REQUESTED else None
            requester = world.person() if citizens else ""
            created_at = world.past(world.at(created, rng.randint(9, 20)))
            group_id = self.groups.add(
                random_uuid(rng),
                next(reference),
                name,
                kind,
                area.id if placed else None,
                sector_id if placed else None,
                f"{sector_name}: the {rng.randint(1, 40)}00 to {rng.randint(41, 90)}00 blocks",
                status,
                WatchGroup.StartedBy.CITIZENS if citizens else WatchGroup.StartedBy.DEPARTMENT,
                liaison,
                rng.randint(6, 180),
                requester,
                f"{requester.split()[0].lower()}@example.org" if requester else "",
                world.phone() if requester else "",
                "We would like to start a watch on our street." if requester else "",
                "es" if requester and rng.random() < 0.2 else "en",
                "",
                created_at,
                created_at,
            )
            if status == Status.REQUESTED:
                continue
            for _c in range(rng.randint(1, 3)):
                self.captains.add(group_id, world.person(), world.phone(), "", f"{rng.randint(1, 90)}00 block")
            self._meetings(group_id, area.id, status, created, liaison, sector_name)
        world.progress.step(f"{self.groups.total:,} watch groups, {self.meetings.total:,} meetings")

    def _meetings(self, group_id, area_id, status, created, liaison, sector_name):
        world, rng = self.world, self.world.rng
        if status == WatchGroup.Status.ORGANIZING:
            return
        last = world.today
        if status == WatchGroup.Status.INACTIVE or rng.random() < 0.12:  # ended, or lapsing
            last = world.today - timedelta(days=rng.randint(200, 700))
        day = created + timedelta(days=rng.randint(20, 60))
        while day <= last:
            meeting_id = self.meetings.add(
                group_id,
                world.past(world.at(day, 19)),
                f"{sector_name} community room",
                rng.randint(5, 45),
                liaison if rng.random() < 0.8 else None,
                "",
            )
            world.meetings.append((meeting_id, area_id, day))
            day += timedelta(days=rng.randint(50, 130))

    # Partnerships ---------------------------------------------------------------------------------

    def partnerships_and_log(self, concerns):
        world, rng = self.world, self.world.rng
        made = []
        for _ in range(world.count("partnerships")):
            area = world.area()
            organization_id, sector_id, _kind, address = rng.choice(area.organizations)
            starts = world.day()
            ends = None
            if (world.today - starts).days > 120 and rng.random() < 0.5:
                ends = min(world.today, starts + timedelta(days=rng.randint(90, 900)))
            status = (
                Partnership.Status.ENDED
                if ends
                else rng.choices([Partnership.Status.ACTIVE, Partnership.Status.PAUSED], [85, 15])[0]
            )
            officer = area.officer(rng)
            partnership_id = self.partnerships.add(
                organization_id,
                "Work together on thefts and quality-of-life problems near the organization.",
                officer,
                starts,
                ends,
                status,
                world.past(world.at(starts, 10)),
            )
            made.append((partnership_id, area, officer, starts, ends or world.today, sector_id, address))
        # Log entries where the partnership lives, more for the busier ones; a few become concerns.
        activity = [rng.lognormvariate(0, 0.8) * ((end - start).days + 1) for _p, _a, _o, start, end, *_r in made]
        per_entry = sum(activity) / world.count("partnership_log_entries")
        logged = 0
        for (partnership_id, area, officer, start, end, sector_id, address), weight in zip(made, activity, strict=True):
            span = (end - start).days
            for _ in range(int(weight / per_entry + rng.random())):
                day = start + timedelta(days=rng.randint(0, span))
                if rng.random() * 1.25 > MONTH_WEIGHTS[day.month - 1]:
                    day = start + timedelta(days=rng.randint(0, span))
                by = officer if rng.random() < 0.8 else area.other_officer(rng, officer)
                information = rng.choice(LOG_LINES)
                follow_up = rng.random() < 0.12
                entry_id = self.log.add(
                    partnership_id,
                    day,
                    by,
                    information,
                    follow_up,
                    "Call the manager back next week." if follow_up else "",
                    world.past(world.at(day, rng.randint(9, 17))),
                )
                logged += 1
                if rng.random() < 0.04:
                    _code, category_id = concerns.category()
                    concerns.add(
                        area=area,
                        received_on=day,
                        source=Source.PARTNER,
                        category_id=category_id,
                        description=information,
                        created_by=by,
                        sector_id=sector_id,
                        location=address,
                        reporter=(world.person(), world.phone(), ""),
                        log_entry=entry_id,
                    )
        for partnership_id, area, officer, start, *_rest in made:
            if rng.random() < 0.6:
                concerns.plans.add(
                    concerns.plans.story(start),
                    start=start,
                    area=area,
                    officer=officer,
                    title="Partnership plan: thefts and quality of life",
                    problem="Repeated thefts and disorder reported by the partner organization.",
                    partnership=partnership_id,
                )
        world.progress.step(f"{len(made):,} partnerships, {logged:,} log entries, with their plans")

    # POP projects ---------------------------------------------------------------------------------

    def projects_and_notes(self, concerns):
        world, rng = self.world, self.world.rng
        made = []
        for _ in range(world.count("projects")):
            area = world.area()
            starts = world.day()
            age = (world.today - starts).days
            status = Project.Status.ACTIVE
            ends = None
            if age > 240 and rng.random() < 0.85:
                status = rng.choices([Project.Status.COMPLETED, Project.Status.STOPPED], [85, 15])[0]
                ends = min(world.today, starts + timedelta(days=rng.randint(180, 600)))
            elif age < 30 and rng.random() < 0.5:
                status = Project.Status.PLANNING
            sector_name = area.sector(rng)[1]
            made.append(
                (
                    Project(
                        name=f"{area.name}: {rng.choice(PROJECT_THEMES)} in {sector_name}",
                        goal="Bring calls for service at the hot spot down by half within a year.",
                        area_command_id=area.id,
                        lieutenant_id=rng.choice(area.lieutenants),
                        starts_on=starts,
                        ends_on=ends,
                        status=status,
                    ),
                    area,
                )
            )
        Project.objects.bulk_create([project for project, _area in made])
        officers, partners = Project.officers.through, Project.partners.through
        officers.objects.bulk_create(
            officers(project_id=p.pk, user_id=user)
            for p, area in made
            for user in dict.fromkeys(area.officer(rng) for _ in range(rng.randint(2, 5)))
        )
        partners.objects.bulk_create(
            partners(project_id=p.pk, organization_id=org[0])
            for p, area in made
            for org in dict.fromkeys(rng.choice(area.organizations) for _ in range(rng.randint(1, 3)))
        )
        for project, area in made:
            self.projects.setdefault(area.id, []).append(
                (project.pk, project.starts_on, project.ends_on or world.today)
            )
            month = project.starts_on.replace(day=1)
            last = (project.ends_on or world.today).replace(day=1)
            while month < last:
                following = clock.next_month(month)
                if rng.random() < 0.9:
                    written = world.past(world.at(following + timedelta(days=rng.randint(0, 6)), 14))
                    self.notes.add(
                        project.pk, month, "Landlord meetings held; calls down a third.", project.lieutenant_id, written
                    )
                month = following
            if project.status != Project.Status.PLANNING:
                for _p in range(rng.randint(2, 4)):
                    concerns.plans.add(
                        concerns.plans.story(project.starts_on),
                        start=project.starts_on,
                        area=area,
                        officer=area.officer(rng),
                        title=f"Project plan: {project.name}"[:150],
                        problem=project.goal,
                        project=project.pk,
                    )
        world.progress.step(f"{len(made):,} POP projects with their monthly notes and plans")

    # Concerns from the phone, e-mail, the counter and the officers' own eyes -------------------

    def intake(self, concerns, count):
        world, rng = self.world, self.world.rng
        sources = [source for source, _w in INTAKE_SOURCES]
        weights = [weight for _s, weight in INTAKE_SOURCES]
        linked = 0
        for _ in range(count):
            area = world.area()
            day = world.day()
            source = rng.choices(sources, weights)[0]
            code, category_id = concerns.category()
            sergeant = rng.choice(area.sergeants)
            recorder = sergeant if source in (Source.PHONE, Source.WALK_IN, Source.COMMAND) else area.officer(rng)
            reporter = ("", "", "")
            if source in (Source.PHONE, Source.WALK_IN, Source.EMAIL) and rng.random() < 0.8:
                name = world.person()
                email = f"{name.split()[0].lower()}@example.org" if source == Source.EMAIL else ""
                reporter = (name, world.phone() if source != Source.EMAIL else "", email)
            sector_id = area.sector(rng)[0] if rng.random() < 0.9 else None
            concern_id = concerns.add(
                area=area,
                received_on=day,
                source=source,
                category_id=category_id,
                description=concerns.description(code),
                created_by=recorder,
                sector_id=sector_id,
                location=world.address(area),
                reporter=reporter,
                potential=code in ("drugs", "robbery", "family_violence") and rng.random() < 0.6,
            )
            if rng.random() < 0.03:
                spans = [p for p in self.projects.get(area.id, ()) if p[1] <= day <= p[2]]
                if spans:
                    self.project_concerns.add(rng.choice(spans)[0], concern_id)
                    linked += 1
        world.progress.step(f"{count:,} concerns from phone, e-mail, the counter and patrol ({linked} in projects)")

    # Referrals and immigration-policy outreach ------------------------------------------------------

    def referrals_and_outreach(self):
        world, rng = self.world, self.world.rng
        kinds = [(kind, agency) for kind, _w, agency in REFERRAL_KINDS]
        weights = [weight for _k, weight, _a in REFERRAL_KINDS]
        for _ in range(world.count("referrals")):
            area = world.area()
            officer = area.officer(rng)
            referred = world.day()
            age = (world.today - referred).days
            kind, agency = rng.choices(kinds, weights)[0]
            confirmed = None
            if rng.random() < (0.95 if age > 30 else 0.5 if age > 7 else 0.1):
                confirmed = min(world.today, referred + timedelta(days=rng.randint(2, 20)))
            self.referrals.add(
                kind,
                agency,
                "Details shared with the agency by phone and e-mail.",
                world.address(area),
                area.id,
                officer,
                referred,
                Referral.follow_up_due_for(referred),
                confirmed,
                area.sergeant_for(officer, rng) if confirmed else None,
                "The agency opened a case and visited." if confirmed else "",
                world.past(world.at(referred, rng.randint(8, 18))),
            )
        reached = 0
        for area in world.areas:
            for organization_id, _s, kind, _a in area.organizations:
                if kind not in ImmigrationOutreach.ELIGIBLE_KINDS:
                    continue
                for year in range(world.start.year, world.today.year + 1):
                    day = world.day(since=max(world.start, world.start.replace(year=year, month=1, day=1)))
                    if day.year == year and rng.random() < 0.85:
                        self.outreach.add(organization_id, day, area.officer(rng), "Brochures in English and Spanish.")
                        reached += 1
        world.progress.step(f"{world.count('referrals'):,} referrals, {reached:,} immigration-policy visits")
