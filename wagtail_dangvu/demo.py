"""Demo content for ``manage.py dangvu_demo``: one commune's year with Kết luận 21-KL/TW.

The facts and figures follow a commune portal's report (Long Bình, Gò Công Tây, 2022),
retold in our own words. Figures of the second commune (Bình Nhì) are illustrative, so
the dashboard has two communes to add up.

Every object is found by a stable key (a slug under its parent, a symbol, an indicator
code) before it is created, so a second run changes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from .models import (
    Circulation,
    DirectiveReportIndexPage,
    DirectiveReportPage,
    DocumentRegisterPage,
    Indicator,
    PartyDocument,
    SecrecyLevel,
    StatisticsDashboardPage,
)
from .rollup import Aggregation

DOCUMENTS = [
    # symbol, type name, issuer name, term, issue date, summary, implements
    (
        "05-CT/TW",
        "Chỉ thị",
        "Bộ Chính trị",
        "XII",
        datetime.date(2016, 5, 15),
        "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        [],
    ),
    (
        "05-HD/BTCTU",
        "Hướng dẫn",
        "Ban Tổ chức Tỉnh ủy Tiền Giang",
        "",
        datetime.date(2018, 11, 1),
        "Về nâng cao chất lượng sinh hoạt chi bộ.",
        [],
    ),
    (
        "01-KL/TW",
        "Kết luận",
        "Bộ Chính trị",
        "XIII",
        datetime.date(2021, 5, 18),
        "Về tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm "
        "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        ["05-CT/TW"],
    ),
    (
        "21-KL/TW",
        "Kết luận",
        "Ban Chấp hành Trung ương Đảng",
        "XIII",
        datetime.date(2021, 10, 25),
        "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, "
        "đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, "
        "lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”.",
        [],
    ),
    (
        "37-QĐ/TW",
        "Quy định",
        "Ban Chấp hành Trung ương Đảng",
        "XIII",
        datetime.date(2021, 10, 25),
        "Về những điều đảng viên không được làm.",
        [],
    ),
    (
        "44-KH/HU",
        "Kế hoạch",
        "Ban Thường vụ Huyện ủy Gò Công Tây",
        "",
        datetime.date(2022, 3, 14),
        "Thực hiện Kết luận 21-KL/TW của Ban Chấp hành Trung ương Đảng (khóa XIII).",
        ["21-KL/TW"],
    ),
    (
        "25-KH/ĐU",
        "Kế hoạch",
        "Ban Thường vụ Đảng ủy xã Long Bình",
        "",
        datetime.date(2022, 3, 18),
        "Cụ thể hóa Kế hoạch 44-KH/HU của Ban Thường vụ Huyện ủy về thực hiện Kết luận "
        "21-KL/TW trong Đảng bộ xã.",
        ["44-KH/HU"],
    ),
]

# Kept in the register for editors; the gate keeps it off every public surface.
CONFIDENTIAL_DOCUMENT = (
    "09-BC/ĐU",
    "Báo cáo",
    "Ban Thường vụ Đảng ủy xã Long Bình",
    "",
    datetime.date(2022, 11, 20),
    "Báo cáo kết quả kiểm tra, giám sát nội bộ năm 2022 (tài liệu mật, không công bố).",
    [],
)

INDICATORS = [
    # code, name, unit, aggregation
    (
        "inspections-by-committee",
        "Cuộc kiểm tra, giám sát của Đảng ủy và UBKT xã",
        "cuộc",
        Aggregation.SUM,
    ),
    ("inspections-by-cells", "Cuộc kiểm tra, giám sát của các chi bộ", "cuộc", Aggregation.SUM),
    (
        "member-development-rate",
        "Phát triển đảng viên so với chỉ tiêu",
        "%",
        Aggregation.AVERAGE,
    ),
    (
        "cells-consolidated-rate",
        "Chi bộ được củng cố, nâng chất",
        "%",
        Aggregation.AVERAGE,
    ),
    ("dan-van-kheo-models", "Mô hình dân vận khéo", "mô hình", Aggregation.SUM),
    ("seminar-contributions", "Ý kiến tham luận", "ý kiến", Aggregation.SUM),
]


@dataclass
class DemoReport:
    """What one run did: created objects by kind."""

    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def statistic(
    indicator: Indicator | None, value, *, label="", unit="", denominator=None, target=None
) -> dict:
    return {
        "indicator": indicator.pk if indicator else None,
        "label": label,
        "value": str(value),
        "unit": unit,
        "denominator": None if denominator is None else str(denominator),
        "target": None if target is None else str(target),
    }


def document_blocks(documents) -> list[dict]:
    return [{"type": "document", "value": document.pk} for document in documents]


class DemoBuilder:
    """Creates the demo content under the default site's root page, once."""

    def __init__(self, stdout_write=None):
        self.report = DemoReport()
        self.write = stdout_write or (lambda message: None)

    # Helpers -----------------------------------------------------------------------------

    @property
    def home(self) -> Page:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise RuntimeError("There is no default Wagtail site: run migrate first.")
        return site.root_page.specific

    @property
    def locale(self) -> Locale:
        return self.home.locale

    def child(self, parent: Page, page_class, slug: str, **fields):
        """The live child of ``parent`` with this slug, created and published if missing."""
        existing = page_class.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        revision = page.save_revision()
        revision.publish()
        page.refresh_from_db()
        self.report.add(f"{page_class._meta.verbose_name}: {page.title}")
        return page

    # Content ---------------------------------------------------------------------------

    def documents(self) -> dict[str, PartyDocument]:
        by_symbol = {}
        for entry in [*DOCUMENTS, CONFIDENTIAL_DOCUMENT]:
            symbol, type_name, issuer_name, term, issue_date, summary, implements = entry
            confidential = entry is CONFIDENTIAL_DOCUMENT
            document = PartyDocument.objects.filter(
                locale=self.locale, symbol=symbol, issue_date=issue_date
            ).first()
            if document is None:
                document = PartyDocument(
                    locale=self.locale,
                    symbol=symbol,
                    type_name=type_name,
                    issuer_name=issuer_name,
                    term=term,
                    issue_date=issue_date,
                    summary=summary,
                    secrecy=SecrecyLevel.SECRET if confidential else SecrecyLevel.NORMAL,
                    circulation=Circulation.INTERNAL if confidential else Circulation.PUBLIC,
                )
                document.full_clean()
                document.save()
                document.implements.set([by_symbol[other] for other in implements])
                document.save()
                self.report.add(f"document: {symbol}")
            by_symbol[symbol] = document
        return by_symbol

    def indicators(self) -> dict[str, Indicator]:
        by_code = {}
        for code, name, unit, aggregation in INDICATORS:
            indicator, created = Indicator.objects.get_or_create(
                locale=self.locale,
                code=code,
                defaults={"name": name, "unit": unit, "aggregation": aggregation.value},
            )
            if created:
                self.report.add(f"indicator: {code}")
            by_code[code] = indicator
        return by_code

    def register(self) -> DocumentRegisterPage:
        return self.child(
            self.home,
            DocumentRegisterPage,
            "van-ban",
            title="Văn bản",
            show_in_menus=True,
            intro="<p>Văn bản của Trung ương, Tỉnh ủy, Huyện ủy và Đảng ủy xã được công bố "
            "trên cổng thông tin. Tìm theo số và ký hiệu (ví dụ 21-KL/TW) hoặc theo nội dung.</p>",
        )

    def reports(self, documents, indicators) -> DirectiveReportPage:
        index = self.child(
            self.home,
            DirectiveReportIndexPage,
            "bao-cao",
            title="Báo cáo sơ kết, tổng kết",
            show_in_menus=True,
            intro="Báo cáo kết quả thực hiện các nghị quyết, chỉ thị, kết luận của Đảng.",
        )
        report = self.child(
            index,
            DirectiveReportPage,
            "long-binh-01-nam-thuc-hien-ket-luan-21",
            title="Xã Long Bình qua 01 năm thực hiện Kết luận số 21-KL/TW của Ban Chấp hành "
            "Trung ương Đảng (khóa XIII)",
            kind="interim",
            summary="Một năm sau khi Ban Chấp hành Trung ương ban hành Kết luận 21-KL/TW, Đảng "
            "bộ xã Long Bình đã quán triệt ở toàn bộ chi bộ, tăng cường kiểm tra, giám sát và "
            "vượt chỉ tiêu phát triển đảng viên.",
            period_start=datetime.date(2021, 11, 1),
            period_end=datetime.date(2022, 11, 30),
            committee="Đảng ủy xã Long Bình",
            place="Long Bình",
            author="Huỳnh Thị Diễm Trinh",
            documents=document_blocks([documents["21-KL/TW"]]),
            plans=document_blocks([documents["44-KH/HU"], documents["25-KH/ĐU"]]),
            body=self.report_body(indicators),
            findings=[{"type": "findings", "value": self.report_findings()}],
            first_published_at=timezone.make_aware(datetime.datetime(2022, 12, 3, 7, 43)),
        )
        self.child(
            index,
            DirectiveReportPage,
            "binh-nhi-01-nam-thuc-hien-ket-luan-21",
            title="Xã Bình Nhì sơ kết 01 năm thực hiện Kết luận 21-KL/TW (số liệu minh họa)",
            kind="interim",
            summary="Số liệu minh họa của một xã thứ hai, để trang thống kê cộng dồn hai xã.",
            period_start=datetime.date(2021, 11, 1),
            period_end=datetime.date(2022, 11, 30),
            committee="Đảng ủy xã Bình Nhì",
            place="Bình Nhì",
            documents=document_blocks([documents["21-KL/TW"]]),
            body=[
                paragraph(
                    "<p>Đảng ủy xã Bình Nhì triển khai Kế hoạch 44-KH/HU ở tất cả chi bộ "
                    "trực thuộc. Các số liệu dưới đây chỉ để minh họa trang thống kê.</p>"
                ),
                {
                    "type": "statistics_grid",
                    "value": {
                        "title": "Kết quả chủ yếu",
                        "statistics": [
                            statistic(indicators["inspections-by-committee"], 11),
                            statistic(indicators["inspections-by-cells"], 98),
                            statistic(indicators["member-development-rate"], 104, unit="%"),
                            statistic(indicators["cells-consolidated-rate"], 92, unit="%"),
                            statistic(indicators["dan-van-kheo-models"], 7),
                        ],
                    },
                },
            ],
            first_published_at=timezone.make_aware(datetime.datetime(2022, 12, 5, 9, 15)),
        )
        return report

    def report_body(self, indicators) -> list[dict]:
        return [
            paragraph(
                "<p>Để thực hiện Kế hoạch 44-KH/HU ngày 14/3/2022 của Ban Thường vụ Huyện ủy Gò "
                "Công Tây về Kết luận 21-KL/TW ngày 25/10/2021, Ban Thường vụ Đảng ủy xã đã ban "
                "hành Kế hoạch 25 -KH/ĐU ngày 18/3/2022 với 08 nhiệm vụ trọng tâm, rồi tổ chức "
                "quán triệt ở tất cả chi bộ, cơ quan, đơn vị bằng hình thức sinh hoạt chuyên "
                "đề.</p>"
            ),
            paragraph(
                "<p>Việc thực hiện được gắn với Nghị quyết Đại hội Đảng bộ xã lần thứ VII, với "
                "Kết luận 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện CT 05 "
                "–CT/TW, với Quy định 37 – QĐ/TW về những điều đảng viên không được làm và với "
                "các quy định về trách nhiệm nêu gương của cán bộ, đảng viên.</p>"
            ),
            {
                "type": "statistics_grid",
                "value": {
                    "title": "Kết quả sau 01 năm",
                    "statistics": [
                        statistic(indicators["inspections-by-committee"], 14),
                        statistic(indicators["inspections-by-cells"], 126),
                        statistic(indicators["dan-van-kheo-models"], 10),
                        statistic(
                            indicators["cells-consolidated-rate"],
                            100,
                            unit="%",
                            label="Chi bộ được củng cố, nâng chất",
                        ),
                    ],
                },
            },
            {
                "type": "target_progress",
                "value": {
                    "indicator": indicators["member-development-rate"].pk,
                    "label": "Phát triển đảng viên trong năm",
                    "achieved": "115",
                    "target": "100",
                    "unit": "%",
                },
            },
            {
                "type": "chart",
                "value": {
                    "kind": "column",
                    "title": "Số cuộc kiểm tra, giám sát trong năm",
                    "description": "Đảng ủy và Ủy ban Kiểm tra xã thực hiện 14 cuộc; các chi bộ "
                    "trực thuộc thực hiện 126 cuộc.",
                    "unit": "cuộc",
                    "categories": ["Đảng ủy và UBKT xã", "Các chi bộ trực thuộc"],
                    "series": [{"name": "Kiểm tra, giám sát", "values": ["14", "126"]}],
                },
            },
            paragraph(
                "<p>Sinh hoạt chi bộ được nâng chất lượng theo Hướng dẫn 05 – HD/BTCTU ngày "
                "01/11/2018 của Ban Tổ chức Tỉnh ủy. Qua một năm, vai trò lãnh đạo của cấp ủy "
                "và người đứng đầu được nâng lên, cán bộ, đảng viên gương mẫu hơn, niềm tin của "
                "nhân dân vào Đảng được củng cố.</p>"
            ),
        ]

    def report_findings(self) -> dict:
        return {
            "strengths": [
                "Kế hoạch được ban hành kịp thời và quán triệt ở 100% chi bộ.",
                "Kiểm tra, giám sát được tăng cường ở cả Đảng ủy và chi bộ.",
                "Phát triển đảng viên vượt chỉ tiêu.",
            ],
            "limitations": [
                "Một số chi bộ sinh hoạt chuyên đề còn hình thức.",
                "Việc tự phê bình ở vài nơi chưa thẳng thắn.",
            ],
            "causes": ["Một bộ phận cấp ủy viên chưa dành đủ thời gian cho công tác này."],
            "lessons": ["Người đứng đầu phải gương mẫu trước và chịu trách nhiệm đến cùng."],
            "solutions": [
                "Đổi mới nội dung sinh hoạt chi bộ theo Hướng dẫn 05-HD/BTCTU.",
                "Gắn kiểm điểm cuối năm với kế hoạch khắc phục hạn chế.",
            ],
            "recommendations": ["Huyện ủy tiếp tục mở lớp bồi dưỡng cho bí thư chi bộ."],
        }

    def dashboard(self) -> StatisticsDashboardPage:
        return self.child(
            self.home,
            StatisticsDashboardPage,
            "thong-ke",
            title="Thống kê thực hiện Kết luận 21-KL/TW",
            show_in_menus=True,
            intro="<p>Số liệu cộng dồn từ các báo cáo đã xuất bản của các xã.</p>",
        )

    def ratings(self, report: DirectiveReportPage) -> None:
        if not apps.is_installed("wagtail_dangvu.ratings"):
            return
        from .ratings.models import Rating

        if Rating.objects.for_page(report).filter(imported_count__gt=0).exists():
            return
        Rating.objects.import_counters(report, total=21, count=5)
        self.report.add("rating: 21 points from 5 votes")

    @transaction.atomic
    def build(self) -> DemoReport:
        documents = self.documents()
        indicators = self.indicators()
        self.register()
        report = self.reports(documents, indicators)
        self.dashboard()
        self.ratings(report)
        return self.report
