import csv
import io

import pytest
from django.urls import reverse

from outreach.models import CrimeType, Department
from programs.models import Program
from programs.tests.factories import ProgramFactory

# Every program the five department policies name, typed here from the policy texts
# (not from the migration) so that the seed is checked against the source.
POLICY_PROGRAMS = [
    # SOP 121.01 §IV.A
    "Neighborhood Watch",
    "Home Security Survey",
    "Business Security Survey",
    "Shoplifting Awareness",
    "Worthless Check Procedure",
    "Fraud Information for Businesses",
    "Drug and Alcohol Information",
    "Stranger Danger",
    "Pedestrian Safety",
    "Drug and Alcohol Abuse Prevention for Children",
    "Vandalism Prevention for Children",
    "Bicycle Safety",
    "Emergencies: When and How to Call 911",
    "Seat Belts",
    "Personal Character",
    # Policy 99-027 §II.C
    "Community Group Liaison Meetings",
    "McGruff the Crime Dog",
    "Crime Stoppers",
    "Burglary Prevention",
    "Rape Prevention",
    "Fraud Prevention",
    "Emergency Reporting Procedure",
    "Operation ID",
    "Robbery Prevention",
    "Commercial Burglary Prevention",
    # Policy 4.9 §III.C.1 and the Texas sample policy
    "Community Forums",
    "Coffee with the Chief",
    "Police Station Open House",
    "Social Media Outreach",
    "Lunch with Officers at Schools",
    "Police Activities League (PAL)",
    "Youth Mentorship Program",
    "Civic and Religious Functions",
    "Blue Santa / Silver Santa",
    "Infant Seat Installation Safety Checks",
    "Citizens Helping in Policing",
    "Back to School – Shopping with a Cop",
    "Are U OK Senior Citizen Program",
    "D.A.R.E.",
    "Community Surveys",
    "Run for the Heroes 5K Race",
    "VIN Etching",
    "Citizens Police Academy",
    # SOP 4-7 §4-7-5.E.2
    "Community Policing Council Meetings",
]

CRIME_TYPES = [
    "burglary",
    "robbery",
    "theft",
    "fraud",
    "vandalism",
    "drugs",
    "traffic",
    "family_violence",
    "sexual_assault",
    "child_safety",
    "quality_of_life",
]


def test_catalog_is_seeded_with_every_program_the_policies_name(db):
    seeded = set(Program.objects.values_list("name", flat=True))

    assert set(POLICY_PROGRAMS) <= seeded


def test_every_category_of_the_catalog_is_represented(db):
    used = set(Program.objects.values_list("category", flat=True))

    assert used == set(Program.Category.values)


def test_crime_type_vocabulary_is_seeded_in_english_and_spanish(db):
    codes = set(CrimeType.objects.values_list("code", flat=True))

    assert set(CRIME_TYPES) <= codes
    assert not CrimeType.objects.filter(name_es="").exists()


def test_programs_are_targeted_by_crime_type(db):
    burglary = CrimeType.objects.get(code="burglary")

    names = set(Program.objects.active().addressing([burglary]).values_list("name", flat=True))

    assert {"Burglary Prevention", "Home Security Survey", "Neighborhood Watch"} <= names
    assert "Bicycle Safety" not in names


def test_catalog_filters_by_category_and_crime_type(client, people):
    client.force_login(people.officer)

    response = client.get(
        reverse("programs:program_list"),
        {"category": Program.Category.ELEMENTARY, "crime_type": CrimeType.objects.get(code="traffic").pk},
    )

    names = {p.name for p in response.context["page"].object_list}
    assert names == {"Pedestrian Safety", "Bicycle Safety", "Seat Belts"}


def test_catalog_query_count_is_pinned(client, people, django_assert_num_queries):
    Department.load()
    client.force_login(people.officer)

    # session, user, department, permissions (2), count, page, crime types of the page, filter choices
    with django_assert_num_queries(9):
        response = client.get(reverse("programs:program_list"))

    assert len(response.context["page"].object_list) == 25


def test_catalog_exports_csv_from_the_same_filter(client, people):
    client.force_login(people.officer)

    response = client.get(reverse("programs:program_list"), {"category": Program.Category.SENIOR, "format": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][0] == "Name"
    assert [row[0] for row in rows[1:]] == ["Are U OK Senior Citizen Program"]


def test_records_staff_add_a_program(client, people):
    client.force_login(people.records)
    burglary = CrimeType.objects.get(code="burglary")

    response = client.post(
        reverse("programs:program_create"),
        {
            "name": "Porch Pirate Prevention",
            "category": Program.Category.CRIME_AWARENESS,
            "audience": "Residents",
            "crime_types": [burglary.pk],
        },
    )

    program = Program.objects.get(name="Porch Pirate Prevention")
    assert response.status_code == 302
    assert list(program.crime_types.all()) == [burglary]


def test_duplicate_program_name_is_explained(client, people):
    client.force_login(people.records)

    response = client.post(
        reverse("programs:program_create"), {"name": "Neighborhood Watch", "category": "crime_awareness"}
    )

    assert response.status_code == 200
    assert "name" in response.context["form"].errors


@pytest.mark.parametrize("role", ["officer", "sergeant", "commander"])
def test_roles_outside_the_catalog_editors_are_refused(client, people, role):
    program = ProgramFactory()
    client.force_login(getattr(people, role))

    assert client.get(reverse("programs:program_create")).status_code == 403
    assert client.get(reverse("programs:program_edit", args=[program.pk])).status_code == 403
    assert client.post(reverse("programs:program_retire", args=[program.pk])).status_code == 403
    program.refresh_from_db()
    assert program.is_active


def test_retiring_asks_for_confirmation_first(client, people):
    program = ProgramFactory()
    client.force_login(people.records)

    confirmation = client.get(reverse("programs:program_retire", args=[program.pk]))
    program.refresh_from_db()

    assert confirmation.status_code == 200
    assert b"Retire the program" in confirmation.content
    assert program.is_active


def test_retired_program_leaves_the_catalog_but_stays_on_record(client, people):
    program = ProgramFactory(name="Old Program")
    client.force_login(people.records)

    client.post(reverse("programs:program_retire", args=[program.pk]))
    offered = client.get(reverse("programs:program_list"), {"q": "Old Program"})
    retired = client.get(reverse("programs:program_list"), {"q": "Old Program", "status": "retired"})

    program.refresh_from_db()
    assert not program.is_active
    assert list(offered.context["page"].object_list) == []
    assert list(retired.context["page"].object_list) == [program]


def test_reinstating_is_a_post_only_action(client, people):
    program = ProgramFactory(is_active=False)
    client.force_login(people.records)

    assert client.get(reverse("programs:program_reinstate", args=[program.pk])).status_code == 405
    client.post(reverse("programs:program_reinstate", args=[program.pk]))

    program.refresh_from_db()
    assert program.is_active


def test_a_program_name_differing_only_in_capitals_is_refused_at_its_field(client, people):
    client.force_login(people.records)

    response = client.post(
        reverse("programs:program_create"), {"name": "neighborhood WATCH", "category": "crime_awareness"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["The catalog already has a program with this name."]
    assert Program.objects.filter(name__iexact="neighborhood watch").count() == 1
