"""Editors kept to their commune: the units a user works for, read from their page permissions.

A user's scope is the set of units whose sections hold the pages their groups have
Wagtail page permissions on (``manage.py dangvu_units groups`` gives a commune's groups
their section only). A user works for the whole province, and is not kept to any unit,
when they are a superuser, when their groups have no page permission at all (the
register's keepers at the province), or when one of their page permissions is on a page
of the province's own section or outside every section.

Wagtail keeps such users to their sections for pages, and to their collections for images
and documents; the register is kept by :class:`RegisterPermissionPolicy`: a commune's
editors edit their own unit's entries (and those of the units merged into it), choose
those and the province's, and keep no withheld entry.
"""

from __future__ import annotations

from django.db.models import F, Q
from wagtail.models import GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy

from .graph import predecessors
from .lookup import ancestor_paths
from .models import AdministrativeUnit, UnitKind

PROVINCE_KINDS = frozenset({UnitKind.TINH, UnitKind.THANH_PHO_TW})
_CACHE_ATTRIBUTE = "_dangvu_unit_scope"
_UNSET = object()


def unit_scope(user) -> frozenset[int] | None:
    """The ids of the units ``user`` is kept to, or None for one who works for the province.

    Three queries at most, once per user object (a request's user keeps the answer).
    """
    if user is None or not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    cached = getattr(user, _CACHE_ATTRIBUTE, _UNSET)
    if cached is not _UNSET:
        return cached
    scope = _scope_of(user)
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def _scope_of(user) -> frozenset[int] | None:
    paths = set(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    )
    if not paths:
        return None
    wanted = {ancestor for path in paths for ancestor in ancestor_paths(path)}
    by_path = {
        unit.section_path: unit
        for unit in AdministrativeUnit.objects.filter(section__path__in=wanted)
        .annotate(section_path=F("section__path"))
        .only("pk", "kind")
    }
    units = set()
    for path in paths:
        unit = next(
            (by_path[a] for a in reversed(ancestor_paths(path)) if a in by_path),
            None,
        )
        if unit is None or unit.kind in PROVINCE_KINDS:
            return None
        units.add(unit.pk)
    successor_of = dict(
        AdministrativeUnit.objects.filter(successor__isnull=False).values_list("pk", "successor")
    )
    for pk in list(units):
        units |= predecessors(successor_of, pk)
    return frozenset(units)


def in_scope_q(user, field: str = "issuing_unit") -> Q:
    """A filter on rows whose unit ``field`` is one the user may act for (everything for a
    user of the province; for a commune's editor, their units only)."""
    scope = unit_scope(user)
    return Q() if scope is None else Q(**{f"{field}__in": scope})


class RegisterPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions on register entries, limited to the user's units.

    Adding is a model permission (the entry's form offers the user's units only); any
    other action on an entry needs the entry's issuing unit to be one of the user's.
    """

    def _may_act_on(self, user, action, instance) -> bool:
        if action == "add":
            return True
        scope = unit_scope(user)
        return scope is None or instance.issuing_unit_id in scope

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(
            user, action, instance
        ) and self._may_act_on(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if set(actions) <= {"add"}:
            return instances
        return instances.filter(in_scope_q(user))
