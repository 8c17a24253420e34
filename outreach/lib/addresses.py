"""The client's address, the one way: for the public forms' rate limit, the login lockout and the audit log.

Behind ``DJANGO_PROXY_COUNT`` trusted reverse proxies, each appends the address it received the
request from to ``X-Forwarded-For``; the client is the entry that many places from the right (what
the outermost trusted proxy saw). Anything further left was written by the client and is not
trusted. With no proxy (the default) the address is the connection's.
"""

from django.conf import settings


def client_address(request):
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
