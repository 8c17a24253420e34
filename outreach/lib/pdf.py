"""PDFs drawn by WeasyPrint from Django templates: handouts, paper forms, reports.

A PDF template carries its own ``<style>`` (it is never served as a page, so the page's content
security policy does not apply) and loads no file from outside: images are given as data URIs.
"""

import base64
import mimetypes

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from outreach import clock

# Only data: URIs (an inlined logo or QR code): a PDF never reaches the network or the disk.
_DATA_ONLY = URLFetcher(allowed_protocols=["data"])


def render_pdf(template, context, request=None):
    """``template`` as PDF bytes; the context gets the department and its logo (``logo``, a data URI)."""
    department = clock.department()
    context = {"department": department, "logo": logo_data_uri(department), **context}
    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=_DATA_ONLY).write_pdf()


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
