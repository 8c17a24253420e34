"""Retention (policy 003 §C.4): records kept at least three years, legal holds, and the purge.

Ages are explicit dates in the past (PostgreSQL's own clock decides the audit log's trigger, so the
tests do not move Python's).
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from outreach import clock
from outreach.lib import retention
from outreach.models import AuditEvent, Concern, LegalHold, Partnership, PurgeLog, WatchMeeting
from outreach.tests.factories import (
    AreaHoldFactory,
    AuditEventFactory,
    ConcernFactory,
    LegalHoldFactory,
    PartnershipFactory,
    PurgeLogFactory,
    WatchMeetingFactory,
)
from programs.models import PresentationRequest
from programs.tests.factories import PresentationRequestFactory
from surveys.models import ContactRequest
from surveys.tests.factories import ContactRequestFactory

KEPT = "Records are kept at least 3 years (policy 003 §C.4): archive it instead."


def years_ago(years, days=0):
    return clock.today() - timedelta(days=round(years * 365.25) + days)


def moment_years_ago(years):
    return timezone.now() - timedelta(days=round(years * 365.25))


def old_concern(area, years=4, **kwargs):
    return ConcernFactory(
        area_command=area,
        received_on=years_ago(years),
        reporter_name="Helen Brooks",
        reporter_phone="(555) 010-2231",
        reporter_email="helen@example.org",
        **kwargs,
    )


def purge(*flags):
    call_command("purge_expired", *flags, stdout=StringIO(), stderr=StringIO())


def logged(record_type):
    return PurgeLog.objects.filter(record_type=record_type).latest("at")


def concern_has_reporter(concern):
    concern.refresh_from_db()
    return concern.reporter_name != ""


# The command


def test_the_command_needs_exactly_one_of_dry_run_and_execute(db):
    with pytest.raises(CommandError):
        call_command("purge_expired")
    with pytest.raises(CommandError):
        call_command("purge_expired", "--dry-run", "--execute")


def test_a_dry_run_changes_nothing_and_logs_what_would_go(area):
    concern = old_concern(area)

    purge("--dry-run")

    assert concern_has_reporter(concern)
    log = logged("outreach.concern")
    assert (log.dry_run, log.anonymised, log.deleted, log.held) == (True, 1, 0, 0)
    assert log.rule == "retention 3 years, by received_on"
    assert "manage.py purge_expired" in log.run_by


def test_execute_anonymises_expired_concerns_and_their_history_only(area):
    expired = old_concern(area, years=4)
    young = old_concern(area, years=2)

    purge("--execute")

    assert not concern_has_reporter(expired)
    assert concern_has_reporter(young)
    assert Concern.objects.filter(pk=expired.pk).exists(), "the concern stays in the counts"
    assert not Concern.history.filter(id=expired.pk).exclude(reporter_name="").exists()
    assert Concern.history.filter(id=young.pk).exclude(reporter_name="").exists()
    log = logged("outreach.concern")
    assert (log.dry_run, log.anonymised) == (False, 1)


def test_execute_anonymises_old_presentation_requests_and_deletes_old_closed_contact_requests(area):
    request = PresentationRequestFactory()
    PresentationRequest.objects.filter(pk=request.pk).update(created_at=moment_years_ago(4))
    closed = ContactRequestFactory(status="closed", outcome="resolved", closed_at=moment_years_ago(4))
    still_open = ContactRequestFactory(created_at=moment_years_ago(5))
    recent = ContactRequestFactory(status="closed", outcome="resolved", closed_at=moment_years_ago(2))
    assert ContactRequest.objects.filter(pk=closed.pk).exists()

    purge("--execute")

    request.refresh_from_db()
    assert (request.requester_name, request.email, request.phone) == ("", "", "")
    assert list(ContactRequest.objects.order_by("pk")) == [still_open, recent]
    assert logged("surveys.contactrequest").deleted == 1


def test_the_three_year_floor_holds_whatever_the_settings_say(area, settings):
    settings.RETENTION_YEARS = {"outreach.concern": 1, "outreach.auditevent": 1}
    concern = old_concern(area, years=2)
    event = AuditEventFactory(at=moment_years_ago(2))

    purge("--execute")

    assert concern_has_reporter(concern)
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert logged("outreach.concern").rule == "retention 3 years, by received_on"
    assert {warning.id for warning in retention.check_retention_settings()} == {"outreach.W102"}


def test_a_longer_period_keeps_a_type_longer(area, settings):
    settings.RETENTION_YEARS = {"outreach.concern": 7}
    concern = old_concern(area, years=4)

    purge("--execute")

    assert concern_has_reporter(concern)
    assert logged("outreach.concern").rule == "retention 7 years, by received_on"


def test_audit_rows_go_after_three_years_but_never_before_the_record_they_describe(area, settings):
    settings.RETENTION_YEARS = {"outreach.concern": 7}
    login = AuditEventFactory(at=moment_years_ago(4))
    about_a_concern = AuditEventFactory(
        at=moment_years_ago(4), action=AuditEvent.Action.CONTACT_VIEWED, object_type="outreach.concern", object_id="9"
    )
    recent = AuditEventFactory(at=moment_years_ago(2))

    purge("--execute")

    mine = AuditEvent.objects.filter(pk__in=[login.pk, about_a_concern.pk, recent.pk])
    assert set(mine.values_list("pk", flat=True)) == {about_a_concern.pk, recent.pk}
    assert logged("outreach.auditevent").deleted == 1


# Legal holds


def test_a_hold_on_a_record_keeps_it_and_its_audit_rows_until_released(area, people):
    concern = old_concern(area)
    viewed = AuditEventFactory(
        at=moment_years_ago(4),
        action=AuditEvent.Action.CONTACT_VIEWED,
        object_type="outreach.concern",
        object_id=str(concern.pk),
    )
    hold = LegalHoldFactory(record=concern)

    purge("--execute")

    assert concern_has_reporter(concern)
    assert AuditEvent.objects.filter(pk=viewed.pk).exists()
    assert logged("outreach.concern").held == 1

    client_release(people.chief, hold)
    purge("--execute")

    assert not concern_has_reporter(concern)
    assert not AuditEvent.objects.filter(pk=viewed.pk).exists()


def client_release(user, hold):
    from django.test import Client

    client = Client()
    client.force_login(user)
    assert client.post(reverse("outreach:hold_release", args=[hold.pk])).status_code == 302
    hold.refresh_from_db()
    assert not hold.is_active()


def test_a_hold_on_an_area_and_dates_keeps_that_areas_records_of_those_dates(area, other_area):
    held = old_concern(area, years=4)
    outside_the_dates = old_concern(area, years=6)
    other_areas = old_concern(other_area, years=4)
    AreaHoldFactory(area_command=area, starts_on=years_ago(4, days=30), ends_on=years_ago(4, days=-30))

    purge("--execute")

    assert concern_has_reporter(held)
    assert not concern_has_reporter(outside_the_dates)
    assert not concern_has_reporter(other_areas)
    assert logged("outreach.concern").held == 1


# The purge log is append-only


def test_the_purge_log_refuses_to_be_changed_or_deleted(db):
    log = PurgeLogFactory()

    with pytest.raises(TypeError):
        log.save()
    with pytest.raises(TypeError):
        log.delete()
    with pytest.raises(TypeError):
        PurgeLog.objects.update(deleted=0)
    with pytest.raises(TypeError):
        PurgeLog.objects.all().delete()
    for statement in ("UPDATE outreach_purgelog SET deleted = 0", "DELETE FROM outreach_purgelog"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert PurgeLog.objects.get(pk=log.pk).anonymised == log.anonymised


# Deleting in the pages and the admin


def test_a_meeting_that_took_place_is_not_removed_from_the_groups_page(client, people, area):
    meeting = WatchMeetingFactory(group__area_command=area)
    client.force_login(people.sergeant)

    response = client.post(reverse("outreach:watch_meeting_remove", args=[meeting.group_id, meeting.pk]))

    assert response["Location"] == meeting.group.get_absolute_url()
    assert [str(message) for message in get_messages(response.wsgi_request)] == [KEPT]
    assert WatchMeeting.objects.filter(pk=meeting.pk).exists()


def test_the_groups_page_offers_to_remove_only_meetings_still_ahead(client, people, area):
    past = WatchMeetingFactory(group__area_command=area)
    ahead = WatchMeetingFactory(group=past.group, held_on=timezone.now() + timedelta(days=3))
    client.force_login(people.sergeant)

    page = client.get(past.group.get_absolute_url()).content.decode()

    assert reverse("outreach:watch_meeting_remove", args=[past.group_id, ahead.pk]) in page
    assert reverse("outreach:watch_meeting_remove", args=[past.group_id, past.pk]) not in page


def test_a_held_meeting_still_ahead_is_not_removed_either(client, people, area):
    meeting = WatchMeetingFactory(group__area_command=area, held_on=timezone.now() + timedelta(days=3))
    LegalHoldFactory(record=meeting)
    client.force_login(people.sergeant)

    response = client.post(reverse("outreach:watch_meeting_remove", args=[meeting.group_id, meeting.pk]))

    assert [str(message) for message in get_messages(response.wsgi_request)] == [retention.held_message()]
    assert WatchMeeting.objects.filter(pk=meeting.pk).exists()


def test_the_admin_does_not_delete_a_young_record(client, people, area):
    partnership = PartnershipFactory(organization__area_command=area)
    client.force_login(people.sysadmin)
    delete_url = reverse("admin:outreach_partnership_delete", args=[partnership.pk])

    asked = client.get(delete_url)
    client.post(delete_url, {"post": "yes"})
    action = client.post(
        reverse("admin:outreach_partnership_changelist"),
        {"action": "delete_selected", "_selected_action": [partnership.pk], "post": "yes"},
    )

    assert asked.status_code == 302
    assert [str(message) for message in get_messages(asked.wsgi_request)] == [KEPT]
    assert "Nothing was deleted" in " ".join(str(message) for message in get_messages(action.wsgi_request))
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_the_admin_deletes_a_record_past_its_period(client, people, area):
    partnership = PartnershipFactory(organization__area_command=area)
    Partnership.objects.filter(pk=partnership.pk).update(created_at=moment_years_ago(4))
    client.force_login(people.sysadmin)

    client.post(reverse("admin:outreach_partnership_delete", args=[partnership.pk]), {"post": "yes"})

    assert not Partnership.objects.filter(pk=partnership.pk).exists()


# The holds' pages


@pytest.mark.parametrize("role", ["officer", "sergeant", "commander", "records"])
def test_only_the_chief_and_the_system_administrator_see_and_place_holds(client, people, area, role):
    hold = LegalHoldFactory(record__area_command=area)
    client.force_login(getattr(people, role))

    assert client.get(reverse("outreach:hold_list")).status_code == 403
    assert client.post(reverse("outreach:hold_create"), {"scope": "range"}).status_code == 403
    assert client.post(reverse("outreach:hold_release", args=[hold.pk])).status_code == 403
    assert LegalHold.objects.get(pk=hold.pk).is_active()


def test_the_chief_places_a_hold_on_a_record(client, people, area):
    concern = ConcernFactory(area_command=area)
    client.force_login(people.chief)

    response = client.post(
        reverse("outreach:hold_create"),
        {"scope": "record", "record_type": "outreach.concern", "record_id": concern.pk, "reason": "Claim 26-CV-4"},
    )

    assert response["Location"] == reverse("outreach:hold_list")
    hold = LegalHold.objects.get()
    assert (hold.content_type.model, hold.object_id, hold.placed_by) == ("concern", concern.pk, people.chief)
    assert "The hold was placed" in " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert retention.retention_refusal(concern) == retention.held_message()


def test_the_hold_form_says_what_is_missing_or_wrong(client, people, area):
    client.force_login(people.sysadmin)
    url = reverse("outreach:hold_create")

    no_record = client.post(url, {"scope": "record", "record_type": "outreach.concern", "record_id": 999999})
    no_dates = client.post(url, {"scope": "range", "area_command": area.pk, "reason": "Audit"})
    backwards = client.post(
        url,
        {"scope": "range", "area_command": area.pk, "starts_on": "2024-05-01", "ends_on": "2024-04-01", "reason": "X"},
    )

    assert no_record.status_code == 400
    assert set(no_record.context["form"].errors) == {"record_id", "reason"}
    assert set(no_dates.context["form"].errors) == {"starts_on", "ends_on"}
    assert backwards.context["form"].errors["ends_on"] == ["The last day cannot be before the first."]
    assert not LegalHold.objects.exists()


def test_an_area_role_given_the_right_to_hold_cannot_hold_another_areas_record(client, people, other_area):
    people.commander.user_permissions.add(Permission.objects.get(codename="add_legalhold"))
    stranger = ConcernFactory(area_command=other_area)
    client.force_login(people.commander)

    response = client.post(
        reverse("outreach:hold_create"),
        {"scope": "record", "record_type": "outreach.concern", "record_id": stranger.pk, "reason": "Claim"},
    )

    assert response.status_code == 400
    assert "record_id" in response.context["form"].errors
    assert not LegalHold.objects.exists()


def test_releasing_a_hold_asks_first_and_keeps_the_hold_as_released(client, people, area):
    hold = LegalHoldFactory(record__area_command=area)
    client.force_login(people.chief)
    url = reverse("outreach:hold_release", args=[hold.pk])

    asked = client.get(url)
    assert "Release the hold" in asked.content.decode()
    assert LegalHold.objects.get(pk=hold.pk).is_active()

    response = client.post(url)

    hold.refresh_from_db()
    assert (hold.released_by, hold.is_active()) == (people.chief, False)
    assert "was released" in " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert client.get(reverse("outreach:hold_list")).status_code == 200
