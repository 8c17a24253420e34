"""Every model of the project has a factory, and each factory makes a record its model accepts."""

import inspect

import pytest
from django.apps import apps
from factory.django import DjangoModelFactory

from outreach.tests import factories as outreach_factories
from programs.tests import factories as programs_factories
from reports.tests import factories as reports_factories
from surveys.tests import factories as surveys_factories

PROJECT_APPS = ("outreach", "programs", "surveys", "reports")
FACTORY_MODULES = (outreach_factories, programs_factories, surveys_factories, reports_factories)


def _factories():
    return [
        factory
        for module in FACTORY_MODULES
        for _name, factory in inspect.getmembers(module, inspect.isclass)
        if issubclass(factory, DjangoModelFactory) and factory.__module__ == module.__name__
    ]


def _project_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and not model.__name__.startswith("Historical")
    ]


def test_every_model_has_a_factory():
    covered = {factory._meta.model for factory in _factories()}

    assert [model.__name__ for model in _project_models() if model not in covered] == []


@pytest.mark.parametrize("factory", _factories(), ids=lambda factory: factory.__name__)
def test_each_factory_makes_a_valid_record(factory, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    record = factory()

    record.full_clean()
    assert type(record).objects.filter(pk=record.pk).exists()
