"""PDFs drawn by WeasyPrint from Django templates: handouts, paper forms, reports.

A PDF template carries its own ``<style>`` (it is never served as a page, so the page's content
security policy does not apply). WeasyPrint fetches through ``PdfFetcher`` alone: the app's own
static files (under ``PDF_ORIGIN``, a name that resolves nowhere) and ``data:`` URIs up to
``DATA_URI_LIMIT`` (the department's logo and QR codes are inlined). Anything else a template or a
user's text might name — ``http:``, ``file:``, another host — is refused before any connection.
"""

import base64
import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from outreach import clock

logger = logging.getLogger(__name__)

# The base URL PDF templates are drawn under: "/static/…" resolves to the app's static files.
PDF_ORIGIN = "https://pdf.invalid"
DATA_URI_LIMIT = 2 * 1024 * 1024


class PdfFetcher(URLFetcher):
    """Serve the app's static files and small data URIs; refuse every other address, and note it."""

    def __init__(self, **kwargs):
        super().__init__(allowed_protocols=["data", "https"], allow_redirects=False, **kwargs)
        self.refused = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            if len(url) > DATA_URI_LIMIT:
                return self._refuse(url, "data URI over the size limit")
            return super().fetch(url, headers)
        parts = urlsplit(url)
        prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if f"{parts.scheme}://{parts.netloc}" == PDF_ORIGIN and parts.path.startswith(prefix):
            found = _static_file(unquote(parts.path.removeprefix(prefix)))
            if found:
                with open(found, "rb") as file:
                    body = file.read()
                kind = mimetypes.guess_type(found)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": kind})
        return self._refuse(url, "not one of the app's static files")

    def _refuse(self, url, why):
        self.refused.append(url)
        logger.warning("A PDF asked for %s, refused: %s", url[:200], why)
        raise ValueError(f"Refused: {why}")


def _static_file(name):
    """The file of the app's static ``name``: its source, or its collected copy (a hashed manifest name)."""
    if ".." in name.split("/") or name.startswith("/"):
        return None
    found = finders.find(name)
    if found:
        return found
    collected = Path(settings.STATIC_ROOT) / name
    return str(collected) if collected.is_file() else None


def render_pdf(template, context, request=None):
    """``template`` as PDF bytes; the context gets the department and its logo (``logo``, a data URI)."""
    return document(template, context, request=request).write_pdf()


def document(template, context, request=None, fetcher=None):
    """``template`` laid out as a WeasyPrint document (its pages counted before it is written)."""
    department = clock.department()
    context = {"department": department, "logo": logo_data_uri(department), **context}
    return draw(render_to_string(template, context, request=request), fetcher=fetcher)


def draw(html, fetcher=None):
    """Lay ``html`` out as a WeasyPrint document, fetching through ``PdfFetcher`` only."""
    return HTML(string=html, base_url=PDF_ORIGIN + "/", url_fetcher=fetcher or PdfFetcher()).render()


def logo_data_uri(department):
    if not department.logo:
        return ""
    try:
        with department.logo.open("rb") as logo:
            data = logo.read()
    except OSError:
        return ""
    kind = mimetypes.guess_type(department.logo.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def pdf_response(content, filename, *, inline=True):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
