"""Demo content for ``manage.py dangvu_demo``: one commune's year with Kết luận 21-KL/TW.

The facts and figures follow a commune portal's report (Long Bình, Gò Công Tây, 2022),
retold in our own words, and so does its seminar of 02/12/2022 (the times of day, who
spoke on which topic and the wording of the conclusions are ours). Figures of the second
commune (Bình Nhì) are illustrative, so the dashboard has two communes to add up; the two
upcoming events are set a few weeks after the day the demo is built. The "dân vận khéo"
stories are illustrative too: their people, places and figures are made up in the shape
of a commune's real models.

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
    DanVanKheoField,
    DanVanKheoIndexPage,
    DanVanKheoStoryPage,
    DirectiveReportIndexPage,
    DirectiveReportPage,
    DocumentRegisterPage,
    Indicator,
    PartyDocument,
    RecognitionLevel,
    SecrecyLevel,
    SeminarEventIndexPage,
    SeminarEventPage,
    StatisticsDashboardPage,
    StoryKind,
)
from .models.events import portal_zone
from .models.stories import STANDARD_FIELDS
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
    # The results of "dân vận khéo" models. Stories do not report "dan-van-kheo-models"
    # (one each): the commune's report already counts its models, and a dashboard over
    # both would count them twice.
    (
        "dvk-households-benefiting",
        "Hộ được hưởng lợi từ mô hình dân vận khéo",
        "hộ",
        Aggregation.SUM,
    ),
    (
        "dvk-funds-mobilised",
        "Kinh phí vận động từ mô hình dân vận khéo",
        "triệu đồng",
        Aggregation.SUM,
    ),
    ("dvk-workdays", "Ngày công lao động đóng góp", "ngày công", Aggregation.SUM),
]


# The seminar's 16 contributions (ý kiến tham luận): presenter, unit, topic. The article
# lists the themes; who spoke on which is illustrative.
SEMINAR_CONTRIBUTIONS = [
    (
        "Bí thư Chi bộ",
        "Chi bộ ấp Long Hòa",
        "Xây dựng kế hoạch thực hiện Kết luận sát với tình hình của ấp",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ ấp Long Thạnh",
        "Đổi mới hình thức học tập, quán triệt và tuyên truyền Kết luận đến từng đảng viên",
    ),
    (
        "Phó Bí thư Chi bộ",
        "Chi bộ ấp Long Phú",
        "Vai trò lãnh đạo của cấp ủy chi bộ trong tổ chức thực hiện",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ Cơ quan Đảng - Đoàn thể xã",
        "Trách nhiệm nêu gương của người đứng đầu cơ quan, đơn vị",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ ấp Bình Hòa",
        "Tính tiên phong, gương mẫu của đảng viên nơi khu dân cư",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ ấp Bình Thạnh",
        "Phê bình và tự phê bình trong sinh hoạt chi bộ gắn với tu dưỡng, rèn luyện",
    ),
    (
        "Phó Bí thư Chi bộ",
        "Chi bộ ấp Long Hưng",
        "Kế hoạch sửa chữa, khắc phục hạn chế, khuyết điểm sau kiểm điểm",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ ấp Long Trung",
        "Kiểm tra, giám sát của chi bộ đối với việc thực hiện nhiệm vụ của đảng viên",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ ấp Long Thuận",
        "Giám sát việc thực hiện nghị quyết của chi bộ",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ Cơ quan Chính quyền xã",
        "Siết chặt kỷ luật, kỷ cương, đề cao trách nhiệm người đứng đầu trong thực thi công vụ",
    ),
    (
        "Chủ tịch Ủy ban Mặt trận Tổ quốc xã",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "Đổi mới nội dung, phương thức hoạt động của Mặt trận và các tổ chức chính trị - xã hội",
    ),
    (
        "Bí thư Đoàn xã",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
        "Phát huy vai trò của đoàn viên thanh niên trong xây dựng Đảng",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ Trường Trung học cơ sở",
        "Nâng cao chất lượng sinh hoạt chi bộ theo Hướng dẫn 05-HD/BTCTU",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ Trạm Y tế xã",
        "Sinh hoạt chuyên đề gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "Phó Bí thư Chi bộ",
        "Chi bộ ấp Bình Phú",
        "Tự củng cố, nâng chất sau đánh giá, xếp loại tập thể, cá nhân hằng năm",
    ),
    (
        "Bí thư Chi bộ",
        "Chi bộ Quân sự xã",
        "Gắn thực hiện Kết luận với nhiệm vụ quốc phòng, an ninh ở địa phương",
    ),
]

# The conclusions as counted in the article (08 strengths, 06 limitations, 05
# recommendations, 06 solutions); the wording is ours.
SEMINAR_CONCLUSIONS = {
    "strengths": [
        "Cấp ủy các chi bộ ban hành kế hoạch thực hiện kịp thời, đúng định hướng của Đảng ủy xã.",
        "Việc quán triệt được tổ chức ở toàn bộ chi bộ, cơ quan, đơn vị.",
        "Người đứng đầu nhiều cơ quan, đơn vị gương mẫu, nói đi đôi với làm.",
        "Sinh hoạt chuyên đề được duy trì đều đặn, nội dung thiết thực hơn.",
        "Phê bình và tự phê bình trong sinh hoạt chi bộ thẳng thắn hơn trước.",
        "Kiểm tra, giám sát được tăng cường ở cả Đảng ủy và các chi bộ.",
        "Kỷ luật, kỷ cương trong thực thi nhiệm vụ có chuyển biến rõ.",
        "Mặt trận và các đoàn thể phối hợp tốt trong tuyên truyền, vận động nhân dân.",
    ],
    "limitations": [
        "Một số kế hoạch của chi bộ còn chung chung, chưa sát tình hình ấp.",
        "Hình thức tuyên truyền ở vài nơi chưa phong phú.",
        "Tự phê bình ở một số đảng viên còn né tránh.",
        "Việc khắc phục hạn chế sau kiểm điểm có nơi còn chậm.",
        "Giám sát thường xuyên của một số chi bộ chưa đều tay.",
        "Chất lượng sinh hoạt ở vài chi bộ ấp chưa cao.",
    ],
    "solutions": [
        "Cụ thể hóa Kết luận thành việc làm hằng tháng của từng chi bộ.",
        "Đa dạng hóa hình thức tuyên truyền, kể cả trên mạng xã hội.",
        "Đề cao trách nhiệm nêu gương của người đứng đầu.",
        "Nâng chất sinh hoạt chi bộ theo Hướng dẫn 05-HD/BTCTU.",
        "Tăng cường kiểm tra, giám sát việc khắc phục hạn chế sau kiểm điểm.",
        "Phát huy vai trò giám sát của Mặt trận, các đoàn thể và nhân dân.",
    ],
    "recommendations": [
        "Huyện ủy mở thêm lớp bồi dưỡng nghiệp vụ cho bí thư chi bộ ấp.",
        "Cấp tài liệu sinh hoạt chuyên đề kịp thời cho các chi bộ.",
        "Hướng dẫn thống nhất cách đánh giá chất lượng sinh hoạt chi bộ.",
        "Quan tâm chế độ hỗ trợ cho cán bộ không chuyên trách ở ấp.",
        "Biểu dương kịp thời các chi bộ làm tốt để nhân rộng.",
    ],
    "causes": [],
    "lessons": [],
}


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


def chair(name: str, title: str, role: str = "") -> dict:
    return {"type": "chair", "value": {"name": name, "title": title, "role": role}}


def contribution(presenter: str, unit: str, topic: str) -> dict:
    return {"type": "contribution", "value": {"presenter": presenter, "unit": unit, "topic": topic}}


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

    def child(self, parent: Page, page_class, slug: str, *, tags=(), **fields):
        """The live child of ``parent`` with this slug, created and published if missing."""
        existing = page_class.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = page_class(slug=slug, **fields)
        if tags:
            page.tags.add(*tags)
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

    def story_fields(self) -> dict[str, DanVanKheoField]:
        """The four standard fields; migration 0002 made them unless it found no locale."""
        by_slug = {}
        for slug, name, sort_order in STANDARD_FIELDS:
            found, created = DanVanKheoField.objects.get_or_create(
                locale=self.locale, slug=slug, defaults={"name": name, "sort_order": sort_order}
            )
            if created:
                self.report.add(f"dân vận khéo field: {name}")
            by_slug[slug] = found
        return by_slug

    def stories(self, documents, indicators) -> DanVanKheoIndexPage:
        fields = self.story_fields()
        index = self.child(
            self.home,
            DanVanKheoIndexPage,
            "dan-van-kheo",
            title="Mô hình dân vận khéo",
            show_in_menus=True,
            intro="<p>Các mô hình, điển hình “dân vận khéo” do các chi bộ, đoàn thể và "
            "người dân xã Long Bình đăng ký, thực hiện và được công nhận hằng năm.</p>",
        )
        for slug, story in self.story_contents(documents, indicators).items():
            field_slug = story.pop("field")
            tags = story.pop("tags")
            page = self.child(index, DanVanKheoStoryPage, slug, field=fields[field_slug], **story)
            if tags and not page.tags.exists():
                page.tags.add(*tags)
                page.save_revision().publish()
        return index

    def story_contents(self, documents, indicators) -> dict[str, dict]:
        households = indicators["dvk-households-benefiting"]
        funds = indicators["dvk-funds-mobilised"]
        workdays = indicators["dvk-workdays"]

        def figures(title, *items):
            return [{"type": "statistics_grid", "value": {"title": title, "statistics": items}}]

        def published(year, month, day, hour=8):
            return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))

        return {
            "tuyen-duong-hoa-nong-thon-moi-ap-long-hoa": {
                "title": "Tuyến đường hoa nông thôn mới ở ấp Long Hòa",
                "model_name": "Tuyến đường hoa nông thôn mới",
                "field": "van-hoa-xa-hoi",
                "kind": StoryKind.COLLECTIVE,
                "summary": "Từ một con đường cỏ mọc lấn lối đi, chị em phụ nữ ấp Long Hòa "
                "vận động từng hộ nhận chăm sóc đoạn đường trước nhà, biến 2,5 km đường "
                "liên ấp thành tuyến đường hoa sáng – xanh – sạch – đẹp.",
                "unit": "Chi hội Phụ nữ ấp Long Hòa",
                "person_name": "Nguyễn Thị Thu Hà",
                "person_title": "Chi hội trưởng Chi hội Phụ nữ ấp Long Hòa",
                "partners": "Ban Nhân dân ấp Long Hòa, Chi đoàn ấp, Chi hội Nông dân và "
                "các hộ dân hai bên tuyến đường.",
                "place": "ấp Long Hòa",
                "start_date": datetime.date(2022, 3, 1),
                "registration_year": 2022,
                "problem": "<p>Tuyến đường liên ấp dài 2,5 km cỏ dại mọc lấn lề, rác thải "
                "vứt bừa ven mương, ban đêm không có đèn. Tiêu chí môi trường là tiêu chí "
                "khó nhất của ấp trên đường xây dựng nông thôn mới nâng cao.</p>",
                "method": "<p>Chi hội chia tuyến đường thành từng đoạn, mỗi tổ phụ nữ nhận "
                "một đoạn; mỗi hộ nhận phần đường trước nhà. Hội viên góp cây giống, Chi "
                "đoàn góp ngày công đào đất, trồng hoa; cuối tháng cả ấp cùng ra quân dọn "
                "vệ sinh. Ban Nhân dân ấp công khai mọi khoản đóng góp tại buổi họp "
                "dân.</p>",
                "results": "<p>Sau một năm, cả tuyến đường có hoa hai bên, 100% hộ dân ký "
                "cam kết giữ gìn vệ sinh và phân loại rác tại nhà.</p>",
                "results_figures": figures(
                    "Kết quả năm 2022",
                    statistic(None, "2.5", label="Đường hoa được trồng và chăm sóc", unit="km"),
                    statistic(households, 126),
                    statistic(workdays, 850),
                    statistic(funds, 45),
                    statistic(None, 42, label="Cột đèn chiếu sáng được lắp", unit="cột"),
                ),
                "effect": "<p>Người dân tự giác giữ đường sạch, không còn cảnh vứt rác "
                "xuống mương; tình làng nghĩa xóm gắn bó hơn. Tuyến đường góp phần để ấp "
                "đạt tiêu chí môi trường của ấp nông thôn mới kiểu mẫu.</p>",
                "replicable": True,
                "replication": "Năm 2023 được nhân rộng ra ấp Long Thạnh và ấp Long Hưng.",
                "recognition_level": RecognitionLevel.DISTRICT,
                "recognition_year": 2022,
                "recognition_form": "Giấy khen của UBND huyện Gò Công Tây",
                "tags": ["nông thôn mới", "phụ nữ"],
                "first_published_at": published(2022, 12, 20),
            },
            "to-tu-quan-an-ninh-trat-tu-ap-long-thanh": {
                "title": "Tổ tự quản an ninh trật tự ấp Long Thạnh",
                "model_name": "Tổ tự quản an ninh trật tự",
                "field": "quoc-phong-an-ninh",
                "kind": StoryKind.COLLECTIVE,
                "summary": "Mười hai tổ tự quản, mỗi tổ 20 hộ, thay nhau tuần tra ban đêm "
                "và hòa giải ngay tại xóm: ấp Long Thạnh cả năm không để xảy ra trộm cắp "
                "tài sản lớn.",
                "unit": "Ban Nhân dân ấp Long Thạnh",
                "person_name": "Trần Văn Bảy",
                "person_title": "Trưởng ấp Long Thạnh",
                "partners": "Công an xã Long Bình, Ban Chỉ huy Quân sự xã, Chi hội Cựu "
                "chiến binh ấp.",
                "place": "ấp Long Thạnh",
                "start_date": datetime.date(2023, 1, 15),
                "registration_year": 2023,
                "problem": "<p>Ấp nằm ven tuyến tỉnh lộ, nhiều hộ đi làm ăn xa, nhà vắng "
                "người; năm 2022 xảy ra nhiều vụ trộm gà vịt, máy bơm nước.</p>",
                "method": "<p>Mỗi tổ tự quản gồm khoảng 20 hộ liền kề, có tổ trưởng là đảng "
                "viên hoặc cựu chiến binh. Các tổ lập nhóm liên lạc, thay phiên tuần tra "
                "ban đêm cùng Công an xã, báo ngay người lạ và vụ việc; mâu thuẫn trong xóm "
                "được hòa giải ngay tại tổ.</p>",
                "results_figures": figures(
                    "Kết quả năm 2023",
                    statistic(None, 12, label="Tổ tự quản được thành lập", unit="tổ"),
                    statistic(households, 240),
                    statistic(workdays, 1150),
                    statistic(None, 14, label="Vụ việc hòa giải thành", unit="vụ"),
                ),
                "effect": "<p>Trộm cắp giảm rõ rệt, người dân yên tâm đi làm ăn xa; quan "
                "hệ giữa Công an xã và người dân gần gũi hơn.</p>",
                "replicable": True,
                "replication": "Có thể áp dụng ở các ấp ven tỉnh lộ của xã.",
                "recognition_level": RecognitionLevel.COMMUNE,
                "recognition_year": 2023,
                "recognition_form": "Giấy khen của UBND xã Long Bình",
                "tags": ["an ninh trật tự"],
                "first_published_at": published(2023, 12, 18),
            },
            "nuoi-de-sinh-san-giup-ho-ngheo": {
                "title": "Mô hình nuôi dê sinh sản giúp hộ nghèo",
                "model_name": "Nuôi dê sinh sản giúp hộ nghèo",
                "field": "kinh-te",
                "kind": StoryKind.INDIVIDUAL,
                "summary": "Ông Lê Văn Tám cho hộ nghèo mượn dê giống, hướng dẫn cách nuôi "
                "và nhận lại dê con để tiếp tục trao cho hộ khác: 18 hộ được giúp, 9 hộ "
                "đã thoát nghèo.",
                "unit": "Hội Nông dân xã Long Bình",
                "person_name": "Lê Văn Tám",
                "person_title": "Hội viên Chi hội Nông dân ấp Long Hưng",
                "partners": "Ngân hàng Chính sách xã hội huyện (vốn vay ưu đãi), Ban Nhân "
                "dân ấp Long Hưng.",
                "place": "ấp Long Hưng",
                "start_date": datetime.date(2021, 6, 1),
                "registration_year": 2023,
                "problem": "<p>Nhiều hộ nghèo, cận nghèo không có đất sản xuất, thiếu vốn "
                "và kinh nghiệm chăn nuôi.</p>",
                "method": "<p>Ông Tám giao mỗi hộ một cặp dê giống, hướng dẫn làm chuồng "
                "và trồng cỏ; sau lứa đầu, hộ nhận giống trả lại một cặp dê con để trao "
                "cho hộ kế tiếp. Hội Nông dân xã theo dõi và giúp hộ vay vốn ưu đãi.</p>",
                "results_figures": figures(
                    "Kết quả đến cuối năm 2023",
                    statistic(households, 18, label="Hộ nghèo, cận nghèo được giúp"),
                    statistic(None, 54, label="Dê giống được trao", unit="con"),
                    statistic(None, 9, label="Hộ thoát nghèo", unit="hộ", denominator=18),
                    statistic(funds, 120, label="Vốn vay ưu đãi được giải ngân"),
                ),
                "effect": "<p>Hộ nghèo có sinh kế ổn định, tự tin vươn lên; mô hình lan tỏa "
                "tinh thần tương thân tương ái trong hội viên nông dân.</p>",
                "replicable": True,
                "replication": "Hội Nông dân huyện đề nghị nhân rộng ở các xã của huyện.",
                "recognition_level": RecognitionLevel.DISTRICT,
                "recognition_year": 2024,
                "recognition_form": "Giấy khen của UBND huyện Gò Công Tây",
                "tags": ["giảm nghèo", "nông dân"],
                "first_published_at": published(2024, 1, 10),
            },
            "chi-bo-ap-long-phu-ba-khong": {
                "title": "Chi bộ ấp Long Phú “ba không”",
                "model_name": "Chi bộ “ba không”",
                "field": "xay-dung-he-thong-chinh-tri",
                "kind": StoryKind.COLLECTIVE,
                "summary": "Không đảng viên vi phạm, không đơn thư vượt cấp, không tệ nạn xã "
                "hội: Chi bộ ấp Long Phú đăng ký mô hình “ba không” và đổi mới sinh hoạt "
                "chi bộ để giữ lời hứa.",
                "unit": "Chi bộ ấp Long Phú",
                "person_name": "Phạm Văn Năm",
                "person_title": "Bí thư Chi bộ ấp Long Phú",
                "partners": "Ban Nhân dân ấp, Ban Công tác Mặt trận và các đoàn thể ấp.",
                "place": "ấp Long Phú",
                "start_date": datetime.date(2024, 1, 5),
                "registration_year": 2024,
                "problem": "<p>Sinh hoạt chi bộ có lúc còn hình thức; vài vụ tranh chấp đất "
                "đai kéo dài khiến người dân gửi đơn lên huyện.</p>",
                "method": "<p>Chi bộ đổi mới sinh hoạt theo Hướng dẫn 05-HD/BTCTU, phân công "
                "mỗi đảng viên phụ trách 10 hộ, nắm tình hình và hòa giải từ sớm; mỗi quý "
                "chi bộ sinh hoạt chuyên đề về một vụ việc của ấp.</p>",
                "results_figures": figures(
                    "Kết quả năm 2024",
                    statistic(
                        None,
                        42,
                        label="Đảng viên hoàn thành tốt nhiệm vụ",
                        unit="đảng viên",
                        denominator=42,
                    ),
                    statistic(None, 0, label="Đơn thư vượt cấp", unit="đơn"),
                    statistic(households, 420, label="Hộ được đảng viên phụ trách"),
                ),
                "effect": "<p>Niềm tin của người dân vào chi bộ được củng cố; các vụ việc "
                "được giải quyết ngay tại ấp.</p>",
                "replicable": True,
                "documents": document_blocks([documents["05-HD/BTCTU"]]),
                "tags": ["chi bộ", "xây dựng Đảng"],
                "first_published_at": published(2024, 12, 27),
            },
        }

    def events(self, documents, indicators) -> SeminarEventPage:
        index = self.child(
            self.home,
            SeminarEventIndexPage,
            "su-kien",
            title="Sự kiện",
            show_in_menus=True,
            intro="Tọa đàm, hội nghị, hội thảo của Đảng bộ xã. Theo dõi lịch sự kiện để "
            "biết trước các hội nghị sắp diễn ra.",
        )
        seminar = self.child(
            index,
            SeminarEventPage,
            "toa-dam-giai-phap-thuc-hien-ket-luan-21",
            title="Tọa đàm giải pháp thực hiện Kết luận 21-KL/TW trong chi bộ, cơ quan, đơn vị",
            kind="seminar",
            summary="Nhân dịp kỷ niệm Ngày thành lập Quân đội nhân dân Việt Nam, Đảng ủy xã "
            "Long Bình tổ chức tọa đàm bàn giải pháp đưa Kết luận 21-KL/TW vào từng chi bộ, "
            "cơ quan, đơn vị. Buổi tọa đàm nghe 16 ý kiến tham luận và thống nhất 06 giải pháp.",
            # The article gives the day; the times are illustrative.
            start_date=datetime.date(2022, 12, 2),
            start_time=datetime.time(7, 30),
            end_time=datetime.time(11, 0),
            place="Hội trường Đảng ủy xã Long Bình",
            address="xã Long Bình, huyện Gò Công Tây, tỉnh Tiền Giang",
            organiser="Đảng ủy xã Long Bình",
            occasion="Kỷ niệm 78 năm Ngày thành lập Quân đội nhân dân Việt Nam "
            "(22/12/1944 – 22/12/2022)",
            chairs=[
                chair(
                    "Nguyễn Thị Kim Ngọc",
                    "Huyện ủy viên, Bí thư Đảng ủy xã",
                    "Phát biểu tổng kết buổi tọa đàm",
                ),
                chair(
                    "Đặng Hoàng Thọ",
                    "Phó Bí thư Thường trực Đảng ủy xã",
                    "Trình bày báo cáo đề dẫn, gợi ý nội dung thảo luận",
                ),
            ],
            participants="Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã; Trưởng, Phó các ban, "
            "ngành, đoàn thể xã; Bí thư, Phó Bí thư các chi bộ trực thuộc Đảng bộ xã.",
            documents=document_blocks(
                [documents["21-KL/TW"], documents["44-KH/HU"], documents["25-KH/ĐU"]]
            ),
            body=[
                paragraph(
                    "<p>Mở đầu buổi tọa đàm, đồng chí Phó Bí thư Thường trực Đảng ủy xã trình bày "
                    "báo cáo đề dẫn, điểm lại một năm thực hiện Kế hoạch 25-KH/ĐU và gợi ý những "
                    "vấn đề cần trao đổi.</p>"
                ),
                paragraph(
                    "<p>Các ý kiến tham luận tập trung vào vai trò của cấp ủy và người đứng đầu, "
                    "chất lượng sinh hoạt chi bộ, phê bình và tự phê bình, kiểm tra, giám sát và "
                    "kỷ luật, kỷ cương. Kết thúc buổi tọa đàm, đồng chí Bí thư Đảng ủy xã tổng hợp "
                    "các ý kiến thành những kết luận dưới đây.</p>"
                ),
            ],
            contributions=[contribution(*item) for item in SEMINAR_CONTRIBUTIONS],
            conclusions=[{"type": "findings", "value": SEMINAR_CONCLUSIONS}],
            statistics=[
                {
                    "type": "statistic",
                    "value": statistic(
                        indicators["seminar-contributions"], 16, label="Ý kiến tham luận"
                    ),
                }
            ],
            tags=["Kết luận 21-KL/TW", "xây dựng Đảng"],
            first_published_at=timezone.make_aware(datetime.datetime(2022, 12, 2, 16, 5)),
        )
        # Two events ahead of whenever the demo is built (found by slug on a later run).
        today = timezone.localtime(timezone.now(), portal_zone()).date()
        self.child(
            index,
            SeminarEventPage,
            "hoi-nghi-quan-triet-van-ban-moi",
            title="Hội nghị quán triệt, triển khai các văn bản mới của Trung ương và Tỉnh ủy",
            kind="dissemination",
            summary="Ban Thường vụ Đảng ủy xã tổ chức hội nghị quán triệt các văn bản mới cho "
            "toàn thể cán bộ, đảng viên trong Đảng bộ (sự kiện minh họa).",
            start_date=today + datetime.timedelta(days=10),
            start_time=datetime.time(14, 0),
            end_time=datetime.time(16, 30),
            place="Hội trường Đảng ủy xã Long Bình",
            address="xã Long Bình, huyện Gò Công Tây, tỉnh Tiền Giang",
            organiser="Ban Thường vụ Đảng ủy xã Long Bình",
            participants="Cán bộ, đảng viên của các chi bộ trực thuộc Đảng bộ xã.",
            delegates=180,
            documents=document_blocks([documents["37-QĐ/TW"]]),
            tags=["quán triệt"],
        )
        self.child(
            index,
            SeminarEventPage,
            "hoi-thao-nang-cao-chat-luong-sinh-hoat-chi-bo",
            title="Hội thảo nâng cao chất lượng sinh hoạt chi bộ",
            kind="workshop",
            summary="Hai ngày trao đổi kinh nghiệm sinh hoạt chi bộ giữa các chi bộ ấp, cơ "
            "quan, trường học (sự kiện minh họa).",
            start_date=today + datetime.timedelta(days=21),
            end_date=today + datetime.timedelta(days=22),
            all_day=True,
            place="Trung tâm Văn hóa - Học tập cộng đồng xã Long Bình",
            address="xã Long Bình, huyện Gò Công Tây, tỉnh Tiền Giang",
            organiser="Đảng ủy xã Long Bình",
            participants="Bí thư, Phó Bí thư các chi bộ trực thuộc; cấp ủy viên phụ trách "
            "công tác tổ chức.",
            delegates=45,
            documents=document_blocks([documents["05-HD/BTCTU"]]),
            tags=["xây dựng Đảng", "sinh hoạt chi bộ"],
        )
        return seminar

    def dashboard(self) -> StatisticsDashboardPage:
        return self.child(
            self.home,
            StatisticsDashboardPage,
            "thong-ke",
            title="Thống kê thực hiện Kết luận 21-KL/TW",
            show_in_menus=True,
            intro="<p>Số liệu cộng dồn từ các báo cáo đã xuất bản của các xã.</p>",
        )

    def english(self, pages) -> None:
        """English versions through wagtail-localize, as a provincial portal publishes."""
        english = Locale.objects.filter(language_code="en").first()
        if english is None or not apps.is_installed("wagtail_localize"):
            return
        from .demo_english import ENGLISH
        from .translation import translate

        for page in pages:
            if page.has_translation(english):
                continue
            translated = translate(page, english, lambda text: ENGLISH.get(text, text))
            self.report.add(f"English translation: {translated.title}")

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
        register = self.register()
        report = self.reports(documents, indicators)
        stories = self.stories(documents, indicators)
        seminar = self.events(documents, indicators)
        self.dashboard()
        self.ratings(report)
        story = DanVanKheoStoryPage.objects.child_of(stories).order_by("path").first()
        self.english([register, report, seminar, story])
        return self.report
