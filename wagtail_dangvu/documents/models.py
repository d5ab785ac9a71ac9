"""The register of Party and State documents, and the gate that keeps classified ones out.

A document is known by its symbol (``21-KL/TW``), but its identity is the issuer, type,
number and issue date: numbers restart with each committee term. Documents marked
secret or above, or for internal circulation, exist in the register for editors only and
never reach a public surface (:meth:`PartyDocumentQuerySet.public`).
"""

from __future__ import annotations

import re
from functools import reduce
from operator import and_, or_

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_dangvu.documents.viewer import WITHHELD_LABEL, current_viewer, viewer_is_declared
from wagtail_dangvu.pure.symbols import DocumentSymbol, InvalidSymbol, fold, parse_symbol
from wagtail_dangvu.pure.text import search_words
from wagtail_dangvu.signals import document_visibility_changed
from wagtail_dangvu.wording import word

ROMAN_TERM_RE = re.compile(r"^[IVXLC]+$")


class SecrecyLevel(models.TextChoices):
    """Độ mật. Anything but NORMAL is never published."""

    NORMAL = "normal", _("Not classified")
    SECRET = "secret", _("Secret (Mật)")
    TOP_SECRET = "top_secret", _("Top secret (Tối mật)")
    ABSOLUTE_SECRET = "absolute_secret", _("Absolutely secret (Tuyệt mật)")


class Circulation(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal circulation only")


# The permissions that make a user one of the register's keepers, who may see withheld
# entries (classified or internal) in the admin and download their files.
REGISTER_PERMISSIONS = (
    "wagtail_dangvu.view_partydocument",
    "wagtail_dangvu.change_partydocument",
    "wagtail_dangvu.delete_partydocument",
)


def may_see_withheld(user) -> bool:
    """Whether ``user`` may see withheld entries: an active user who keeps the register.

    Everybody else, anonymous readers and editors without a permission on the register
    alike, meets withheld entries nowhere: not on the site, not in the admin's choosers,
    listings and translation screens, and not as files.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    from ..units.permissions import unit_scope

    # A commune's editors keep their own entries, never withheld ones (the province's
    # keepers do): wagtail_dangvu.units.permissions.
    return any(user.has_perm(perm) for perm in REGISTER_PERMISSIONS) and unit_scope(user) is None


class PartyDocumentQuerySet(models.QuerySet):
    def public(self):
        """Documents that may appear on a public page, feed, search result or API."""
        return self.filter(secrecy=SecrecyLevel.NORMAL, circulation=Circulation.PUBLIC)

    def withheld(self):
        """Documents that are classified or for internal circulation."""
        return self.exclude(secrecy=SecrecyLevel.NORMAL, circulation=Circulation.PUBLIC)

    def visible_to(self, user):
        """What ``user`` may see of the register: everything, or the public entries; for a
        commune's editor, the public entries of the province and of their own units."""
        from ..units.permissions import unit_scope

        visible = self if may_see_withheld(user) else self.public()
        scope = unit_scope(user)
        if scope is None:
            return visible
        return visible.filter(Q(issuing_unit__isnull=True) | Q(issuing_unit__in=scope))

    def with_symbol(self, symbol: DocumentSymbol):
        """Documents written with this symbol (several terms may reuse it)."""
        return self.filter(symbol=str(symbol))

    def with_any_symbol(self, symbols):
        """Documents written with any of these symbols, in one query."""
        return self.filter(symbol__in={str(symbol) for symbol in symbols})

    def search(self, query: str, operator: str = "and"):
        """Documents matching a query: a symbol in any written form, or words.

        Words match with neither case nor diacritics mattering ("ket luan" finds
        "Kết luận"), so a reader without a Vietnamese keyboard finds what they look for;
        all of them, or any of them with ``operator="or"``.
        """
        query = (query or "").strip()
        if not query:
            return self
        try:
            symbol = parse_symbol(query)
        except InvalidSymbol:
            symbol = None
        if symbol is not None and symbol.is_complete:
            return self.with_symbol(symbol)
        # Words only: punctuation around them (quotes, a trailing comma) is not text.
        words = [fold(word) for word in search_words(query)]
        if not words:
            return self
        combine = or_ if operator == "or" else and_
        return self.filter(reduce(combine, (Q(search_text__contains=word) for word in words)))


class ImplementsSymbolsField(serializers.Field):
    """API: the documents a document implements, by canonical symbol, public ones only."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, document):
        return [other.symbol for other in document.implements.all() if other.is_public]


class PartyDocument(TranslatableMixin, index.Indexed, ClusterableModel):
    """A document in the register: văn bản, with its số và ký hiệu."""

    symbol = models.CharField(
        _("number and symbol"),
        max_length=64,
        help_text=_("As written on the document, e.g. 21-KL/TW, 25-KH/ĐU or 1034/QĐ-TTg."),
    )
    number = models.PositiveIntegerField(_("number"), editable=False, default=0)
    type_code = models.CharField(_("type code"), max_length=16, editable=False, blank=True)
    issuer_code = models.CharField(_("issuer code"), max_length=24, editable=False, blank=True)
    type_name = models.CharField(
        _("type"),
        max_length=100,
        help_text=_("e.g. Kết luận, Kế hoạch, Quy định (QĐ is both Quyết định and Quy định)."),
    )
    issuer_name = models.CharField(
        _("issuing body"),
        max_length=255,
        help_text=_("e.g. Ban Chấp hành Trung ương Đảng, Ban Thường vụ Tỉnh ủy, Đảng ủy xã."),
    )
    term = models.CharField(
        _("term"),
        max_length=10,
        blank=True,
        help_text=_("The committee's term (khóa) in Roman numerals, e.g. XIII."),
    )
    issue_date = models.DateField(_("issue date"))
    summary = models.TextField(
        pgettext_lazy("of a document", "summary"), help_text=_("The one-line summary (trích yếu).")
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=pgettext_lazy("document", "file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    secrecy = models.CharField(
        _("secrecy level"),
        max_length=20,
        choices=SecrecyLevel.choices,
        default=SecrecyLevel.NORMAL,
        help_text=_("Classified documents are kept in the register but never published."),
    )
    circulation = models.CharField(
        _("circulation"),
        max_length=20,
        choices=Circulation.choices,
        default=Circulation.PUBLIC,
    )
    issuing_unit = models.ForeignKey(
        "wagtail_dangvu.AdministrativeUnit",
        verbose_name=_("issuing unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The commune whose committee issued the document; empty for the province's "
            "and higher levels' documents, which every commune's register shows."
        ),
    )
    implements = ParentalManyToManyField(
        "self",
        verbose_name=_("implements"),
        symmetrical=False,
        blank=True,
        related_name="implemented_by",
        help_text=_(
            "The documents this one puts into practice, e.g. 25-KH/ĐU implements 44-KH/HU."
        ),
    )
    search_text = models.TextField(editable=False, blank=True)

    objects = PartyDocumentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("symbol"), FieldPanel("issue_date")]),
                FieldRowPanel([FieldPanel("type_name"), FieldPanel("term")]),
                FieldPanel("issuer_name"),
                FieldPanel("issuing_unit", widget=forms.Select),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("summary"),
        FieldPanel("file"),
        FieldPanel("implements"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("secrecy"), FieldPanel("circulation")])],
            heading=_("Confidentiality"),
        ),
    ]

    # wagtail-localize: the symbol and the term are the same in every language; the
    # type, issuer and summary are translated. Dates, file and secrecy are synchronised
    # by default, and the chain of documents is read across languages by translation key.
    override_translatable_fields = [SynchronizedField("symbol"), SynchronizedField("term")]

    search_fields = [
        index.SearchField("symbol"),
        index.SearchField("summary"),
        index.SearchField("search_text"),
        index.AutocompleteField("symbol"),
        index.AutocompleteField("search_text"),
        index.FilterField("type_code"),
        index.FilterField("issuer_code"),
        index.FilterField("secrecy"),
        index.FilterField("circulation"),
        index.FilterField("locale_id"),
        index.FilterField("issuing_unit"),
    ]

    api_fields = [
        APIField("symbol"),
        APIField("type_code"),
        APIField("type_name"),
        APIField("issuer_code"),
        APIField("issuer_name"),
        APIField("term"),
        APIField("issue_date"),
        APIField("summary"),
        APIField("implements", serializer=ImplementsSymbolsField(read_only=True)),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Party document")
        verbose_name_plural = _("Party documents")
        ordering = ["-issue_date", "type_code", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "issuer_code", "type_code", "number", "issue_date"],
                name="dangvu_document_identity",
                violation_error_message=_(
                    "A document with this number and symbol and issue date is already "
                    "in the register."
                ),
            ),
        ]
        indexes = [models.Index(fields=["symbol"])]

    def __str__(self):
        # Wagtail and wagtail-localize name entries with str() in screens this app does
        # not draw; where the admin has declared who is looking (wagtail_dangvu.documents.viewer),
        # a withheld entry keeps its name from those who may not see it.
        if self.is_withheld and viewer_is_declared() and not may_see_withheld(current_viewer()):
            return str(WITHHELD_LABEL)
        return f"{self.type_name} {self.symbol}"

    def chain(self, documents):
        """(implements, implemented_by) among ``documents``, in this document's language.

        The links are kept on the original; translations share its translation key, so the
        chain is the same in every language.
        """
        same_document = PartyDocument.objects.filter(translation_key=self.translation_key)
        implements = documents.filter(
            translation_key__in=PartyDocument.objects.filter(
                implemented_by__in=same_document
            ).values("translation_key")
        )
        implemented_by = documents.filter(
            translation_key__in=PartyDocument.objects.filter(implements__in=same_document).values(
                "translation_key"
            )
        )
        return implements, implemented_by

    @property
    def parsed_symbol(self) -> DocumentSymbol:
        return parse_symbol(self.symbol)

    @property
    def is_public(self) -> bool:
        return self.secrecy == SecrecyLevel.NORMAL and self.circulation == Circulation.PUBLIC

    @property
    def is_withheld(self) -> bool:
        return not self.is_public

    def is_visible_to(self, user) -> bool:
        if not (self.is_public or may_see_withheld(user)):
            return False
        from ..units.permissions import unit_scope

        scope = unit_scope(user)
        return scope is None or self.issuing_unit_id is None or self.issuing_unit_id in scope

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the database held, to tell when a save changes the entry's visibility.
        instance._stored_public = (
            instance.is_public if {"secrecy", "circulation"} <= set(field_names) else None
        )
        return instance

    @property
    def year(self) -> int:
        return self.issue_date.year

    def clean(self):
        super().clean()
        if self.locale_id is None:
            # Identity is per language; the uniqueness check needs the locale.
            self.locale = Locale.get_default()
        errors = {}
        try:
            symbol = parse_symbol(self.symbol or "")
        except InvalidSymbol as error:
            errors["symbol"] = word(error.problem)
        else:
            if not symbol.is_complete:
                errors["symbol"] = gettext(
                    "The symbol has no issuing body, e.g. TW in 21-KL/TW. Write it as it "
                    "appears on the document."
                )
            else:
                self._apply_symbol(symbol)
        term = (self.term or "").strip().upper()
        if term and not ROMAN_TERM_RE.match(term):
            errors["term"] = gettext("Write the term in Roman numerals, e.g. XIII.")
        self.term = term
        if errors:
            raise ValidationError(errors)

    # The identity constraint names columns the admin form does not show; Django would
    # skip it there and leave the duplicate to the database. Check it, and report it on
    # the symbol, which is what the editor typed.
    IDENTITY_FIELDS = frozenset({"locale", "issuer_code", "type_code", "number", "issue_date"})

    def validate_constraints(self, exclude=None):
        if exclude and "symbol" not in exclude:
            exclude = set(exclude) - self.IDENTITY_FIELDS
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            messages = error.message_dict.get(NON_FIELD_ERRORS)
            if messages is None:
                raise
            raise ValidationError({"symbol": messages}) from error

    def _apply_symbol(self, symbol: DocumentSymbol) -> None:
        self.symbol = str(symbol)
        self.number = symbol.number
        self.type_code = symbol.type_code
        self.issuer_code = symbol.issuer

    def save(self, *args, **kwargs):
        # The structured columns always follow the symbol, however the row was made.
        self._apply_symbol(parse_symbol(self.symbol))
        self.search_text = fold(
            " ".join(
                [
                    self.symbol,
                    self.symbol.replace("-", " ").replace("/", " "),
                    self.type_name,
                    f"{self.type_name} {self.number}",
                    self.issuer_name,
                    self.summary,
                ]
            )
        )
        stored_public = getattr(self, "_stored_public", None)
        if self._state.adding:
            stored_public = True  # a new entry was withheld from nobody yet
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._hold_for_translations(stored_public)
        self._stored_public = self.is_public

    def _hold_for_translations(self, stored_public: bool | None) -> None:
        """Secrecy and circulation are one for the whole translation group, from this save.

        Every language of an entry is withheld the moment any of them is, and released
        together: the last save decides for the group. When the group's visibility changes
        (or cannot be known, the row having been loaded without those fields),
        ``document_visibility_changed`` is sent once with all of its members, inside the
        saving transaction, so that files, search indexes and mentions follow before
        anyone can read the new state.
        """
        group = PartyDocument.objects.filter(translation_key=self.translation_key)
        followed = (
            group.exclude(pk=self.pk)
            .exclude(secrecy=self.secrecy, circulation=self.circulation)
            .update(secrecy=self.secrecy, circulation=self.circulation)
        )
        if followed or stored_public is not self.is_public:
            document_visibility_changed.send(
                sender=PartyDocument, documents=list(group), public=self.is_public
            )
