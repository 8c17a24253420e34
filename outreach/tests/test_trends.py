"""Command staff's dashboard: each area command this month and over the last six, counted and drawn."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from outreach.models import CrimeType, Department
from outreach.tests.factories import ActionPlanFactory, AreaCommandFactory, ConcernFactory
from programs.models import Presentation, PresentationEvent, PresentationRequest
from programs.tests.factories import PresentationEventFactory, PresentationFactory, PresentationRequestFactory

DENVER = ZoneInfo("America/Denver")
# Wednesday 18 November 2026, midday in the department's zone: "this month" is November.
NOVEMBER_18_2026 = datetime(2026, 11, 18, 12, 0, tzinfo=DENVER)


def local(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=DENVER)


def _trends(client, user, **query):
    client.force_login(user)
    response = client.get(reverse("outreach:dashboard"), query)
    assert response.status_code == 200
    return response.context


def _row(context, area):
    return next(row for row in context["trends"]["areas"] if row.area == area)


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_presentations_given_and_people_reached_per_area_and_month(client, people, area, other_area):
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 3), participants=30)
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 10), participants=12)
    PresentationFactory(area_command=area, starts_at=local(2026, 10, 20), participants=40)
    PresentationFactory(area_command=area, starts_at=local(2026, 8, 1), participants=5)
    # Not given: cancelled, still ahead, or before the six months shown.
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 5), status=Presentation.Status.CANCELLED)
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 25), status=Presentation.Status.SCHEDULED)
    PresentationFactory(area_command=area, starts_at=local(2026, 5, 20))
    PresentationFactory(area_command=other_area, starts_at=local(2026, 11, 4), participants=100)

    context = _trends(client, people.chief)

    north, southeast = _row(context, area), _row(context, other_area)
    assert [m.month for m in context["trends"]["months"]] == [6, 7, 8, 9, 10, 11]
    assert north.given.values == (0, 0, 1, 0, 1, 2)
    assert north.reached.values == (0, 0, 5, 0, 40, 42)
    assert north.given.change == 1
    assert (southeast.given.this_month, southeast.reached.this_month) == (1, 100)
    assert context["trends"]["total"].reached.this_month == 142


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_a_month_is_the_department_s_calendar_month(client, people, area):
    # 23:30 on 31 October in Denver is already November in UTC: it belongs to October.
    PresentationFactory(area_command=area, starts_at=local(2026, 10, 31, 23, 30))
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 1, 0, 30))

    north = _row(_trends(client, people.chief), area)

    assert north.given.values[-2:] == (1, 1)


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_concerns_by_category_this_month_with_the_area_s_top_one(client, people, area, other_area):
    burglary, drugs = CrimeType.objects.get(code="burglary"), CrimeType.objects.get(code="drugs")
    ConcernFactory.create_batch(3, area_command=area, category=drugs)
    ConcernFactory(area_command=area, category=burglary)
    ConcernFactory(area_command=area, category=burglary, received_on=local(2026, 10, 2).date())
    ConcernFactory.create_batch(4, area_command=other_area, category=burglary)

    context = _trends(client, people.chief)

    north = _row(context, area)
    assert north.concerns.values[-2:] == (1, 4)
    assert north.top_concern == (drugs, 3)
    assert context["trends"]["total"].categories == [(burglary, 5), (drugs, 3)]
    assert [(bar.point.label, bar.percent) for bar in context["trend_categories"]] == [
        ("Burglary", 100.0),
        ("Drugs & alcohol", 60.0),
    ]


def _answered(area, received, answered, status=PresentationRequest.Status.ACCEPTED):
    request_obj = PresentationRequestFactory(area_command=area, status=status, handled_at=answered)
    PresentationRequest.objects.filter(pk=request_obj.pk).update(created_at=received)


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_requests_answered_and_the_median_wait(client, people, area, other_area):
    for days in (1, 2, 9):
        _answered(area, local(2026, 11, 1), local(2026, 11, 1 + days))
    _answered(area, local(2026, 9, 1), local(2026, 9, 3), status=PresentationRequest.Status.DECLINED)
    _answered(other_area, local(2026, 11, 2), local(2026, 11, 2, 16))
    PresentationRequestFactory(area_command=area)  # still waiting: not answered

    context = _trends(client, people.chief)

    north = _row(context, area)
    assert north.answered.values == (0, 0, 0, 1, 0, 3)
    assert north.wait.this_month == timedelta(days=2)
    assert north.wait.last_month is None
    assert _row(context, other_area).wait.this_month == timedelta(hours=6)
    # The department's median is the middle of all four answers, not the mean of the areas' medians.
    assert context["trends"]["total"].wait.this_month == timedelta(days=1, hours=12)


def _submitted(area, submitted_on, *later):
    presentation = PresentationFactory(
        area_command=area, status=Presentation.Status.SUBMITTED, submitted_at=submitted_on
    )
    PresentationEventFactory(presentation=presentation, action=PresentationEvent.Action.SUBMITTED, at=submitted_on)
    for action, at in later:
        PresentationEventFactory(presentation=presentation, action=action, at=at)
        presentation.status = {
            PresentationEvent.Action.APPROVED: Presentation.Status.APPROVED,
            PresentationEvent.Action.RETURNED: Presentation.Status.RETURNED,
            PresentationEvent.Action.RESUBMITTED: Presentation.Status.SUBMITTED,
        }[action]
        if action == PresentationEvent.Action.RESUBMITTED:
            presentation.submitted_at = at
        else:
            presentation.reviewed_at = at
    presentation.save()
    return presentation


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_the_review_backlog_at_each_month_s_end_comes_from_the_event_log(client, people, area):
    Action = PresentationEvent.Action
    # Waited from September into October, approved in October.
    _submitted(area, local(2026, 9, 28), (Action.APPROVED, local(2026, 10, 3)))
    # Returned in October, resubmitted in November and waiting now.
    _submitted(
        area, local(2026, 10, 5), (Action.RETURNED, local(2026, 10, 9)), (Action.RESUBMITTED, local(2026, 11, 2))
    )
    # Submitted at the end of October, still waiting.
    _submitted(area, local(2026, 10, 30))

    north = _row(_trends(client, people.chief), area)

    assert north.backlog.values == (0, 0, 0, 1, 1, 2)
    assert north.oldest_waiting == local(2026, 10, 30)  # the resubmitted one waits since November


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_a_commander_sees_the_own_area_only(client, people, area, other_area):
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 3))
    PresentationFactory(area_command=other_area, starts_at=local(2026, 11, 3))
    ConcernFactory(area_command=other_area)

    context = _trends(client, people.commander, area=other_area.code)

    assert [row.area for row in context["trends"]["areas"]] == [area]
    assert context["shown"].area == area
    assert context["trends"]["total"].given.this_month == 1
    assert context["trend_categories"] == ()


@pytest.mark.parametrize("role", ["officer", "sergeant", "records"])
def test_roles_outside_command_staff_see_no_trends(client, people, role):
    context = _trends(client, getattr(people, role))

    assert "trends" not in context


@pytest.mark.parametrize("role", ["lieutenant", "commander", "chief", "designee"])
def test_command_staff_see_the_trends(client, people, role):
    assert "trends" in _trends(client, getattr(people, role))


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_the_charts_draw_the_chosen_area_or_all_of_them(client, people, area, other_area):
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 3))
    PresentationFactory.create_batch(2, area_command=other_area, starts_at=local(2026, 11, 3))

    chosen = _trends(client, people.chief, area=other_area.code)
    unknown = _trends(client, people.chief, area="nowhere")
    garbage = _trends(client, people.chief, area="north'--")

    given = {card["key"]: card for card in chosen["trend_charts"]}["given"]
    assert chosen["shown"].area == other_area
    assert given["chart"].columns[-1].point.value == 2
    assert f"area_command={other_area.pk}" in given["link"]
    assert unknown["shown"].area is None and garbage["shown"].area is None
    assert unknown["shown"].given.this_month == 3


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_an_earlier_month_is_shown_whole_with_its_own_six_months(client, people, area):
    Action = PresentationEvent.Action
    PresentationFactory(area_command=area, starts_at=local(2026, 10, 30, 20))
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 2))
    _answered(area, local(2026, 10, 28), local(2026, 10, 31, 22))
    _answered(area, local(2026, 10, 29), local(2026, 11, 1, 9))
    # Waiting at the end of October, approved in November.
    _submitted(area, local(2026, 10, 30), (Action.APPROVED, local(2026, 11, 3)))

    context = _trends(client, people.chief, month="2026-10", area=area.code)

    trends, north = context["trends"], context["shown"]
    assert (trends["months"][0].month, trends["months"][-1].month) == (5, 10)
    assert not trends["is_current"] and trends["next"].month == 11
    assert (north.given.this_month, north.answered.this_month, north.backlog.this_month) == (1, 1, 1)
    assert north.oldest_waiting is None
    given = {card["key"]: card for card in context["trend_charts"]}["given"]
    assert "date_from=2026-10-01&date_to=2026-10-31" in given["link"]


@pytest.mark.parametrize("month", ["2027-03", "9999-99", "2026-13", "x", "2026-10-01"])
@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_a_future_or_malformed_month_shows_this_month(client, people, month):
    trends = _trends(client, people.chief, month=month)["trends"]

    assert trends["month"].month == 11 and trends["is_current"]


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_charts_speak_their_figures_and_keep_svg_numbers_in_spanish(client, people, area):
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 3), participants=7)
    _answered(area, local(2026, 11, 1), local(2026, 11, 3, 22))
    client.force_login(people.commander)

    page = client.get(reverse("outreach:dashboard"), headers={"accept-language": "es"}).content.decode()

    assert re.search(r"noviembre de 2026 \([^)]+\): 7", page)
    assert re.search(r"noviembre de 2026 \([^)]+\): 2,5 días", page)  # the wait, read out with its unit
    assert "2,5 días" in page
    # Coordinates are numbers to SVG: never a decimal comma.
    assert 'x="' in page and not re.search(r'(?:x|y|width|height)="\d+,\d', page)


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_an_empty_month_says_so(client, people):
    context = _trends(client, people.chief)
    page = context["trends"]

    assert [row.given.values for row in page["areas"]] == [(0,) * 6, (0,) * 6]
    assert all(card["chart"].is_empty for card in context["trend_charts"])


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_the_chief_s_trends_cost_a_fixed_number_of_queries(client, people, area, other_area, django_assert_num_queries):
    Department.load()
    for target in (area, other_area):
        for month in (7, 9, 11):
            PresentationFactory.create_batch(3, area_command=target, starts_at=local(2026, month, 3))
            _answered(target, local(2026, month, 1), local(2026, month, 2))
            ConcernFactory.create_batch(2, area_command=target, received_on=local(2026, month, 4).date())
        _submitted(target, local(2026, 10, 30))
    client.force_login(people.chief)

    # with the survey questions to approve, the citizens to contact, the audit weeks to review
    with django_assert_num_queries(26):
        client.get(reverse("outreach:dashboard"))


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_the_sum_row_is_the_sum_of_the_rows_shown(client, people, area, other_area):
    PresentationFactory(area_command=area, starts_at=local(2026, 11, 3))
    retired = AreaCommandFactory(name="Old Downtown Command", code="downtown", is_active=False)
    PresentationFactory(area_command=retired, starts_at=local(2026, 11, 3))
    _answered(None, local(2026, 11, 1), local(2026, 11, 2), status=PresentationRequest.Status.DECLINED)

    trends = _trends(client, people.chief)["trends"]

    assert trends["total"].given.this_month == sum(row.given.this_month for row in trends["areas"]) == 1
    assert trends["total"].answered.this_month == 0 and trends["total"].wait.this_month is None


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_a_category_is_named_the_most_raised_only_when_it_stands_out(client, people, area, other_area):
    burglary, drugs = CrimeType.objects.get(code="burglary"), CrimeType.objects.get(code="drugs")
    ConcernFactory.create_batch(2, area_command=area, category=burglary)
    ConcernFactory.create_batch(2, area_command=area, category=drugs)
    ConcernFactory(area_command=other_area, category=drugs)

    context = _trends(client, people.chief)

    assert _row(context, area).top_concern is None  # a tie
    assert _row(context, other_area).top_concern is None  # raised once
    assert context["trends"]["total"].top_concern == (drugs, 3)


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_the_month_before_the_earliest_that_opens_is_not_offered(client, people):
    earliest = _trends(client, people.chief, month="2021-01")["trends"]
    page = client.get(reverse("outreach:dashboard"), {"month": "2021-01"}).content.decode()

    assert earliest["month"].year == 2021 and earliest["previous"] is None
    assert "month=2020-12" not in page


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_the_on_time_rate_is_plans_submitted_within_ten_days_over_plans_due(client, people, area):
    # Due in November (received 22 October to 8 November): four concerns, two with a plan on time.
    on_time = ConcernFactory(area_command=area, received_on=local(2026, 10, 25).date())
    late = ConcernFactory(area_command=area, received_on=local(2026, 10, 26).date())
    ConcernFactory(area_command=area, received_on=local(2026, 11, 1).date())  # no plan: due, not on time
    last_hour = ConcernFactory(area_command=area, received_on=local(2026, 11, 2).date())
    ConcernFactory(area_command=area, received_on=local(2026, 11, 3).date(), status="no_action")  # called for none
    ConcernFactory(area_command=area, received_on=local(2026, 11, 12).date())  # due 22 November: not yet due
    ActionPlanFactory(concern=on_time, first_submitted_at=local(2026, 11, 4))
    ActionPlanFactory(concern=late, first_submitted_at=local(2026, 11, 9))
    # Submitted at 23:30 on the due day, Denver time: already the next day in UTC, still on time.
    ActionPlanFactory(concern=last_hour, first_submitted_at=local(2026, 11, 12, 23, 30))

    north = _row(_trends(client, people.chief), area)

    assert north.on_time.this_month == 50  # 2 of 4
    assert north.on_time.values[:-1] == (None,) * 5


@time_machine.travel(NOVEMBER_18_2026, tick=False)
def test_the_requests_cards_open_the_area_s_requests_answered_that_month(client, people, area):
    context = _trends(client, people.chief, month="2026-10", area=area.code)

    link = {card["key"]: card for card in context["trend_charts"]}["answered"]["link"]

    assert f"area_command={area.pk}" in link and "answered_from=2026-10-01&answered_to=2026-10-31" in link
