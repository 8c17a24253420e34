"""A citizen follows their request: its own page in plain words, found again by reference and e-mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from outreach.models import WatchGroup
from outreach.tests.factories import RequestedWatchGroupFactory
from programs import services
from programs.models import PresentationRequest
from programs.tests.factories import PresentationRequestFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def _accept(request_obj, people, area):
    return services.presentation_request_accept(
        request_obj=request_obj,
        by=people.sergeant,
        starts_at=timezone.now() + timedelta(days=12),
        area_command=area,
        sector=None,
        place="Maplewood Elementary, gym",
        presenters=[people.officer],
    )


def test_the_status_page_says_where_and_when_once_scheduled(client, people, area):
    request_obj = PresentationRequestFactory()
    _accept(request_obj, people, area)

    page = client.get(request_obj.get_public_url()).content.decode()

    assert "Your presentation is scheduled" in page
    assert "Maplewood Elementary, gym" in page


def test_the_status_page_gives_the_reason_when_declined_and_says_when_cancelled(client, people, area):
    declined = PresentationRequestFactory()
    services.presentation_request_decline(request_obj=declined, by=people.sergeant, reason="No officer that week.")
    cancelled = PresentationRequestFactory()
    services.presentation_cancel(presentation=_accept(cancelled, people, area), by=people.officer)

    assert "No officer that week." in client.get(declined.get_public_url()).content.decode()
    assert "The presentation was cancelled" in client.get(cancelled.get_public_url()).content.decode()


def test_every_e_mail_to_the_citizen_links_to_their_status_page(
    client, people, area, django_capture_on_commit_callbacks
):
    request_obj = PresentationRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _accept(request_obj, people, area)

    [message] = mail.outbox
    assert request_obj.get_public_url() in message.body


@pytest.mark.parametrize("kind", ["presentation", "watch"])
def test_a_citizen_finds_their_request_by_reference_and_e_mail(client, db, kind):
    if kind == "presentation":
        record = PresentationRequestFactory(email="rosa@example.org")
    else:
        record = RequestedWatchGroupFactory(requester_email="rosa@example.org")

    response = client.post(
        reverse("outreach:request_status"), {"reference": record.reference.lower(), "email": "ROSA@example.org"}
    )

    assert response["Location"] == record.get_public_url()


def test_a_wrong_e_mail_finds_nothing_and_says_so_without_losing_what_was_typed(client, db):
    request_obj = PresentationRequestFactory(email="rosa@example.org")

    response = client.post(
        reverse("outreach:request_status"), {"reference": request_obj.reference, "email": "someone@example.org"}
    )

    assert response.status_code == 200
    assert "No request has this reference and e-mail address." in response.content.decode()
    assert response.context["form"]["email"].value() == "someone@example.org"


def test_guessing_references_is_stopped(client, db, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    for _guess in range(2):
        client.post(reverse("outreach:request_status"), {"reference": "PR-AAAAAA", "email": "x@example.org"})

    response = client.post(reverse("outreach:request_status"), {"reference": "PR-AAAAAA", "email": "x@example.org"})

    assert response.status_code == 429


def test_the_watch_request_page_follows_the_group(client, people, area):
    group = RequestedWatchGroupFactory()
    WatchGroup.objects.filter(pk=group.pk).update(status=WatchGroup.Status.ORGANIZING, area_command=area)

    assert "Your group is being organized" in client.get(group.get_public_url()).content.decode()


def test_the_presentation_shows_who_asked_and_links_back_to_the_request(client, people, area):
    request_obj = PresentationRequestFactory(requester_name="Rosa Jiménez", email="rosa@example.org")
    presentation = _accept(request_obj, people, area)

    client.force_login(people.sergeant)
    sergeant_page = client.get(presentation.get_absolute_url()).content.decode()
    client.force_login(people.officer)
    officer_page = client.get(presentation.get_absolute_url()).content.decode()

    assert "Rosa Jiménez" in sergeant_page and request_obj.get_absolute_url() in sergeant_page
    assert "rosa@example.org" in sergeant_page
    assert "Rosa Jiménez" in officer_page and "rosa@example.org" not in officer_page
    assert PresentationRequest.objects.get(pk=request_obj.pk).status == PresentationRequest.Status.ACCEPTED
