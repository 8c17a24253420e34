"""The URL contract: every route of the URL configuration says who may open it, and how.

ROUTES is the one table. A route added to a urls.py without an entry here fails
``test_every_url_has_a_contract``; each entry is then checked against the running app:

- PUBLIC: opens without logging in.
- STAFF: a page (GET, and POST when it is a form); an anonymous visitor is sent to log in.
- STAFF_POST: a state change; the same, and GET is answered 405.
- ANYONE_POST: log-out: POST only, logged in or not.

A route with arguments names a ``record`` builder: given an area command, it creates a record
there and returns the URL's arguments (a ``?name`` key goes to the query string); the builders are in
``url_records.py``.

Every staff route also states its ``access``: what each role gets, for a record of the user's own
area command and for one of another area command (the scope rule of docs/architecture.md).
``test_every_role_gets_what_the_table_says`` logs in as each role and asks. The notation, ``allow``:

- a role it names gets ``ok`` (200 for a page; a POST's answer, a redirect or its form with the
  errors, 400) for a record of its own area; for another area's, 404 if the role works in one
  area command (officer, sergeant, lieutenant, commander), else ``ok`` again;
- a role in ``hidden`` gets 404 for both: the record is not one of theirs (an officer sees the plans
  he works and the follow-ups assigned to him, not every one of the area);
- any other role gets 403 for its own area's record, and 404 for another area's if it works in one;
- ``exact`` overrides all of it, role by role.

A route with no record has one outcome per role. ``scoped=False`` marks a department-wide record
(the program catalog, the annual report): other areas get what the own area gets. The expected
outcomes are written out here and never read from ``outreach.roles``: changing a role's default
grants must change this table too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import override_settings
from django.urls import URLResolver, get_resolver, reverse

from outreach.tests.factories import (
    AreaCommandFactory,
    DepartmentFactory,
    UserFactory,
)
from outreach.tests.url_records import (
    area_code,
    area_live_survey,
    area_report,
    attachment,
    audit_week,
    captain,
    concern,
    concern_pair,
    contact_request,
    department_logo,
    feed_token,
    legal_hold,
    live_survey_slug,
    meeting,
    organization,
    paper_batch,
    paper_batch_keying,
    partnership,
    plan,
    plan_action,
    plan_subject,
    presentation,
    presentation_request,
    presentation_request_code,
    program,
    project,
    referral,
    report_year,
    retired_program,
    shelter,
    submitted_plan,
    survey,
    survey_and_meeting,
    survey_and_presentation,
    survey_answer,
    survey_link,
    survey_question,
    unlisted_survey,
    watch_group,
    watch_request_code,
)

PUBLIC, STAFF, STAFF_POST, ANYONE_POST = "public", "staff", "staff-post", "anyone-post"


# The roles, by the values of ``outreach.roles.Role``, and the groups of them the table names.
AREA = ("officer", "sergeant", "lieutenant", "commander")  # their work belongs to one area command
ALL_AREAS = ("chief", "designee", "records", "admin")  # they see every area command
EVERYONE = (*AREA, *ALL_AREAS)
SUPERVISORS = ("sergeant", "lieutenant", "commander")
CHIEF_OFFICE = ("chief", "designee")
REFUSED = (403, 404, 405)  # what a refused role may be answered on a page's POST


def _roles(*names):
    """Role names, given one by one or as the groups above; a misspelt one is an error, not a silent 403."""
    flat = tuple(name for item in names for name in ((item,) if isinstance(item, str) else item))
    unknown = set(flat) - set(EVERYONE)
    assert not unknown, f"not a role: {sorted(unknown)}"
    return frozenset(flat)


@dataclass(frozen=True)
class Access:
    """What each role gets: see the module's docstring for the notation."""

    allowed: frozenset
    ok: int = 200
    hidden: frozenset = frozenset()
    exact: tuple = ()  # (role, outcome): an int for a route with no record, else (own area, other area)

    def expected(self, role, *, has_record, scoped):
        exact = dict(self.exact)
        if role in exact:
            return exact[role]
        if role in self.hidden:
            own = other = 404
        else:
            own = self.ok if role in self.allowed else 403
            other = 404 if scoped and role in AREA else own
        return (own, other) if has_record else own


def allow(*roles, ok=200, hidden=(), exact=None):
    exact = exact or {}
    _roles(*exact)
    return Access(_roles(*roles), ok, _roles(hidden), tuple(exact.items()))


def each(roles, outcome):
    return dict.fromkeys(roles, outcome)


# ``allow()`` names no role: a record only its own people (a report's presenter and author) may change.
NOBODY = allow()


@dataclass(frozen=True)
class Contract:
    kind: str
    record: Callable | None = None  # area -> the URL's keyword arguments, for a record built in that area
    access: Access | None = None  # every role's outcome; required for STAFF and STAFF_POST
    scoped: bool = True  # the record belongs to an area command
    data: dict | None = None  # what a POST sends: enough for the view to ask the role, past the form
    user: str | None = None  # the role whose GET of a state change answers 405; by default the first allowed

    @property
    def asker(self):
        allowed = [role for role in EVERYONE if self.access and role in self.access.allowed]
        return self.user or (allowed[0] if allowed else "officer")


def public(record=None):
    return Contract(PUBLIC, record)


def page(record=None, *, access=None, scoped=True, user=None):
    return Contract(STAFF, record, access, scoped, user=user)


def post(record=None, *, access=None, scoped=True, data=None, user=None):
    return Contract(STAFF_POST, record, access, scoped, data, user)


# Record builders: each makes a record of ``area`` and returns the arguments of its URL.
A_WEEK_AGO = (date.today() - timedelta(days=7)).isoformat()
NEXT_YEAR = (date.today() + timedelta(days=365)).isoformat()
COMMENT = {"comment": "Checked with the manager"}
LOG_ENTRY = {
    "done_on": A_WEEK_AGO,
    "actions_taken": "Walked the lot at night",
    **dict.fromkeys(("arrests", "citations", "warnings", "code_notices", "referrals"), 0),
}

ROUTES = {
    # Infrastructure and accounts (Django's auth views)
    "healthz": public(),
    "healthz_live": public(),
    "/favicon.ico": public(),
    "login": public(),
    "logout": Contract(ANYONE_POST),
    "password_change": page(access=allow(EVERYONE)),
    "password_change_done": page(access=allow(EVERYONE)),
    # outreach
    "outreach:home": public(),
    "outreach:dashboard": page(access=allow(EVERYONE)),
    "outreach:profile": page(access=allow(EVERYONE)),
    "outreach:session_keepalive": post(access=allow(EVERYONE, ok=204)),
    "outreach:two_factor_verify": page(access=allow(EVERYONE, ok=302)),  # a verified session is sent on
    "outreach:two_factor_setup": page(access=allow(EVERYONE)),
    "outreach:two_factor_recovery": page(access=allow(EVERYONE)),
    "outreach:two_factor_recovery_renew": post(access=allow(EVERYONE, ok=302)),
    "outreach:lockout_list": page(access=allow("admin")),
    "outreach:lockout_release": post(access=allow("admin", ok=302)),
    "outreach:audit_list": page(access=allow("chief", "admin")),
    # Legal holds are department-wide: the chief and the system administrator place and release them
    "outreach:hold_list": page(access=allow("chief", "admin")),
    "outreach:hold_create": page(access=allow("chief", "admin")),
    "outreach:hold_release": page(legal_hold, scoped=False, access=allow("chief", "admin")),
    "outreach:audit_review_list": page(access=allow("chief", "admin")),
    "outreach:audit_review": page(audit_week, scoped=False, access=allow("chief", "admin")),
    "outreach:department_settings": page(access=allow("chief", "admin")),
    "outreach:department_logo": public(department_logo),
    "outreach:organization_list": page(access=allow(EVERYONE)),
    "outreach:organization_create": page(access=allow(EVERYONE)),
    "outreach:organization_detail": page(organization, access=allow(EVERYONE)),
    "outreach:organization_edit": page(organization, access=allow(EVERYONE)),
    "outreach:immigration_outreach_add": post(shelter, access=allow(EVERYONE, ok=400)),
    "outreach:partnership_list": page(access=allow(EVERYONE)),
    "outreach:partnership_create": page(access=allow(EVERYONE)),
    "outreach:partnership_detail": page(partnership, access=allow(EVERYONE)),
    "outreach:partnership_edit": page(partnership, access=allow(EVERYONE)),
    "outreach:partnership_log_add": post(partnership, access=allow(EVERYONE, ok=400)),
    "outreach:referral_list": page(access=allow(EVERYONE)),
    "outreach:referral_create": page(access=allow(EVERYONE)),
    "outreach:referral_detail": page(referral, access=allow(EVERYONE)),
    "outreach:referral_edit": page(referral, access=allow(EVERYONE)),
    "outreach:referral_confirm": post(referral, access=allow(EVERYONE, ok=400)),
    # Concerns: merging and closing with no action show a confirmation page on GET
    "outreach:concern_list": page(access=allow(EVERYONE)),
    "outreach:concern_create": page(access=allow(EVERYONE)),
    "outreach:concern_detail": page(concern, access=allow(EVERYONE)),
    "outreach:concern_edit": page(concern, access=allow(EVERYONE)),
    "outreach:concern_assign": post(concern, access=allow(SUPERVISORS, "admin", ok=400)),
    "outreach:concern_take": post(concern, access=allow("officer", "sergeant", ok=302)),
    "outreach:concern_merge": page(concern_pair, access=allow(SUPERVISORS, "admin")),
    "outreach:concern_no_action": page(concern, access=allow(SUPERVISORS, "admin")),
    # Action plans: ``?concern=`` names the subject (404 without one); the case officer, who is none of
    # these users, or a supervisor of the area works the plan; an officer sees only the plans he works
    "outreach:plan_list": page(access=allow(EVERYONE)),
    "outreach:plan_create": page(plan_subject, access=allow(SUPERVISORS, "admin")),
    "outreach:plan_detail": page(plan, access=allow(SUPERVISORS, ALL_AREAS, hidden="officer")),
    "outreach:plan_edit": page(plan, access=allow(SUPERVISORS, hidden="officer")),
    "outreach:plan_submit": post(plan, access=allow(SUPERVISORS, ok=302, hidden="officer")),
    "outreach:plan_approve": post(submitted_plan, access=allow(SUPERVISORS, "admin", ok=302, hidden="officer")),
    "outreach:plan_return": post(
        submitted_plan, data=COMMENT, access=allow(SUPERVISORS, "admin", ok=302, hidden="officer")
    ),
    "outreach:plan_log_add": post(plan, data=LOG_ENTRY, access=allow(SUPERVISORS, ok=302, hidden="officer")),
    "outreach:plan_action_done": post(
        plan_action, data={"done_on": A_WEEK_AGO}, access=allow(SUPERVISORS, ok=302, hidden="officer")
    ),
    "outreach:plan_assess": post(plan, access=allow(SUPERVISORS, ok=302, hidden="officer")),
    "outreach:plan_resolve": post(plan, access=allow(SUPERVISORS, ok=302, hidden="officer")),
    "outreach:plan_monitor": post(
        plan, data={"recheck_on": NEXT_YEAR}, access=allow(SUPERVISORS, ok=302, hidden="officer")
    ),
    "outreach:plan_reopen": post(plan, data=COMMENT, access=allow(SUPERVISORS, ok=302, hidden="officer")),
    "outreach:plan_close": post(plan, access=allow(SUPERVISORS, ok=400, hidden="officer")),
    # The list of area commands sends a user of one to its page
    "outreach:area_list": page(access=allow(ALL_AREAS, exact=each(AREA, 302))),
    "outreach:area_detail": page(area_code, access=allow(EVERYONE)),
    "outreach:project_list": page(access=allow(EVERYONE)),
    "outreach:project_create": page(access=allow("lieutenant", "commander", "admin")),
    "outreach:project_detail": page(project, access=allow(EVERYONE)),
    "outreach:project_edit": page(project, access=allow("lieutenant", "commander", "admin")),
    "outreach:project_note_add": post(project, access=allow("lieutenant", "commander", "admin", ok=400)),
    "outreach:calendar_month": page(access=allow(EVERYONE)),
    "outreach:calendar_feed_reset": post(access=allow(EVERYONE, ok=302)),
    "outreach:calendar_feed": public(feed_token),  # calendar apps fetch without a session: the token is the key
    "outreach:calendar_public_feed": public(),
    "outreach:watch_list": page(access=allow(EVERYONE)),
    "outreach:watch_create": page(access=allow(EVERYONE)),
    "outreach:watch_coverage": page(access=allow(EVERYONE)),
    "outreach:watch_detail": page(watch_group, access=allow(EVERYONE)),
    "outreach:watch_edit": page(watch_group, access=allow(EVERYONE)),
    "outreach:watch_set_status": post(watch_group, access=allow(EVERYONE, ok=400)),
    "outreach:watch_captain_add": post(watch_group, access=allow(EVERYONE, ok=400)),
    "outreach:watch_meeting_add": post(watch_group, access=allow(EVERYONE, ok=400)),
    "outreach:watch_captain_remove": page(captain, access=allow(EVERYONE)),
    "outreach:watch_meeting_remove": page(meeting, access=allow(EVERYONE)),
    "outreach:watch_request": public(),
    "outreach:watch_request_done": public(watch_request_code),
    "outreach:request_thanks": public(),
    "outreach:request_status": public(),
    # programs: the catalog is department-wide; retiring shows a confirmation page on GET
    "programs:program_list": page(access=allow(EVERYONE)),
    "programs:program_create": page(access=allow("lieutenant", ALL_AREAS)),
    "programs:program_detail": page(program, scoped=False, access=allow(EVERYONE)),
    "programs:program_edit": page(program, scoped=False, access=allow("lieutenant", ALL_AREAS)),
    "programs:program_retire": page(program, scoped=False, access=allow("lieutenant", ALL_AREAS)),
    "programs:program_reinstate": post(retired_program, scoped=False, access=allow("lieutenant", ALL_AREAS, ok=302)),
    # programs: presentations (cancelling shows a confirmation page on GET); a report is changed by its
    # presenter and author only (programs/tests/test_presentations.py), and reviewed by a supervisor
    "programs:presentation_list": page(access=allow(EVERYONE)),
    "programs:presentation_mine": page(access=allow(EVERYONE)),
    "programs:presentation_review_queue": page(access=allow(SUPERVISORS, "admin")),
    "programs:presentation_create": page(access=allow(EVERYONE)),
    "programs:presentation_detail": page(presentation, access=allow(EVERYONE)),
    "programs:presentation_edit": page(presentation, access=NOBODY),
    "programs:presentation_submit": post(presentation, access=NOBODY),
    "programs:presentation_approve": post(presentation, access=allow(SUPERVISORS, "admin", ok=302)),
    "programs:presentation_return": post(presentation, access=allow(SUPERVISORS, "admin", ok=302)),
    "programs:presentation_cancel": page(presentation, access=NOBODY),
    "programs:attachment_upload": post(presentation, access=NOBODY),
    "programs:attachment_download": page(attachment, access=allow(EVERYONE)),
    "programs:attachment_remove": page(attachment, access=NOBODY),
    # programs: public requests, with the citizen's contact details: for the staff who pick them up
    "programs:request_list": page(access=allow(SUPERVISORS, ALL_AREAS)),
    "programs:request_detail": page(presentation_request, access=allow(SUPERVISORS, ALL_AREAS)),
    "programs:request_accept": post(presentation_request, access=allow(SUPERVISORS, ALL_AREAS, ok=400)),
    "programs:request_decline": post(presentation_request, access=allow(SUPERVISORS, ALL_AREAS, ok=400)),
    "programs:request_create": public(),
    "programs:request_done": public(presentation_request_code),
    # surveys: built by area command staff, approved by the chief's office
    "surveys:survey_list": page(access=allow(EVERYONE)),
    "surveys:survey_create": page(access=allow("lieutenant", "commander", ALL_AREAS)),
    "surveys:survey_detail": page(survey, access=allow(EVERYONE)),
    "surveys:survey_settings": page(survey, access=allow("lieutenant", "commander", ALL_AREAS)),
    "surveys:survey_texts": page(survey, access=allow("lieutenant", "commander", ALL_AREAS)),
    "surveys:survey_new_version": post(survey, access=allow("lieutenant", "commander", ALL_AREAS, ok=302)),
    "surveys:question_create": page(survey, access=allow("lieutenant", "commander", ALL_AREAS)),
    "surveys:question_edit": page(survey_question, access=allow("lieutenant", "commander", ALL_AREAS)),
    "surveys:question_delete": page(survey_question, access=allow("lieutenant", "commander", ALL_AREAS)),
    "surveys:question_move": post(survey_question, access=allow("lieutenant", "commander", ALL_AREAS, ok=302)),
    "surveys:version_submit": post(survey, access=allow("lieutenant", "commander", ALL_AREAS, ok=302)),
    "surveys:version_withdraw": post(survey, access=allow("lieutenant", "commander", ALL_AREAS, ok=302)),
    "surveys:version_approve": post(survey, access=allow(CHIEF_OFFICE, ok=302)),
    "surveys:version_return": post(survey, access=allow(CHIEF_OFFICE, ok=302)),
    "surveys:survey_close": page(survey, access=allow("lieutenant", "commander", ALL_AREAS)),
    "surveys:survey_results": page(survey, access=allow(SUPERVISORS, ALL_AREAS)),
    "surveys:answer_concern": post(survey_answer, access=allow(SUPERVISORS, ALL_AREAS, ok=302)),
    "surveys:results_action_add": post(area_live_survey, access=allow(CHIEF_OFFICE, "admin", ok=400)),
    "surveys:finding_concern": post(area_live_survey, access=allow(CHIEF_OFFICE, "admin", ok=302)),
    "surveys:link_for_presentation": post(survey_and_presentation, access=allow(EVERYONE, ok=302)),
    "surveys:link_for_meeting": post(survey_and_meeting, access=allow(EVERYONE, ok=302)),
    "surveys:link_for_campaign": post(area_live_survey, access=allow(EVERYONE, ok=302)),
    "surveys:link_handout": page(survey_link, access=allow(EVERYONE)),
    # with no language chosen, the printable form sends back to the survey's page
    "surveys:paper_form": page(area_live_survey, access=allow(EVERYONE, ok=302)),
    "surveys:batch_list": page(area_live_survey, access=allow(SUPERVISORS, ALL_AREAS)),
    "surveys:batch_detail": page(paper_batch, access=allow(SUPERVISORS, ALL_AREAS)),
    "surveys:batch_key": page(paper_batch_keying, access=allow(SUPERVISORS, ALL_AREAS)),
    "surveys:batch_count": post(paper_batch, access=allow(SUPERVISORS, ALL_AREAS, ok=302)),
    # surveys: a citizen's contact request: the staff who work follow-ups; an officer, the ones assigned to him
    "surveys:contact_list": page(access=allow(EVERYONE)),
    "surveys:contact_detail": page(contact_request, access=allow(SUPERVISORS, ALL_AREAS, hidden="officer")),
    "surveys:contact_assign": post(contact_request, access=allow(SUPERVISORS, ALL_AREAS, ok=400, hidden="officer")),
    "surveys:contact_attempt": post(contact_request, access=allow(SUPERVISORS, ALL_AREAS, ok=400, hidden="officer")),
    "surveys:contact_close": post(contact_request, access=allow(SUPERVISORS, ALL_AREAS, ok=400, hidden="officer")),
    # surveys: the public page; a short link leads there with its tag
    "surveys:public_survey": public(live_survey_slug),
    "surveys:public_thanks": public(live_survey_slug),
    "surveys:public_survey_unlisted": public(unlisted_survey),
    "surveys:short_link": public(survey_link),
    # reports: what a user may read, each report's status for the page's script, its PDF; an area
    # command's monthly report is read by everyone of the area
    "reports:report_list": page(access=allow(EVERYONE)),
    "reports:report_detail": page(area_report, access=allow(EVERYONE)),
    "reports:report_status": page(area_report, access=allow(EVERYONE)),
    "reports:report_download": page(area_report, access=allow(EVERYONE)),
    "reports:report_regenerate": post(area_report, access=allow(EVERYONE, ok=302)),
    # reports: the annual citizen-concerns report, department-wide; finalizing asks for the
    # recommendations first
    "reports:annual_detail": page(report_year, scoped=False, access=allow("commander", CHIEF_OFFICE, "records")),
    "reports:annual_recommendations": post(report_year, scoped=False, access=allow(CHIEF_OFFICE, ok=400)),
    "reports:annual_draft": post(report_year, scoped=False, access=allow(CHIEF_OFFICE, "records", ok=302)),
    "reports:annual_finalize": page(report_year, scoped=False, access=allow(CHIEF_OFFICE, ok=302)),
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
    if name.startswith("/"):
        return name
    record = ROUTES[name].record
    arguments = record(area) if record else {}
    query = {key[1:]: value for key, value in arguments.items() if key.startswith("?")}
    url = reverse(name, kwargs={key: value for key, value in arguments.items() if not key.startswith("?")})
    return f"{url}?{urlencode(query)}" if query else url


def names(*kinds):
    return [name for name, contract in ROUTES.items() if contract.kind in kinds]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    """A user of every role, made once for the module (area roles in ``area``), in a transaction rolled back
    at its end; each test runs in a savepoint inside it and logs in as it needs."""
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), transaction.atomic(), fast:
        DepartmentFactory()
        area = AreaCommandFactory(name="North Area Command", code="north")
        other_area = AreaCommandFactory(name="Southeast Area Command", code="southeast")
        users = {
            role: UserFactory(username=f"as-{role}", role=role, area_command=area if role in AREA else None)
            for role in EVERYONE
        }
        yield SimpleNamespace(area=area, other_area=other_area, users=users)
        transaction.set_rollback(True)


def answer(client, contract, url, method=None):
    """The status of one request, whatever it changed undone: the next role finds the record as it was."""
    method = method or ("get" if contract.kind == STAFF else "post")
    with transaction.atomic():
        response = client.get(url) if method == "get" else client.post(url, contract.data or {})
        transaction.set_rollback(True)
    return response.status_code


def test_every_url_has_a_contract():
    paths = dict(url_routes())

    assert sorted(set(paths) - set(ROUTES)) == [], "routes without an entry in ROUTES"
    assert sorted(set(ROUTES) - set(paths)) == [], "entries in ROUTES whose route is gone"
    assert [name for name, path in paths.items() if "<" in path and not ROUTES[name].record] == [], (
        "routes with arguments and no record builder"
    )


def test_every_staff_route_says_what_each_role_gets():
    staff = names(STAFF, STAFF_POST)

    assert [name for name in staff if ROUTES[name].access is None] == [], "staff routes without ``access``"
    for name in staff:
        contract = ROUTES[name]
        for role, outcome in contract.access.exact:
            shape = tuple if contract.record else int
            assert isinstance(outcome, shape), f"{name}: {role}'s exact outcome must be {shape.__name__}"


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
def test_state_changing_url_answers_get_with_405(cast, db, client, name):
    client.force_login(cast.users[ROUTES[name].asker])

    response = client.get(url_for(name, cast.area))

    assert response.status_code == 405


@pytest.mark.parametrize("name", names(STAFF, STAFF_POST))
def test_every_role_gets_what_the_table_says(cast, db, client, name):
    contract = ROUTES[name]
    has_record = contract.record is not None
    urls = [url_for(name, cast.area), url_for(name, cast.other_area)] if has_record else [url_for(name, cast.area)]
    expected, answered, refused = {}, {}, {}
    for role in EVERYONE:
        client.force_login(cast.users[role])
        expected[role] = contract.access.expected(role, has_record=has_record, scoped=contract.scoped)
        statuses = tuple(answer(client, contract, url) for url in urls)
        answered[role] = statuses if has_record else statuses[0]
        for url, status in zip(urls, statuses, strict=True):
            if status in (403, 404):
                refused.setdefault(status, (role, url))

    wrong = [f"{role}: {answered[role]}, not {expected[role]}" for role in EVERYONE if answered[role] != expected[role]]
    assert not wrong, "\n".join(
        [f"{name} answered (own area's record, another area's)" if has_record else name, *wrong]
    )
    if contract.kind == STAFF:
        # A page's form refuses whom the page refuses: one role refused with 403 and one with 404 post to it.
        for role, url in refused.values():
            client.force_login(cast.users[role])
            assert answer(client, contract, url, "post") in REFUSED, f"{name}: {role}'s POST to {url} went through"
