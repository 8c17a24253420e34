import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from outreach.models import (
    ActionPlan,
    AreaCommand,
    AuditEvent,
    AuditReview,
    Concern,
    Organization,
    Partnership,
    PlanEvent,
    Referral,
    User,
    WatchGroup,
)
from programs.models import Presentation, PresentationRequest


@pytest.fixture(autouse=True)
def _development(settings):
    settings.DEBUG = True


def test_seed_demo_creates_every_role_and_is_idempotent(db, capsys):
    call_command("seed_demo")
    first = capsys.readouterr().out
    counts = (AreaCommand.objects.count(), User.objects.count(), Organization.objects.count())
    call_command("seed_demo")
    second = capsys.readouterr().out

    assert counts[0] == 3
    assert set(User.objects.values_list("role", flat=True)) == set(User.Role.values)
    assert (AreaCommand.objects.count(), User.objects.count(), Organization.objects.count()) == counts
    assert "password for all" in first
    assert "password for all" not in second  # printed once, when the users are created


def test_seed_demo_users_log_in_with_the_printed_password(db, client):
    call_command("seed_demo")

    response = client.post(reverse("login"), {"username": "north.officer1", "password": "outreach-demo-2026"})
    assert response.status_code == 302
    assert response["Location"] == reverse("outreach:dashboard")

    # …and the demo's published authenticator key gives the second factor.
    code = call_command_output("demo_code")
    verified = client.post(reverse("outreach:two_factor_verify"), {"code": code})
    assert verified["Location"] == reverse("outreach:dashboard")
    assert client.get(reverse("outreach:dashboard")).status_code == 200


def call_command_output(name):
    out = io.StringIO()
    call_command(name, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def test_the_demo_has_past_weeks_of_audit_one_reviewed(db):
    call_command("seed_demo")
    call_command("seed_demo")

    reviews = AuditReview.objects.all()
    assert reviews.count() == 1
    assert AuditEvent.objects.filter(at__date__lt=reviews.get().week + timedelta(weeks=3)).count() > 100


def test_every_area_has_organizations_and_a_full_chain_of_command(db):
    call_command("seed_demo")

    for area in AreaCommand.objects.all():
        roles = set(area.members.values_list("role", flat=True))
        assert roles == set(User.AREA_ROLES)
        assert area.organizations.count() >= 5


def test_demo_data_is_refused_outside_development(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_demo_records_span_a_year_back_and_two_months_ahead(db):
    call_command("seed_demo")

    today = timezone.localdate()
    dates = Presentation.objects.aggregate(first=Min("starts_at"), last=Max("starts_at"))
    assert timezone.localdate(dates["first"]) <= today - timedelta(days=330)
    assert timezone.localdate(dates["last"]) >= today + timedelta(days=50)
    statuses = set(Presentation.objects.values_list("status", flat=True))
    assert {"scheduled", "submitted", "approved"} <= statuses
    assert Concern.objects.exists()
    assert WatchGroup.objects.filter(status=WatchGroup.Status.REQUESTED, area_command__isnull=True).exists()
    assert Partnership.objects.exists() and Referral.objects.overdue(today).exists()
    assert PresentationRequest.objects.pending().exists()


def test_the_demo_holds_concerns_from_every_source_and_state_each_with_its_timeline(db):
    call_command("seed_demo")
    call_command("seed_demo", "--reset")

    sources = set(Concern.objects.values_list("source", flat=True))
    statuses = set(Concern.objects.values_list("status", flat=True))
    assert set(Concern.INTAKE_SOURCES) | {Concern.Source.PRESENTATION} <= sources
    assert {"new", "assigned", "merged", "no_action"} <= statuses
    assert Concern.objects.filter(events__isnull=True).count() == 0
    assert Concern.objects.overdue().exists()
    assert Concern.objects.filter(partnership_log_entry__isnull=False).exists()


def test_the_demo_holds_plans_in_every_state_and_none_in_the_future(db):
    call_command("seed_demo")

    plans = ActionPlan.objects.all()
    assert set(plans.values_list("status", flat=True)) == set(ActionPlan.Status.values)
    assert not plans.filter(closed_at__gt=timezone.now()).exists()
    assert not PlanEvent.objects.filter(at__gt=timezone.now()).exists()
    assert Concern.objects.filter(plan__status="closed").exclude(status="closed").count() == 0
    assert plans.filter(first_submitted_at__isnull=False).exclude(status="draft").exists()
