"""The call's page in the admin shows the committee's ranking once offers are evaluated, with its exports."""

from datetime import datetime
from decimal import Decimal

import time_machine
from django.urls import reverse

from core.services import transition_perform
from grants import services
from grants.models import GrantOffer
from tests.grants.factories import GRANTS_GROUP, WARSAW, make_call, offer_post


def test_the_call_page_ranks_the_offers_by_the_committees_points(client, clerk_client, make_clerk):
    with time_machine.travel(datetime(2026, 3, 10, 12, tzinfo=WARSAW), tick=False):
        call = make_call(status="published")
        for name in ("Stowarzyszenie Pierwsze", "Fundacja Druga"):
            client.post(f"/dotacje/konkursy/{call.slug}/oferta/", offer_post(organisation_name=name, title=name))
    clerk = clerk_client(groups=[GRANTS_GROUP])
    url = reverse("admin:grants_grantcall_change", args=[call.pk])
    assert "Stowarzyszenie Pierwsze" not in clerk.get(url).content.decode()  # still accepting offers

    with time_machine.travel(datetime(2026, 3, 24, 12, tzinfo=WARSAW), tick=False):
        transition_perform(obj=call, name="close_offers", acting_user=None)
        first, second = GrantOffer.objects.order_by("pk")
        member = services.committee_member_add(call=call, user=make_clerk(), role="chair", acting_user=None)
        criteria = list(call.criteria.filter(kind="merit"))
        for offer, points in ((first, 4), (second, 9)):
            transition_perform(obj=offer, name="formal_ok", acting_user=None)
            assignment = services.offer_assign(member=member, offer=offer, acting_user=None)
            services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=member.user)
            services.scores_record(
                assignment=assignment, points={c.pk: Decimal(points) for c in criteria}, acting_user=member.user
            )
        page = clerk.get(url).content.decode()
    table = page.split('class="call-ranking"', 1)[1].split("</table>", 1)[0]
    assert table.index("Fundacja Druga") < table.index("Stowarzyszenie Pierwsze")
    assert "<td>1</td><td>" + second.case_mark in table
    assert "18,00" in table or "18.00" in table
    csv_url = reverse("grants:ranking_csv", args=[call.pk])
    assert f'href="{csv_url}"' in page
    assert second.case_mark in clerk.get(csv_url).content.decode("utf-8-sig")
