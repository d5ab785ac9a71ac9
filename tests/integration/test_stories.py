"""Dân vận khéo stories: the fields snippet, the story page, the faceted index, the gate."""

import datetime
import importlib
import json
import re
from decimal import Decimal

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.factories import (
    make_document,
    make_indicator,
    make_register,
    make_story,
    make_story_index,
    statistic,
    story_field,
    story_form_data,
)
from tests.queries import count_queries
from wagtail_dangvu.demo.builder import DemoBuilder
from wagtail_dangvu.models import (
    DanVanKheoField,
    DanVanKheoStoryPage,
    DocumentMention,
    IndicatorValue,
    RecognitionLevel,
    SecrecyLevel,
    StoryKind,
)
from wagtail_dangvu.stories.models import STANDARD_FIELDS

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert("x")</script> & <b>"\''
JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def index(home):
    return make_story_index(home)


def articles_json_ld(html):
    """The schema.org Article objects of a page, parsed."""
    found = [json.loads(script) for script in JSON_LD_RE.findall(html)]
    return [data for data in found if data.get("@type") == "Article"]


def facet_counts(response, name):
    """{value: count} of a facet, as the index computed it."""
    return {value.value: value.count for value in response.context["facets"][name].values}


def listed_titles(response):
    return [story.title for story in response.context["items"]]


# The fields snippet and its data migration ------------------------------------------------


class TestFields:
    def test_migrate_creates_the_four_standard_fields_in_the_default_locale(self):
        fields = DanVanKheoField.objects.filter(locale=Locale.get_default())
        assert [(f.slug, f.name) for f in fields] == [(s, n) for s, n, _o in STANDARD_FIELDS]

    def migration(self):
        return importlib.import_module("wagtail_dangvu.migrations.0002_standard_fields")

    def test_the_data_migration_is_idempotent(self):
        from django.apps import apps

        DanVanKheoField.objects.filter(slug="kinh-te").delete()
        self.migration().create_standard_fields(apps, None)
        self.migration().create_standard_fields(apps, None)
        assert DanVanKheoField.objects.filter(locale=Locale.get_default()).count() == 4

    def test_without_a_locale_the_migration_does_nothing_and_the_demo_makes_the_fields(self):
        from django.apps import apps

        # A database where no locale exists yet when the migration runs.
        Page.objects.all().delete()
        DanVanKheoField.objects.all().delete()
        Locale.objects.all().delete()
        self.migration().create_standard_fields(apps, None)
        assert not DanVanKheoField.objects.exists()

        # Later the portal gets its locale (wagtailcore makes it from LANGUAGE_CODE)...
        locale = Locale.objects.create(language_code="vi")
        self.migration().create_standard_fields(apps, None)
        assert DanVanKheoField.objects.filter(locale=locale).count() == 4

    def test_the_demo_creates_missing_fields_once(self, home):
        DanVanKheoField.objects.all().delete()
        DemoBuilder().build()
        assert DanVanKheoField.objects.filter(locale=home.locale).count() == 4
        second = DemoBuilder().build()
        assert DanVanKheoField.objects.filter(locale=home.locale).count() == 4
        assert not [line for line in second.created if "field" in line]

    def test_a_slug_is_made_from_the_name_and_is_unique_per_locale(self):
        field = DanVanKheoField(name="Môi trường – Đô thị")
        field.full_clean()
        assert field.slug == "moi-truong-do-thi"
        field.save()
        duplicate = DanVanKheoField(name="Khác", slug="moi-truong-do-thi")
        with pytest.raises(ValidationError) as error:
            duplicate.full_clean()
        assert "slug" in error.value.message_dict

    def test_a_field_in_use_cannot_be_deleted(self, admin_client, index):
        from django.db.models import ProtectedError

        make_story(index, field="kinh-te")
        field = story_field("kinh-te")
        with pytest.raises(ProtectedError):
            field.delete()
        url = reverse("wagtailsnippets_wagtail_dangvu_danvankheofield:delete", args=[field.pk])
        assert admin_client.post(url).status_code == 302
        assert DanVanKheoField.objects.filter(pk=field.pk).exists()

    def test_a_field_added_in_the_admin_shows_up_as_a_facet(self, admin_client, client, index):
        make_story(index, field="kinh-te", title="Nuôi dê")
        url = reverse("wagtailsnippets_wagtail_dangvu_danvankheofield:add")
        response = admin_client.post(url, {"name": "Môi trường", "slug": "", "sort_order": 50})
        assert response.status_code == 302, response.context["form"].errors
        field = DanVanKheoField.objects.get(slug="moi-truong")

        response = client.get(index.url)
        assert facet_counts(response, "field")["moi-truong"] == 0
        html = response.content.decode()
        assert "Môi trường" in html

        make_story(index, field=field, title="Ấp sạch")
        response = client.get(index.url, {"field": "moi-truong"})
        assert response.status_code == 200
        assert listed_titles(response) == ["Ấp sạch"]
        assert facet_counts(response, "field") == {
            "kinh-te": 1,
            "van-hoa-xa-hoi": 0,
            "quoc-phong-an-ninh": 0,
            "xay-dung-he-thong-chinh-tri": 0,
            "moi-truong": 1,
        }


# The story page ------------------------------------------------------------------------------


def full_story(index, **overrides):
    households = make_indicator(
        "dvk-households-benefiting", name="Hộ được hưởng lợi", unit="hộ", aggregation="sum"
    )
    fields = {
        "title": "Tuyến đường hoa nông thôn mới ở ấp Long Hòa",
        "model_name": "Tuyến đường hoa nông thôn mới",
        "field": "van-hoa-xa-hoi",
        "kind": StoryKind.COLLECTIVE,
        "summary": "Chị em phụ nữ biến 2,5 km đường liên ấp thành tuyến đường hoa.",
        "unit": "Chi hội Phụ nữ ấp Long Hòa",
        "person_name": "Nguyễn Thị Thu Hà",
        "person_title": "Chi hội trưởng",
        "partners": "Ban Nhân dân ấp, Chi đoàn ấp",
        "place": "ấp Long Hòa",
        "start_date": datetime.date(2022, 3, 1),
        "registration_year": 2022,
        "problem": "<p>Cỏ dại mọc lấn lề đường.</p>",
        "method": "<p>Mỗi hộ nhận chăm sóc đoạn đường trước nhà, theo Kết luận 21-KL/TW.</p>",
        "results": "<p>Cả tuyến đường có hoa hai bên.</p>",
        "results_figures": [
            statistic(households, 126),
            statistic(None, "2.5", label="Đường hoa", unit="km"),
        ],
        "effect": "<p>Người dân tự giác giữ đường sạch.</p>",
        "replicable": True,
        "replication": "Nhân rộng ra ấp Long Thạnh.",
        "recognition_level": RecognitionLevel.DISTRICT,
        "recognition_year": 2022,
        "recognition_form": "Giấy khen của UBND huyện Gò Công Tây",
        "tags": ["nông thôn mới", "phụ nữ"],
    }
    fields.update(overrides)
    return make_story(index, **fields)


class TestStoryPage:
    def test_renders_every_part_the_dateline_figures_and_the_rating_below(self, client, index):
        story = full_story(index)
        html = client.get(story.url).content.decode()
        for text in (
            "Tuyến đường hoa nông thôn mới",
            "Văn hóa – xã hội",
            "Chi hội Phụ nữ ấp Long Hòa",
            "Nguyễn Thị Thu Hà, Chi hội trưởng",
            "Ban Nhân dân ấp, Chi đoàn ấp",
            "ấp Long Hòa",
            'datetime="2022-03-01"',
            "Cỏ dại mọc lấn lề đường.",
            "Mỗi hộ nhận chăm sóc",
            "Cả tuyến đường có hoa hai bên.",
            "Người dân tự giác giữ đường sạch.",
            "Nhân rộng ra ấp Long Thạnh.",
            "Giấy khen của UBND huyện Gò Công Tây",
            'rel="tag">nông thôn mới</a>',
        ):
            assert text in html, text
        assert 'class="dangvu-dateline"' in html
        assert ">126</data>" in html and "Hộ được hưởng lợi" in html
        assert "2,5" in html  # figures in Vietnamese notation
        # The star rating sits below the story, outside the article.
        assert html.index("</article>") < html.index('class="dangvu-after-article__rating"')
        assert 'class="dangvu-rating"' in html

    def test_symbols_in_the_rich_text_link_to_the_register(self, client, home, index):
        register = make_register(home)
        conclusion = make_document("21-KL/TW")
        story = full_story(index)
        html = client.get(story.url).content.decode()
        assert f'href="{register.document_url(conclusion)}">21-KL/TW</a>' in html
        assert DocumentMention.objects.filter(page=story, symbol="21-KL/TW").exists()

    def test_an_unrecognised_story_says_so(self, client, index):
        story = make_story(index, title="Chi bộ ba không")
        html = client.get(story.url).content.decode()
        assert "Chưa được công nhận" in html

    def test_json_ld_is_an_article_about_the_field_and_the_model(self, client, index):
        story = full_story(index)
        (data,) = articles_json_ld(client.get(story.url).content.decode())
        assert data["@type"] == "Article"
        assert data["headline"] == story.title
        assert data["about"] == [
            {"@type": "Thing", "name": "Văn hóa – xã hội"},
            {"@type": "Thing", "name": "Tuyến đường hoa nông thôn mới"},
        ]
        assert data["keywords"] == "nông thôn mới, phụ nữ"
        assert data["author"] == {
            "@type": "Person",
            "name": "Nguyễn Thị Thu Hà",
            "jobTitle": "Chi hội trưởng",
            "affiliation": {"@type": "Organization", "name": "Chi hội Phụ nữ ấp Long Hòa"},
        }
        # The same moment, written to the second in the portal's zone.
        published = datetime.datetime.fromisoformat(data["datePublished"])
        assert published == story.first_published_at.replace(microsecond=0)
        assert data["datePublished"].endswith("+07:00")
        assert data["award"] == "Giấy khen của UBND huyện Gò Công Tây"
        assert data["contentLocation"] == {"@type": "Place", "name": "ấp Long Hòa"}

    def test_without_a_person_the_unit_is_the_author(self, client, index):
        story = make_story(index, unit="Chi bộ ấp Long Phú")
        (data,) = articles_json_ld(client.get(story.url).content.decode())
        assert data["author"] == {"@type": "Organization", "name": "Chi bộ ấp Long Phú"}
        assert data["about"][1] == {"@type": "Thing", "name": story.title}
        assert "keywords" not in data

    def test_a_hostile_title_unit_and_tag_are_escaped_in_html_json_ld_and_rss(self, client, index):
        story = make_story(index, title=HOSTILE, unit=HOSTILE, slug="hostile", tags=[HOSTILE])
        for url in (story.url, index.url):
            html = client.get(url).content.decode()
            assert "<script>alert" not in html
            assert "</script><script>" not in html
            assert "<b>" not in html
        (data,) = articles_json_ld(client.get(story.url).content.decode())
        assert data["headline"] == HOSTILE
        assert data["author"]["name"] == HOSTILE
        assert data["keywords"] == HOSTILE
        feed = feedparser.parse(client.get(index.feed_url()).content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == [HOSTILE]

    @pytest.mark.parametrize(
        ("fields", "error_field"),
        [
            ({"recognition_year": 2023}, "recognition_level"),
            ({"recognition_form": "Giấy khen"}, "recognition_level"),
            ({"recognition_level": RecognitionLevel.COMMUNE}, "recognition_year"),
            (
                {"recognition_level": RecognitionLevel.DISTRICT, "recognition_year": 2026},
                "recognition_level",
            ),
            (
                {"recognition_level": RecognitionLevel.COMMUNE, "recognition_year": 2022},
                "recognition_year",
            ),
            ({"start_date": datetime.date(2024, 1, 1)}, "start_date"),
            ({"registration_year": 2008}, "registration_year"),
        ],
    )
    def test_inconsistent_recognition_and_dates_are_refused(self, index, fields, error_field):
        story = DanVanKheoStoryPage(
            title="x",
            slug="x",
            field=story_field(),
            unit="Chi bộ",
            place="ấp Long Phú",
            registration_year=fields.pop("registration_year", 2023),
            **fields,
        )
        with pytest.raises(ValidationError) as error:
            index.add_child(instance=story)
        assert error_field in error.value.message_dict

    def test_figures_tied_to_indicators_count_in_the_registration_year(self, index):
        story = full_story(index, start_date=datetime.date(2019, 5, 1), registration_year=2022)
        row = IndicatorValue.objects.get(page=story)
        assert (row.indicator.code, row.year, row.value) == (
            "dvk-households-benefiting",
            2022,
            Decimal(126),
        )
        assert row.observed_on == datetime.date(2022, 12, 31)

    def test_search_text_holds_the_story_without_diacritics(self, index):
        story = full_story(index)
        assert "chi hoi phu nu ap long hoa" in story.search_text
        assert "van hoa – xa hoi" in story.search_text


class TestAPI:
    def test_api_fields(self, client, index):
        conclusion = make_document("21-KL/TW")
        story = full_story(index, documents=[conclusion])
        response = client.get(f"/api/v2/pages/{story.pk}/")
        assert response.status_code == 200
        data = response.json()
        assert data["field"]["slug"] == "van-hoa-xa-hoi"
        assert data["field"]["name"] == "Văn hóa – xã hội"
        assert data["kind"] == "collective"
        assert data["start_date"] == "2022-03-01"
        assert data["registration_year"] == 2022
        assert data["recognition_level"] == "district"
        assert data["tag_names"] == ["nông thôn mới", "phụ nữ"]
        assert data["document_symbols"] == ["21-KL/TW"]
        assert data["documents"][0]["value"]["symbol"] == "21-KL/TW"
        figures = [block["value"] for block in data["results_figures"]]
        assert figures[0]["value"] == 126 and figures[0]["indicator"] == "dvk-households-benefiting"
        assert figures[1]["value"] == 2.5

    def test_a_classified_document_never_reaches_the_api(self, client, index, conclusion):
        story = make_story(index, documents=[conclusion])
        conclusion.secrecy = SecrecyLevel.SECRET  # classified after the story went live
        conclusion.save()
        data = client.get(f"/api/v2/pages/{story.pk}/").json()
        assert data["document_symbols"] == []
        assert data["documents"][0]["value"] is None


# The index --------------------------------------------------------------------------------


@pytest.fixture
def stories(index):
    """Six stories across fields, kinds, levels, years and tags."""
    return {
        "road": make_story(
            index,
            title="Đường hoa",
            field="van-hoa-xa-hoi",
            registration_year=2022,
            recognition_level=RecognitionLevel.DISTRICT,
            recognition_year=2022,
            tags=["nông thôn mới"],
        ),
        "goats": make_story(
            index,
            title="Nuôi dê",
            field="kinh-te",
            kind=StoryKind.INDIVIDUAL,
            registration_year=2023,
            recognition_level=RecognitionLevel.DISTRICT,
            recognition_year=2024,
            tags=["giảm nghèo"],
        ),
        "mushrooms": make_story(
            index,
            title="Trồng nấm rơm",
            field="kinh-te",
            registration_year=2023,
            recognition_level=RecognitionLevel.COMMUNE,
            recognition_year=2023,
            tags=["giảm nghèo", "nông thôn mới"],
        ),
        "loans": make_story(
            index,
            title="Tổ vay vốn",
            field="kinh-te",
            registration_year=2024,
            tags=["giảm nghèo"],
        ),
        "patrol": make_story(
            index,
            title="Tổ tự quản",
            field="quoc-phong-an-ninh",
            registration_year=2023,
            recognition_level=RecognitionLevel.COMMUNE,
            recognition_year=2023,
        ),
        "cell": make_story(
            index,
            title="Chi bộ ba không",
            field="xay-dung-he-thong-chinh-tri",
            kind=StoryKind.INDIVIDUAL,
            registration_year=2024,
        ),
    }


class TestIndex:
    def test_lists_live_public_stories_newest_registration_first(self, client, index, stories):
        draft = make_story(index, title="Bản nháp", publish_it=False)
        private = make_story(index, title="Riêng tư")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        response = client.get(index.url)
        assert response.status_code == 200
        titles = listed_titles(response)
        assert draft.title not in titles and private.title not in titles
        years = [story.registration_year for story in response.context["items"]]
        assert years == sorted(years, reverse=True)
        assert facet_counts(response, "field")["kinh-te"] == 3  # the two above not counted

    def test_facet_counts_without_filters(self, client, index, stories):
        response = client.get(index.url)
        assert facet_counts(response, "field") == {
            "kinh-te": 3,
            "van-hoa-xa-hoi": 1,
            "quoc-phong-an-ninh": 1,
            "xay-dung-he-thong-chinh-tri": 1,
        }
        assert facet_counts(response, "kind") == {"collective": 4, "individual": 2}
        assert facet_counts(response, "level") == {
            "commune": 2,
            "district": 2,
            "province": 0,
            "national": 0,
        }
        assert facet_counts(response, "year") == {"2024": 2, "2023": 3, "2022": 1}
        tag_slugs = {value.label: value.value for value in response.context["facets"]["tag"].values}
        counts = facet_counts(response, "tag")
        assert counts[tag_slugs["giảm nghèo"]] == 3
        assert counts[tag_slugs["nông thôn mới"]] == 2
        html = response.content.decode()
        assert 'Kinh tế <span class="dangvu-facet__count">(3)</span>' in html

    def test_combined_filters_and_the_counts_beside_each_value(self, client, index, stories):
        response = client.get(index.url, {"field": "kinh-te", "year": "2023"})
        assert response.status_code == 200
        assert sorted(listed_titles(response)) == ["Nuôi dê", "Trồng nấm rơm"]
        # Each facet counts what matches the other filters plus its own value.
        assert facet_counts(response, "field") == {
            "kinh-te": 2,
            "van-hoa-xa-hoi": 0,
            "quoc-phong-an-ninh": 1,
            "xay-dung-he-thong-chinh-tri": 0,
        }
        assert facet_counts(response, "year") == {"2024": 1, "2023": 2, "2022": 0}
        assert facet_counts(response, "kind") == {"collective": 1, "individual": 1}
        assert facet_counts(response, "level")["commune"] == 1
        assert facet_counts(response, "level")["district"] == 1

        tag = stories["mushrooms"].tags.get(name="nông thôn mới")
        response = client.get(
            index.url,
            {"field": "kinh-te", "kind": "collective", "level": "commune", "year": 2023,
             "tag": tag.slug},
        )  # fmt: skip
        assert listed_titles(response) == ["Trồng nấm rơm"]
        assert facet_counts(response, "tag")[tag.slug] == 1

        response = client.get(index.url, {"level": "district", "kind": "individual"})
        assert listed_titles(response) == ["Nuôi dê"]

    def test_facet_links_keep_the_other_filters_and_drop_the_page(self, client, index, stories):
        response = client.get(index.url, {"field": "kinh-te", "page": "1", "zzz": "<x>"})
        facets = response.context["facets"]
        by_value = {value.value: value for value in facets["year"].values}
        assert by_value["2023"].query == "field=kinh-te&year=2023"
        active = {value.value: value for value in facets["field"].values}["kinh-te"]
        assert active.active and active.query == ""  # clicking it again clears it
        html = response.content.decode()
        assert 'href="?field=kinh-te&amp;year=2023"' in html
        assert "zzz" not in html

    def test_a_filtered_list_has_a_shareable_url(self, client, index, stories):
        url = index.url + "?field=kinh-te&kind=individual"
        assert listed_titles(client.get(url)) == ["Nuôi dê"]

    def test_pagination_keeps_the_filters(self, client, index, settings):
        settings.WAGTAIL_DANGVU = {**settings.WAGTAIL_DANGVU, "PER_PAGE": 2}
        for number in range(5):
            make_story(index, title=f"Mô hình {number}", field="kinh-te")
        make_story(index, title="Khác", field="quoc-phong-an-ninh")
        response = client.get(index.url, {"field": "kinh-te"})
        assert response.context["items"].paginator.count == 5
        html = response.content.decode()
        assert 'href="?field=kinh-te&amp;page=2"' in html
        response = client.get(index.url, {"field": "kinh-te", "page": "3"})
        assert len(listed_titles(response)) == 1

    @pytest.mark.parametrize(
        ("query", "status"),
        [
            ("field=khong-co", 400),
            ("field=%00", 400),
            ("field=<script>", 400),
            ("kind=bogus", 400),
            ("level=huyen", 400),
            ("year=abc", 400),
            ("year=1800", 400),
            ("year=99999999999999999999999", 400),
            ("tag=%00", 400),
            ("tag=<b>", 400),
            ("page=-1", 200),
            ("page=abc", 200),
            ("page=99999", 200),
            ("zzz=1", 200),
            ("field=kinh-te&field=bogus", 400),
            ("field=", 200),
            ("year=2023&kind=", 200),
        ],
    )
    def test_malformed_query_strings_are_a_400_page_or_ignored(
        self, client, index, stories, query, status
    ):
        response = client.get(index.url + "?" + query)
        assert response.status_code == status
        html = response.content.decode()
        assert "Nuôi dê" in html or "year=2023" in query
        if status == 400:
            assert 'class="dangvu-message dangvu-message--error"' in html
            assert "<script>" not in html and "<b>" not in html

    def test_a_bad_filter_is_ignored_and_the_good_ones_kept(self, client, index, stories):
        response = client.get(index.url, {"field": "kinh-te", "kind": "bogus"})
        assert response.status_code == 400
        assert sorted(listed_titles(response)) == ["Nuôi dê", "Trồng nấm rơm", "Tổ vay vốn"]

    def test_the_query_count_does_not_grow_with_the_stories(self, client, index):
        # Story 1 of every 12 matches them all, so neither list is empty.
        filters = {"field": "van-hoa-xa-hoi", "kind": "individual", "level": "commune"}
        filters["year"] = "2023"

        def add_stories(count, offset):
            for number in range(count):
                make_story(
                    index,
                    title=f"Mô hình {offset + number}",
                    field=STANDARD_FIELDS[number % 4][0],
                    kind=StoryKind.values[number % 2],
                    registration_year=2022 + number % 3,
                    recognition_level=RecognitionLevel.COMMUNE if number % 3 else "",
                    recognition_year=2024 if number % 3 else None,
                    tags=[f"thẻ {number % 5}", "chung"],
                )

        def queries(params):
            client.get(index.url, params)  # warm the caches (site root paths)
            with count_queries() as captured:
                response = client.get(index.url, params)
            assert response.status_code == 200
            return len(captured)

        add_stories(3, 0)
        few = queries(filters), queries({**filters, "tag": "chung"}), queries({})
        add_stories(27, 3)
        many = queries(filters), queries({**filters, "tag": "chung"}), queries({})
        assert len(listed_titles(client.get(index.url, filters))) > 1
        assert few == many
        # Wagtail's routing and the example portal's base template take about 15; the
        # index: the field filter, view restrictions, count, page, 5 facets, the form,
        # the index's unit and its stories' units (#13).
        assert max(many) <= 29

    def test_rss_lists_the_stories_and_follows_the_filters(self, client, index, stories):
        feed = feedparser.parse(client.get(index.feed_url()).content)
        assert not feed.bozo
        assert len(feed.entries) == 6
        response = client.get(index.feed_url(), {"field": "kinh-te", "year": "2023"})
        feed = feedparser.parse(response.content)
        assert sorted(entry.title for entry in feed.entries) == ["Nuôi dê", "Trồng nấm rơm"]
        html = client.get(index.url, {"field": "kinh-te"}).content.decode()
        assert f'href="{index.feed_url()}?field=kinh-te"' in html

    def test_the_facets_follow_the_language_of_the_index(self, client, index, locale_en):
        DanVanKheoField.objects.create(locale=locale_en, name="Economy", slug="economy")
        make_story(index)
        response = client.get(index.url)
        assert "economy" not in facet_counts(response, "field")
        assert client.get(index.url, {"field": "economy"}).status_code == 400


# The confidentiality gate --------------------------------------------------------------------


class TestConfidentialityGate:
    def post(self, admin_client, story, publish=True, **overrides):
        url = reverse("wagtailadmin_pages:edit", args=[story.pk])
        data = story_form_data(story, **overrides)
        if publish:
            data["action-publish"] = "action-publish"
        return admin_client.post(url, data)

    def test_a_story_linking_a_classified_document_cannot_be_published(
        self, admin_client, index, secret
    ):
        story = make_story(index, publish_it=False)
        response = self.post(admin_client, story, documents=streamfield([("document", secret.pk)]))
        assert response.status_code == 200
        assert any("09-BC/ĐU" in str(e) for e in response.context["form"].errors["documents"])
        story.refresh_from_db()
        assert not story.live

    def test_a_classified_symbol_in_the_method_blocks_publishing_too(
        self, admin_client, index, secret
    ):
        story = make_story(index, publish_it=False)
        response = self.post(
            admin_client, story, method=rich_text("<p>Theo Báo cáo 09 – BC/ĐU.</p>")
        )
        assert response.status_code == 200
        assert any("09-BC/ĐU" in str(e) for e in response.context["form"].errors["method"])
        story.refresh_from_db()
        assert not story.live

    def test_a_draft_can_still_be_saved(self, admin_client, index, secret):
        story = make_story(index, publish_it=False)
        response = self.post(
            admin_client,
            story,
            publish=False,
            documents=streamfield([("document", secret.pk)]),
        )
        assert response.status_code == 302
        story.refresh_from_db()
        assert not story.live

    def test_a_clean_story_is_published_through_the_admin(self, admin_client, index):
        story = make_story(index, publish_it=False)
        conclusion = make_document("21-KL/TW")
        response = self.post(
            admin_client,
            story,
            documents=streamfield([("document", conclusion.pk)]),
            recognition_level="commune",
            recognition_year="2023",
            recognition_form="Giấy khen của UBND xã",
            tags="giảm nghèo",
        )
        assert response.status_code == 302
        story.refresh_from_db()
        assert story.live and story.recognition_level == "commune"
        assert DocumentMention.objects.filter(page=story, symbol="21-KL/TW").exists()

    def test_the_recognition_rules_show_on_their_fields(self, admin_client, index):
        story = make_story(index, publish_it=False)
        response = self.post(admin_client, story, recognition_year="2023")
        assert response.status_code == 200
        assert "recognition_level" in response.context["form"].errors


# The demo -------------------------------------------------------------------------------------


def test_the_demo_has_stories_across_fields_and_recognition_levels(client, home):
    DemoBuilder().build()
    stories = DanVanKheoStoryPage.objects.live().select_related("field")
    assert stories.count() >= 4
    assert len({story.field.slug for story in stories}) >= 3
    assert {"commune", "district"} <= {story.recognition_level for story in stories}
    index = stories.first().get_parent()
    assert index.slug == "dan-van-kheo"
    response = client.get(index.url)
    assert response.status_code == 200
    assert IndicatorValue.objects.filter(indicator__code__startswith="dvk-").exists()
    for story in stories:
        assert client.get(story.url).status_code == 200
    again = DemoBuilder().build()
    assert not [line for line in again.created if "story" in line or "index" in line]
