"""Presentation reports: every state transition, who may do it, and what each page shows."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from outreach.models import Concern, CrimeType, Department
from programs import services
from programs.models import Presentation, PresentationEvent
from programs.tests.conftest import report_form
from programs.tests.factories import PresentationFactory, ProgramFactory

Status = Presentation.Status
Action = PresentationEvent.Action

# A week after the evening presentation the topic test files (10:00 in Denver).
JANUARY_12_2026 = datetime(2026, 1, 12, 17, 0, tzinfo=UTC)


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _actions(presentation):
    return list(presentation.events.values_list("action", flat=True))


# Scheduling and writing


def test_a_future_presentation_is_scheduled(client, people, area):
    program = ProgramFactory(name="Bicycle Rodeo")
    client.force_login(people.officer)
    starts = timezone.localtime(timezone.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(
        reverse("programs:presentation_create"),
        {
            "program": program.pk,
            "starts_at": starts,
            "duration_minutes": 60,
            "place": "Lincoln Elementary gym",
            "area_command": area.pk,
            "presenters": [people.officer.pk],
        },
    )

    presentation = Presentation.objects.get()
    assert response.status_code == 302
    assert presentation.status == Status.SCHEDULED
    assert presentation.author == people.officer
    assert _actions(presentation) == [Action.SCHEDULED]


def test_a_past_presentation_starts_a_draft_report(client, people, area):
    client.force_login(people.officer)
    starts = timezone.localtime(timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    client.post(
        reverse("programs:presentation_create"),
        {
            "topic": "Porch thefts",
            "starts_at": starts,
            "duration_minutes": 45,
            "place": "Library",
            "area_command": area.pk,
            "presenters": [people.officer.pk],
        },
    )

    presentation = Presentation.objects.get()
    assert presentation.status == Status.DRAFT
    assert _actions(presentation) == [Action.REPORT_STARTED]


@time_machine.travel(JANUARY_12_2026, tick=False)
def test_program_or_topic_is_required(client, people, area):
    client.force_login(people.officer)

    response = client.post(
        reverse("programs:presentation_create"),
        {
            "starts_at": "2026-01-05T18:00",
            "duration_minutes": 60,
            "place": "Library",
            "area_command": area.pk,
            "presenters": [people.officer.pk],
        },
    )

    assert "topic" in response.context["form"].errors
    assert b"Library" in response.content
    assert not Presentation.objects.exists()


def test_report_records_each_concern_under_the_presentation(client, people, report):
    burglary = CrimeType.objects.get(code="burglary")
    traffic = CrimeType.objects.get(code="traffic")
    client.force_login(people.officer)

    response = client.post(
        reverse("programs:presentation_edit", args=[report.pk]),
        report_form(
            report,
            participants="31",
            **{
                "concerns-0-category": burglary.pk,
                "concerns-0-description": "Garage break-ins on Elm Street",
                "concerns-0-is_potential_problem": "on",
                "concerns-1-category": traffic.pk,
                "concerns-1-description": "Speeding near the school",
            },
        ),
    )

    assert response.status_code == 302
    concerns = Concern.objects.order_by("description")
    assert [c.description for c in concerns] == ["Garage break-ins on Elm Street", "Speeding near the school"]
    assert all(c.presentation_link.presentation == report and c.area_command == report.area_command for c in concerns)
    assert all(c.source == Concern.Source.PRESENTATION and c.created_by == people.officer for c in concerns)
    assert concerns[0].received_on == timezone.localdate(report.starts_at)
    assert concerns[0].is_potential_problem and not concerns[1].is_potential_problem


def test_save_and_submit_in_one_step(client, people, report, django_capture_on_commit_callbacks):
    client.force_login(people.officer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programs:presentation_edit", args=[report.pk]), report_form(report, submit="1"))

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


# Submitting


def test_submitting_notifies_the_reviewers_of_the_area_only(people, report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.presentation_submit(presentation=report, by=people.officer)

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert report.submitted_at is not None
    assert _actions(report) == [Action.SUBMITTED]
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([people.sergeant.email, people.lieutenant.email, people.commander.email])
    assert people.other_sergeant.email not in recipients
    assert report.get_absolute_url() in mail.outbox[0].body


def test_a_report_without_participants_cannot_be_submitted(client, people, area):
    report = PresentationFactory(area_command=area, author=people.officer, participants=None)
    client.force_login(people.officer)

    response = client.post(reverse("programs:presentation_submit", args=[report.pk]), follow=True)

    report.refresh_from_db()
    assert report.status == Status.DRAFT
    assert "Enter the number of participants before submitting." in [str(m) for m in response.context["messages"]]


def test_a_presentation_in_the_future_cannot_be_reported_yet(people, area):
    scheduled = PresentationFactory(
        area_command=area,
        author=people.officer,
        status=Status.SCHEDULED,
        starts_at=timezone.now() + timedelta(days=3),
    )

    with pytest.raises(Exception, match="has not taken place"):
        services.presentation_submit(presentation=scheduled, by=people.officer)


def test_a_submitted_report_can_no_longer_be_edited(client, people, submitted):
    client.force_login(people.officer)

    assert client.get(reverse("programs:presentation_edit", args=[submitted.pk])).status_code == 403


def test_another_officer_of_the_area_cannot_edit_or_submit_my_report(client, people, report):
    client.force_login(people.lieutenant)  # same area, not author or presenter

    assert client.get(reverse("programs:presentation_edit", args=[report.pk])).status_code == 403
    assert client.post(reverse("programs:presentation_submit", args=[report.pk])).status_code == 403


# Reviewing


def test_sergeant_approves_a_submitted_report(client, people, submitted):
    client.force_login(people.sergeant)

    response = client.post(reverse("programs:presentation_approve", args=[submitted.pk]))

    submitted.refresh_from_db()
    assert response.status_code == 302
    assert submitted.status == Status.APPROVED
    assert submitted.reviewed_by == people.sergeant
    assert _actions(submitted) == [Action.SUBMITTED, Action.APPROVED]


def test_returning_needs_a_comment_and_keeps_the_report_submitted(client, people, submitted):
    client.force_login(people.sergeant)

    response = client.post(reverse("programs:presentation_return", args=[submitted.pk]), {"comment": "  "})

    submitted.refresh_from_db()
    # Nothing was typed: back to the report's review box, so a refresh posts nothing again.
    assert response.status_code == 302
    assert response["Location"] == submitted.get_absolute_url() + "#review"
    shown = [str(message) for message in client.get(response["Location"]).context["messages"]]
    assert shown == ["Say what needs to change before returning the report."]
    assert submitted.status == Status.SUBMITTED


def test_a_too_long_return_comment_is_kept_for_correction(client, people, submitted):
    client.force_login(people.sergeant)

    response = client.post(reverse("programs:presentation_return", args=[submitted.pk]), {"comment": "x" * 2001})

    assert response.status_code == 400
    assert response.context["return_form"]["comment"].value() == "x" * 2001


def test_return_shows_the_comment_to_the_author_and_mails_them(
    client, people, submitted, django_capture_on_commit_callbacks
):
    client.force_login(people.sergeant)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programs:presentation_return", args=[submitted.pk]), {"comment": "Add the concerns."})

    submitted.refresh_from_db()
    assert submitted.status == Status.RETURNED
    assert [m.to for m in mail.outbox] == [[people.officer.email]]
    assert "Add the concerns." in mail.outbox[0].body
    client.force_login(people.officer)
    page = client.get(submitted.get_absolute_url())
    assert b"Add the concerns." in page.content


def test_returned_report_is_resubmitted_then_approved(client, people, submitted):
    services.presentation_return(presentation=submitted, by=people.sergeant, comment="Count the participants again.")
    client.force_login(people.officer)
    client.post(reverse("programs:presentation_edit", args=[submitted.pk]), report_form(submitted, participants="40"))
    client.post(reverse("programs:presentation_submit", args=[submitted.pk]))
    client.force_login(people.sergeant)
    client.post(reverse("programs:presentation_approve", args=[submitted.pk]))

    submitted.refresh_from_db()
    assert submitted.participants == 40
    assert submitted.status == Status.APPROVED
    assert _actions(submitted) == [Action.SUBMITTED, Action.RETURNED, Action.RESUBMITTED, Action.APPROVED]


def test_sergeant_of_another_area_gets_not_found(client, people, submitted):
    client.force_login(people.other_sergeant)

    assert client.get(submitted.get_absolute_url()).status_code == 404
    assert client.post(reverse("programs:presentation_approve", args=[submitted.pk])).status_code == 404
    assert (
        client.post(reverse("programs:presentation_return", args=[submitted.pk]), {"comment": "x"}).status_code == 404
    )


@pytest.mark.parametrize("role", ["officer", "records"])
def test_roles_without_review_permission_are_refused(client, people, submitted, role):
    client.force_login(getattr(people, role))

    assert client.post(reverse("programs:presentation_approve", args=[submitted.pk])).status_code == 403
    assert client.get(reverse("programs:presentation_review_queue")).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_a_reviewer_cannot_approve_their_own_report(people, area):
    own = PresentationFactory(area_command=area, author=people.sergeant, status=Status.SUBMITTED)

    with pytest.raises(Exception, match="you wrote or presented"):
        services.presentation_approve(presentation=own, by=people.sergeant)


def test_approving_twice_is_refused(client, people, submitted):
    client.force_login(people.sergeant)
    client.post(reverse("programs:presentation_approve", args=[submitted.pk]))

    response = client.post(reverse("programs:presentation_approve", args=[submitted.pk]), follow=True)

    assert "This report is not awaiting review." in [str(m) for m in response.context["messages"]]
    assert submitted.events.filter(action=Action.APPROVED).count() == 1


def test_review_actions_are_post_only(client, people, submitted):
    client.force_login(people.sergeant)

    assert client.get(reverse("programs:presentation_approve", args=[submitted.pk])).status_code == 405
    assert client.get(reverse("programs:presentation_submit", args=[submitted.pk])).status_code == 405


# Cancelling


def test_cancelling_a_scheduled_presentation_asks_first(client, people, area):
    scheduled = PresentationFactory(
        area_command=area, author=people.officer, status=Status.SCHEDULED, starts_at=timezone.now() + timedelta(days=3)
    )
    client.force_login(people.officer)

    confirmation = client.get(reverse("programs:presentation_cancel", args=[scheduled.pk]))
    client.post(reverse("programs:presentation_cancel", args=[scheduled.pk]), {"reason": "School closed"})

    scheduled.refresh_from_db()
    assert b"Keep it" in confirmation.content
    assert scheduled.status == Status.CANCELLED
    assert scheduled.events.get(action=Action.CANCELLED).comment == "School closed"


# Lists


def test_review_queue_lists_the_areas_submitted_reports_oldest_first(client, people, area, other_area):
    older = PresentationFactory(
        area_command=area,
        author=people.officer,
        status=Status.SUBMITTED,
        submitted_at=timezone.now() - timedelta(days=3),
    )
    newer = PresentationFactory(
        area_command=area,
        author=people.officer,
        status=Status.SUBMITTED,
        submitted_at=timezone.now() - timedelta(days=1),
    )
    PresentationFactory(area_command=other_area, status=Status.SUBMITTED, submitted_at=timezone.now())
    PresentationFactory(area_command=area, author=people.officer, status=Status.DRAFT)
    client.force_login(people.sergeant)

    response = client.get(reverse("programs:presentation_review_queue"))

    assert list(response.context["page"].object_list) == [older, newer]


def test_my_reports_puts_returned_and_drafts_first(client, people, area):
    approved = PresentationFactory(area_command=area, author=people.officer, status=Status.APPROVED)
    draft = PresentationFactory(area_command=area, author=people.officer, status=Status.DRAFT)
    returned = PresentationFactory(area_command=area, author=people.officer, status=Status.RETURNED)
    PresentationFactory(area_command=area)  # someone else's
    client.force_login(people.officer)

    response = client.get(reverse("programs:presentation_mine"))

    assert list(response.context["page"].object_list) == [returned, draft, approved]


def test_presentation_list_is_scoped_and_exports_csv(client, people, area, other_area):
    PresentationFactory(area_command=area, topic="Ours", program=None)
    PresentationFactory(area_command=other_area, topic="Theirs", program=None)
    client.force_login(people.officer)

    page = client.get(reverse("programs:presentation_list"))
    export = client.get(reverse("programs:presentation_list"), {"format": "csv"})

    assert [p.topic for p in page.context["page"].object_list] == ["Ours"]
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Ours" in content and "Theirs" not in content


@pytest.mark.parametrize(
    "url_name,queries",
    [("programs:presentation_list", 9), ("programs:presentation_mine", 7), ("programs:presentation_review_queue", 7)],
)
def test_list_query_counts_are_pinned(client, people, area, url_name, queries, django_assert_num_queries):
    Department.load()
    for status in (Status.SUBMITTED, Status.DRAFT, Status.RETURNED) * 4:
        PresentationFactory(area_command=area, author=people.officer, status=status, submitted_at=timezone.now())
    client.force_login(people.sergeant if url_name.endswith("review_queue") else people.officer)

    with django_assert_num_queries(queries):
        response = client.get(reverse(url_name))

    assert response.status_code == 200


def test_detail_query_count_is_pinned(client, people, submitted, django_assert_num_queries):
    Department.load()
    client.force_login(people.sergeant)

    with django_assert_num_queries(14):  # 12, the look for a return to show what changed since, the live surveys
        client.get(submitted.get_absolute_url())


# Attachments


def test_attaching_a_png_and_downloading_it_in_the_same_area(client, people, report, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people.officer)

    client.post(
        reverse("programs:attachment_upload", args=[report.pk]),
        {"file": SimpleUploadedFile("sign-in.png", _png(), content_type="image/png"), "description": "Sign-in sheet"},
    )
    attachment = report.attachments.get()
    client.force_login(people.sergeant)
    download = client.get(attachment.get_absolute_url())

    assert attachment.original_name == "sign-in.png"
    assert download.status_code == 200
    assert download["Content-Type"] == "image/png"
    assert download["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("slides.docx", b"PK\x03\x04 not allowed", b"Only PDF, JPEG and PNG files can be attached."),
        ("photo.png", b"MZ\x90\x00 an executable", b"not a real PNG"),
        ("sheet.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), b"larger than 10 MB"),
    ],
)
def test_wrong_type_fake_content_and_oversize_files_are_refused(
    client, people, report, name, content, reason, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(people.officer)

    response = client.post(
        reverse("programs:attachment_upload", args=[report.pk]), {"file": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 400
    assert reason in response.content
    assert not report.attachments.exists()


def test_another_areas_attachment_is_not_found(client, people, report, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    services.attachment_add(
        presentation=report,
        upload=_checked(SimpleUploadedFile("a.png", _png())),
        description="",
        by=people.officer,
    )
    client.force_login(people.other_officer)

    assert client.get(report.attachments.get().get_absolute_url()).status_code == 404


def _checked(upload):
    upload.checked_content_type = "image/png"
    return upload


def test_a_sergeant_who_presented_cannot_approve_after_leaving_the_presenters(client, people, area):
    report = PresentationFactory(area_command=area, author=people.officer, presenters=[people.officer, people.sergeant])
    client.force_login(people.sergeant)
    # The co-presenting sergeant takes themselves off the presenters and submits in one go...
    client.post(
        reverse("programs:presentation_edit", args=[report.pk]),
        report_form(report, presenters=[people.officer.pk], submit="1"),
    )

    response = client.post(reverse("programs:presentation_approve", args=[report.pk]), follow=True)

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert "You cannot review a report you wrote or presented." in [str(m) for m in response.context["messages"]]
    assert report not in client.get(reverse("programs:presentation_review_queue")).context["page"].object_list


@pytest.mark.parametrize(
    "starts_at",
    [
        pytest.param(lambda today: "9999-12-31T23:30", id="the-last-minute-of-year-9999"),
        pytest.param(lambda today: f"{today.year + 6}-06-15T18:00", id="six-years-from-today"),
        pytest.param(lambda today: f"{today.year - 6}-06-15T18:00", id="six-years-ago"),
    ],
)
def test_a_date_years_away_is_refused_before_it_can_break_a_page(client, people, area, starts_at):
    client.force_login(people.officer)

    response = client.post(
        reverse("programs:presentation_create"),
        {
            "topic": "Typo",
            "starts_at": starts_at(timezone.localdate()),
            "duration_minutes": 60,
            "place": "Library",
            "area_command": area.pk,
            "presenters": [people.officer.pk],
        },
    )

    assert "starts_at" in response.context["form"].errors
    assert not Presentation.objects.exists()


def test_presenters_must_belong_to_the_presentations_area(client, people, area):
    client.force_login(people.chief)
    starts = timezone.localtime(timezone.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(
        reverse("programs:presentation_create"),
        {
            "topic": "Safety fair",
            "starts_at": starts,
            "duration_minutes": 60,
            "place": "Park",
            "area_command": area.pk,
            "presenters": [people.other_officer.pk],
        },
    )

    assert "presenters" in response.context["form"].errors
    assert not Presentation.objects.exists()
