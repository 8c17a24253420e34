"""Files attached to a presentation report: which kinds, how large, where they are stored."""

import uuid

from django.utils import timezone

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = {
    # extension: (content type, leading bytes)
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}


def attachment_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"presentations/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def sniff(upload):
    """The checked content type of an upload, or the reason it is refused (extension, size, first bytes)."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ATTACHMENT_TYPES:
        return None, "type"
    if upload.size > ATTACHMENT_MAX_BYTES:
        return None, "size"
    content_type, signatures = ATTACHMENT_TYPES[extension]
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(signatures):
        return None, "content"
    return content_type, extension
