"""The example portal's URLs plus Wagtail's API v2 pages endpoint, for API tests."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from example_site.urls import urlpatterns as site_urlpatterns

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", api_router.urls), *site_urlpatterns]
