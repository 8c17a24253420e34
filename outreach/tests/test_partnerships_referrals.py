"""Partnerships and their daily log, outside referrals and their follow-up, immigration-policy outreach."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from outreach import clock
from outreach.models import Department, ImmigrationOutreach, Organization, Partnership, Referral
from outreach.tests.factories import (
    ImmigrationOutreachFactory,
    OrganizationFactory,
    PartnershipFactory,
    ReferralFactory,
)

# The literal dates the forms below are filled with fall shortly before this day (10:00 in Denver).
NOVEMBER_25_2026 = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)


@pytest.fixture
def partnership(people, area):
    return PartnershipFactory(
        organization=OrganizationFactory(name="Route 9 Merchants", area_command=area),
        purpose="Shoplifting along Route 9",
        responsible_officer=people.officer,
        starts_on=timezone.localdate() - timedelta(days=60),
    )


# Partnerships


@time_machine.travel(NOVEMBER_25_2026, tick=False)
def test_officer_records_a_partnership_in_their_area(client, people, area):
    organization = OrganizationFactory(area_command=area)
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:partnership_create"),
        {
            "organization": organization.pk,
            "purpose": "Car break-ins in the lot",
            "responsible_officer": people.officer.pk,
            "starts_on": "2026-09-01",
            "status": "active",
        },
    )

    assert response.status_code == 302
    assert Partnership.objects.get().organization == organization


@time_machine.travel(NOVEMBER_25_2026, tick=False)
def test_a_partnership_cannot_end_before_it_starts(client, people, area):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:partnership_create"),
        {
            "organization": OrganizationFactory(area_command=area).pk,
            "purpose": "x",
            "responsible_officer": people.officer.pk,
            "starts_on": "2026-09-01",
            "ends_on": "2026-08-01",
            "status": "active",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Partnership.objects.exists()


def test_the_daily_log_is_one_short_form_on_the_partnership_page(client, people, partnership):
    client.force_login(people.officer)

    page = client.get(partnership.get_absolute_url())
    client.post(
        reverse("outreach:partnership_log_add", args=[partnership.pk]),
        {
            "logged_on": timezone.localdate().isoformat(),
            "information": "Two thefts at the pharmacy",
            "follow_up_needed": "on",
            "follow_up_note": "Ask for the video",
        },
    )
    future = client.post(
        reverse("outreach:partnership_log_add", args=[partnership.pk]),
        {"logged_on": (timezone.localdate() + timedelta(days=1)).isoformat(), "information": "x"},
    )

    entry = partnership.log_entries.get()
    assert b"Log today" in page.content
    assert entry.officer == people.officer and entry.follow_up_needed
    assert future.status_code == 400


def test_another_areas_partnership_is_not_found(client, people, partnership):
    client.force_login(people.other_officer)

    assert client.get(partnership.get_absolute_url()).status_code == 404
    assert (
        client.post(reverse("outreach:partnership_log_add", args=[partnership.pk]), {"information": "x"}).status_code
        == 404
    )


def test_partnership_list_is_scoped_exports_csv_and_has_pinned_queries(
    client, people, partnership, other_area, django_assert_num_queries
):
    Department.load()
    PartnershipFactory(
        organization=OrganizationFactory(name="Elsewhere", area_command=other_area),
        purpose="x",
        responsible_officer=people.other_officer,
        starts_on=timezone.localdate(),
    )
    client.force_login(people.officer)

    with django_assert_num_queries(8):
        page = client.get(reverse("outreach:partnership_list"))
    export = client.get(reverse("outreach:partnership_list"), {"format": "csv"})

    assert [p.organization.name for p in page.context["page"].object_list] == ["Route 9 Merchants"]
    assert "Elsewhere" not in b"".join(export.streaming_content).decode()


# Referrals


@time_machine.travel(NOVEMBER_25_2026, tick=False)
def test_officer_records_a_referral_with_a_follow_up_date(client, people, area):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:referral_create"),
        {
            "kind": "drug_house",
            "agency": "Narcotics unit",
            "summary": "Heavy short-stay traffic at night",
            "area_command": area.pk,
            "referred_on": "2026-11-20",
            "follow_up_due": "2026-12-04",
        },
    )

    referral = Referral.objects.get()
    assert response.status_code == 302
    assert referral.officer == people.officer


@time_machine.travel(NOVEMBER_25_2026, tick=False)
def test_follow_up_cannot_be_due_before_the_referral(client, people, area):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:referral_create"),
        {
            "kind": "other",
            "agency": "x",
            "summary": "x",
            "area_command": area.pk,
            "referred_on": "2026-11-20",
            "follow_up_due": "2026-11-01",
        },
    )

    assert response.context["form"].errors
    assert not Referral.objects.exists()


def test_overdue_referrals_are_flagged_for_the_officer_and_the_sergeant(client, people, area):
    ReferralFactory(area_command=area, officer=people.officer, overdue=True)
    ReferralFactory(
        area_command=area, officer=people.officer, overdue=True, follow_up_due=timezone.localdate() + timedelta(days=3)
    )
    ReferralFactory(area_command=area, officer=people.officer, overdue=True, confirmed=True)
    client.force_login(people.officer)
    officer_count = client.get(reverse("outreach:dashboard")).context["overdue_referrals"]
    client.force_login(people.sergeant)
    sergeant_count = client.get(reverse("outreach:dashboard")).context["overdue_referrals"]
    client.force_login(people.other_sergeant)
    other_count = client.get(reverse("outreach:dashboard")).context["overdue_referrals"]

    assert (officer_count, sergeant_count, other_count) == (1, 1, 0)


def test_confirming_the_follow_up(client, people, area):
    referral = ReferralFactory(area_command=area, officer=people.officer, overdue=True)
    client.force_login(people.officer)

    client.post(
        reverse("outreach:referral_confirm", args=[referral.pk]),
        {"confirmed_on": timezone.localdate().isoformat(), "outcome": "Car towed on the 12th"},
    )
    again = client.post(
        reverse("outreach:referral_confirm", args=[referral.pk]),
        {"confirmed_on": timezone.localdate().isoformat(), "outcome": "again"},
        follow=True,
    )

    referral.refresh_from_db()
    assert referral.confirmed_by == people.officer
    assert referral.outcome == "Car towed on the 12th"
    assert "already confirmed" in " ".join(str(m) for m in again.context["messages"])


def test_confirmation_before_the_referral_is_refused(client, people, area):
    referral = ReferralFactory(area_command=area, officer=people.officer, overdue=True)
    the_day_before = referral.referred_on - timedelta(days=1)
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:referral_confirm", args=[referral.pk]),
        {"confirmed_on": the_day_before.isoformat(), "outcome": "x"},
    )

    assert response.status_code == 400
    assert "confirmed_on" in response.context["confirm_form"].errors


def test_referral_list_filters_overdue_and_is_scoped(client, people, area, other_area, django_assert_num_queries):
    Department.load()
    overdue = ReferralFactory(area_command=area, officer=people.officer, overdue=True)
    ReferralFactory(
        area_command=area, officer=people.officer, overdue=True, follow_up_due=timezone.localdate() + timedelta(days=3)
    )
    ReferralFactory(area_command=other_area, officer=people.other_officer, overdue=True)
    client.force_login(people.sergeant)

    with django_assert_num_queries(8):
        response = client.get(reverse("outreach:referral_list"), {"state": "overdue"})

    assert list(response.context["page"].object_list) == [overdue]


def test_another_areas_referral_is_not_found(client, people, other_area):
    referral = ReferralFactory(area_command=other_area, officer=people.other_officer, overdue=True)
    client.force_login(people.sergeant)

    assert client.get(referral.get_absolute_url()).status_code == 404
    assert client.post(reverse("outreach:referral_confirm", args=[referral.pk]), {"outcome": "x"}).status_code == 404


# Immigration-status policy outreach


def test_family_violence_center_is_marked_as_reached_and_leaves_the_chiefs_list(client, people, area):
    center = OrganizationFactory(name="Safe Harbor", kind=Organization.Kind.FAMILY_VIOLENCE, area_command=area)
    OrganizationFactory(name="Hope Rising", kind=Organization.Kind.SEXUAL_ASSAULT, area_command=area)
    OrganizationFactory(name="A school", kind=Organization.Kind.SCHOOL, area_command=area)
    client.force_login(people.chief)
    before = [o.name for o in client.get(reverse("outreach:dashboard")).context["not_reached"]]

    client.force_login(people.officer)
    client.post(
        reverse("outreach:immigration_outreach_add", args=[center.pk]),
        {"reached_on": timezone.localdate().isoformat(), "notes": "Left brochures in English and Spanish"},
    )
    client.force_login(people.chief)
    after = [o.name for o in client.get(reverse("outreach:dashboard")).context["not_reached"]]

    assert before == ["Hope Rising", "Safe Harbor"]
    assert after == ["Hope Rising"]
    assert ImmigrationOutreach.objects.get().officer == people.officer


def test_last_years_outreach_does_not_count_this_year(client, people, area):
    center = OrganizationFactory(kind=Organization.Kind.FAMILY_VIOLENCE, area_command=area)
    ImmigrationOutreachFactory(
        organization=center,
        officer=people.officer,
        reached_on=timezone.localdate().replace(year=timezone.localdate().year - 1),
    )

    not_reached = Organization.objects.not_reached_on_immigration_policy(timezone.localdate().year)

    assert list(not_reached) == [center]


def test_immigration_outreach_is_only_for_eligible_kinds(client, people, area):
    school = OrganizationFactory(kind=Organization.Kind.SCHOOL, area_command=area)
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:immigration_outreach_add", args=[school.pk]), {"reached_on": timezone.localdate().isoformat()}
    )

    assert response.status_code == 404
    assert not ImmigrationOutreach.objects.exists()


def test_no_form_asks_for_immigration_status():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            assert "immigration_status" not in field.name
            assert "citizenship" not in field.name


def test_outreach_to_another_areas_center_is_not_found(client, people, other_area):
    center = OrganizationFactory(kind=Organization.Kind.FAMILY_VIOLENCE, area_command=other_area)
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:immigration_outreach_add", args=[center.pk]), {"reached_on": timezone.localdate().isoformat()}
    )

    assert response.status_code == 404
    assert not ImmigrationOutreach.objects.exists()


@time_machine.travel(NOVEMBER_25_2026, tick=False)
def test_a_confirmed_referral_is_kept_as_it_was(client, people, area):
    referral = ReferralFactory(
        area_command=area, officer=people.officer, agency="City code enforcement", overdue=True, confirmed=True
    )
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:referral_edit", args=[referral.pk]),
        {
            "kind": "other",
            "agency": "Changed",
            "summary": "x",
            "area_command": area.pk,
            "referred_on": "2026-11-01",
            "follow_up_due": "2026-11-20",
        },
    )

    referral.refresh_from_db()
    assert response.status_code == 302
    assert referral.agency == "City code enforcement"


def test_a_referral_cannot_be_made_in_the_future(client, people, area):
    client.force_login(people.officer)
    tomorrow = clock.today() + timedelta(days=1)

    response = client.post(
        reverse("outreach:referral_create"),
        {
            "kind": "code_violation",
            "agency": "City Code Enforcement",
            "summary": "Abandoned house",
            "area_command": area.pk,
            "referred_on": tomorrow.isoformat(),
            "follow_up_due": (tomorrow + timedelta(days=14)).isoformat(),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["referred_on"] == ["The date cannot be in the future."]
