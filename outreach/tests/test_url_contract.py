"""The URL contract: every route of the URL configuration says who may open it, and how.

ROUTES is the one table. A route added to a urls.py without an entry here fails
``test_every_url_has_a_contract``; each entry is then checked against the running app:

- PUBLIC: opens without logging in.
- STAFF: a page (GET, and POST when it is a form); an anonymous visitor is sent to log in.
- STAFF_POST: a state change; the same, and GET is answered 405.
- ANYONE_POST: log-out: POST only, logged in or not.

A route with arguments names a ``record`` builder: given an area command, it creates a record
there and returns the URL's arguments. A staff route about an area's record is checked the
other way too: another area's user who holds the view's permission gets 404 (the scope rule of
docs/architecture.md), while a record of their own area is found. The program catalog is
department-wide (``scoped=False``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.shortcuts import resolve_url
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from outreach import clock
from outreach.models import Department, Organization
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

PUBLIC, STAFF, STAFF_POST, ANYONE_POST = "public", "staff", "staff-post", "anyone-post"


@dataclass(frozen=True)
class Contract:
    kind: str
    record: Callable | None = None  # area -> the URL's keyword arguments, for a record built in that area
    user: str = "officer"  # the persona (conftest ``people``) holding the permission the view checks
    scoped: bool = True  # the record belongs to an area command: other areas get 404


def public(record=None):
    return Contract(PUBLIC, record)


def page(record=None, user="officer", scoped=True):
    return Contract(STAFF, record, user, scoped)


def post(record=None, user="officer", scoped=True):
    return Contract(STAFF_POST, record, user, scoped)


# Record builders: each makes a record of ``area`` and returns the arguments of its URL.
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


def plan(area):
    return {"pk": ActionPlanFactory(concern__area_command=area).pk}


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
    held = WatchMeetingFactory(group__area_command=area)
    return {"pk": held.group_id, "meeting_pk": held.pk}


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


ROUTES = {
    # Infrastructure and accounts (Django's auth views)
    "healthz": public(),
    "healthz_live": public(),
    "/favicon.ico": public(),
    "login": public(),
    "logout": Contract(ANYONE_POST),
    "password_change": page(),
    "password_change_done": page(),
    # outreach
    "outreach:home": public(),
    "outreach:dashboard": page(),
    "outreach:profile": page(),
    "outreach:session_keepalive": post(),
    "outreach:two_factor_verify": page(),
    "outreach:two_factor_setup": page(),
    "outreach:two_factor_recovery": page(),
    "outreach:two_factor_recovery_renew": post(),
    "outreach:lockout_list": page(user="sysadmin"),
    "outreach:lockout_release": post(user="sysadmin"),
    "outreach:audit_list": page(user="chief"),
    # Legal holds are department-wide: the chief and the system administrator place and release them
    "outreach:hold_list": page(user="chief"),
    "outreach:hold_create": page(user="chief"),
    "outreach:hold_release": page(legal_hold, user="chief", scoped=False),
    "outreach:audit_review_list": page(user="chief"),
    "outreach:audit_review": page(audit_week, user="chief", scoped=False),
    "outreach:department_settings": page(user="chief"),
    "outreach:department_logo": public(department_logo),
    "outreach:organization_list": page(),
    "outreach:organization_create": page(),
    "outreach:organization_detail": page(organization),
    "outreach:organization_edit": page(organization),
    "outreach:immigration_outreach_add": post(shelter),
    "outreach:partnership_list": page(),
    "outreach:partnership_create": page(),
    "outreach:partnership_detail": page(partnership),
    "outreach:partnership_edit": page(partnership),
    "outreach:partnership_log_add": post(partnership),
    "outreach:referral_list": page(),
    "outreach:referral_create": page(),
    "outreach:referral_detail": page(referral),
    "outreach:referral_edit": page(referral),
    "outreach:referral_confirm": post(referral),
    # Concerns: merging and closing with no action show a confirmation page on GET
    "outreach:concern_list": page(),
    "outreach:concern_create": page(),
    "outreach:concern_detail": page(concern),
    "outreach:concern_edit": page(concern),
    "outreach:concern_assign": post(concern, user="sergeant"),
    "outreach:concern_take": post(concern),
    "outreach:concern_merge": page(concern_pair, user="sergeant"),
    "outreach:concern_no_action": page(concern, user="sergeant"),
    # Action plans: ``?concern=`` names the subject (404 without one); the case officer works the plan
    "outreach:plan_list": page(),
    "outreach:plan_create": page(),
    "outreach:plan_detail": page(plan, user="sergeant"),
    "outreach:plan_edit": page(plan, user="sergeant"),
    "outreach:plan_submit": post(plan, user="sergeant"),
    "outreach:plan_approve": post(plan, user="sergeant"),
    "outreach:plan_return": post(plan, user="sergeant"),
    "outreach:plan_log_add": post(plan, user="sergeant"),
    "outreach:plan_action_done": post(plan_action, user="sergeant"),
    "outreach:plan_assess": post(plan, user="sergeant"),
    "outreach:plan_resolve": post(plan, user="sergeant"),
    "outreach:plan_monitor": post(plan, user="sergeant"),
    "outreach:plan_reopen": post(plan, user="sergeant"),
    "outreach:plan_close": post(plan, user="sergeant"),
    "outreach:area_list": page(),
    "outreach:area_detail": page(area_code),
    "outreach:project_list": page(),
    "outreach:project_create": page(user="lieutenant"),
    "outreach:project_detail": page(project),
    "outreach:project_edit": page(project, user="lieutenant"),
    "outreach:project_note_add": post(project, user="lieutenant"),
    "outreach:calendar_month": page(),
    "outreach:calendar_feed_reset": post(),
    "outreach:calendar_feed": public(feed_token),  # calendar apps fetch without a session: the token is the key
    "outreach:calendar_public_feed": public(),
    "outreach:watch_list": page(),
    "outreach:watch_create": page(),
    "outreach:watch_coverage": page(),
    "outreach:watch_detail": page(watch_group),
    "outreach:watch_edit": page(watch_group),
    "outreach:watch_set_status": post(watch_group),
    "outreach:watch_captain_add": post(watch_group),
    "outreach:watch_meeting_add": post(watch_group),
    "outreach:watch_captain_remove": page(captain),
    "outreach:watch_meeting_remove": page(meeting),
    "outreach:watch_request": public(),
    "outreach:watch_request_done": public(watch_request_code),
    "outreach:request_thanks": public(),
    "outreach:request_status": public(),
    # programs: the catalog is department-wide; retiring shows a confirmation page on GET
    "programs:program_list": page(),
    "programs:program_create": page(user="records"),
    "programs:program_detail": page(program, scoped=False),
    "programs:program_edit": page(program, user="records", scoped=False),
    "programs:program_retire": page(program, user="records", scoped=False),
    "programs:program_reinstate": post(retired_program, user="records", scoped=False),
    # programs: presentations (cancelling shows a confirmation page on GET)
    "programs:presentation_list": page(),
    "programs:presentation_mine": page(),
    "programs:presentation_review_queue": page(user="sergeant"),
    "programs:presentation_create": page(),
    "programs:presentation_detail": page(presentation),
    "programs:presentation_edit": page(presentation),
    "programs:presentation_submit": post(presentation),
    "programs:presentation_approve": post(presentation, user="sergeant"),
    "programs:presentation_return": post(presentation, user="sergeant"),
    "programs:presentation_cancel": page(presentation),
    "programs:attachment_upload": post(presentation),
    "programs:attachment_download": page(attachment),
    "programs:attachment_remove": page(attachment),
    # programs: public requests
    "programs:request_list": page(),
    "programs:request_detail": page(presentation_request),
    "programs:request_accept": post(presentation_request, user="sergeant"),
    "programs:request_decline": post(presentation_request, user="sergeant"),
    "programs:request_create": public(),
    "programs:request_done": public(presentation_request_code),
    # surveys: built by area staff, approved by the chief's office (department-wide: scoped=False)
    "surveys:survey_list": page(),
    "surveys:survey_create": page(user="lieutenant"),
    "surveys:survey_detail": page(survey),
    "surveys:survey_settings": page(survey, user="lieutenant"),
    "surveys:survey_texts": page(survey, user="lieutenant"),
    "surveys:survey_new_version": post(survey, user="lieutenant"),
    "surveys:question_create": page(survey, user="lieutenant"),
    "surveys:question_edit": page(survey_question, user="lieutenant"),
    "surveys:question_delete": page(survey_question, user="lieutenant"),
    "surveys:question_move": post(survey_question, user="lieutenant"),
    "surveys:version_submit": post(survey, user="lieutenant"),
    "surveys:version_withdraw": post(survey, user="lieutenant"),
    "surveys:version_approve": post(survey, user="chief", scoped=False),
    "surveys:version_return": post(survey, user="chief", scoped=False),
    "surveys:survey_close": page(survey, user="lieutenant"),
    "surveys:survey_results": page(survey, user="sergeant"),
    "surveys:answer_concern": post(survey_answer, user="sergeant"),
    "surveys:results_action_add": post(area_live_survey, user="chief", scoped=False),
    "surveys:finding_concern": post(area_live_survey, user="chief", scoped=False),
    "surveys:link_for_presentation": post(survey_and_presentation),
    "surveys:link_for_meeting": post(survey_and_meeting),
    "surveys:link_for_campaign": post(area_live_survey),
    "surveys:link_handout": page(survey_link),
    "surveys:paper_form": page(area_live_survey),
    "surveys:batch_list": page(area_live_survey, user="sergeant"),
    "surveys:batch_detail": page(paper_batch, user="sergeant"),
    "surveys:batch_key": page(paper_batch_keying, user="sergeant"),
    "surveys:batch_count": post(paper_batch, user="sergeant"),
    "surveys:contact_list": page(user="sergeant"),
    "surveys:contact_detail": page(contact_request, user="sergeant"),
    "surveys:contact_assign": post(contact_request, user="sergeant"),
    "surveys:contact_attempt": post(contact_request, user="sergeant"),
    "surveys:contact_close": post(contact_request, user="sergeant"),
    # surveys: the public page; a short link leads there with its tag
    "surveys:public_survey": public(live_survey_slug),
    "surveys:public_thanks": public(live_survey_slug),
    "surveys:public_survey_unlisted": public(unlisted_survey),
    "surveys:short_link": public(survey_link),
    # reports: what a user may read, each report's status for the page's script, its PDF
    "reports:report_list": page(),
    "reports:report_detail": page(area_report),
    "reports:report_status": page(area_report),
    "reports:report_download": page(area_report),
    "reports:report_regenerate": post(area_report),
    # reports: the annual citizen-concerns report, department-wide
    "reports:annual_detail": page(report_year, user="chief", scoped=False),
    "reports:annual_recommendations": post(report_year, user="chief", scoped=False),
    "reports:annual_draft": post(report_year, user="chief", scoped=False),
    "reports:annual_finalize": page(report_year, user="chief", scoped=False),
}


def url_routes(resolver=None, prefix="", namespace=""):
    """(name, path) of every route: ``namespace:name``, or ``/path`` when unnamed; not the admin, i18n, files."""
    for entry in (resolver or get_resolver()).url_patterns:
        path = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace != "admin":
                inner = ":".join(filter(None, [namespace, entry.namespace]))
                yield from url_routes(entry, path, inner)
        elif entry.name != "set_language" and not path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield name or f"/{path}", path


def url_for(name, area):
    record = ROUTES[name].record
    return name if name.startswith("/") else reverse(name, kwargs=record(area) if record else {})


def names(*kinds, records_only=False):
    return [
        name
        for name, contract in ROUTES.items()
        if contract.kind in kinds and (not records_only or (contract.record and contract.scoped))
    ]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_every_url_has_a_contract():
    paths = dict(url_routes())

    assert sorted(set(paths) - set(ROUTES)) == [], "routes without an entry in ROUTES"
    assert sorted(set(ROUTES) - set(paths)) == [], "entries in ROUTES whose route is gone"
    assert [name for name, path in paths.items() if "<" in path and not ROUTES[name].record] == [], (
        "routes with arguments and no record builder"
    )


@pytest.mark.parametrize("name", names(PUBLIC))
def test_public_url_opens_without_logging_in(client, area, name):
    response = client.get(url_for(name, area))

    assert response.status_code in (200, 301, 302), response.status_code
    assert not response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", names(STAFF, STAFF_POST))
def test_anonymous_visitor_is_sent_to_log_in(client, area, name, method):
    url = url_for(name, area)

    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response.url == f"{resolve_url(settings.LOGIN_URL)}?next={quote(url)}"


@pytest.mark.parametrize("name", names(STAFF_POST, ANYONE_POST))
def test_state_changing_url_answers_get_with_405(client, people, area, name):
    client.force_login(getattr(people, ROUTES[name].user))

    response = client.get(url_for(name, area))

    assert response.status_code == 405


@pytest.mark.parametrize("name", names(STAFF, STAFF_POST, records_only=True))
def test_another_areas_record_is_not_found(client, people, area, other_area, name):
    contract = ROUTES[name]
    send = client.get if contract.kind == STAFF else client.post
    client.force_login(getattr(people, contract.user))

    assert send(url_for(name, area)).status_code != 404, "the user's own area's record must be found"
    assert send(url_for(name, other_area)).status_code == 404
