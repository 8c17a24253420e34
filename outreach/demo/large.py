"""The large demo (``seed_demo --scale large``): five years of a department of six area commands.

This module builds the people and places: three more area commands with their sectors, about a
thousand staff, three thousand organizations, and the ``World`` every later step draws from — the
days of the five years weighted by season, each area's weight (Southeast is busy, Valley quiet) and
its officers weighted Zipf-like, so a few carry much of the work (each demo area's ``officer1`` is
its busiest). The records themselves are written by ``outreach.demo.large_work``, ``programs.demo``
and ``surveys.demo_large`` through one ``outreach.lib.bulk.Loader``.

Bulk rows get no simple_history rows: the history of made-up data is not needed, and the pages read
the records, not their history. Every constraint, key and state rule the app relies on holds.
"""

import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from outreach import clock, roles
from outreach.lib.bulk import Loader
from outreach.models import AreaCommand, Organization, Sector, User

from .two_factor import enrol

SEED = 2026
YEARS = 5
# Nothing ahead of today but presentations scheduled within this many days.
DAYS_AHEAD = 60

# What the large demo adds at factor 1.0, near the sizes a department collects in five years.
COUNTS = {
    "officers_per_weight": 140,
    "officers_per_sergeant": 10,
    "lieutenants_per_area": 3,
    "records_staff": 4,
    "organizations": 3_000,
    "presentations": 150_000,
    "concerns": 100_000,
    "survey_concerns": 4_000,
    "watch_groups": 2_000,
    "partnerships": 5_000,
    "partnership_log_entries": 200_000,
    "projects": 250,
    "referrals": 30_000,
    "responses": 1_000_000,
}

# The demo's three area commands and three more; the weight is each one's share of the work.
AREA_WEIGHTS = {"north": 1.0, "southeast": 1.8, "westside": 0.9}
NEW_AREAS = [
    (
        "eastside",
        "Eastside Area Command",
        "The east bench, the hospital district and the rail yards.",
        1.0,
        [("E1", "Bench Heights"), ("E2", "Hospital District"), ("E3", "Rail Yards"), ("E4", "Eastgate")],
    ),
    (
        "central",
        "Central Area Command",
        "Old town, the courthouse square and the arts district.",
        1.1,
        [("C1", "Old Town"), ("C2", "Courthouse Square"), ("C3", "Arts District"), ("C4", "Lakeside")],
    ),
    (
        "valley",
        "Valley Area Command",
        "Farms, the reservoir and the small towns of the valley.",
        0.35,
        [("V1", "Reservoir"), ("V2", "Orchard Road"), ("V3", "Pine Hollow")],
    ),
]
# A marker: the large data set is there once this area command is.
MARKER_AREA = "valley"

# More work from spring to late summer, least in December (January first).
MONTH_WEIGHTS = (0.8, 0.85, 1.0, 1.1, 1.2, 1.25, 1.25, 1.15, 1.05, 1.0, 0.85, 0.55)
# Presentations and meetings happen on working days; concerns come in every day.
WORKDAY_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 0.95, 0.35, 0.12)
EVERYDAY_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 1.0, 0.75, 0.6)
# Outreach grows a little every year.
YEARLY_GROWTH = 0.06
# Officers' shares of their area's work fall off as rank ** -ZIPF.
ZIPF = 0.6

FIRST_NAMES = [
    "James",
    "Maria",
    "Robert",
    "Linda",
    "Michael",
    "Patricia",
    "David",
    "Jennifer",
    "Daniel",
    "Elizabeth",
    "Joseph",
    "Susan",
    "Thomas",
    "Jessica",
    "Carlos",
    "Ana",
    "Luis",
    "Sofia",
    "Miguel",
    "Lucia",
    "Jorge",
    "Rosa",
    "Ahmed",
    "Fatima",
    "Wei",
    "Mei",
    "Hiroshi",
    "Yuki",
    "Kwame",
    "Amara",
    "Ivan",
    "Olga",
    "Noah",
    "Emma",
    "Liam",
    "Olivia",
    "Ethan",
    "Ava",
    "Mason",
    "Isabella",
    "Lucas",
    "Mia",
    "Jamal",
    "Aaliyah",
    "Tyrone",
    "Keisha",
    "Diego",
    "Valentina",
    "Raj",
    "Priya",
    "Sanjay",
    "Anita",
    "Tuan",
    "Linh",
    "Omar",
    "Leila",
    "Sean",
    "Bridget",
    "Erik",
    "Ingrid",
    "Mateo",
    "Camila",
    "Andre",
    "Nia",
]
LAST_NAMES = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Chen",
    "Patel",
    "Kim",
    "Okafor",
    "Mensah",
    "Yazzie",
    "Begay",
    "Tsosie",
    "Ortiz",
    "Morales",
    "Castillo",
    "Romero",
    "Herrera",
    "Medina",
    "Aguilar",
    "Vasquez",
    "Kowalski",
    "Novak",
    "Schmidt",
    "Muller",
    "Rossi",
    "Russo",
    "Haddad",
    "Nakamura",
]
STREETS = [
    "Oak",
    "Maple",
    "Cedar",
    "Pine",
    "Elm",
    "Birch",
    "Willow",
    "Aspen",
    "Juniper",
    "Sycamore",
    "Magnolia",
    "Poplar",
    "Walnut",
    "Chestnut",
    "Hickory",
    "Spruce",
    "Laurel",
    "Cypress",
    "Alder",
    "Hawthorn",
    "Main",
    "Church",
    "Market",
    "Mill",
    "Park",
    "Lake",
    "River",
    "Spring",
    "Hill",
    "Ridge",
    "Valley",
    "Sunset",
    "Highland",
    "Canyon",
    "Mesa",
    "Prairie",
    "Meadow",
    "Orchard",
    "Garden",
    "Harbor",
    "Bridge",
    "Station",
    "College",
    "Union",
    "Liberty",
]
ORGANIZATION_KINDS = [
    # kind, weight, name patterns ({street}, {sector})
    (Organization.Kind.NEIGHBORHOOD, 22, ["{street} Street Neighborhood Association", "{sector} Residents' Council"]),
    (Organization.Kind.BUSINESS, 20, ["{street} Avenue Merchants", "{sector} Business Association"]),
    (Organization.Kind.SCHOOL, 12, ["{street} Elementary School", "{street} Middle School", "{sector} High School"]),
    (Organization.Kind.FAITH, 12, ["{street} Street Church", "{sector} Mosque", "Temple of {street} Hill"]),
    (Organization.Kind.CIVIC, 10, ["{sector} Civic League", "{street} Rotary Club"]),
    (Organization.Kind.NONPROFIT, 10, ["{sector} Food Pantry", "{street} Youth Center", "{sector} Seniors Club"]),
    (Organization.Kind.CULTURAL, 8, ["{sector} Latino Association", "{street} Asian Community Center"]),
    (Organization.Kind.FAMILY_VIOLENCE, 2, ["{sector} Family Shelter"]),
    (Organization.Kind.SEXUAL_ASSAULT, 1, ["{sector} Rape Crisis Program"]),
    (Organization.Kind.OTHER, 3, ["{street} Apartments Management", "{sector} Transit Center"]),
]


@dataclass
class Area:
    """An area command as the generators need it: ids and weighted choices, no queries."""

    id: int
    code: str
    name: str
    weight: float
    sectors: list
    officers: list
    officer_weights: list
    sergeant_of: dict
    sergeants: list
    lieutenants: list
    commander: int
    organizations: list = field(default_factory=list)

    def sector(self, rng):
        return rng.choice(self.sectors)

    def officer(self, rng):
        return self.officers[bisect(self.officer_weights, rng.random() * self.officer_weights[-1])]

    def other_officer(self, rng, officer):
        other = self.officer(rng)
        return other if other != officer else rng.choice(self.officers)

    def sergeant_for(self, officer, rng):
        return self.sergeant_of.get(officer) or rng.choice(self.sergeants)


class World:
    """Everything the large generators share: the random source, the calendar, the areas and the loader."""

    def __init__(self, *, factor, progress, areas):
        self.rng = random.Random(SEED)
        self.factor = factor
        self.progress = progress
        self.loader = Loader()
        self.zone = timezone.get_current_timezone()
        self.today = clock.today()
        self.now = timezone.now()
        self.start = years_back(self.today, YEARS) + timedelta(days=1)
        self.areas = areas
        self._area_weights = list(accumulate(area.weight for area in areas))
        self.days = [self.start + timedelta(days=n) for n in range((self.today - self.start).days + 1)]
        self._workdays = list(accumulate(self._day_weight(day, WORKDAY_WEIGHTS) for day in self.days))
        self._everydays = list(accumulate(self._day_weight(day, EVERYDAY_WEIGHTS) for day in self.days))
        self.chief = User.objects.get(username="chief").pk
        self.records = list(User.objects.filter(role=User.Role.RECORDS).order_by("pk").values_list("pk", flat=True))
        self.midnights = {}
        # What the surveys' forum links point at: (id, area id, day) of presentations given and watch meetings.
        self.presentations = []
        self.meetings = []

    def count(self, name):
        return max(1, round(COUNTS[name] * self.factor))

    def _day_weight(self, day, weekdays):
        years_ago = (self.today - day).days / 365
        return MONTH_WEIGHTS[day.month - 1] * weekdays[day.weekday()] * (1 - YEARLY_GROWTH) ** years_ago

    def area(self):
        return self.areas[bisect(self._area_weights, self.rng.random() * self._area_weights[-1])]

    def workday(self, since=None, until=None):
        """A working day of the five years, by season; between ``since`` and ``until`` when given."""
        return self._pick(self._workdays, since, until)

    def day(self, since=None, until=None):
        """Any day of the five years, by season; between ``since`` and ``until`` when given."""
        return self._pick(self._everydays, since, until)

    def _pick(self, cumulative, since, until):
        low = 0 if since is None else min(len(self.days) - 1, max(0, (since - self.start).days))
        high = len(self.days) if until is None else max(low + 1, min(len(self.days), (until - self.start).days + 1))
        floor = cumulative[low - 1] if low else 0.0
        point = floor + self.rng.random() * (cumulative[high - 1] - floor)
        return self.days[min(high - 1, bisect(cumulative, point, lo=low, hi=high))]

    def weight(self, since, until):
        """The season-weighted number of days from ``since`` to ``until``."""
        low = max(0, (since - self.start).days)
        high = min(len(self.days), (until - self.start).days + 1)
        if high <= low:
            return 0.0
        return self._everydays[high - 1] - (self._everydays[low - 1] if low else 0.0)

    def at(self, day, hour, minute=0):
        """An aware moment of the department's clock: ``day`` at ``hour:minute``."""
        midnight = self.midnights.get(day)
        if midnight is None:
            midnight = self.midnights[day] = datetime.combine(day, time(0), tzinfo=self.zone)
        return midnight + timedelta(hours=hour, minutes=minute)

    def past(self, moment):
        """``moment``, or now when it would be in the future."""
        return min(moment, self.now)

    def person(self):
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def phone(self):
        return f"(555) 01{self.rng.randint(0, 9)}-{self.rng.randint(1000, 9999)}"

    def address(self, area):
        return f"{self.rng.randint(100, 9899)} {self.rng.choice(STREETS)} Street, {self.rng.choice(area.sectors)[1]}"


def is_seeded():
    return AreaCommand.objects.filter(code=MARKER_AREA).exists()


def build_world(*, factor, progress):
    """The new area commands and sectors, the staff of all six, the organizations: the ``World``."""
    rng = random.Random(SEED - 1)
    for code, name, description, _weight, sectors in NEW_AREAS:
        area = AreaCommand.objects.create(code=code, name=name, description=description)
        Sector.objects.bulk_create(Sector(area_command=area, code=c, name=n) for c, n in sectors)
    weights = {**AREA_WEIGHTS, **{code: weight for code, _n, _d, weight, _s in NEW_AREAS}}
    users = _staff(rng, factor, weights)
    areas = []
    for area in AreaCommand.objects.filter(code__in=weights).order_by("pk"):
        members = list(area.members.order_by("pk"))
        officers = [u for u in members if u.role == User.Role.OFFICER]
        # The demo's first officer is the busiest; the rest in a fixed random order.
        demo = [u for u in officers if u.username.endswith(".officer1")]
        others = [u for u in officers if u not in demo]
        rng.shuffle(others)
        officers = demo + others
        areas.append(
            Area(
                id=area.pk,
                code=area.code,
                name=area.name,
                weight=weights[area.code],
                sectors=list(area.sectors.order_by("code").values_list("pk", "name")),
                officers=[u.pk for u in officers],
                officer_weights=list(accumulate((rank + 1) ** -ZIPF for rank in range(len(officers)))),
                sergeant_of={u.pk: u.sergeant_id for u in officers if u.sergeant_id},
                sergeants=[u.pk for u in members if u.role == User.Role.SERGEANT],
                lieutenants=[u.pk for u in members if u.role == User.Role.LIEUTENANT],
                commander=next(u.pk for u in members if u.role == User.Role.COMMANDER),
            )
        )
    world = World(factor=factor, progress=progress, areas=areas)
    progress.step(f"{len(areas)} area commands, {users:,} new staff ({User.objects.count():,} users in all)")
    organizations = _organizations(world)
    progress.step(f"{organizations:,} organizations")
    return world


def _staff(rng, factor, weights):
    """Command staff, sergeants and officers for every area, records staff; all log in as the demo users do."""
    password = make_password("outreach-demo-2026")
    taken = set(User.objects.values_list("username", flat=True))
    badges = iter(range(1000, 100_000))
    joined = timezone.now() - timedelta(days=365 * (YEARS + 1))

    def user(username, role, area=None, sergeant=None):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        return User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@fairview.example",
            role=role,
            area_command=area,
            sergeant=sergeant,
            badge_number=str(next(badges)) if role in roles.AREA_ROLES else "",
            password=password,
            is_staff=role in roles.ADMIN_SITE_ROLES,
            date_joined=joined,
        )

    def fresh(prefix, wanted):
        """The next ``wanted`` free user names ``prefix1``, ``prefix2``, …"""
        names, number = [], 0
        while len(names) < wanted:
            number += 1
            if f"{prefix}{number}" not in taken:
                names.append(f"{prefix}{number}")
        return names

    created = []
    for area in AreaCommand.objects.filter(code__in=weights).order_by("pk"):
        lead = []
        if not area.members.filter(role=User.Role.COMMANDER).exists():
            lead.append(user(f"{area.code}.commander", User.Role.COMMANDER, area))
        lieutenants = COUNTS["lieutenants_per_area"]
        have = area.members.filter(role=User.Role.LIEUTENANT).count()
        lead += [user(n, User.Role.LIEUTENANT, area) for n in fresh(f"{area.code}.lieutenant", lieutenants - have)]
        officers = max(2, round(COUNTS["officers_per_weight"] * weights[area.code] * factor))
        sergeants = max(1, round(officers / COUNTS["officers_per_sergeant"]))
        have = list(area.members.filter(role=User.Role.SERGEANT))
        new_sergeants = [
            user(n, User.Role.SERGEANT, area) for n in fresh(f"{area.code}.sergeant", sergeants - len(have))
        ]
        User.objects.bulk_create(lead + new_sergeants)
        created += lead + new_sergeants
        units = have + new_sergeants
        have_officers = area.members.filter(role=User.Role.OFFICER).count()
        new_officers = [
            user(n, User.Role.OFFICER, area, sergeant=units[index % len(units)])
            for index, n in enumerate(fresh(f"{area.code}.officer", officers - have_officers))
        ]
        User.objects.bulk_create(new_officers)
        created += new_officers
    records = [user(n, User.Role.RECORDS) for n in fresh("records", COUNTS["records_staff"])]
    User.objects.bulk_create(records)
    created += records
    groups = {group.name: group for group in Group.objects.filter(name__in=roles.ROLE_GROUPS.values())}
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=u.pk, group_id=groups[roles.ROLE_GROUPS[u.role]].pk) for u in created
    )
    enrol(created)
    return len(created)


def _organizations(world):
    rng, total = world.rng, world.count("organizations")
    weight_sum = sum(area.weight for area in world.areas)
    kinds = [kind for kind, _w, _p in ORGANIZATION_KINDS]
    kind_weights = [weight for _k, weight, _p in ORGANIZATION_KINDS]
    patterns = {kind: names for kind, _w, names in ORGANIZATION_KINDS}
    made = []
    for area in world.areas:
        names = set()
        for _ in range(max(2, round(total * area.weight / weight_sum))):
            kind = rng.choices(kinds, kind_weights)[0]
            sector_id, sector_name = area.sector(rng)
            name = rng.choice(patterns[kind]).format(street=rng.choice(STREETS), sector=sector_name)
            if name in names:
                name = f"{name} ({rng.choice(STREETS)} branch)"
            names.add(name)
            slug = "".join(ch for ch in name.lower() if ch.isalnum())[:24]
            made.append(
                Organization(
                    name=name,
                    kind=kind,
                    area_command_id=area.id,
                    sector_id=sector_id,
                    contact_name=world.person(),
                    phone=world.phone(),
                    email=f"contact@{slug}.example",
                    address=world.address(area),
                )
            )
    Organization.objects.bulk_create(made, batch_size=2_000)
    by_area = {area.id: area for area in world.areas}
    rows = Organization.objects.filter(area_command_id__in=by_area).order_by("pk")
    for pk, area_id, sector_id, kind, address in rows.values_list(
        "pk", "area_command_id", "sector_id", "kind", "address"
    ):
        by_area[area_id].organizations.append((pk, sector_id, kind, address))
    return len(made)


def years_back(today, years):
    """The same day ``years`` years ago (28 February for a 29th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return date(today.year - years, 2, 28)
