"""What surveys add to other apps' record pages (``outreach.lib.panels``): a forum's survey link and QR code."""

from django.db.models import Q
from django.template.loader import render_to_string

from outreach.lib.notifications import absolute_url
from outreach.lib.qr import qr_data_uri

from .models import Survey, SurveyLink


def _panel(request, *, area_command_id, links, create_url_name, record_pk, heading_event):
    user = request.user
    if not user.has_perm("surveys.view_survey"):
        return None
    surveys = list(
        Survey.objects.live()
        .filter(Q(area_command__isnull=True) | Q(area_command=area_command_id))
        .select_related("live_version")
    )
    if not surveys:
        return None
    by_survey = {link.survey_id: link for link in links}
    rows = []
    for survey in surveys:
        link = by_survey.get(survey.pk)
        url = absolute_url(link.get_short_url()) if link else ""
        rows.append({"survey": survey, "link": link, "url": url, "qr": qr_data_uri(url) if link else ""})
    context = {
        "rows": rows,
        "create_url_name": create_url_name,
        "record_pk": record_pk,
        "can_add": user.has_perm("surveys.add_surveylink"),
        "heading_event": heading_event,
    }
    return render_to_string("surveys/panels/event.html", context, request=request)


def presentation_panel(presentation, request):
    return _panel(
        request,
        area_command_id=presentation.area_command_id,
        links=SurveyLink.objects.filter(presentation=presentation),
        create_url_name="surveys:link_for_presentation",
        record_pk=presentation.pk,
        heading_event=True,
    )


def watch_group_panel(group, request):
    """The survey links of a watch group's meetings: the latest meeting's, for the next one to hand out."""
    meeting = group.meetings.order_by("-held_on").first()
    if meeting is None:
        return None
    return _panel(
        request,
        area_command_id=group.area_command_id,
        links=SurveyLink.objects.filter(watch_meeting=meeting),
        create_url_name="surveys:link_for_meeting",
        record_pk=meeting.pk,
        heading_event=False,
    )
