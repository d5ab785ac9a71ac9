"""Every model of the app, re-exported from the capability folder that declares it:
``from wagtail_dangvu.models import PartyDocument`` is the path for host portals."""

from wagtail_dangvu.articles.reading import Source, Topic
from wagtail_dangvu.articles.view_counts import ArticleView, ArticleViewCount
from wagtail_dangvu.documents.mentions import DocumentMention
from wagtail_dangvu.documents.models import Circulation, PartyDocument, SecrecyLevel
from wagtail_dangvu.documents.register import DocumentRegisterPage
from wagtail_dangvu.documents.withheld_files import WithheldFile
from wagtail_dangvu.events.models import (
    EventKind,
    SeminarEventIndexPage,
    SeminarEventPage,
    SeminarEventPageTag,
)
from wagtail_dangvu.importers.nukeviet.models import ImportedPage, ImportProblem
from wagtail_dangvu.news.models import NewsArticlePage, NewsArticlePageTag, NewsIndexPage
from wagtail_dangvu.pages.base import DangvuPage, DangvuPageForm
from wagtail_dangvu.reports.models import (
    DirectiveReportIndexPage,
    DirectiveReportPage,
    DirectiveReportPageTag,
    ReportKind,
)
from wagtail_dangvu.statistics.dashboard import StatisticsDashboardPage
from wagtail_dangvu.statistics.models import Indicator, IndicatorValue
from wagtail_dangvu.stories.models import (
    DanVanKheoField,
    DanVanKheoIndexPage,
    DanVanKheoStoryPage,
    DanVanKheoStoryPageTag,
    RecognitionLevel,
    StoryKind,
)
from wagtail_dangvu.units.models import AdministrativeUnit, AdministrativeUnitName, UnitKind

__all__ = [
    "AdministrativeUnit",
    "AdministrativeUnitName",
    "ArticleView",
    "ArticleViewCount",
    "Circulation",
    "DanVanKheoField",
    "DanVanKheoIndexPage",
    "DanVanKheoStoryPage",
    "DanVanKheoStoryPageTag",
    "DangvuPage",
    "DangvuPageForm",
    "DirectiveReportIndexPage",
    "DirectiveReportPage",
    "DirectiveReportPageTag",
    "DocumentMention",
    "DocumentRegisterPage",
    "EventKind",
    "ImportProblem",
    "ImportedPage",
    "Indicator",
    "IndicatorValue",
    "NewsArticlePage",
    "NewsArticlePageTag",
    "NewsIndexPage",
    "PartyDocument",
    "RecognitionLevel",
    "ReportKind",
    "SecrecyLevel",
    "SeminarEventIndexPage",
    "SeminarEventPage",
    "SeminarEventPageTag",
    "Source",
    "StatisticsDashboardPage",
    "StoryKind",
    "Topic",
    "UnitKind",
    "WithheldFile",
]
