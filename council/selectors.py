"""Reads of the Economic Council's public pages."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from council.models import ROLE_ORDER, CouncilMember, CouncilOpinion, CouncilSitting, CouncilTerm


def term_current() -> CouncilTerm | None:
    """The term that lasts today (the latest one begun), else None."""
    today = timezone.localdate()
    return (
        CouncilTerm.objects.filter(starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("-starts_on")
        .first()
    )


def composition(term: CouncilTerm | None) -> list[CouncilMember]:
    """The serving members of `term`: the chair, vice-chairs and secretary first, then the members by name.

    Only public fields are read: never the members' e-mail or phone.
    """
    if term is None:
        return []
    members = (
        CouncilMember.objects.filter(term=term)
        .serving()
        .only("pk", "full_name", "organisation", "role", "term_id")
        .order_by("full_name")
    )
    return sorted(members, key=lambda member: ROLE_ORDER[member.role])


def sittings_public() -> QuerySet[CouncilSitting]:
    """Sittings whose invitations were sent, latest first, with the number of their published opinions."""
    return (
        CouncilSitting.objects.public()
        .select_related("term")
        .annotate(opinion_count=Count("opinions", filter=Q(opinions__published_at__isnull=False)))
        .order_by("-starts_at", "-pk")
    )


def sitting_get_public_or_404(pk: int) -> CouncilSitting:
    opinions = CouncilOpinion.objects.published().order_by("pk")
    return get_object_or_404(
        CouncilSitting.objects.public()
        .select_related("term", "minutes_approved_at")
        .prefetch_related(Prefetch("opinions", queryset=opinions, to_attr="published_opinions")),
        pk=pk,
    )


def opinions_published() -> QuerySet[CouncilOpinion]:
    return CouncilOpinion.objects.published().select_related("sitting").order_by("-sitting__starts_at", "-pk")
