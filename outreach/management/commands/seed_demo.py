"""Fill the database with a fictional department to try the product on.

Records span 12 months back and 2 months ahead of today. ``--scale large`` then adds
five years of a six-area department for the benchmarks (``outreach.demo.large``).

Idempotent: running it again adds nothing that is already there. ``--reset``
removes the demo records first (development only); it refuses when the large data
set is there (use a scratch database for that one).
"""

import argparse
import random
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from outreach import clock
from outreach.demo import large, pact, two_factor
from outreach.demo.audit import seed_audit
from outreach.demo.large_field import FieldWork
from outreach.demo.large_pact import Concerns
from outreach.demo.retention import reset_holds, seed_holds
from outreach.lib.bulk import Progress, analyze, fast_session
from outreach.models import (
    ActionPlan,
    AreaCommand,
    BlockCaptain,
    Concern,
    ConcernEvent,
    CrimeType,
    Department,
    ImmigrationOutreach,
    Organization,
    Partnership,
    PartnershipLogEntry,
    Project,
    Referral,
    Sector,
    User,
    WatchGroup,
    WatchMeeting,
)
from programs.demo import LargePresentations
from programs.models import (
    Presentation,
    PresentationAttachment,
    PresentationConcern,
    PresentationEvent,
    PresentationRequest,
    Program,
)
from reports.demo import reset_reports, seed_reports
from surveys.demo import reset_surveys, seed_surveys
from surveys.demo_large import LargeSurveys

DEMO_PASSWORD = "outreach-demo-2026"

DEPARTMENT = {
    "name": "Fairview Police Department",
    "address": "400 Civic Center Plaza, Fairview",
    "phone": "(555) 010-4400",
    "email": "outreach@fairview.example",
    "chief_name": "Dana Whitfield",
}

AREAS = [
    # code, name, description, sectors
    (
        "north",
        "North Area Command",
        "Residential north side, the university and Route 9 corridor.",
        [("N1", "Hillcrest"), ("N2", "University"), ("N3", "Route 9")],
    ),
    (
        "southeast",
        "Southeast Area Command",
        "Downtown, the river district and the industrial park.",
        [("SE1", "Downtown"), ("SE2", "River District"), ("SE3", "Industrial Park")],
    ),
    (
        "westside",
        "Westside Area Command",
        "Westside neighborhoods, the mall and the fairgrounds.",
        [("W1", "Mesa Verde"), ("W2", "Westgate Mall"), ("W3", "Fairgrounds")],
    ),
]

# username, first, last, role, area code, badge
DEPARTMENT_WIDE_USERS = [
    ("chief", "Dana", "Whitfield", User.Role.CHIEF, None, "100"),
    ("designee", "Marcus", "Bell", User.Role.DESIGNEE, None, "101"),
    ("records", "Alicia", "Romero", User.Role.RECORDS, None, ""),
    ("sysadmin", "Sam", "Okafor", User.Role.ADMIN, None, ""),
]
AREA_USERS = [
    # suffix, role, names per area (north, southeast, westside)
    ("commander", User.Role.COMMANDER, [("Helen", "Park"), ("Victor", "Salas"), ("Grace", "Lindqvist")]),
    ("lieutenant", User.Role.LIEUTENANT, [("Omar", "Haddad"), ("Teresa", "Nguyen"), ("Ray", "Castillo")]),
    ("sergeant", User.Role.SERGEANT, [("Janet", "Moss"), ("Luis", "Ortega"), ("Priya", "Raman")]),
    ("officer1", User.Role.OFFICER, [("Kevin", "Brooks"), ("Maria", "Delgado"), ("Tom", "Ashby")]),
    ("officer2", User.Role.OFFICER, [("Aisha", "Grant"), ("Ben", "Yazzie"), ("Carla", "Mendez")]),
]

ORGANIZATIONS = {
    "north": [
        ("Hillcrest Neighborhood Association", Organization.Kind.NEIGHBORHOOD, "N1", "Ruth Alvarez"),
        ("Fairview University Student Union", Organization.Kind.CIVIC, "N2", "Devon Price"),
        ("Lincoln Elementary School", Organization.Kind.SCHOOL, "N1", "Principal Ann Cho"),
        ("Grace Community Church", Organization.Kind.FAITH, "N3", "Pastor Ed Wilkes"),
        ("Route 9 Merchants Group", Organization.Kind.BUSINESS, "N3", "Frank Russo"),
        ("Safe Harbor Family Violence Center", Organization.Kind.FAMILY_VIOLENCE, "N2", "Lena Ortiz"),
        ("North Side Seniors Club", Organization.Kind.NONPROFIT, "N1", "Harold Beck"),
        ("Hmong Cultural Association of Fairview", Organization.Kind.CULTURAL, "N2", "Mai Vang"),
    ],
    "southeast": [
        ("Downtown Business Alliance", Organization.Kind.BUSINESS, "SE1", "Nadia Brooks"),
        ("River District Civic League", Organization.Kind.CIVIC, "SE2", "Jorge Medina"),
        ("Roosevelt Middle School", Organization.Kind.SCHOOL, "SE1", "Principal Kim Lee"),
        ("St. Anne Parish", Organization.Kind.FAITH, "SE2", "Father Tom Reyes"),
        ("Industrial Park Owners Council", Organization.Kind.BUSINESS, "SE3", "Bill Hart"),
        ("Hope Rising Sexual Assault Program", Organization.Kind.SEXUAL_ASSAULT, "SE1", "Dr. Erin Walsh"),
        ("Latino Community Center", Organization.Kind.CULTURAL, "SE2", "Rosa Jimenez"),
        ("Fairview Food Bank", Organization.Kind.NONPROFIT, "SE3", "Chris Dunn"),
    ],
    "westside": [
        ("Mesa Verde Homeowners Association", Organization.Kind.NEIGHBORHOOD, "W1", "Paul Garcia"),
        ("Westgate Mall Management", Organization.Kind.BUSINESS, "W2", "Sandra Kim"),
        ("Westside High School", Organization.Kind.SCHOOL, "W1", "Principal Ray Duran"),
        ("Fairgrounds Neighborhood Council", Organization.Kind.NEIGHBORHOOD, "W3", "Lydia Moore"),
        ("Islamic Center of Fairview", Organization.Kind.FAITH, "W1", "Imam Yusuf Ali"),
        ("Westside Boys & Girls Club", Organization.Kind.NONPROFIT, "W3", "Darnell Jones"),
        ("Westside Rotary Club", Organization.Kind.CIVIC, "W2", "Karen Fox"),
        ("County Animal Services", Organization.Kind.OTHER, "W3", "Officer Lee Tran"),
    ],
}

CONCERNS = [
    ("burglary", "Garage and shed break-ins at night", True),
    ("traffic", "Speeding on the street by the school at pick-up time", False),
    ("vandalism", "Graffiti on the park restrooms", False),
    ("drugs", "Suspected drug sales from a house on the corner", True),
    ("theft", "Packages stolen from porches", False),
    ("quality_of_life", "Street lights out along the walking path", False),
    ("vehicle_crime", "Car break-ins in the apartment lot", True),
    ("fraud", "Phone calls pretending to be the utility company", False),
    ("youth", "Teenagers gathering late at the closed pool", False),
    ("child_safety", "A car slowly following children home from school", True),
]

# Citizens who asked for a presentation in the past months.
REQUESTERS = [
    "Linda Okafor",
    "Tomás Herrera-Villanueva",
    "Grace Lindqvist",
    "Marcus Bell",
    "Ana Sofía Restrepo",
    "Dwayne Whitaker",
    "Mei-Ling Zhou",
    "Patrick O'Donnell",
]


class Command(BaseCommand):
    help = "Create a fictional department with users for every role and realistic records."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo records first (DEBUG only).")
        parser.add_argument(
            "--scale",
            choices=("demo", "large"),
            default="demo",
            help="demo: a year of three area commands; large: five years of six, for the benchmarks (minutes).",
        )
        # The large data set's size, as a fraction of the real one (the tests use a small one).
        parser.add_argument("--factor", type=float, default=1.0, help=argparse.SUPPRESS)

    def handle(self, *args, reset=False, scale="demo", factor=1.0, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates users with a published password: it only runs with DJANGO_DEBUG=true."
            )
        if reset and (scale == "large" or large.is_seeded()):
            raise CommandError(
                "--reset does not remove the large data set: seed it into a database of its own "
                "(DATABASE_URL=…/outreach_large) and drop that database to start over."
            )
        progress = Progress(self.stdout.write)
        with transaction.atomic(), clock.in_department_time():
            if reset:
                self._reset()
            self._department()
            areas, sectors = self._areas()
            created_users = self._users(areas)
            two_factor.enrol(User.objects.filter(username__in=self._usernames()))
            organization_count = self._organizations(areas, sectors)
            presentation_count = self._presentations(areas)
            self._field_work(areas)
            pact.seed_concerns(areas)
            pact.seed_plans(areas)
            pact.seed_projects(areas)
            seed_holds(areas)
            seed_audit()
            seed_surveys(areas)
            report_count = seed_reports()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {len(areas)} area commands, {User.objects.count()} users, "
                f"{organization_count} new organizations, {presentation_count} new presentations, "
                f"{report_count} of last month's reports compiled."
            )
        )
        if created_users:
            self.stdout.write(
                f"Demo users created (password for all: {DEMO_PASSWORD}; the two-factor code: "
                "python manage.py demo_code):"
            )
            for user in created_users:
                area = f", {user.area_command.name}" if user.area_command else ""
                self.stdout.write(f"  {user.username:<22} {user.get_role_display()}{area}")
        if scale == "large":
            self._large(factor, progress)

    def _large(self, factor, progress):
        """Five years of six area commands in one transaction, by COPY, saying how far it is as it goes."""
        if large.is_seeded():
            self.stdout.write("The large data set is already here: nothing added.")
            return
        progress.step(f"Large data set, factor {factor:g}: the demo data is ready")
        with transaction.atomic(), clock.in_department_time(), fast_session():
            world = large.build_world(factor=factor, progress=progress)
            # The order the tables are made in is the order rows reach the database: parents first.
            presentations = LargePresentations(world)
            field = FieldWork(world)
            concerns = Concerns(world)
            presentations.link_tables()
            field.link_tables()
            surveys = LargeSurveys(world)
            presentations.seed(concerns)
            field.watch_groups()
            field.partnerships_and_log(concerns)
            field.projects_and_notes(concerns)
            intake = world.count("concerns") - concerns.concerns.total - world.count("survey_concerns")
            field.intake(concerns, max(0, intake))
            field.referrals_and_outreach()
            surveys.seed(concerns)
            world.loader.finish()
            progress.step(
                f"{sum(table.count for table in world.loader.tables):,} rows in all; "
                f"{concerns.concerns.count:,} concerns, {concerns.plans.plans.count:,} action plans"
            )
        progress.step("every foreign key checked")
        analyze()
        progress.step("planner statistics updated (ANALYZE)")
        progress.step(f"survey results tallied: {LargeSurveys.tally()} surveys (tally_survey_responses)")
        self.stdout.write(self.style.SUCCESS(f"Large data set ready in {progress.elapsed():.0f} s."))

    def _reset(self):
        area_codes = [code for code, *_rest in AREAS]
        reset_holds(self._usernames())
        reset_reports()
        WatchGroup.objects.filter(Q(area_command__code__in=area_codes) | Q(area_command__isnull=True)).delete()
        Referral.objects.filter(area_command__code__in=area_codes).delete()
        PartnershipLogEntry.objects.filter(partnership__organization__area_command__code__in=area_codes).delete()
        Partnership.objects.filter(organization__area_command__code__in=area_codes).delete()
        ImmigrationOutreach.objects.filter(organization__area_command__code__in=area_codes).delete()
        PresentationRequest.objects.all().delete()
        reset_surveys()
        ActionPlan.objects.filter(area_command__code__in=area_codes).delete()
        Project.objects.filter(area_command__code__in=area_codes).delete()
        concerns = Concern.objects.filter(area_command__code__in=area_codes)
        ConcernEvent.objects.filter(concern__in=concerns).delete()
        concerns.update(merged_into=None)
        concerns.delete()
        PresentationAttachment.objects.filter(presentation__area_command__code__in=area_codes).delete()
        Presentation.objects.filter(area_command__code__in=area_codes).delete()
        Organization.objects.filter(area_command__code__in=area_codes).delete()
        User.objects.filter(username__in=self._usernames()).delete()
        Sector.objects.filter(area_command__code__in=area_codes).delete()
        AreaCommand.objects.filter(code__in=area_codes).delete()

    def _usernames(self):
        names = [username for username, *_rest in DEPARTMENT_WIDE_USERS]
        names += [f"{code}.{suffix}" for code, *_rest in AREAS for suffix, *_r in AREA_USERS]
        return names

    def _department(self):
        department = Department.load()
        if department.name == "Police Department" and not department.address:
            for field, value in DEPARTMENT.items():
                setattr(department, field, value)
            department.save()

    def _areas(self):
        areas, sectors = {}, {}
        for code, name, description, area_sectors in AREAS:
            area, _created = AreaCommand.objects.get_or_create(
                code=code, defaults={"name": name, "description": description}
            )
            areas[code] = area
            for sector_code, sector_name in area_sectors:
                sectors[sector_code], _created = Sector.objects.get_or_create(
                    area_command=area, code=sector_code, defaults={"name": sector_name}
                )
        return areas, sectors

    def _users(self, areas):
        wanted = [
            (username, first, last, role, areas.get(area_code), badge)
            for username, first, last, role, area_code, badge in DEPARTMENT_WIDE_USERS
        ]
        badge = 200
        for index, (code, *_rest) in enumerate(AREAS):
            for suffix, role, names in AREA_USERS:
                badge += 1
                first, last = names[index]
                wanted.append((f"{code}.{suffix}", first, last, role, areas[code], str(badge)))
        created = []
        for username, first, last, role, area, badge_number in wanted:
            if User.objects.filter(username=username).exists():
                continue
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                role=role,
                area_command=area,
                badge_number=badge_number,
                email=f"{username}@fairview.example",
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            created.append(user)
        # Each area's officers work in its sergeant's unit.
        for area in areas.values():
            sergeant = area.members.filter(role=User.Role.SERGEANT).first()
            area.members.filter(role=User.Role.OFFICER, sergeant__isnull=True).update(sergeant=sergeant)
        return created

    def _organizations(self, areas, sectors):
        count = 0
        for area_code, organizations in ORGANIZATIONS.items():
            for name, kind, sector_code, contact in organizations:
                slug = "".join(ch for ch in name.lower() if ch.isalnum())[:20]
                _organization, created = Organization.objects.get_or_create(
                    name=name,
                    area_command=areas[area_code],
                    defaults={
                        "kind": kind,
                        "sector": sectors[sector_code],
                        "contact_name": contact,
                        "phone": f"(555) 01{count % 10}-{1000 + count * 37 % 9000:04d}",
                        "email": f"contact@{slug}.example",
                        "address": f"{100 + count * 12} {sectors[sector_code].name} Avenue, Fairview",
                    },
                )
                count += created
        return count

    def _presentations(self, areas):
        """About three presentations a month per area, 12 months back and 2 ahead, at every stage."""
        if Presentation.objects.filter(area_command__in=areas.values()).exists():
            return 0
        rng = random.Random(2026)
        programs = list(Program.objects.active().order_by("name"))
        crime_types = {c.code: c for c in CrimeType.objects.all()}
        today = clock.today()
        now = timezone.now()
        count = 0
        for area in areas.values():
            officers = list(area.members.filter(role=User.Role.OFFICER).order_by("username"))
            sergeant = area.members.get(role=User.Role.SERGEANT)
            organizations = list(area.organizations.order_by("name"))
            sectors = list(area.sectors.order_by("code"))
            for week in range(-52, 9, 1):
                if rng.random() < 0.3:
                    continue
                day = today + timedelta(weeks=week, days=rng.randint(0, 4))
                starts_at = timezone.make_aware(datetime.combine(day, time(rng.choice([10, 14, 18, 19]), 0)))
                author = rng.choice(officers)
                organization = rng.choice(organizations)
                if starts_at > now:
                    status = Presentation.Status.SCHEDULED
                elif week >= -1:
                    status = rng.choice([Presentation.Status.DRAFT, Presentation.Status.SUBMITTED])
                elif week >= -3:
                    status = rng.choice(
                        [Presentation.Status.SUBMITTED, Presentation.Status.RETURNED, Presentation.Status.APPROVED]
                    )
                else:
                    status = Presentation.Status.APPROVED
                reported = status != Presentation.Status.SCHEDULED
                reviewed = status in (Presentation.Status.APPROVED, Presentation.Status.RETURNED)
                returned = status == Presentation.Status.RETURNED
                presentation = Presentation.objects.create(
                    program=rng.choice(programs),
                    starts_at=starts_at,
                    duration_minutes=rng.choice([45, 60, 90]),
                    place=organization.address or organization.name,
                    area_command=area,
                    sector=organization.sector or (rng.choice(sectors) if sectors else None),
                    organization=organization,
                    participants=rng.randint(8, 80) if reported else None,
                    potential_problems=rng.choice(["", "", "Residents reluctant to call about the drug house."]),
                    is_public=rng.random() < 0.4,
                    status=status,
                    author=author,
                    submitted_at=(
                        starts_at + timedelta(days=1) if reported and status != Presentation.Status.DRAFT else None
                    ),
                    reviewed_by=sergeant if reviewed else None,
                    reviewed_at=starts_at + timedelta(days=2) if reviewed else None,
                    review_comment="Please list the concerns participants raised." if returned else "",
                )
                presentation.presenters.set([author])
                self._events(presentation, sergeant)
                if rng.random() < 0.35:
                    self._answered_request(rng, presentation, sergeant, now)
                if reported:
                    for code, text, potential in rng.sample(CONCERNS, rng.randint(0, 3)):
                        concern = Concern.objects.create(
                            received_on=day,
                            source=Concern.Source.PRESENTATION,
                            category=crime_types[code],
                            description=text,
                            is_potential_problem=potential,
                            area_command=area,
                            sector=presentation.sector,
                            created_by=author,
                        )
                        PresentationConcern.objects.create(presentation=presentation, concern=concern)
                count += 1
        return count

    def _answered_request(self, rng, presentation, sergeant, now):
        """A citizen's request that led to ``presentation`` (one in four declined), answered in hours or days."""
        received = presentation.starts_at - timedelta(days=rng.randint(12, 40))
        answered = received + timedelta(hours=rng.choice([3, 6, 20, 30, 52, 75, 120]))
        if answered > now:
            return
        declined = rng.random() < 0.25
        organization = presentation.organization
        request_obj = PresentationRequest.objects.create(
            requester_name=rng.choice(REQUESTERS),
            organization_name=organization.name if organization else "",
            email=f"requests+{presentation.pk}@example.org",
            program=presentation.program,
            preferred_date=clock.date_of(presentation.starts_at),
            audience_size=rng.randint(15, 60),
            address=presentation.place,
            area_command=presentation.area_command,
            status=PresentationRequest.Status.DECLINED if declined else PresentationRequest.Status.ACCEPTED,
            presentation=None if declined else presentation,
            decline_reason="No officer is free that week; please ask again for a later date." if declined else "",
            handled_by=sergeant,
            handled_at=answered,
        )
        PresentationRequest.objects.filter(pk=request_obj.pk).update(created_at=received)

    def _events(self, presentation, sergeant):
        Action, Status = PresentationEvent.Action, Presentation.Status
        steps = [(Action.SCHEDULED, presentation.author, presentation.starts_at - timedelta(days=14))]
        if presentation.status != Status.SCHEDULED:
            steps.append((Action.REPORT_STARTED, presentation.author, presentation.starts_at + timedelta(hours=2)))
        if presentation.submitted_at:
            steps.append((Action.SUBMITTED, presentation.author, presentation.submitted_at))
        if presentation.status == Status.RETURNED:
            steps.append((Action.RETURNED, sergeant, presentation.reviewed_at, presentation.review_comment))
        if presentation.status == Status.APPROVED:
            steps.append((Action.APPROVED, sergeant, presentation.reviewed_at))
        PresentationEvent.objects.bulk_create(
            PresentationEvent(
                presentation=presentation,
                action=step[0],
                by=step[1],
                at=step[2],
                comment=step[3] if len(step) > 3 else "",
            )
            for step in steps
        )

    def _field_work(self, areas):
        """Watch groups, partnerships, referrals, public requests and immigration-policy outreach."""
        if WatchGroup.objects.filter(area_command__in=areas.values()).exists():
            return
        rng = random.Random(99)
        now = timezone.now()
        today = clock.today()
        for area in areas.values():
            officers = list(area.members.filter(role=User.Role.OFFICER).order_by("username"))
            sergeant = area.members.get(role=User.Role.SERGEANT)
            sectors = list(area.sectors.order_by("code"))
            for index, (status, months_since_meeting) in enumerate(
                [(WatchGroup.Status.ACTIVE, 1), (WatchGroup.Status.ACTIVE, 8), (WatchGroup.Status.ORGANIZING, None)]
            ):
                sector = sectors[index % len(sectors)]
                group = WatchGroup.objects.create(
                    name=f"{sector.name} {'Business' if index == 2 else 'Block'} Watch",
                    kind=WatchGroup.Kind.BUSINESS if index == 2 else WatchGroup.Kind.RESIDENTIAL,
                    area_command=area,
                    sector=sector,
                    boundaries=f"{sector.name}: {100 * (index + 1)} to {100 * (index + 4)} blocks",
                    status=status,
                    liaison_officer=officers[index % len(officers)],
                    households=rng.randint(8, 60),
                )
                BlockCaptain.objects.create(
                    group=group,
                    name=f"Captain of {group.name}",
                    phone="(555) 010-7700",
                    block=f"{100 * (index + 1)} block",
                )
                if months_since_meeting:
                    for meeting in range(3):
                        WatchMeeting.objects.create(
                            group=group,
                            held_on=now - timedelta(days=30 * months_since_meeting + 60 * meeting),
                            place=f"{sector.name} community room",
                            attendance=rng.randint(6, 30),
                            officer_present=group.liaison_officer,
                        )
            for organization in area.organizations.order_by("name")[:2]:
                partnership = Partnership.objects.create(
                    organization=organization,
                    purpose=f"Work with {organization.name} on thefts and quality-of-life problems nearby.",
                    responsible_officer=rng.choice(officers),
                    starts_on=today - timedelta(days=rng.randint(60, 300)),
                )
                for days_ago in sorted(rng.sample(range(1, 60), 5)):
                    PartnershipLogEntry.objects.create(
                        partnership=partnership,
                        logged_on=today - timedelta(days=days_ago),
                        officer=partnership.responsible_officer,
                        information=rng.choice(
                            [
                                "Manager reported two shoplifting incidents this week.",
                                "Members asked for more patrols near the bus stop after dark.",
                                "Shared the new lighting plan for the parking lot.",
                                "Graffiti cleaned up; no new incidents since.",
                            ]
                        ),
                        follow_up_needed=rng.random() < 0.3,
                    )
            for kind, agency, due_in, confirmed in [
                (Referral.Kind.CODE_VIOLATION, "City code enforcement", -6, False),
                (Referral.Kind.DRUG_HOUSE, "Narcotics unit", 5, False),
                (Referral.Kind.ELDER_ABUSE, "Adult protective services", -20, True),
                (Referral.Kind.MENTAL_HEALTH, "Crisis outreach team", 10, False),
            ]:
                officer = rng.choice(officers)
                Referral.objects.create(
                    kind=kind,
                    agency=agency,
                    summary="Details shared with the agency by phone and e-mail.",
                    area_command=area,
                    officer=officer,
                    referred_on=today - timedelta(days=30),
                    follow_up_due=today + timedelta(days=due_in),
                    follow_up_confirmed_on=today - timedelta(days=10) if confirmed else None,
                    confirmed_by=sergeant if confirmed else None,
                    outcome="The agency opened a case and visited." if confirmed else "",
                )
        reached = Organization.objects.filter(kind=Organization.Kind.FAMILY_VIOLENCE, area_command__code="north")
        for organization in reached:
            ImmigrationOutreach.objects.create(
                organization=organization,
                reached_on=today - timedelta(days=40),
                officer=organization.area_command.members.filter(role=User.Role.OFFICER).first(),
                notes="Brochures in English and Spanish left with the intake staff.",
            )
        WatchGroup.objects.create(
            name="Maple Court Watch",
            boundaries="Maple Court, the whole cul-de-sac",
            status=WatchGroup.Status.REQUESTED,
            started_by=WatchGroup.StartedBy.CITIZENS,
            requester_name="Paul Garcia",
            requester_email="paul.garcia@example.org",
            requester_phone="(555) 010-3344",
            households=14,
        )
        stranger_danger = Program.objects.filter(name="Stranger Danger").first()
        for name, organization, topic, days_ahead, language in [
            ("Ann Cho", "Lincoln Elementary PTA", "", 21, "en"),
            ("Rosa Jiménez", "Centro Comunitario Latino", "Prevención de fraudes", 30, "es"),
            ("Bill Hart", "Industrial Park Owners Council", "After-hours burglary", 18, "en"),
        ]:
            PresentationRequest.objects.create(
                requester_name=name,
                organization_name=organization,
                email=f"{name.split()[0].lower()}@example.org",
                program=None if topic else stranger_danger,
                topic=topic,
                preferred_date=today + timedelta(days=days_ahead),
                audience_size=rng.randint(15, 60),
                address=f"{rng.randint(10, 900)} Main Street, Fairview",
                language=language,
            )
