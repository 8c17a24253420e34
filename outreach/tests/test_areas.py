"""An area command's page: the top concerns of the last 90 days and the programs that answer them (policy 000 §IV.D)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from outreach import clock
from outreach.models import CrimeType
from outreach.tests.factories import ConcernFactory
from programs.models import Presentation
from programs.tests.factories import PresentationFactory, ProgramFactory


def test_the_page_matches_the_top_concerns_to_programs_with_when_they_were_last_given(client, people, area, other_area):
    drugs, burglary = CrimeType.objects.get(code="drugs"), CrimeType.objects.get(code="burglary")
    ConcernFactory.create_batch(3, area_command=area, category=drugs)
    ConcernFactory(area_command=area, category=burglary)
    ConcernFactory(area_command=area, category=burglary, received_on=clock.today() - timedelta(days=120))
    ConcernFactory.create_batch(5, area_command=other_area, category=burglary)
    program = ProgramFactory(name="Drug-free neighborhoods")
    program.crime_types.set([drugs])
    given = PresentationFactory(area_command=area, program=program, starts_at=timezone.now() - timedelta(days=40))
    PresentationFactory(area_command=other_area, program=program, starts_at=timezone.now() - timedelta(days=3))
    PresentationFactory(
        area_command=area,
        program=program,
        starts_at=timezone.now() - timedelta(days=2),
        status=Presentation.Status.CANCELLED,
    )
    client.force_login(people.sergeant)

    top = client.get(reverse("outreach:area_detail", args=[area.code])).context["top"]

    assert [(item["category"], item["count"]) for item in top] == [(drugs, 3), (burglary, 1)]
    matched = top[0]["programs"]
    assert program in matched
    # The area's own last presentation, not the other area's nor the cancelled one.
    assert next(p for p in matched if p == program).last_presented == given.starts_at


def test_one_click_schedules_the_program_in_the_area(client, people, area):
    program = ProgramFactory()
    client.force_login(people.officer)

    form = client.get(
        reverse("programs:presentation_create"), {"program": program.pk, "area_command": area.pk}
    ).context["form"]

    assert (str(form["program"].value()), str(form["area_command"].value())) == (str(program.pk), str(area.pk))


def test_another_area_s_page_is_not_found_and_one_area_goes_straight_to_its_page(client, people, area, other_area):
    client.force_login(people.officer)

    assert client.get(reverse("outreach:area_detail", args=[other_area.code])).status_code == 404
    assert client.get(reverse("outreach:area_list"))["Location"] == area.get_absolute_url()


def test_the_chief_lists_every_area(client, people, area, other_area):
    client.force_login(people.chief)

    assert list(client.get(reverse("outreach:area_list")).context["areas"]) == [area, other_area]


def test_the_area_page_s_queries_do_not_grow_with_its_programs(client, people, area, django_assert_num_queries):
    drugs = CrimeType.objects.get(code="drugs")
    ConcernFactory(area_command=area, category=drugs)
    for _index in range(3):
        ProgramFactory().crime_types.set([drugs])
    client.force_login(people.sergeant)
    url = reverse("outreach:area_detail", args=[area.code])
    with django_assert_num_queries(11) as few:
        client.get(url)
    for _index in range(10):
        ProgramFactory().crime_types.set([drugs])

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
