import csv
import io

import pytest
from django.urls import reverse

from outreach.models import Department, Organization
from outreach.tests.factories import OrganizationFactory, SectorFactory


def _csv_rows(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


@pytest.fixture
def directory(area, other_area):
    return [
        OrganizationFactory(name="Lincoln Elementary", kind=Organization.Kind.SCHOOL, area_command=area),
        OrganizationFactory(name="Hillcrest Neighbors", kind=Organization.Kind.NEIGHBORHOOD, area_command=area),
        OrganizationFactory(name="Grace Church", kind=Organization.Kind.FAITH, area_command=area),
        OrganizationFactory(name="River District League", kind=Organization.Kind.CIVIC, area_command=other_area),
    ]


def test_officer_lists_only_the_organizations_of_their_area(client, people, directory):
    client.force_login(people.officer)

    response = client.get(reverse("outreach:organization_list"))

    names = [o.name for o in response.context["page"].object_list]
    assert names == ["Grace Church", "Hillcrest Neighbors", "Lincoln Elementary"]


def test_list_is_searched_and_filtered_by_kind(client, people, directory):
    client.force_login(people.chief)

    by_text = client.get(reverse("outreach:organization_list"), {"q": "hillcrest"})
    by_kind = client.get(reverse("outreach:organization_list"), {"kind": Organization.Kind.SCHOOL})

    assert [o.name for o in by_text.context["page"].object_list] == ["Hillcrest Neighbors"]
    assert [o.name for o in by_kind.context["page"].object_list] == ["Lincoln Elementary"]


def test_chief_filters_by_area_command(client, people, directory, other_area):
    client.force_login(people.chief)

    response = client.get(reverse("outreach:organization_list"), {"area_command": other_area.pk})

    assert [o.name for o in response.context["page"].object_list] == ["River District League"]


def test_officer_cannot_filter_their_way_into_another_area(client, people, directory, other_area):
    client.force_login(people.officer)

    response = client.get(reverse("outreach:organization_list"), {"area_command": other_area.pk})

    names = {o.name for o in response.context["page"].object_list}
    assert "River District League" not in names
    assert "area_command" in response.context["filter"].form.errors


def test_list_is_paginated(client, people, area, settings):
    OrganizationFactory.create_batch(settings.PAGE_SIZE + 3, area_command=area)
    client.force_login(people.officer)

    first = client.get(reverse("outreach:organization_list"))
    second = client.get(reverse("outreach:organization_list"), {"page": 2})

    assert len(first.context["page"].object_list) == settings.PAGE_SIZE
    assert len(second.context["page"].object_list) == 3
    assert b"page 1 of 2" in first.content


def test_list_query_count_does_not_grow_with_rows(client, people, area, django_assert_num_queries):
    Department.load()
    OrganizationFactory.create_batch(20, area_command=area, sector=SectorFactory(area_command=area))
    client.force_login(people.officer)

    # session, user, department, permissions (2), count, filter choices (2), page of rows
    with django_assert_num_queries(9):
        response = client.get(reverse("outreach:organization_list"))

    assert response.status_code == 200


def test_csv_export_uses_the_same_filter_and_scope(client, people, directory):
    client.force_login(people.officer)

    response = client.get(reverse("outreach:organization_list"), {"kind": Organization.Kind.SCHOOL, "format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert rows[0][:3] == ["Name", "Kind", "Area command"]
    assert [row[0] for row in rows[1:]] == ["Lincoln Elementary"]


def test_csv_export_never_leaks_another_area(client, people, directory):
    client.force_login(people.officer)

    rows = _csv_rows(client.get(reverse("outreach:organization_list"), {"format": "csv"}))

    assert "River District League" not in [row[0] for row in rows]
    assert len(rows) == 4


def test_csv_export_neutralises_spreadsheet_formulas(client, people, area):
    OrganizationFactory(name='=HYPERLINK("http://evil")', area_command=area)
    client.force_login(people.officer)

    rows = _csv_rows(client.get(reverse("outreach:organization_list"), {"format": "csv"}))

    assert rows[1][0].startswith("'=")


def test_officer_adds_an_organization_in_their_area(client, people, area):
    sector = SectorFactory(area_command=area, name="Hillcrest")
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:organization_create"),
        {
            "name": "Hillcrest Block Club",
            "kind": "neighborhood",
            "area_command": area.pk,
            "sector": sector.pk,
            "contact_name": "Ruth Alvarez",
            "phone": "555-0100",
            "email": "ruth@example.org",
        },
        follow=True,
    )

    organization = Organization.objects.get(name="Hillcrest Block Club")
    assert organization.area_command == area
    assert response.redirect_chain[-1][0] == organization.get_absolute_url()
    assert "Hillcrest Block Club was added to the directory." in [str(m) for m in response.context["messages"]]


def test_bad_input_is_explained_and_nothing_typed_is_lost(client, people, area):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:organization_create"),
        {
            "name": "",
            "kind": "school",
            "area_command": area.pk,
            "contact_name": "Principal Cho",
            "email": "not-an-email",
        },
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "email"}
    assert b"Principal Cho" in response.content
    assert b"not-an-email" in response.content
    assert not Organization.objects.exists()


def test_officer_cannot_file_an_organization_under_another_area(client, people, other_area):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:organization_create"), {"name": "Elsewhere", "kind": "other", "area_command": other_area.pk}
    )

    assert "area_command" in response.context["form"].errors
    assert not Organization.objects.exists()


def test_sector_of_another_area_is_refused(client, people, area, other_area):
    foreign_sector = SectorFactory(area_command=other_area)
    client.force_login(people.chief)

    response = client.post(
        reverse("outreach:organization_create"),
        {"name": "Mismatch", "kind": "other", "area_command": area.pk, "sector": foreign_sector.pk},
    )

    assert "sector" in response.context["form"].errors
    assert not Organization.objects.exists()


def test_edit_saves_and_keeps_history(client, people, directory):
    organization = directory[0]
    client.force_login(people.sergeant)

    response = client.post(
        reverse("outreach:organization_edit", args=[organization.pk]),
        {"name": "Lincoln Elementary School", "kind": "school", "area_command": organization.area_command_id},
    )

    organization.refresh_from_db()
    assert response.status_code == 302
    assert organization.name == "Lincoln Elementary School"
    assert organization.history.first().history_user == people.sergeant


def test_edit_refuses_methods_other_than_get_and_post(client, people, directory):
    client.force_login(people.officer)

    response = client.delete(reverse("outreach:organization_edit", args=[directory[0].pk]))

    assert response.status_code == 405


def test_list_header_offers_export_and_add_to_those_allowed(client, people, directory):
    client.force_login(people.officer)

    content = client.get(reverse("outreach:organization_list")).content.decode()

    assert reverse("outreach:organization_create") in content
    assert "format=csv" in content


def test_free_text_has_a_limit_said_at_the_field(client, people, area):
    client.force_login(people.officer)

    form = client.get(reverse("outreach:organization_create")).context["form"]
    response = client.post(
        reverse("outreach:organization_create"),
        {"name": "Elm Street Association", "kind": "civic", "area_command": area.pk, "notes": "x" * 4001},
    )

    assert "Up to 4,000 characters." in str(form["notes"].help_text)
    assert 'maxlength="4000"' in str(form["notes"])
    assert response.context["form"].errors["notes"] == ["Ensure this value has at most 4000 characters (it has 4001)."]
    assert response.context["form"]["notes"].value() == "x" * 4001
