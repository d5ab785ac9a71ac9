"""The app's models, one module per concept."""

from .base import DangvuPage, DangvuPageForm
from .dashboard import StatisticsDashboardPage
from .documents import Circulation, PartyDocument, SecrecyLevel
from .events import (
    EventKind,
    SeminarEventIndexPage,
    SeminarEventPage,
    SeminarEventPageTag,
)
from .indicators import Indicator, IndicatorValue
from .mentions import DocumentMention
from .register import DocumentRegisterPage
from .reports import (
    DirectiveReportIndexPage,
    DirectiveReportPage,
    DirectiveReportPageTag,
    ReportKind,
)

__all__ = [
    "Circulation",
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
    "PartyDocument",
    "ReportKind",
    "SecrecyLevel",
    "SeminarEventIndexPage",
    "SeminarEventPage",
    "SeminarEventPageTag",
    "StatisticsDashboardPage",
]
