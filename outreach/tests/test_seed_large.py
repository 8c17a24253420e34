"""``seed_demo --scale large`` at a thousandth of its size: the same generator, every rule, in seconds."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max, Min, Q
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from conftest import restore_seed_data
from outreach import clock
from outreach.demo.large import COUNTS, DAYS_AHEAD, MARKER_AREA
from outreach.lib.bulk import Loader, fast_session
from outreach.models import (
    ActionPlan,
    AreaCommand,
    Concern,
    ConcernEvent,
    ImplementationEntry,
    Partnership,
    PartnershipLogEntry,
    Referral,
    User,
    WatchGroup,
    WatchMeeting,
)
from outreach.services.plans import CONCERN_STATUS
from programs.models import Presentation, PresentationEvent
from surveys.models import Answer, Response, Survey

FACTOR = 0.001
# What the large seed counts, by the model holding it.
MEASURED = {
    "presentations": Presentation,
    "concerns": Concern,
    "watch_groups": WatchGroup,
    "partnerships": Partnership,
    "partnership_log_entries": PartnershipLogEntry,
    "referrals": Referral,
    "responses": Response,
}


def _seed():
    out = io.StringIO()
    call_command("seed_demo", scale="large", factor=FACTOR, stdout=out)
    return out.getvalue()


def _counts():
    return {name: model.objects.count() for name, model in MEASURED.items()} | {
        "plans": ActionPlan.objects.count(),
        "answers": Answer.objects.count(),
        "users": User.objects.count(),
    }


@pytest.fixture(scope="module")
def large(django_db_setup, django_db_blocker):
    """The demo and the large data set, seeded twice, in a transaction rolled back after this module's tests.

    It starts from the data migrations' rows (the catalog, the crime types), which a browser test run
    before may have flushed."""
    with django_db_blocker.unblock():
        restore_seed_data(only_if_flushed=True)
    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        before = _counts()
        first = _seed()
        after = _counts()
        second = _seed()
        yield {"before": before, "after": after, "again": _counts(), "first": first, "second": second}
        transaction.set_rollback(True)


def test_the_large_seed_adds_each_kind_of_record_in_proportion(large):
    added = {name: large["after"][name] - large["before"][name] for name in MEASURED}

    for name, count in added.items():
        expected = COUNTS[name] * FACTOR
        assert 0.7 * expected <= count <= 1.4 * expected + 3, (name, count, expected)
    # About two in five concerns get a plan; each response answers most of its questions.
    plans = large["after"]["plans"] - large["before"]["plans"]
    assert 0.25 <= plans / added["concerns"] <= 0.6
    assert large["after"]["answers"] - large["before"]["answers"] >= 6 * added["responses"]


def test_running_it_again_adds_nothing(large):
    assert large["again"] == large["after"]
    assert "already here" in large["second"]


def test_it_says_how_far_it_is_step_by_step(large):
    lines = [line for line in large["first"].splitlines() if line.startswith("[")]

    assert len(lines) >= 10
    assert any("presentations" in line for line in lines)
    assert any("responses" in line for line in lines)
    assert all("s]" in line for line in lines)


def test_every_area_command_has_its_share_one_busy_one_quiet(large, db):
    areas = AreaCommand.objects.annotate(
        concerns_count=Count("concerns", distinct=True), presentations_count=Count("presentations", distinct=True)
    )
    by_code = {area.code: area for area in areas}

    assert len(by_code) == 6
    assert all(area.concerns_count and area.presentations_count for area in areas)
    assert by_code["southeast"].presentations_count > by_code[MARKER_AREA].presentations_count
    answered = set(Response.objects.exclude(area_command=None).values_list("area_command", flat=True).distinct())
    assert answered == {area.pk for area in by_code.values()}


def test_dates_fall_within_five_years_and_only_presentations_lie_ahead(large, db):
    today, now = clock.today(), timezone.now()
    earliest = today.replace(year=today.year - 5)
    ranges = [
        Concern.objects.aggregate(first=Min("received_on"), last=Max("received_on")),
        PartnershipLogEntry.objects.aggregate(first=Min("logged_on"), last=Max("logged_on")),
        Referral.objects.aggregate(first=Min("referred_on"), last=Max("referred_on")),
        ImplementationEntry.objects.aggregate(first=Min("done_on"), last=Max("done_on")),
    ]
    for found in ranges:
        assert earliest <= found["first"] and found["last"] <= today, found
    moments = [
        Response.objects.aggregate(first=Min("submitted_at"), last=Max("submitted_at")),
        WatchMeeting.objects.aggregate(first=Min("held_on"), last=Max("held_on")),
        ConcernEvent.objects.aggregate(first=Min("at"), last=Max("at")),
    ]
    for found in moments:
        assert clock.date_of(found["first"]) >= earliest and found["last"] <= now, found
    ahead = Presentation.objects.filter(starts_at__gt=now)
    assert ahead.exists()
    assert set(ahead.values_list("status", flat=True)) <= {Presentation.Status.SCHEDULED, Presentation.Status.CANCELLED}
    assert not ahead.filter(starts_at__gt=now + timedelta(days=DAYS_AHEAD + 1)).exists()
    assert Presentation.objects.filter(starts_at__lt=now - timedelta(days=400), status="approved").exists()


def test_the_records_follow_the_rules_the_app_relies_on(large, db):
    # A concern stands where its plan stands, and the plan's officer carries it.
    for plan in ActionPlan.objects.filter(concern__isnull=False).select_related("concern"):
        assert plan.concern.status == CONCERN_STATUS[plan.status]
        assert plan.concern.assigned_to_id == plan.officer_id
    # Reviewed by someone else than who wrote it; a plan first submitted after its due date is late.
    assert not ActionPlan.objects.filter(reviewed_by=F("officer")).exists()
    assert not ActionPlan.objects.filter(status=ActionPlan.Status.DRAFT, first_submitted_at__isnull=False).exists()
    assert not ActionPlan.objects.filter(status=ActionPlan.Status.CLOSED, closed_at__isnull=True).exists()
    # A reviewer never presented the report they reviewed; every report has its events.
    assert not Presentation.objects.filter(reviewed_by=F("presenters")).exists()
    assert not Presentation.objects.filter(events__isnull=True).exists()
    assert PresentationEvent.objects.filter(action=PresentationEvent.Action.APPROVED).exists()
    # Answers belong to their response's version, and a response to its survey's approved version.
    assert not Answer.objects.exclude(question__version=F("response__version")).exists()
    assert not Response.objects.exclude(version=F("survey__live_version")).exists()
    assert not Answer.objects.exclude(Q(option__isnull=True) | Q(option__question=F("question"))).exists()
    assert Survey.objects.filter(status=Survey.Status.CLOSED, responses__isnull=False).exists()
    # The concerns raised in a survey are linked from their answer.
    assert Concern.objects.filter(source=Concern.Source.SURVEY, survey_answers__isnull=False).exists()


def test_the_sequences_run_past_the_ids_given(large, db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM pg_sequences WHERE sequencename = 'surveys_answer_id_seq'")
        row = cursor.fetchone()
    assert row is None or row[0] >= Answer.objects.aggregate(Max("pk"))["pk__max"]
    # The next row made the usual way takes a free id.
    concern = Concern.objects.order_by("pk").last()
    copy = Concern.objects.create(
        received_on=concern.received_on,
        source=concern.source,
        category=concern.category,
        description="A new one",
        area_command=concern.area_command,
        created_by=concern.created_by,
    )
    assert copy.pk > concern.pk


def test_the_chief_opens_the_lists_and_the_results_of_the_data(large, db, client):
    client.force_login(User.objects.get(username="chief"))
    survey = Survey.objects.annotate(n=Count("responses")).order_by("-n").first()
    officer = User.objects.get(username="southeast.officer1")
    pages = [
        reverse("outreach:concern_list"),
        reverse("outreach:concern_list") + "?status=no_action",
        reverse("outreach:partnership_list"),
        reverse("outreach:referral_list"),
        reverse("programs:presentation_list"),
        reverse("surveys:survey_results", args=[survey.pk]),
        reverse("outreach:plan_detail", args=[ActionPlan.objects.filter(officer=officer).first().pk]),
        reverse("outreach:dashboard"),
    ]
    for page in pages:
        assert client.get(page).status_code == 200, page


@pytest.mark.parametrize("options", [{"reset": True}, {"reset": True, "scale": "large"}])
def test_reset_is_refused_once_the_large_data_set_is_there(large, db, settings, options):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="large data set"):
        call_command("seed_demo", stdout=io.StringIO(), **options)


def test_a_row_naming_a_missing_parent_fails_the_bulk_transaction(db):
    """With the key triggers off (a superuser's session) the keys are checked at the end; without, per COPY."""
    user = User.objects.create(username="loader", role=User.Role.RECORDS)
    with pytest.raises(IntegrityError, match="outreach_concernevent"), transaction.atomic(), fast_session():
        loader = Loader()
        events = loader.table("outreach_concernevent", ("concern_id", "action", "by_id", "at", "comment"))
        events.add(987_654_321, ConcernEvent.Action.RECEIVED, user.pk, timezone.now(), "")
        loader.finish()
