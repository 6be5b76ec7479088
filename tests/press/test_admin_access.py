"""The press office's workflow records are open to the press group only: pages, the workflow panel, the service."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.services import transition_perform
from press.models import OccasionalLetter, PressRelease, SocialPost
from tests.press.factories import (
    OTHER_GROUP,
    PRESS_GROUP,
    OccasionalLetterFactory,
    PressReleaseFactory,
    SocialPostFactory,
)

GRANTS_GROUP = "Dotacje, stypendia i nagrody"
ACCESS = [([PRESS_GROUP], True), ([OTHER_GROUP], False), ([GRANTS_GROUP], False)]
# (record maker, its admin's model name, a first move and where it leads, other pages of the same permission)
RECORDS = {
    "release": (
        lambda: PressReleaseFactory(status=PressRelease.Status.DRAFT),
        "pressrelease",
        ("submit", PressRelease.Status.IN_REVIEW),
        [],
    ),
    "letter": (
        lambda: OccasionalLetterFactory(text="Szanowna Pani Dyrektor…"),
        "occasionalletter",
        ("submit", OccasionalLetter.Status.IN_REVIEW),
        ["admin:press_lettertemplate_changelist"],
    ),
    "post": (
        SocialPostFactory,
        "socialpost",
        ("plan", SocialPost.Status.PLANNED),
        ["admin:press_socialpost_calendar"],
    ),
}


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize(
    ("groups", "allowed"), [([PRESS_GROUP], True), ([OTHER_GROUP], False), ([GRANTS_GROUP], False)]
)
def test_only_the_press_group_sees_and_moves_the_record(clerk_client, record, groups, allowed):
    make, model_name, (transition, moved_to), other_pages = RECORDS[record]
    obj = make()
    status_before = obj.status
    client = clerk_client(groups=groups)
    pages = [
        reverse(f"admin:press_{model_name}_changelist"),
        reverse(f"admin:press_{model_name}_change", args=[obj.pk]),
        *(reverse(name) for name in other_pages),
    ]
    for url in pages:
        assert client.get(url).status_code == (200 if allowed else 403), url
    response = client.post(
        reverse(f"admin:press_{model_name}_workflow", args=[obj.pk]), {"transition": transition, "note": ""}
    )
    assert response.status_code == (302 if allowed else 403)
    obj.refresh_from_db()
    assert obj.status == (moved_to if allowed else status_before)
    if not allowed:
        with pytest.raises(PermissionDenied, match="Brak uprawnień do wykonania tej czynności"):
            transition_perform(obj=obj, name=transition, acting_user=client.clerk)
