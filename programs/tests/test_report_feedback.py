"""A report's mistakes shown where they belong, and review that opens the report first."""

from django.core import mail
from django.urls import reverse

from programs.models import Presentation
from programs.tests.conftest import report_form
from programs.tests.factories import PresentationAttachmentFactory, PresentationFactory

Status = Presentation.Status


def test_a_zero_minute_length_is_marked_at_its_field(client, people, report):
    client.force_login(people.officer)

    response = client.post(
        reverse("programs:presentation_edit", args=[report.pk]), report_form(report, duration_minutes="0")
    )

    assert response.status_code == 200
    assert "duration_minutes" in response.context["form"].errors
    assert not response.context["form"].non_field_errors()


def test_submitting_without_participants_marks_the_participants_field(client, people, report):
    client.force_login(people.officer)

    response = client.post(
        reverse("programs:presentation_edit", args=[report.pk]), report_form(report, participants="", submit="1")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["participants"] == ["Enter the number of participants before submitting."]
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_submitting_from_the_report_page_without_participants_leads_to_the_field(client, people, area):
    report = PresentationFactory(area_command=area, author=people.officer, participants=None)
    client.force_login(people.officer)

    response = client.post(reverse("programs:presentation_submit", args=[report.pk]))

    assert response["Location"] == reverse("programs:presentation_edit", args=[report.pk]) + "#id_participants"


def test_an_implausible_number_of_participants_is_refused_with_its_limit(client, people, report):
    client.force_login(people.officer)

    response = client.post(
        reverse("programs:presentation_edit", args=[report.pk]), report_form(report, participants="100000")
    )

    assert response.context["form"].errors["participants"] == ["Ensure this value is less than or equal to 10000."]


def test_the_review_queue_opens_the_report_rather_than_approving_blind(client, people, submitted):
    client.force_login(people.sergeant)

    page = client.get(reverse("programs:presentation_review_queue")).content.decode()

    assert reverse("programs:presentation_approve", args=[submitted.pk]) not in page
    assert submitted.get_absolute_url() + "#review" in page


def test_an_attachment_is_removed_from_an_editable_report_after_a_confirmation(
    client, people, area, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    attachment = PresentationAttachmentFactory(presentation__area_command=area, presentation__author=people.officer)
    stored = tmp_path / attachment.file.name
    url = reverse("programs:attachment_remove", args=[attachment.presentation_id, attachment.pk])
    client.force_login(people.officer)

    assert "Remove sign-in.pdf from the report?" in client.get(url).content.decode()
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    assert not attachment.presentation.attachments.exists()
    assert not stored.exists()


def test_an_approved_report_keeps_its_attachments(client, people, area, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = PresentationAttachmentFactory(
        presentation__area_command=area, presentation__author=people.officer, presentation__status=Status.APPROVED
    )
    client.force_login(people.officer)

    response = client.post(reverse("programs:attachment_remove", args=[attachment.presentation_id, attachment.pk]))

    assert response.status_code == 403
    assert attachment.presentation.attachments.exists()


def test_a_resubmitted_report_shows_what_changed_and_the_author_s_answer(
    client, people, submitted, django_capture_on_commit_callbacks
):
    client.force_login(people.sergeant)
    client.post(reverse("programs:presentation_return", args=[submitted.pk]), {"comment": "Count again."})
    client.force_login(people.officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("programs:presentation_edit", args=[submitted.pk]),
            report_form(submitted, participants="40", answer="Recounted from the sign-in sheet.", submit="1"),
        )
    client.force_login(people.sergeant)

    page = client.get(submitted.get_absolute_url()).content.decode()

    assert "Changed since you returned it" in page
    assert "25 → 40" in page
    assert "Recounted from the sign-in sheet." in page


def test_the_author_is_e_mailed_when_the_report_is_approved(
    client, people, submitted, django_capture_on_commit_callbacks
):
    client.force_login(people.sergeant)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programs:presentation_approve", args=[submitted.pk]))

    [message] = mail.outbox
    assert message.to == [people.officer.email]
    assert "approved" in message.subject
