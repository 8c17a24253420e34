"""Panels that an app built on top adds to another app's record page, without that app knowing it.

Dependencies point one way (docs/architecture.md): a presentation's page cannot import the surveys
app, yet a forum's survey link belongs on it. An app registers a provider for a kind of record in
its ``AppConfig.ready()``; the record's view asks ``panels_for(kind, record, request)`` and the page
prints what comes back. A provider returns rendered HTML, or None when it has nothing to show.
"""

from collections import defaultdict

_PROVIDERS = defaultdict(list)


def register(kind, provider):
    if provider not in _PROVIDERS[kind]:
        _PROVIDERS[kind].append(provider)


def panels_for(kind, record, request):
    return [html for provider in _PROVIDERS[kind] if (html := provider(record, request))]
