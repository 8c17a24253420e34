"""A citizen's contact details are seen by the staff who work them, and by nobody else (ASVS V4).

Four kinds of record carry them: a public presentation request, a survey's contact request, a
citizen-started watch group's requester and what an outside referral says about its subject. For
each, a role that works it sees the name, phone and e-mail in the page; a role that does not, and
another area command's staff, find none of them in the HTML. Unplaced requests wait in an intake
queue any area's intake staff see (docs/architecture.md, "Intake queues"); once placed in an area
command they leave every other area's queue, list and dashboard.
"""

import pytest
from django.urls import reverse

from outreach.models import AuditEvent, WatchGroup
from outreach.tests.factories import ReferralFactory, RequestedWatchGroupFactory
from programs.models import PresentationRequest
from programs.tests.factories import PresentationFactory, PresentationRequestFactory
from surveys.tests.factories import ContactRequestFactory

NAME, PHONE, EMAIL = "Rosa Elena Jiménez-Whitfield", "(555) 010-7788", "rosa.jimenez@example.org"
CONTACT = (NAME, PHONE, EMAIL)


def page(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(name, args=args))


def shown(response):
    """Which of the citizen's name, phone and e-mail the page carries."""
    html = response.content.decode()
    return [detail for detail in CONTACT if detail in html]


def place(record, area):
    record.area_command = area
    record.save(update_fields=["area_command"])


# Public presentation requests (programs): the staff who pick requests up, never an officer.


@pytest.fixture
def presentation_request(area):
    return PresentationRequestFactory(
        area_command=area, requester_name=NAME, organization_name="", phone=PHONE, email=EMAIL
    )


@pytest.mark.parametrize("role", ["sergeant", "commander", "records", "chief"])
def test_intake_staff_see_a_presentation_requests_contact(client, people, presentation_request, role):
    user = getattr(people, role)

    assert shown(page(client, user, "programs:request_list")) == [NAME]
    assert shown(page(client, user, "programs:request_detail", presentation_request.pk)) == list(CONTACT)


def test_an_officer_sees_no_presentation_requests_contact(client, people, area, presentation_request):
    asked = PresentationRequestFactory(
        area_command=area,
        requester_name=NAME,
        phone=PHONE,
        email=EMAIL,
        status=PresentationRequest.Status.ACCEPTED,
        presentation=PresentationFactory(area_command=area, scheduled=True, presenters=[people.officer]),
    )

    assert page(client, people.officer, "programs:request_list").status_code == 403
    assert page(client, people.officer, "programs:request_detail", presentation_request.pk).status_code == 403
    # The presentation it became is the officer's: he reads who asked, not how to reach them.
    presented = page(client, people.officer, "programs:presentation_detail", asked.presentation_id)
    assert presented.status_code == 200 and PHONE not in shown(presented) and EMAIL not in shown(presented)
    assert shown(page(client, people.sergeant, "programs:presentation_detail", asked.presentation_id)) == list(CONTACT)


def test_a_placed_presentation_request_leaves_another_areas_intake_queue(client, people, area):
    waiting = PresentationRequestFactory(requester_name=NAME, organization_name="", phone=PHONE, email=EMAIL)
    assert shown(page(client, people.other_sergeant, "programs:request_list")) == [NAME]

    place(waiting, area)

    assert shown(page(client, people.other_sergeant, "programs:request_list")) == []
    assert shown(page(client, people.other_sergeant, "outreach:dashboard")) == []
    assert page(client, people.other_sergeant, "programs:request_detail", waiting.pk).status_code == 404
    assert shown(page(client, people.sergeant, "programs:request_list")) == [NAME]


# Survey contact requests (surveys' follow-up queue): the staff who work follow-ups; an officer, his own.


@pytest.fixture
def contact_request(area):
    return ContactRequestFactory(area_command=area, name=NAME, phone=PHONE, email=EMAIL)


@pytest.mark.parametrize("role", ["sergeant", "lieutenant", "records", "designee"])
def test_follow_up_staff_see_a_survey_contact_request(client, people, contact_request, role):
    user = getattr(people, role)

    assert shown(page(client, user, "surveys:contact_list")) == [NAME]
    assert shown(page(client, user, "surveys:contact_detail", contact_request.pk)) == list(CONTACT)


def test_an_officer_sees_only_the_contact_requests_assigned_to_him(client, people, contact_request):
    assert shown(page(client, people.officer, "surveys:contact_list")) == []
    assert shown(page(client, people.officer, "outreach:dashboard")) == []
    assert page(client, people.officer, "surveys:contact_detail", contact_request.pk).status_code == 404

    contact_request.assigned_to = people.officer
    contact_request.status = contact_request.Status.ASSIGNED
    contact_request.save(update_fields=["assigned_to", "status"])

    assert shown(page(client, people.officer, "surveys:contact_list")) == [NAME]
    assert shown(page(client, people.officer, "surveys:contact_detail", contact_request.pk)) == list(CONTACT)


def test_a_placed_contact_request_leaves_another_areas_queue(client, people, area):
    waiting = ContactRequestFactory(name=NAME, phone=PHONE, email=EMAIL)
    assert shown(page(client, people.other_sergeant, "surveys:contact_list")) == [NAME]

    place(waiting, area)

    assert shown(page(client, people.other_sergeant, "surveys:contact_list")) == []
    assert shown(page(client, people.other_sergeant, "outreach:dashboard")) == []
    assert page(client, people.other_sergeant, "surveys:contact_detail", waiting.pk).status_code == 404
    assert page(client, people.other_officer, "surveys:contact_detail", waiting.pk).status_code == 404


# A citizen-started watch group's requester: the staff who pick requests up; the group itself is everyone's.


@pytest.fixture
def watch_request(area):
    return RequestedWatchGroupFactory(
        area_command=area, requester_name=NAME, requester_phone=PHONE, requester_email=EMAIL
    )


@pytest.mark.parametrize("role", ["sergeant", "commander", "records", "chief"])
def test_intake_staff_see_a_watch_groups_requester(client, people, watch_request, role):
    assert shown(page(client, getattr(people, role), "outreach:watch_detail", watch_request.pk)) == list(CONTACT)


def test_an_officer_sees_the_watch_group_and_not_its_requester(client, people, watch_request):
    detail = page(client, people.officer, "outreach:watch_detail", watch_request.pk)
    edit = page(client, people.officer, "outreach:watch_edit", watch_request.pk)

    assert detail.status_code == edit.status_code == 200
    assert shown(detail) == shown(edit) == []
    # The page hid them, so the audit log records no view of them.
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CONTACT_VIEWED).exists()


def test_a_placed_watch_request_leaves_another_areas_intake_queue(client, people, area):
    waiting = RequestedWatchGroupFactory(requester_name=NAME, requester_phone=PHONE, requester_email=EMAIL)
    assert waiting.name in page(client, people.other_sergeant, "outreach:watch_list").content.decode()
    assert waiting.name not in page(client, people.officer, "outreach:watch_list").content.decode()

    place(waiting, area)

    assert waiting.status == WatchGroup.Status.REQUESTED
    assert waiting.name not in page(client, people.other_sergeant, "outreach:watch_list").content.decode()
    assert page(client, people.other_sergeant, "outreach:watch_detail", waiting.pk).status_code == 404
    assert shown(page(client, people.sergeant, "outreach:watch_detail", waiting.pk)) == list(CONTACT)


# An outside referral's subject: the area's staff who make and follow referrals, never another area's.


def test_a_referrals_subject_is_seen_in_its_area_command_only(client, people, area):
    referral = ReferralFactory(
        area_command=area, officer=people.officer, summary=f"{NAME}, {PHONE}, {EMAIL}: no heat in the apartment"
    )

    assert shown(page(client, people.officer, "outreach:referral_detail", referral.pk)) == list(CONTACT)
    assert shown(page(client, people.sergeant, "outreach:referral_detail", referral.pk)) == list(CONTACT)
    for stranger in (people.other_officer, people.other_sergeant):
        assert page(client, stranger, "outreach:referral_detail", referral.pk).status_code == 404
        assert referral.agency not in page(client, stranger, "outreach:referral_list").content.decode()
    client.force_login(people.officer)
    exported = client.get(reverse("outreach:referral_list"), {"format": "csv"})
    assert referral.agency in (csv := b"".join(exported.streaming_content).decode()) and NAME not in csv
