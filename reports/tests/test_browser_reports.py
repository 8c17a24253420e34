"""Reports in Chromium: the chief asks for a report, its status changes on the page without a reload, the
PDF downloads; the annual report's recommendations are written and the report made final."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from outreach import clock
from outreach.tests.browser import DESKTOP, PHONE, assert_no_axe_violations, log_in, screenshot
from outreach.tests.factories import PASSWORD
from reports.models import AnnualRecommendations, GeneratedReport

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]


def _as(browser, live_server, user, viewport=DESKTOP):
    page = browser.new_context(viewport=viewport).new_page()
    log_in(page, live_server, user.username, PASSWORD)
    page.wait_for_url("**/dashboard/")
    return page


def test_the_status_changes_without_a_reload_then_the_pdf_downloads(
    browser, live_server, people, area, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = GeneratedReport.objects.create(
        kind="monthly",
        level="area",
        period=clock.previous_month(clock.today().replace(day=1)),
        area_command=area,
        language="en",
        requested_by=people.commander,
    )
    page = _as(browser, live_server, people.commander, viewport=PHONE)
    page.goto(f"{live_server.url}{report.get_absolute_url()}")
    assert page.get_by_role("status").first.inner_text() == "Queued"
    assert_no_axe_violations(page)

    # A worker takes it, then finishes it: the page follows, and shows the download link.
    GeneratedReport.objects.filter(pk=report.pk).update(status="running", started_at=timezone.now())
    page.get_by_text("Being compiled").first.wait_for(timeout=10_000)
    report.file.save("r.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    GeneratedReport.objects.filter(pk=report.pk).update(
        status="done", file=report.file.name, finished_at=timezone.now(), page_count=5
    )
    link = page.get_by_role("link", name="Download (PDF)").first
    link.wait_for(timeout=10_000)
    screenshot(page, "report-done-phone")
    pdf = page.request.get(live_server.url + link.get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")


def test_the_chief_writes_the_recommendations_and_makes_the_annual_report_final(browser, live_server, people):
    year = clock.today().year - 1
    page = _as(browser, live_server, people.chief)
    page.goto(f"{live_server.url}/reports/")
    page.get_by_role("link", name=f"The annual citizen-concerns report of {year}").click()

    page.get_by_label("Recommendations for the year ahead").fill("Light the parks on the east side.")
    page.get_by_role("button", name="Save the recommendations").click()
    assert page.get_by_text("The recommendations were saved.").is_visible()
    page.get_by_role("link", name="Make the report final…").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Make it final").click()

    assert page.get_by_text("The report is final; its final PDF is being compiled.").is_visible()
    assert AnnualRecommendations.objects.get(year=year).is_final()
    final = GeneratedReport.objects.get(kind="annual", is_draft=False, period=date(year, 1, 1))
    assert final.requested_by == people.chief
    assert_no_axe_violations(page)
