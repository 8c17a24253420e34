"""The public presentation request and the staff queue that answers it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from outreach.models import Department
from programs import services
from programs.models import Presentation, PresentationRequest, Program
from programs.tests.factories import PresentationRequestFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def _form(**overrides):
    data = {
        "requester_name": "Rosa Jiménez",
        "organization_name": "Latino Community Center",
        "email": "rosa@example.org",
        "phone": "555-0142",
        "program": Program.objects.get(name="Stranger Danger").pk,
        "preferred_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "audience_size": "30",
        "address": "12 River Road",
    }
    data.update(overrides)
    return data


def test_citizen_requests_a_presentation_and_gets_a_reference(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("programs:request_create"), _form(), follow=True)

    request_obj = PresentationRequest.objects.get()
    assert request_obj.reference.startswith("PR-")
    assert request_obj.reference.encode() in response.content
    assert request_obj.status == PresentationRequest.Status.PENDING
    assert [m.to for m in mail.outbox] == [["rosa@example.org"]]
    assert request_obj.reference in mail.outbox[0].subject


def test_the_request_page_speaks_spanish(client, db, django_capture_on_commit_callbacks):
    page = client.get(reverse("programs:request_create"), headers={"accept-language": "es"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programs:request_create"), _form(), headers={"accept-language": "es"})

    assert "Solicitar una presentación" in page.content.decode()
    assert "Cuidado con los desconocidos" in page.content.decode()  # the program's Spanish name
    assert PresentationRequest.objects.get().language == "es"
    assert "Recibimos su solicitud" in mail.outbox[0].subject


def test_bad_input_is_explained_and_kept(client, db):
    response = client.post(
        reverse("programs:request_create"),
        _form(email="not-an-email", preferred_date=timezone.localdate().isoformat(), audience_size="0"),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "preferred_date", "audience_size"}
    assert "Rosa Jiménez" in response.content.decode()
    assert not PresentationRequest.objects.exists()


def test_a_program_or_a_topic_is_needed(client, db):
    response = client.post(reverse("programs:request_create"), _form(program=""))

    assert "topic" in response.context["form"].errors


def test_the_honeypot_swallows_bots_silently(client, db):
    response = client.post(reverse("programs:request_create"), _form(website="http://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == reverse("outreach:request_thanks")
    assert not PresentationRequest.objects.exists()


def test_the_rate_limit_stops_a_flood_from_one_address(client, db, settings):
    settings.PUBLIC_FORM_RATE = "3/h"
    for _attempt in range(3):
        client.post(reverse("programs:request_create"), _form())

    response = client.post(reverse("programs:request_create"), _form())

    assert response.status_code == 429
    assert "as many requests as we accept in an hour" in response.content.decode()
    assert "Rosa Jiménez" in response.content.decode()
    assert PresentationRequest.objects.count() == 3


def test_a_citizen_who_corrects_five_mistakes_is_accepted(client, db, settings):
    settings.PUBLIC_FORM_RATE = "3/h"
    for _mistake in range(5):
        refused = client.post(reverse("programs:request_create"), _form(requester_name=""))
        assert refused.status_code == 200

    response = client.post(reverse("programs:request_create"), _form())

    assert response.status_code == 302
    assert PresentationRequest.objects.count() == 1


def test_each_public_form_has_its_own_allowance(client, db, settings):
    settings.PUBLIC_FORM_RATE = "1/h"
    client.post(reverse("programs:request_create"), _form())

    watch = client.post(
        reverse("outreach:watch_request"),
        {
            "kind": "residential",
            "boundaries": "Elm Street",
            "requester_name": "Rosa Jiménez",
            "requester_email": "rosa@example.org",
        },
    )

    assert watch.status_code == 302
    assert client.post(reverse("programs:request_create"), _form()).status_code == 429


def test_over_the_limit_the_page_says_what_to_do_with_the_department_s_phone(client, db, settings):
    settings.PUBLIC_FORM_RATE = "1/h"
    department = Department.load()
    department.phone = "(555) 010-4400"
    department.save()
    client.post(reverse("programs:request_create"), _form())

    response = client.post(reverse("programs:request_create"), _form())

    assert response.status_code == 429
    assert "send it again later, or call us at (555) 010-4400" in response.content.decode()


def test_the_confirmation_page_needs_the_unguessable_code(client, db):
    request_obj = PresentationRequestFactory()

    assert client.get(reverse("programs:request_done", args=[request_obj.code])).status_code == 200
    assert client.get(f"/request/presentation/{request_obj.pk}/").status_code == 404


def test_staff_accept_a_request_and_the_requester_is_told(client, people, area, django_capture_on_commit_callbacks):
    request_obj = PresentationRequestFactory(
        program=None, topic="Internet safety", email="ann@example.org", language="es"
    )
    client.force_login(people.sergeant)
    starts = timezone.localtime(timezone.now() + timedelta(days=12)).replace(hour=18, minute=0)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("programs:request_accept", args=[request_obj.pk]),
            {
                "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
                "area_command": area.pk,
                "place": "School gym",
                "presenters": [people.officer.pk],
            },
        )

    request_obj.refresh_from_db()
    presentation = request_obj.presentation
    assert response.status_code == 302
    assert request_obj.status == PresentationRequest.Status.ACCEPTED
    assert presentation.status == Presentation.Status.SCHEDULED
    assert presentation.topic == "Internet safety"
    assert list(presentation.presenters.all()) == [people.officer]
    assert [m.to for m in mail.outbox] == [["ann@example.org"]]
    assert "Su presentación está programada" in mail.outbox[0].subject


def test_declining_needs_a_reason_and_mails_it(client, people, django_capture_on_commit_callbacks):
    request_obj = PresentationRequestFactory()
    client.force_login(people.records)

    empty = client.post(reverse("programs:request_decline", args=[request_obj.pk]), {"reason": ""})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programs:request_decline", args=[request_obj.pk]), {"reason": "No officer that week."})

    request_obj.refresh_from_db()
    assert empty.status_code == 400
    assert request_obj.status == PresentationRequest.Status.DECLINED
    assert "No officer that week." in mail.outbox[0].body


def test_an_answered_request_cannot_be_answered_again(client, people):
    request_obj = PresentationRequestFactory(status=PresentationRequest.Status.DECLINED)
    client.force_login(people.records)

    response = client.post(reverse("programs:request_decline", args=[request_obj.pk]), {"reason": "Again"}, follow=True)

    assert "This request was already answered." in [str(m) for m in response.context["messages"]]


def test_an_officer_may_neither_see_their_areas_requests_nor_answer_them(client, people, area):
    request_obj = PresentationRequestFactory(area_command=area)
    client.force_login(people.officer)

    assert client.get(request_obj.get_absolute_url()).status_code == 403
    assert client.post(reverse("programs:request_decline", args=[request_obj.pk]), {"reason": "x"}).status_code == 403


def test_a_request_placed_in_another_area_is_not_found(client, people, other_area):
    request_obj = PresentationRequestFactory(area_command=other_area)
    client.force_login(people.sergeant)

    assert client.get(request_obj.get_absolute_url()).status_code == 404
    assert client.post(reverse("programs:request_decline", args=[request_obj.pk]), {"reason": "x"}).status_code == 404


def test_accepting_in_another_area_is_refused(client, people, other_area):
    request_obj = PresentationRequestFactory()
    client.force_login(people.sergeant)
    starts = timezone.localtime(timezone.now() + timedelta(days=12)).replace(hour=18, minute=0)

    response = client.post(
        reverse("programs:request_accept", args=[request_obj.pk]),
        {
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "area_command": other_area.pk,
            "place": "x",
            "presenters": [people.officer.pk],
        },
    )

    assert response.status_code == 400
    assert "area_command" in response.context["accept_form"].errors


def test_request_queue_lists_pending_first_with_pinned_queries(client, people, django_assert_num_queries):
    Department.load()
    PresentationRequestFactory.create_batch(5)
    PresentationRequestFactory(status=PresentationRequest.Status.DECLINED)
    client.force_login(people.records)

    with django_assert_num_queries(8):
        response = client.get(reverse("programs:request_list"))

    assert len(response.context["page"].object_list) == 5


def test_request_queue_exports_csv_without_contact_details(client, people):
    PresentationRequestFactory(program=None, topic="Internet safety", email="ann@example.org")
    client.force_login(people.records)

    response = client.get(reverse("programs:request_list"), {"format": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Internet safety" in content
    assert "ann@example.org" not in content


def test_the_intake_queue_is_for_handlers_and_pending_requests_only(client, people, other_area):
    pending = PresentationRequestFactory()
    client.force_login(people.officer)  # may not answer requests: sees no unplaced request and its contacts
    assert client.get(pending.get_absolute_url()).status_code == 404

    client.force_login(people.records)  # no area command: the declined request stays with all-area staff
    client.post(reverse("programs:request_decline", args=[pending.pk]), {"reason": "No officer free"})
    client.force_login(people.other_sergeant)

    assert client.get(pending.get_absolute_url()).status_code == 404
    assert (
        pending not in client.get(reverse("programs:request_list"), {"status": "declined"}).context["page"].object_list
    )


def test_a_request_declined_by_an_area_sergeant_moves_to_that_area(client, people, area):
    pending = PresentationRequestFactory()
    client.force_login(people.sergeant)

    client.post(reverse("programs:request_decline", args=[pending.pk]), {"reason": "Outside our city"})

    pending.refresh_from_db()
    assert pending.area_command == area


def test_the_confirmation_mail_does_not_repeat_what_the_sender_typed(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("programs:request_create"),
            _form(requester_name="Visit evil.example now", program="", topic="Click evil.example"),
        )

    assert "evil.example" not in mail.outbox[0].body


def _accepted(people, area, **fields):
    request_obj = PresentationRequestFactory(**fields)
    return services.presentation_request_accept(
        request_obj=request_obj,
        by=people.sergeant,
        starts_at=timezone.now() + timedelta(days=12),
        area_command=area,
        sector=None,
        place="School gym",
        presenters=[people.officer],
    )


def test_cancelling_the_presentation_cancels_the_request_and_tells_the_citizen_in_spanish(
    client, people, area, django_capture_on_commit_callbacks
):
    presentation = _accepted(people, area, email="rosa@example.org", language="es")
    mail.outbox.clear()
    client.force_login(people.officer)

    page = client.get(reverse("programs:presentation_cancel", args=[presentation.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("programs:presentation_cancel", args=[presentation.pk]),
            {"reason": "El agente asignado está de baja."},
        )

    request_obj = PresentationRequest.objects.get(presentation=presentation)
    assert request_obj.status == PresentationRequest.Status.CANCELLED
    assert "they are e-mailed that it is cancelled" in page.content.decode()
    [message] = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert request_obj.reference in message.subject and "cancelada" in message.subject
    assert "El agente asignado está de baja." in message.body


def test_a_cancelled_request_can_no_longer_be_accepted_or_declined(client, people, area):
    presentation = _accepted(people, area)
    services.presentation_cancel(presentation=presentation, by=people.officer)
    request_obj = PresentationRequest.objects.get(presentation=presentation)
    client.force_login(people.sergeant)

    response = client.get(reverse("programs:request_detail", args=[request_obj.pk]))

    assert response.context["can_handle"] is False
    with pytest.raises(ValidationError):
        services.presentation_request_decline(request_obj=request_obj, by=people.sergeant, reason="Too late")


def test_officers_neither_see_the_request_queue_nor_its_menu_entry(client, people, area):
    PresentationRequestFactory(area_command=area, requester_name="Rosa Jiménez")
    client.force_login(people.officer)

    queue = client.get(reverse("programs:request_list") + "?status=all")
    dashboard = client.get(reverse("outreach:dashboard"))

    assert queue.status_code == 403
    assert reverse("programs:request_list") not in dashboard.content.decode()


def test_sergeants_see_the_request_queue_in_the_menu(client, people):
    client.force_login(people.sergeant)

    assert reverse("programs:request_list") in client.get(reverse("outreach:dashboard")).content.decode()


def test_a_public_message_has_a_limit_said_at_the_field(client, db):
    form = client.get(reverse("programs:request_create")).context["form"]

    response = client.post(reverse("programs:request_create"), _form(message="m" * 2001))

    assert "Up to 2,000 characters." in str(form["message"].help_text)
    assert response.status_code == 200
    assert "message" in response.context["form"].errors
    assert not PresentationRequest.objects.exists()


def test_the_request_list_filters_by_area_and_the_days_answered_keeping_its_tab(client, people, area, other_area):
    answered = PresentationRequestFactory(area_command=area, status="declined", handled_at=timezone.now())
    PresentationRequestFactory(area_command=area, status="declined", handled_at=timezone.now() - timedelta(days=40))
    PresentationRequestFactory(area_command=other_area, status="declined", handled_at=timezone.now())
    client.force_login(people.chief)
    today = timezone.localdate().isoformat()

    response = client.get(
        reverse("programs:request_list"),
        {"status": "all", "area_command": area.pk, "answered_from": today, "answered_to": today},
    )

    assert list(response.context["page"].object_list) == [answered]
    assert '<input type="hidden" name="status" value="all">' in response.content.decode()
