"""QR codes drawn on the server (segno): an inline SVG data URI for pages and PDFs alike."""

import segno


def qr_data_uri(url, *, scale=4):
    return segno.make(url, error="m").svg_data_uri(scale=scale, border=2)
