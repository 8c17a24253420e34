"""Dashboard, profile, department settings and log-in."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from outreach.models import Department
from outreach.tests.factories import PASSWORD, OrganizationFactory
from programs.models import Program


def _png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_dashboard_counts_come_from_the_database(client, people, area, other_area):
    OrganizationFactory.create_batch(3, area_command=area)
    OrganizationFactory.create_batch(2, area_command=other_area)
    client.force_login(people.sergeant)

    context = client.get(reverse("outreach:dashboard")).context

    assert context["organization_count"] == 3
    assert context["user_count"] == 4  # officer, sergeant, lieutenant, commander of the area
    assert context["program_count"] == Program.objects.active().count()
    assert "areas" not in context


def test_chief_dashboard_breaks_counts_down_by_area(client, people, area, other_area):
    OrganizationFactory.create_batch(3, area_command=area)
    OrganizationFactory.create_batch(2, area_command=other_area)
    client.force_login(people.chief)

    context = client.get(reverse("outreach:dashboard")).context

    assert context["organization_count"] == 5
    rows = {a.code: (a.organization_count, a.user_count) for a in context["areas"]}
    assert rows == {"north": (3, 4), "southeast": (2, 2)}


def test_area_dashboard_lists_the_people_of_the_area_only(client, people):
    client.force_login(people.sergeant)

    team = list(client.get(reverse("outreach:dashboard")).context["team"])

    assert set(team) == {people.officer, people.sergeant, people.lieutenant, people.commander}


def test_catalog_editors_see_the_catalog_by_category(client, people):
    client.force_login(people.records)
    by_category = dict(client.get(reverse("outreach:dashboard")).context["catalog_by_category"])

    client.force_login(people.officer)
    officer_context = client.get(reverse("outreach:dashboard")).context

    assert by_category["Elementary school"] == Program.objects.active().filter(category="elementary").count()
    assert "catalog_by_category" not in officer_context


def test_empty_dashboard_says_what_to_do(client, people):
    client.force_login(people.officer)

    response = client.get(reverse("outreach:dashboard"))

    assert b"No organizations yet" in response.content
    assert reverse("outreach:organization_create").encode() in response.content


@pytest.mark.parametrize("role,queries", [("officer", 13), ("chief", 14)])
def test_dashboard_query_count_is_pinned(client, people, area, role, queries, django_assert_num_queries):
    Department.load()
    OrganizationFactory.create_batch(10, area_command=area)
    client.force_login(getattr(people, role))

    with django_assert_num_queries(queries):
        client.get(reverse("outreach:dashboard"))


def test_profile_edit_is_saved_with_a_message(client, people):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:profile"),
        {"first_name": "Kevin", "last_name": "Brooks", "email": "kbrooks@example.org", "phone": "555-0111"},
        follow=True,
    )

    people.officer.refresh_from_db()
    assert people.officer.email == "kbrooks@example.org"
    assert "Your profile was saved." in [str(m) for m in response.context["messages"]]


def test_profile_cannot_change_role_or_area(client, people, other_area):
    client.force_login(people.officer)

    client.post(
        reverse("outreach:profile"),
        {"first_name": "A", "last_name": "B", "email": "a@example.org", "role": "chief", "area_command": other_area.pk},
    )

    people.officer.refresh_from_db()
    assert people.officer.role == "officer"
    assert people.officer.area_command != other_area


def test_password_change(client, people):
    client.force_login(people.officer)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a much longer passphrase",
            "new_password2": "a much longer passphrase",
        },
    )

    people.officer.refresh_from_db()
    assert response.status_code == 302
    assert people.officer.check_password("a much longer passphrase")


def test_chief_edits_the_department_shown_on_every_page(client, people):
    client.force_login(people.chief)

    client.post(
        reverse("outreach:department_settings"),
        {
            "name": "Mesa County Sheriff's Office",
            "address": "1 Main St",
            "phone": "555-0199",
            "chief_name": "Pat Lee",
            "time_zone": "America/Chicago",
        },
    )
    page = client.get(reverse("outreach:organization_list"))

    department = Department.load()
    assert department.chief_name == "Pat Lee"
    assert str(department.time_zone) == "America/Chicago"
    assert "Mesa County Sheriff&#x27;s Office" in page.content.decode()


@pytest.mark.parametrize("role", ["officer", "sergeant", "lieutenant", "commander", "records", "designee"])
def test_only_the_chief_and_administrator_edit_the_department(client, people, role):
    client.force_login(getattr(people, role))

    assert client.get(reverse("outreach:department_settings")).status_code == 403


def test_logo_must_be_an_image(client, people):
    client.force_login(people.chief)
    fake = SimpleUploadedFile("logo.png", b"not really a png", content_type="image/png")

    response = client.post(
        reverse("outreach:department_settings"),
        {"name": "Police Department", "time_zone": "America/Denver", "logo": fake},
    )

    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert not Department.load().logo


def test_logo_is_shown_on_every_page(client, people, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    png = SimpleUploadedFile("logo.png", _png_bytes(), content_type="image/png")
    client.force_login(people.chief)

    client.post(
        reverse("outreach:department_settings"),
        {"name": "Police Department", "time_zone": "America/Denver", "logo": png},
    )
    page = client.get(reverse("outreach:dashboard"))
    client.logout()
    logo = client.get(reverse("outreach:department_logo"))

    assert reverse("outreach:department_logo").encode() in page.content
    assert logo.status_code == 200
    assert b"".join(logo.streaming_content).startswith(b"\x89PNG")


def test_no_logo_is_not_found(client, db):
    assert client.get(reverse("outreach:department_logo")).status_code == 404


def test_unknown_time_zone_is_refused(client, people):
    client.force_login(people.chief)

    response = client.post(
        reverse("outreach:department_settings"), {"name": "Police Department", "time_zone": "Mars/Olympus"}
    )

    assert "time_zone" in response.context["form"].errors


def test_login_with_the_wrong_password_is_refused(client, people):
    response = client.post(reverse("login"), {"username": "officer", "password": "wrong"})

    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content


def test_login_is_locked_after_repeated_failures(client, people, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "officer", "password": "wrong"})

    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})

    assert response.status_code == 429
    assert b"Too many failed log-in attempts" in response.content


def test_login_takes_the_officer_to_the_dashboard(client, people):
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("outreach:dashboard")


def test_logout_is_a_post(client, people):
    client.force_login(people.officer)

    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
