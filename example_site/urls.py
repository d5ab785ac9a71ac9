from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_dangvu.api import (
    GatedDocumentsAPIViewSet,
    PartyDocumentsAPIViewSet,
    PortalPagesAPIViewSet,
)

api_router = WagtailAPIRouter("wagtailapi")
# Wagtail's pages endpoint, reading its query string before use (no 500 on any input).
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("party-documents", PartyDocumentsAPIViewSet)
# Wagtail's documents endpoint, without the files of withheld register entries.
api_router.register_endpoint("documents", GatedDocumentsAPIViewSet)

try:  # Wagtail 8 adds the v3 API.
    from wagtail.api.v3.urls import api as api_v3

    api_v3_urls = [path("api/v3/", api_v3.urls)]
except ImportError:  # Wagtail 7
    api_v3_urls = []

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    *api_v3_urls,
    path("sitemap.xml", sitemap),
    path("dangvu/ratings/", include("wagtail_dangvu.ratings.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese pages at /, English ones at /en/.
urlpatterns += i18n_patterns(
    path("", include("wagtail_dangvu.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
