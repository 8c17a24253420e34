"""The admin never moves a workflow around its services: state fields are read-only, records are made in the app."""

import pytest
from django.forms import MultiWidget
from django.urls import reverse

from outreach.models import ActionPlan, Concern, Referral, WatchGroup
from outreach.tests.factories import ActionPlanFactory, ConcernFactory, ReferralFactory, WatchGroupFactory
from programs.models import Presentation, PresentationRequest
from programs.tests.factories import PresentationFactory, PresentationRequestFactory


def _admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def _form_data(form):
    """What the browser would send back for an unchanged form (bound values, multi-valued as lists)."""
    data = {}
    for name, field in form.fields.items():
        value, key = form[name].value(), form.add_prefix(name)
        if value is None:
            continue
        if isinstance(field.widget, MultiWidget):  # the admin's date and time boxes
            parts = field.widget.decompress(value)
            data.update(
                {f"{key}{suffix}": part for suffix, part in zip(field.widget.widgets_names, parts, strict=True)}
            )
        else:
            data[key] = [str(v) for v in value] if isinstance(value, (list, tuple)) else value
    return data


def _unchanged_post(response):
    """The change page's whole form, inlines included, as it would be posted back untouched."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data


@pytest.mark.parametrize("role", ["chief", "designee", "records", "sysadmin"])
def test_a_submitted_report_cannot_be_approved_in_the_admin(client, people, area, role):
    report = PresentationFactory(area_command=area, author=people.officer, status=Presentation.Status.SUBMITTED)
    client.force_login(getattr(people, role))
    url = _admin_url(Presentation, "change", report.pk)
    data = _unchanged_post(client.get(url))
    data.update(status=Presentation.Status.APPROVED, reviewed_by=people.sergeant.pk, author=people.sergeant.pk)

    response = client.post(url, {**data, "place": "Library annex", "_save": "Save"})

    assert response.status_code == 302, response.context["adminform"].form.errors
    report.refresh_from_db()
    assert report.place == "Library annex"  # the rest of the record is still editable
    assert report.status == Presentation.Status.SUBMITTED
    assert (report.reviewed_by, report.author) == (None, people.officer)


@pytest.mark.parametrize(
    "model,factory,fields",
    [
        (Presentation, PresentationFactory, {"status", "author", "submitted_at", "reviewed_by", "reviewed_at"}),
        (PresentationRequest, PresentationRequestFactory, {"status", "presentation", "handled_by", "decline_reason"}),
        (WatchGroup, WatchGroupFactory, {"status", "started_by"}),
        (Referral, ReferralFactory, {"follow_up_confirmed_on", "confirmed_by", "outcome"}),
        (Concern, ConcernFactory, {"status", "assigned_to", "merged_into", "closing_reason", "created_by"}),
        (ActionPlan, ActionPlanFactory, {"status", "due_on", "first_submitted_at", "reviewed_by", "closed_at"}),
    ],
)
def test_each_workflow_s_state_is_shown_but_not_editable_in_the_admin(client, people, area, model, factory, fields):
    record = factory(area_command=area)
    client.force_login(people.sysadmin)

    response = client.get(_admin_url(model, "change", record.pk))

    assert not fields & set(response.context["adminform"].form.fields)
    assert fields <= set(response.context["adminform"].readonly_fields)


@pytest.mark.parametrize("model", [Presentation, PresentationRequest, WatchGroup, Referral, Concern, ActionPlan])
def test_workflow_records_are_neither_added_nor_deleted_in_the_admin(client, people, area, model):
    client.force_login(people.sysadmin)

    assert client.get(_admin_url(model, "add")).status_code == 403
    action_form = client.get(_admin_url(model, "changelist")).context["action_form"]
    assert action_form is None or "delete_selected" not in dict(action_form.fields["action"].choices)
