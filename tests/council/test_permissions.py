"""Who works on the council in the admin: its secretariat; the head of department only looks; other sections not.

Also the clerk's PDFs of a sitting (the invitation and the draft minutes), which live outside the model's pages.
"""

import pytest
from django.urls import reverse

from core.roles import HEAD_OF_DEPARTMENT_GROUP
from tests.council.conftest import COUNCIL_GROUP
from tests.council.factories import make_sitting

pytestmark = pytest.mark.django_db

PROMOTION_GROUP = "Promocja i gospodarka"
PRESS_GROUP = "Biuro prasowe"


@pytest.mark.parametrize(
    ("group", "may_view", "may_add"),
    [(COUNCIL_GROUP, True, True), (HEAD_OF_DEPARTMENT_GROUP, True, False), (PROMOTION_GROUP, False, False),
     (PRESS_GROUP, False, False)],
)  # fmt: skip
def test_each_role_sees_and_adds_sittings_only_as_its_group_allows(clerk_client, term, group, may_view, may_add):
    client = clerk_client(groups=[group])
    sitting = make_sitting(term)

    changelist = client.get(reverse("admin:council_councilsitting_changelist"))
    add = client.get(reverse("admin:council_councilsitting_add"))
    invitation = client.get(reverse("admin:council_councilsitting_invitation_pdf", args=[sitting.pk]))
    minutes = client.get(reverse("admin:council_councilsitting_minutes_pdf", args=[sitting.pk]))

    assert changelist.status_code == (200 if may_view else 403)
    assert add.status_code == (200 if may_add else 403)
    assert invitation.status_code == (200 if may_view else 403)
    assert minutes.status_code == (200 if may_view else 403)
    if may_view:
        assert invitation.content.startswith(b"%PDF-")


def test_only_the_secretariat_may_see_the_members_contacts(clerk_client, term, members):
    secretariat = clerk_client(groups=[COUNCIL_GROUP])
    press = clerk_client(groups=[PRESS_GROUP])
    url = reverse("admin:council_councilmember_changelist") + "?q=" + members[0].email

    assert members[0].email in secretariat.get(url).content.decode()
    assert press.get(url).status_code == 403


def test_the_pdfs_of_the_admin_need_a_signed_in_clerk(client, term):
    sitting = make_sitting(term)

    response = client.get(reverse("admin:council_councilsitting_invitation_pdf", args=[sitting.pk]))

    assert response.status_code in {302, 404}
