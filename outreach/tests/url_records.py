"""The records the URL contract (test_url_contract.py) opens its routes on: each builder makes one in the given
area command and returns the URL's arguments."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from outreach import clock
from outreach.models import ActionPlan, Department, Organization
from outreach.tests.factories import (
    ActionPlanFactory,
    AuditEventFactory,
    BlockCaptainFactory,
    CalendarFeedFactory,
    ConcernFactory,
    LegalHoldFactory,
    OrganizationFactory,
    PartnershipFactory,
    PlannedActionFactory,
    ProjectFactory,
    ReferralFactory,
    RequestedWatchGroupFactory,
    UserFactory,
    WatchGroupFactory,
    WatchMeetingFactory,
)
from programs.tests.factories import (
    PresentationAttachmentFactory,
    PresentationFactory,
    PresentationRequestFactory,
    ProgramFactory,
)
from reports.tests.factories import GeneratedReportFactory
from surveys.models import Answer, ContactRequest, PaperBatch, Response, SurveyLink
from surveys.tests.factories import QuestionFactory, live_survey


def organization(area):
    return {"pk": OrganizationFactory(area_command=area).pk}


def shelter(area):
    # Only these kinds take immigration outreach: for any other the view 404s whatever the scope.
    return {"pk": OrganizationFactory(area_command=area, kind=Organization.Kind.FAMILY_VIOLENCE).pk}


def partnership(area):
    return {"pk": PartnershipFactory(organization__area_command=area).pk}


def concern(area):
    return {"pk": ConcernFactory(area_command=area).pk}


def concern_pair(area):
    return {"pk": ConcernFactory(area_command=area).pk, "into": ConcernFactory(area_command=area).pk}


def plan_subject(area):
    return {"?concern": ConcernFactory(area_command=area).pk}


def plan(area):
    return {"pk": ActionPlanFactory(concern__area_command=area).pk}


def submitted_plan(area):
    now = clock.now()
    submitted = ActionPlanFactory(
        concern__area_command=area, status=ActionPlan.Status.SUBMITTED, submitted_at=now, first_submitted_at=now
    )
    PlannedActionFactory(plan=submitted)
    return {"pk": submitted.pk}


def plan_action(area):
    action = PlannedActionFactory(plan__concern__area_command=area)
    return {"pk": action.plan_id, "action_pk": action.pk}


def project(area):
    return {"pk": ProjectFactory(area_command=area).pk}


def area_code(area):
    return {"code": area.code}


def referral(area):
    return {"pk": ReferralFactory(area_command=area).pk}


def watch_group(area):
    return {"pk": WatchGroupFactory(area_command=area).pk}


def captain(area):
    held = BlockCaptainFactory(group__area_command=area)
    return {"pk": held.group_id, "captain_pk": held.pk}


def meeting(area):
    # One still ahead: a meeting that took place is a record, kept (the page sends back to the group).
    ahead = WatchMeetingFactory(group__area_command=area, held_on=timezone.now() + timedelta(days=7), attendance=None)
    return {"pk": ahead.group_id, "meeting_pk": ahead.pk}


def presentation(area):
    return {"pk": PresentationFactory(area_command=area).pk}


def attachment(area):
    attached = PresentationAttachmentFactory(presentation__area_command=area)
    return {"pk": attached.presentation_id, "attachment_pk": attached.pk}


def presentation_request(area):
    return {"pk": PresentationRequestFactory(area_command=area).pk}


def program(area):
    return {"pk": ProgramFactory().pk}


def retired_program(area):
    return {"pk": ProgramFactory(is_active=False).pk}


def feed_token(area):
    return {"token": CalendarFeedFactory(user__area_command=area).token}


def watch_request_code(area):
    return {"code": RequestedWatchGroupFactory().code}


def presentation_request_code(area):
    return {"code": PresentationRequestFactory().code}


def survey(area):
    question = QuestionFactory(version__survey__area_command=area, version__survey__created_by__area_command=area)
    return {"pk": question.version.survey_id}


def survey_question(area):
    return {"pk": QuestionFactory(version__survey__area_command=area).pk}


def live_survey_slug(area):
    return {"slug": live_survey(by=UserFactory(area_command=area), area_command=area).slug}


def unlisted_survey(area):
    found = live_survey(by=UserFactory(area_command=area), area_command=area, listed=False)
    return {"slug": found.slug, "secret": found.secret}


def survey_link(area):
    found = live_survey(by=UserFactory(area_command=area), area_command=area)
    link = SurveyLink.objects.create(
        survey=found, channel="social", campaign="Spring post", created_by=found.created_by
    )
    return {"code": link.code}


def survey_answer(area):
    found = live_survey(by=UserFactory(area_command=area), area_command=area, kinds=["long_text"])
    response = Response.objects.create(survey=found, version=found.live_version, language="en", channel="web")
    answer = Answer.objects.create(response=response, question=found.live_version.questions.get(), text="Dark park")
    return {"pk": answer.pk}


def contact_request(area):
    found = live_survey(by=UserFactory(area_command=area), area_command=area)
    return {
        "pk": ContactRequest.objects.create(survey=found, area_command=area, name="Rosa", phone="5", language="es").pk
    }


def area_live_survey(area):
    return {"pk": live_survey(by=UserFactory(area_command=area), area_command=area).pk}


def survey_and_presentation(area):
    return {**area_live_survey(area), "presentation_pk": PresentationFactory(area_command=area).pk}


def survey_and_meeting(area):
    return {**area_live_survey(area), "meeting_pk": WatchMeetingFactory(group__area_command=area).pk}


def paper_batch(area):
    found = live_survey(by=UserFactory(area_command=area), area_command=area)
    batch = PaperBatch.objects.create(
        survey=found, version=found.live_version, name="March", channel="paper", sheets=3, created_by=found.created_by
    )
    return {"pk": batch.pk}


def paper_batch_keying(area):
    return {**paper_batch(area), "keying": 1}


def area_report(area):
    return {"pk": GeneratedReportFactory(area_command=area).pk}


def report_year(area):
    return {"year": clock.today().year - 1}


def audit_week(area):
    """Last week, in a log that began then (the review page exists for the weeks since the first event)."""
    last_monday = clock.week_start(clock.today()) - timedelta(days=7)
    AuditEventFactory(at=timezone.make_aware(datetime.combine(last_monday, time(9))))
    return {"week": last_monday}


def department_logo(area):
    Department.load().logo.save("logo.png", ContentFile(b"\x89PNG\r\n\x1a\n", name="logo.png"))
    return {}


def legal_hold(area):
    return {"pk": LegalHoldFactory(record__area_command=area).pk}


# What a POST sends where an empty form would stop before the view asks who the user is.
