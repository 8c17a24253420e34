"""Department settings: the chief edits the name, time zone and logo shown on every page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from outreach.models import Department


def _png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


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
            "report_language": "es",
        },
    )
    page = client.get(reverse("outreach:organization_list"))

    department = Department.load()
    assert department.chief_name == "Pat Lee"
    assert str(department.time_zone) == "America/Chicago"
    assert department.report_language == "es"
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
        {"name": "Police Department", "time_zone": "America/Denver", "report_language": "en", "logo": fake},
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
        {"name": "Police Department", "time_zone": "America/Denver", "report_language": "en", "logo": png},
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
