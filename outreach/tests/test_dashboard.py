"""The dashboard of each role: its counts, its lists, and what it says when it is empty."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outreach import clock
from outreach.models import Department
from outreach.tests.factories import OrganizationFactory, ReferralFactory
from programs.models import Presentation
from programs.tests.factories import PresentationFactory, PresentationRequestFactory


@pytest.mark.parametrize("role", ["officer", "records", "chief"])
def test_counts_that_lead_nowhere_are_off_the_dashboard(client, people, role):
    client.force_login(getattr(people, role))

    page = client.get(reverse("outreach:dashboard")).content.decode()

    assert "Programs offered" not in page
    assert "Active users" not in page


def test_area_dashboard_lists_the_people_of_the_area_only(client, people):
    client.force_login(people.sergeant)

    team = list(client.get(reverse("outreach:dashboard")).context["team"])

    assert set(team) == {people.officer, people.sergeant, people.lieutenant, people.commander}


def test_empty_dashboard_says_what_to_do(client, people):
    client.force_login(people.officer)

    response = client.get(reverse("outreach:dashboard"))

    assert b"Nothing is waiting for you right now" in response.content
    assert reverse("programs:presentation_create").encode() in response.content


def test_a_dashboard_with_work_waiting_does_not_say_nothing_is_waiting(client, people, area):
    _work_to_do(people, area)
    client.force_login(people.officer)

    assert b"Nothing is waiting" not in client.get(reverse("outreach:dashboard")).content


# Surveys add one list each (the citizens to contact) and the chief's office the survey questions to approve;
# the chief's weeks of audit not reviewed are one query more.
@pytest.mark.parametrize("role,queries", [("officer", 18), ("sergeant", 23), ("chief", 25)])
def test_dashboard_query_count_is_pinned(client, people, area, role, queries, django_assert_num_queries):
    Department.load()
    OrganizationFactory.create_batch(10, area_command=area)
    _work_to_do(people, area, copies=3)
    client.force_login(getattr(people, role))

    with django_assert_num_queries(queries):
        client.get(reverse("outreach:dashboard"))


def _work_to_do(people, area, copies=1):
    """An officer's week: presentations ahead, given without a report, returned; referrals due; a request."""
    for _copy in range(copies):
        PresentationFactory(
            area_command=area,
            author=people.officer,
            status=Presentation.Status.SCHEDULED,
            starts_at=timezone.now() + timedelta(days=2),
        )
        PresentationFactory(area_command=area, author=people.officer, status=Presentation.Status.DRAFT)
        PresentationFactory(
            area_command=area, author=people.officer, status=Presentation.Status.RETURNED, review_comment="Fix it."
        )
        ReferralFactory(area_command=area, officer=people.officer, referred_on=clock.today() - timedelta(days=10))
        PresentationRequestFactory(area_command=area)


def test_the_officer_s_dashboard_lists_what_to_do_now(client, people, area):
    _work_to_do(people, area)
    client.force_login(people.officer)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert [len(now[key]) for key in ("upcoming", "to_write", "returned", "referrals_due")] == [1, 1, 1, 1]
    assert "requests" not in now and "unreported" not in now


def test_the_sergeant_s_dashboard_lists_the_area_s_waiting_work(client, people, area, other_area):
    _work_to_do(people, area)
    PresentationRequestFactory(area_command=other_area)
    client.force_login(people.sergeant)

    now = client.get(reverse("outreach:dashboard")).context["now"]

    assert len(now["requests"]) == 1
    assert [p.author for p in now["unreported"]] == [people.officer]
    assert len(now["referrals_due"]) == 1
