"""StreamField blocks of the app: statistics, charts, findings and document references."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from wagtail_dangvu.documents.blocks import DocumentChooserBlock, ParagraphBlock
from wagtail_dangvu.events.blocks import ChairBlock, ContributionBlock
from wagtail_dangvu.statistics.blocks import (
    ChartBlock,
    ComparisonBlock,
    StatisticBlock,
    StatisticsGridBlock,
    TargetProgressBlock,
)
from wagtail_dangvu.statistics.findings import FindingsBlock

__all__ = [
    "ArticleBodyBlock",
    "ChairBlock",
    "ChartBlock",
    "ComparisonBlock",
    "ContributionBlock",
    "DocumentChooserBlock",
    "FindingsBlock",
    "ParagraphBlock",
    "PhotoBlock",
    "PhotosBlock",
    "StatisticBlock",
    "StatisticsBlocks",
    "StatisticsGridBlock",
    "TargetProgressBlock",
]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "wagtail_dangvu/blocks/heading.html"


class PhotoBlock(blocks.StructBlock):
    """A photo with its alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "wagtail_dangvu/blocks/photo.html"


class PhotosBlock(blocks.StreamBlock):
    """The photos of an event or a story, shown as a gallery."""

    photo = PhotoBlock()

    class Meta:
        template = "wagtail_dangvu/blocks/photos.html"


class StatisticsBlocks(blocks.StreamBlock):
    """Only figures: for the results section of a story or a seminar."""

    statistic = StatisticBlock()
    statistics_grid = StatisticsGridBlock()
    target_progress = TargetProgressBlock()
    comparison = ComparisonBlock()
    chart = ChartBlock()


class ArticleBodyBlock(StatisticsBlocks):
    """The body of every article of the app: text, pictures, figures and documents."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock(label=_("Image"))
    document = DocumentChooserBlock()
