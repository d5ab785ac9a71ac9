"""The app's models, one module per concept."""

from ..units.models import AdministrativeUnit, AdministrativeUnitName, UnitKind
from .base import DangvuPage, DangvuPageForm
from .dashboard import StatisticsDashboardPage
from .documents import Circulation, PartyDocument, SecrecyLevel
from .events import (
    EventKind,
    SeminarEventIndexPage,
    SeminarEventPage,
    SeminarEventPageTag,
)
from .files import WithheldFile
from .indicators import Indicator, IndicatorValue
from .mentions import DocumentMention
from .news import NewsArticlePage, NewsArticlePageTag, NewsIndexPage
from .reading import Source, Topic
from .register import DocumentRegisterPage
from .reports import (
    DirectiveReportIndexPage,
    DirectiveReportPage,
    DirectiveReportPageTag,
    ReportKind,
)
from .stories import (
    DanVanKheoField,
    DanVanKheoIndexPage,
    DanVanKheoStoryPage,
    DanVanKheoStoryPageTag,
    RecognitionLevel,
    StoryKind,
)
from .view_counts import ArticleView, ArticleViewCount

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
