"""The project's URLs: infrastructure and accounts here, each app's pages under its own namespace.

Every page is named ``<namespace>:<entity>_<action>`` (``outreach:watch_detail``,
``programs:presentation_submit``). The accounts pages keep the names Django's
auth views reverse themselves (``login``, ``password_change_done``).
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from .lib import health
from .views import account, department

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("healthz/live", health.healthz_live, name="healthz_live"),
    # First: the public survey is the busiest page, and a URL is matched against the routes in order.
    path("", include("surveys.urls")),
    path("favicon.ico", department.favicon),
    path("accounts/login/", account.ThrottledLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("", include("outreach.app_urls")),
    path("", include("programs.urls")),
    path("", include("reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
