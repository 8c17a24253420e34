"""The weekly review of the audit log (CJIS AU-6): who marks a week reviewed, when, and the dashboards' flag."""

from datetime import datetime, time, timedelta

import pytest
from django.contrib.admin.sites import site
from django.contrib.messages import get_messages
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from outreach import clock
from outreach.lib.validators import TEXT_MAX_LENGTH
from outreach.models import AuditEvent, AuditReview
from outreach.tests.factories import AuditReviewFactory

Action = AuditEvent.Action
NOTE = "Read the failed log-ins (two, both the same officer's typo) and the three exports; nothing unusual."


def _monday(weeks_back):
    return clock.week_start(clock.today()) - timedelta(days=7 * weeks_back)


def _event_in(week, *, day=2, hour=10, action=Action.LOGIN):
    at = timezone.make_aware(datetime.combine(week + timedelta(days=day), time(hour)))
    return AuditEvent.objects.create(action=action, username="officer", at=at)


def _review_url(week):
    return reverse("outreach:audit_review", args=[week])


@pytest.fixture
def last_week(people):
    """The log began two weeks ago: three events then, one last week (and the cast's creation this week)."""
    for day in (0, 3, 6):
        _event_in(_monday(2), day=day, action=Action.LOGIN_FAILED)
    _event_in(_monday(1))
    return _monday(1)


def test_the_chief_marks_a_past_week_reviewed_with_a_note(client, people, last_week):
    client.force_login(people.chief)

    response = client.post(_review_url(last_week), {"note": NOTE}, follow=True)

    review = AuditReview.objects.get()
    assert (review.week, review.note, review.reviewed_by, review.events_seen) == (last_week, NOTE, people.chief, 1)
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        f"The week of {date_format(last_week, 'DATE_FORMAT')} is marked reviewed."
    ]
    rows = {row.starts_on: row for row in response.context["page"].object_list}
    assert rows[last_week].review == review and rows[_monday(2)].review is None
    assert "Reviewed" in response.content.decode()


def test_the_review_is_itself_in_the_audit_log(client, people, last_week):
    client.force_login(people.sysadmin)

    client.post(_review_url(last_week), {"note": NOTE}, REMOTE_ADDR="203.0.113.24")

    logged = AuditEvent.objects.get(action=Action.REVIEWED)
    assert (logged.user, logged.address) == (people.sysadmin, "203.0.113.24")
    assert (logged.object_type, logged.object_id) == ("outreach.auditreview", str(AuditReview.objects.get().pk))
    assert logged.data == {"week": last_week.isoformat(), "events": 1}


@pytest.mark.parametrize("note", ["", "   ", "x" * (TEXT_MAX_LENGTH + 1)])
def test_a_review_without_a_note_or_with_too_long_a_note_is_sent_back_at_the_field(client, people, last_week, note):
    client.force_login(people.chief)

    response = client.post(_review_url(last_week), {"note": note})

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["note"]
    assert b'id="id_note"' in response.content and b"invalid-feedback" in response.content
    assert not AuditReview.objects.exists()


def test_a_note_sent_back_keeps_what_was_typed(client, people, last_week):
    client.force_login(people.chief)
    typed = "x" * (TEXT_MAX_LENGTH + 1)

    response = client.post(_review_url(last_week), {"note": typed})

    assert response.context["form"]["note"].value() == typed


def test_the_week_under_way_cannot_be_marked_reviewed(client, people, last_week):
    client.force_login(people.chief)
    this_week = _monday(0)

    page = client.get(_review_url(this_week))
    response = client.post(_review_url(this_week), {"note": NOTE})

    assert page.status_code == 200 and b'name="note"' not in page.content
    assert response.status_code == 400
    assert "has not ended yet" in " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert not AuditReview.objects.exists()


def test_the_model_refuses_a_week_not_over_whatever_calls_it(people):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="has not ended yet"):
        AuditReviewFactory.build(week=_monday(0), reviewed_by=people.chief).full_clean()


def test_a_week_already_reviewed_shows_its_review_and_no_form(client, people, last_week):
    AuditReviewFactory(week=last_week, reviewed_by=people.sysadmin, reviewer_name="Sam Admin", note="Seen.")
    client.force_login(people.chief)

    page = client.get(_review_url(last_week))
    again = client.post(_review_url(last_week), {"note": NOTE})

    assert b"Sam Admin" in page.content and b'name="note"' not in page.content
    assert again.status_code == 400 and AuditReview.objects.get().note == "Seen."


@pytest.mark.parametrize("week", ["monday", "tuesday", "before", "future"])
def test_only_a_monday_between_the_first_event_and_this_week_has_a_review_page(client, people, last_week, week):
    asked = {
        "monday": last_week,
        "tuesday": last_week + timedelta(days=1),
        "before": _monday(3),
        "future": _monday(-1),
    }[week]
    client.force_login(people.chief)

    assert client.get(_review_url(asked)).status_code == (200 if week == "monday" else 404)


def test_a_date_that_is_no_date_is_not_found(client, people):
    client.force_login(people.chief)

    assert client.get("/audit/reviews/2026-02-30/").status_code == 404


@pytest.mark.parametrize("role", ["officer", "sergeant", "lieutenant", "commander", "designee", "records"])
def test_only_the_chief_and_the_system_administrator_review_the_audit_log(client, people, last_week, role):
    client.force_login(getattr(people, role))

    assert client.get(reverse("outreach:audit_review_list")).status_code == 403
    assert client.get(_review_url(last_week)).status_code == 403
    assert client.post(_review_url(last_week), {"note": NOTE}).status_code == 403
    assert not AuditReview.objects.exists()


def test_the_weekly_list_counts_each_week_s_events_in_one_query(client, people, last_week, django_assert_num_queries):
    AuditReviewFactory(week=_monday(2), reviewed_by=people.sysadmin)
    client.force_login(people.chief)

    # The request's own five (session, user, department, permissions), the first event, one count, the reviews.
    with django_assert_num_queries(8):
        response = client.get(reverse("outreach:audit_review_list"))
    _event_in(_monday(12))  # ten more weeks on the page: still one count
    with django_assert_num_queries(8):
        longer = client.get(reverse("outreach:audit_review_list"))

    rows = [(row.starts_on, row.events, row.review is not None, row.ended) for row in response.context["page"]]
    this_week_events = AuditEvent.objects.filter(at__gte=timezone.make_aware(datetime.combine(_monday(0), time.min)))
    assert rows == [
        (_monday(0), this_week_events.count(), False, False),
        (last_week, 1, False, True),
        (_monday(2), 3, True, True),
    ]
    assert len(longer.context["page"]) == 13
    page = response.content.decode()
    since, until = last_week.isoformat(), (last_week + timedelta(days=6)).isoformat()
    assert f"{reverse('outreach:audit_list')}?since={since}&amp;until={until}" in page
    assert _review_url(last_week) in page


def test_the_list_shows_only_the_weeks_waiting_when_asked(client, people, last_week):
    AuditReviewFactory(week=_monday(2), reviewed_by=people.sysadmin)
    client.force_login(people.chief)

    response = client.get(reverse("outreach:audit_review_list"), {"state": "unreviewed"})

    assert [row.starts_on for row in response.context["page"]] == [last_week]


def test_the_audit_log_filtered_to_a_week_leads_to_its_review(client, people, last_week):
    client.force_login(people.chief)
    dates = {"since": last_week.isoformat(), "until": (last_week + timedelta(days=6)).isoformat()}

    page = client.get(reverse("outreach:audit_list"), dates).content.decode()
    AuditReviewFactory(week=last_week, reviewed_by=people.chief, reviewer_name="Maria Chief")
    reviewed = client.get(reverse("outreach:audit_list"), dates).content.decode()

    assert "Review this week" in page and _review_url(last_week) in page
    assert "was reviewed by Maria Chief" in reviewed


@pytest.mark.parametrize("role", ["chief", "sysadmin"])
def test_the_dashboard_flags_weeks_of_audit_not_reviewed(client, people, last_week, role):
    client.force_login(getattr(people, role))

    before = client.get(reverse("outreach:dashboard")).content.decode()
    client.post(_review_url(last_week), {"note": NOTE})
    one_left = client.get(reverse("outreach:dashboard")).content.decode()
    client.post(_review_url(_monday(2)), {"note": NOTE})
    none_left = client.get(reverse("outreach:dashboard")).content.decode()

    assert "2 weeks of audit not reviewed." in before
    assert f"{reverse('outreach:audit_review_list')}?state=unreviewed" in before
    assert "1 week of audit not reviewed." in one_left
    assert "of audit not reviewed" not in none_left


def test_an_empty_week_waits_for_a_review_too(client, people):
    _event_in(_monday(3))  # then nothing for two weeks: the log may have stopped writing
    client.force_login(people.chief)

    page = client.get(reverse("outreach:dashboard")).content.decode()

    assert "3 weeks of audit not reviewed." in page


def test_the_week_under_way_is_not_flagged(client, people):
    client.force_login(people.chief)  # the cast was created this week: the log began this week

    assert "of audit not reviewed" not in client.get(reverse("outreach:dashboard")).content.decode()


@pytest.mark.parametrize("role", ["officer", "sergeant", "commander", "designee"])
def test_the_flag_is_not_shown_to_who_does_not_review(client, people, last_week, role):
    client.force_login(getattr(people, role))

    assert "of audit not reviewed" not in client.get(reverse("outreach:dashboard")).content.decode()


def test_no_one_changes_or_deletes_a_review(people):
    review = AuditReviewFactory(reviewed_by=people.chief, note=NOTE)

    with pytest.raises(TypeError):
        review.save()
    with pytest.raises(TypeError):
        review.delete()
    with pytest.raises(TypeError):
        AuditReview.objects.filter(pk=review.pk).update(note="Rewritten.")
    with pytest.raises(TypeError):
        AuditReview.objects.filter(pk=review.pk).delete()
    # …and the database refuses a raw statement too.
    for statement in (
        "UPDATE outreach_auditreview SET note = 'Rewritten.' WHERE id = %s",
        "DELETE FROM outreach_auditreview WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [review.pk])
    assert AuditReview.objects.get(pk=review.pk).note == NOTE


def test_the_admin_shows_reviews_but_never_adds_changes_or_deletes_them(people):
    request = RequestFactory().get("/admin/")
    request.user = people.sysadmin
    admin = site._registry[AuditReview]

    assert admin.has_view_permission(request)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
