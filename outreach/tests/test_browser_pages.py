"""Every staff list, page and form, and every public page, in Chromium: at phone and desktop width, in
English and Spanish, with no serious or critical axe violation, no horizontal scroll on a phone, and
served HTML the Nu checker accepts. The data looks like the demo's: a department with its address and
phone, full and long names."""

from datetime import date, timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from outreach.models import Organization, Referral, WatchGroup
from outreach.tests.browser import DESKTOP, PHONE, html_errors, log_in, screenshot, serious_axe_violations
from outreach.tests.factories import (
    PASSWORD,
    ActionPlanFactory,
    AreaHoldFactory,
    AuditEventFactory,
    AuditReviewFactory,
    BlockCaptainFactory,
    CalendarFeedFactory,
    ConcernFactory,
    ImplementationEntryFactory,
    LegalHoldFactory,
    OrganizationFactory,
    PartnershipFactory,
    PartnershipLogEntryFactory,
    PlannedActionFactory,
    ProjectFactory,
    ProjectNoteFactory,
    ReferralFactory,
    RequestedWatchGroupFactory,
    SectorFactory,
    WatchGroupFactory,
    WatchMeetingFactory,
)
from programs.models import Presentation, Program
from programs.tests.factories import PresentationConcernFactory, PresentationFactory, PresentationRequestFactory
from reports.models import AnnualRecommendations
from reports.tests.factories import GeneratedReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

LONG_NAME = "Asociación de Vecinos del Barrio Histórico de Hillcrest, Maplewood y Alrededores"


@pytest.fixture
def records(people, area):
    """One of every kind of record in ``area``, named like the demo's."""
    sector = SectorFactory(area_command=area, name="Hillcrest Heights", code="HH")
    organization = OrganizationFactory(name=LONG_NAME, area_command=area, sector=sector, phone="(555) 013-1481")
    partnership = PartnershipFactory(organization=organization, responsible_officer=people.officer)
    PartnershipLogEntryFactory(partnership=partnership)
    group = WatchGroupFactory(name="Hillcrest Heights Block Watch", area_command=area, liaison_officer=people.officer)
    captain = BlockCaptainFactory(group=group, name="María José Fernández-Castillo")
    WatchMeetingFactory(group=group)
    RequestedWatchGroupFactory(name="Maple Court Neighbors")
    referral = ReferralFactory(area_command=area, officer=people.officer)
    program = Program.objects.get(name="Neighborhood Watch")
    report = PresentationFactory(
        area_command=area, sector=sector, organization=organization, author=people.officer, program=program
    )
    PresentationConcernFactory(presentation=report)
    submitted = PresentationFactory(
        area_command=area, author=people.officer, program=program, status=Presentation.Status.SUBMITTED
    )
    scheduled = PresentationFactory(
        area_command=area,
        author=people.officer,
        program=program,
        status=Presentation.Status.SCHEDULED,
        starts_at=timezone.now() + timedelta(days=3),
        is_public=True,
    )
    request_obj = PresentationRequestFactory(organization_name=LONG_NAME)
    # Months of outreach behind the trend charts, and a request answered in a day and a half.
    for days_ago, participants in [(35, 42), (65, 18), (95, 130)]:
        PresentationFactory(
            area_command=area,
            author=people.officer,
            program=program,
            status=Presentation.Status.APPROVED,
            starts_at=timezone.now() - timedelta(days=days_ago),
            participants=participants,
        )
    PresentationRequestFactory(
        area_command=area, status="declined", decline_reason="No officer free.", handled_at=timezone.now()
    )
    concern = ConcernFactory(
        area_command=area,
        sector=sector,
        source="walk_in",
        location="1400 block of Juniper Road, behind the Hillcrest Heights community garden",
        reporter_name="María José Fernández-Castillo",
        reporter_phone="(555) 013-2020",
        is_potential_problem=True,
    )
    similar = ConcernFactory(area_command=area, sector=sector, assigned_to=people.officer, status="assigned")
    approved = ActionPlanFactory(
        concern=ConcernFactory(area_command=area, sector=sector, assigned_to=people.officer, status="in_progress"),
        officer=people.officer,
        status="in_progress",
        first_submitted_at=timezone.now(),
        title="Vehicle break-ins at the Hillcrest Heights community garden parking lot",
    )
    PlannedActionFactory(plan=approved, owner=people.officer)
    ImplementationEntryFactory(plan=approved, by=people.officer, arrests=1)
    review = ActionPlanFactory(
        concern=ConcernFactory(area_command=area, assigned_to=people.officer, status="plan_submitted"),
        officer=people.officer,
        status="submitted",
        first_submitted_at=timezone.now(),
        submitted_at=timezone.now(),
    )
    PlannedActionFactory(plan=review, owner=people.officer)
    draft = ActionPlanFactory(
        concern=ConcernFactory(area_command=area, assigned_to=people.officer, status="plan_due"),
        officer=people.officer,
    )
    project = ProjectFactory(area_command=area, lieutenant=people.lieutenant, status="active")
    project.officers.set([people.officer])
    project.partners.set([organization])
    ProjectNoteFactory(project=project, by=people.lieutenant)
    CalendarFeedFactory(user=people.chief)
    generated = GeneratedReportFactory(area_command=area, requested_by=people.commander)
    GeneratedReportFactory(area_command=area, status="failed", error="The database was unreachable.", file="")
    GeneratedReportFactory(area_command=area, level="officer", officer=people.officer, status="queued", file="")
    AccessAttempt.objects.create(
        username="former.officer",
        ip_address="203.0.113.9",
        user_agent="Mozilla/5.0",
        failures_since_start=5,
        attempt_time=timezone.now(),
        get_data="",
        post_data="",
        http_accept="text/html",
        path_info="/accounts/login/",
    )
    # The audit log began three weeks ago: one week reviewed, two waiting (the chief's dashboard says so).
    this_monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    for weeks_back in (1, 2, 3):
        AuditEventFactory(at=timezone.now() - timedelta(days=7 * weeks_back))
    AuditReviewFactory(week=this_monday - timedelta(days=21), reviewed_by=people.sysadmin)
    last_year = timezone.localdate().year - 1
    AnnualRecommendations.objects.create(
        year=last_year, status="written", text="Light the parks on the east side.", written_by=people.chief
    )
    GeneratedReportFactory(
        kind="annual", level="department", area_command=None, period=date(last_year, 1, 1), is_draft=True
    )
    LegalHoldFactory(record=concern, placed_by=people.chief)
    AreaHoldFactory(area_command=area, placed_by=people.chief)
    return {
        "generated": generated,
        "project": project,
        "approved": approved,
        "review": review,
        "draft": draft,
        "concern": concern,
        "similar": similar,
        "organization": organization,
        "partnership": partnership,
        "group": group,
        "captain": captain,
        "referral": referral,
        "program": program,
        "report": report,
        "submitted": submitted,
        "scheduled": scheduled,
        "request": request_obj,
        "audit_week": this_monday - timedelta(days=7),
        "audit_reviewed_week": this_monday - timedelta(days=21),
    }


def _last_month():
    return (timezone.localdate().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def _staff_pages(records):
    """(persona, page name, path): every staff page, as someone allowed to see it."""
    o, p, g = records["organization"].pk, records["partnership"].pk, records["group"].pk
    r, prog, report = records["referral"].pk, records["program"].pk, records["report"].pk
    return [
        ("chief", "dashboard", reverse("outreach:dashboard")),
        ("chief", "dashboard-area", reverse("outreach:dashboard") + "?area=north"),
        ("commander", "dashboard-commander-last-month", reverse("outreach:dashboard") + "?month=" + _last_month()),
        ("chief", "profile", reverse("outreach:profile")),
        ("chief", "password", reverse("password_change")),
        ("chief", "department", reverse("outreach:department_settings")),
        ("chief", "organizations", reverse("outreach:organization_list")),
        ("chief", "organization", reverse("outreach:organization_detail", args=[o])),
        ("chief", "organization-new", reverse("outreach:organization_create")),
        ("chief", "organization-edit", reverse("outreach:organization_edit", args=[o])),
        ("chief", "partnerships", reverse("outreach:partnership_list")),
        ("chief", "partnership", reverse("outreach:partnership_detail", args=[p])),
        ("chief", "partnership-new", reverse("outreach:partnership_create")),
        ("chief", "partnership-edit", reverse("outreach:partnership_edit", args=[p])),
        ("chief", "referrals", reverse("outreach:referral_list")),
        ("chief", "referral", reverse("outreach:referral_detail", args=[r])),
        ("chief", "referral-new", reverse("outreach:referral_create")),
        ("chief", "referral-edit", reverse("outreach:referral_edit", args=[r])),
        ("chief", "watch", reverse("outreach:watch_list")),
        ("chief", "watch-group", reverse("outreach:watch_detail", args=[g])),
        ("chief", "watch-new", reverse("outreach:watch_create")),
        ("chief", "watch-edit", reverse("outreach:watch_edit", args=[g])),
        ("chief", "coverage", reverse("outreach:watch_coverage")),
        ("chief", "captain-remove", reverse("outreach:watch_captain_remove", args=[g, records["captain"].pk])),
        ("chief", "calendar", reverse("outreach:calendar_month")),
        ("chief", "programs", reverse("programs:program_list")),
        ("chief", "program", reverse("programs:program_detail", args=[prog])),
        ("chief", "program-new", reverse("programs:program_create")),
        ("chief", "program-edit", reverse("programs:program_edit", args=[prog])),
        ("chief", "program-retire", reverse("programs:program_retire", args=[prog])),
        ("chief", "presentations", reverse("programs:presentation_list")),
        ("chief", "presentation", reverse("programs:presentation_detail", args=[report])),
        ("officer", "dashboard-officer", reverse("outreach:dashboard")),
        ("officer", "my-reports", reverse("programs:presentation_mine")),
        ("officer", "presentation-new", reverse("programs:presentation_create")),
        ("officer", "report-edit", reverse("programs:presentation_edit", args=[report])),
        ("officer", "cancel", reverse("programs:presentation_cancel", args=[records["scheduled"].pk])),
        ("sergeant", "dashboard-sergeant", reverse("outreach:dashboard")),
        ("sergeant", "review-queue", reverse("programs:presentation_review_queue")),
        ("sergeant", "review", reverse("programs:presentation_detail", args=[records["submitted"].pk])),
        ("sergeant", "requests", reverse("programs:request_list")),
        ("sergeant", "concerns", reverse("outreach:concern_list")),
        ("sergeant", "concern", reverse("outreach:concern_detail", args=[records["concern"].pk])),
        (
            "sergeant",
            "concern-merge",
            reverse("outreach:concern_merge", args=[records["concern"].pk, records["similar"].pk]),
        ),
        ("sergeant", "concern-no-action", reverse("outreach:concern_no_action", args=[records["concern"].pk])),
        ("officer", "concern-new", reverse("outreach:concern_create")),
        ("officer", "plans", reverse("outreach:plan_list")),
        ("officer", "plan", reverse("outreach:plan_detail", args=[records["approved"].pk])),
        ("officer", "plan-edit", reverse("outreach:plan_edit", args=[records["draft"].pk])),
        ("officer", "plan-new", reverse("outreach:plan_create") + f"?concern={records['similar'].pk}"),
        ("lieutenant", "area", reverse("outreach:area_detail", args=[records["project"].area_command.code])),
        ("chief", "areas", reverse("outreach:area_list")),
        ("lieutenant", "projects", reverse("outreach:project_list")),
        ("lieutenant", "project", reverse("outreach:project_detail", args=[records["project"].pk])),
        ("lieutenant", "project-new", reverse("outreach:project_create")),
        ("lieutenant", "project-edit", reverse("outreach:project_edit", args=[records["project"].pk])),
        ("lieutenant", "dashboard-lieutenant", reverse("outreach:dashboard")),
        ("sergeant", "plan-review", reverse("outreach:plan_detail", args=[records["review"].pk])),
        ("officer", "concern-edit", reverse("outreach:concern_edit", args=[records["concern"].pk])),
        ("sergeant", "request", reverse("programs:request_detail", args=[records["request"].pk])),
        ("commander", "reports", reverse("reports:report_list")),
        ("sysadmin", "lockouts", reverse("outreach:lockout_list")),
        ("sysadmin", "recovery-codes", reverse("outreach:two_factor_recovery")),
        ("chief", "holds", reverse("outreach:hold_list")),
        ("chief", "hold-new", reverse("outreach:hold_create")),
        ("chief", "audit", reverse("outreach:audit_list")),
        ("chief", "audit-reviews", reverse("outreach:audit_review_list")),
        ("chief", "audit-review", reverse("outreach:audit_review", args=[records["audit_week"]])),
        ("chief", "audit-reviewed", reverse("outreach:audit_review", args=[records["audit_reviewed_week"]])),
        ("commander", "generated-report", reverse("reports:report_detail", args=[records["generated"].pk])),
        ("officer", "reports-officer", reverse("reports:report_list")),
        ("chief", "annual", reverse("reports:annual_detail", args=[timezone.localdate().year - 1])),
        ("chief", "annual-final", reverse("reports:annual_finalize", args=[timezone.localdate().year - 1])),
        ("commander", "annual-commander", reverse("reports:annual_detail", args=[timezone.localdate().year - 1])),
    ]


def _check(page, name, width, problems, pages):
    problems += [f"{name} at {width['width']}px: {line}" for line in serious_axe_violations(page)]
    if page.evaluate("document.documentElement.scrollWidth") > width["width"]:
        problems.append(f"{name} at {width['width']}px scrolls sideways")
    if width == DESKTOP:
        pages[name] = page.content()


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_every_staff_page_is_accessible_valid_and_fits_a_phone(browser, live_server, people, records, locale):
    problems, pages = [], {}
    by_persona = {}
    for persona, name, path in _staff_pages(records):
        by_persona.setdefault(persona, []).append((name, path))
    for persona, entries in by_persona.items():
        context = browser.new_context(locale=locale, viewport=DESKTOP)
        page = context.new_page()
        log_in(page, live_server, getattr(people, persona).username, PASSWORD)
        page.wait_for_url("**/dashboard/")
        for name, path in entries:
            for width in (DESKTOP, PHONE):
                page.set_viewport_size(width)
                response = page.goto(f"{live_server.url}{path}")
                assert response.status == 200, f"{name}: {response.status}"
                _check(page, f"{locale[:2]}-{name}", width, problems, pages)
        # A form sent back with errors is a page too.
        page.set_viewport_size(DESKTOP)
        page.goto(f"{live_server.url}{entries[0][1]}")
        context.close()

    problems += html_errors(pages)
    assert problems == []


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_forms_sent_back_with_errors_are_accessible_and_valid(browser, live_server, people, records, locale):
    context = browser.new_context(locale=locale, viewport=DESKTOP)
    page = context.new_page()
    log_in(page, live_server, people.chief.username, PASSWORD)
    page.wait_for_url("**/dashboard/")
    problems, pages = [], {}
    for name, path in [
        ("organization-new", reverse("outreach:organization_create")),
        ("referral-new", reverse("outreach:referral_create")),
        ("watch-new", reverse("outreach:watch_create")),
        ("program-new", reverse("programs:program_create")),
        ("concern-new", reverse("outreach:concern_create")),
        ("audit-review", reverse("outreach:audit_review", args=[records["audit_week"]])),
    ]:
        page.goto(f"{live_server.url}{path}")
        page.locator("main form[method=post] [type=submit]").first.click()
        page.wait_for_load_state()
        assert page.locator(".invalid-feedback, .alert-danger").count() > 0, name
        for width in (DESKTOP, PHONE):
            page.set_viewport_size(width)
            _check(page, f"{locale[:2]}-{name}-errors", width, problems, pages)
        screenshot(page, f"{name}-errors-{locale[:2]}-phone")
    context.close()

    problems += html_errors(pages)
    assert problems == []


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_every_public_page_is_accessible_valid_and_fits_a_phone(browser, live_server, department, records, locale):
    group = WatchGroup.objects.get(name="Maple Court Neighbors")
    paths = {
        "home": "/",
        "presentation-request": reverse("programs:request_create"),
        "presentation-request-done": reverse("programs:request_done", args=[records["request"].code]),
        "watch-request": reverse("outreach:watch_request"),
        "watch-request-done": reverse("outreach:watch_request_done", args=[group.code]),
        "thanks": reverse("outreach:request_thanks"),
        "request-status": reverse("outreach:request_status"),
        "login": reverse("login"),
    }
    context = browser.new_context(locale=locale, viewport=DESKTOP)
    page = context.new_page()
    problems, pages = [], {}
    for name, path in paths.items():
        for width in (DESKTOP, PHONE):
            page.set_viewport_size(width)
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, name
            assert page.locator("html").get_attribute("lang") == locale[:2]
            assert department.phone in page.locator("footer").inner_text()
            _check(page, f"{locale[:2]}-public-{name}", width, problems, pages)
    context.close()

    problems += html_errors(pages)
    assert problems == []


def test_a_long_unbroken_word_wraps_instead_of_widening_the_page(browser, live_server, people, area):
    word, longer = "x" * 200, "y" * 3000
    organization = OrganizationFactory(name=word, notes=longer, area_command=area, kind=Organization.Kind.CIVIC)
    ReferralFactory(area_command=area, officer=people.officer, agency=word, summary=longer, kind=Referral.Kind.OTHER)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    log_in(page, live_server, people.officer.username, PASSWORD)
    page.wait_for_url("**/dashboard/")

    for path in (
        reverse("outreach:organization_detail", args=[organization.pk]),
        reverse("outreach:organization_list"),
        reverse("outreach:referral_list"),
        reverse("outreach:dashboard"),
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    context.close()


def test_on_a_phone_the_list_comes_before_its_folded_filters(browser, live_server, people, records):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    log_in(page, live_server, people.sergeant.username, PASSWORD)
    page.wait_for_url("**/dashboard/")

    page.goto(f"{live_server.url}{reverse('outreach:concern_list')}")
    folded = page.locator("#list-filters").is_visible()
    page.get_by_role("button", name="Filters").click()
    page.locator("#list-filters").wait_for(state="visible")
    page.goto(f"{live_server.url}{reverse('outreach:concern_list')}?status=all")
    open_when_used = page.locator("#list-filters").is_visible()
    context.close()

    assert not folded and open_when_used
