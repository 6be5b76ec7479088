"""Test data of the register, made through the services wherever a record enters the book."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import SECTION_BY_CODE, sync_roles
from institutions import services
from institutions.models import InstitutionKind, LegalAct

REGISTER_GROUP = SECTION_BY_CODE["institutions"].group_name
_numbers = itertools.count(1)


def register_clerk(username: str | None = None, **fields):
    """A clerk of the register section (holds institutions.add_registerentry)."""
    if not Group.objects.filter(name=REGISTER_GROUP).exists():
        sync_roles()
    user = get_user_model().objects.create_user(
        username=username or f"pelnomocnik{next(_numbers)}",
        first_name=fields.pop("first_name", "Anna"),
        last_name=fields.pop("last_name", "Nowak"),
        is_staff=True,
        **fields,
    )
    user.groups.add(Group.objects.get(name=REGISTER_GROUP))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def legal_act(
    *, number=None, adopted_on=datetime.date(2000, 6, 26), title="w sprawie utworzenia instytucji", **fields
):
    return LegalAct.objects.create(
        number=number or f"{next(_numbers)}/XXVIII/2000", adopted_on=adopted_on, title=title, **fields
    )


def institution(
    *,
    clerk,
    full_name="Miejskie Centrum Kultury im. Henryka Bisty w Rudzie Śląskiej",
    kind=InstitutionKind.CULTURE_CENTRE,
    entry_date=datetime.date(2012, 5, 21),
    **values,
):
    act = values.pop("founding_act", None) or legal_act(
        adopted_on=min(entry_date, datetime.date(2000, 6, 26)), is_public=True
    )
    return services.institution_register(
        kind=kind,
        values={
            "full_name": full_name,
            "short_name": values.pop("short_name", "MCK"),
            "seat": values.pop("seat", "Ruda Śląska"),
            "address": values.pop("address", "ul. Piotra Niedurnego 69, 41-709 Ruda Śląska"),
            **values,
        },
        founding_act=act,
        entry_date=entry_date,
        acting_user=clerk,
    )
