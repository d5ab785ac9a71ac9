"""The blocks of an article's body: text, headings, photos, figures and documents."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from wagtail_dangvu.documents.blocks import DocumentChooserBlock, ParagraphBlock
from wagtail_dangvu.statistics.blocks import StatisticsBlocks


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "wagtail_dangvu/blocks/heading.html"


class PhotoBlock(blocks.StructBlock):
    """A photo with its alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(label=pgettext_lazy("picture", "Image"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "image"
        label = pgettext_lazy("picture", "Photo")
        template = "wagtail_dangvu/blocks/photo.html"


class PhotosBlock(blocks.StreamBlock):
    """The photos of an event or a story, shown as a gallery."""

    photo = PhotoBlock()

    class Meta:
        template = "wagtail_dangvu/blocks/photos.html"


class ArticleBodyBlock(StatisticsBlocks):
    """The body of every article of the app: text, pictures, figures and documents."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock(label=pgettext_lazy("picture", "Image"))
    document = DocumentChooserBlock()
