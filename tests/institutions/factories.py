"""Test data of the register, made through the services wherever a record enters the book."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from core.models import PrivateDocument
from core.roles import SECTION_BY_CODE, sync_roles
from institutions import services
from institutions.models import DirectorTerm, ExtractRequest, InstitutionKind, LegalAct, RegisterEntry, Section
from tests.helpers import public_form_data

REGISTER_GROUP = SECTION_BY_CODE["institutions"].group_name
EXTRACT_FORM_URL = "/rejestr-instytucji-kultury/odpis/"
STAMP_DUTY_ACCOUNT = "39 1111 2222 3333 4444 5555 6666"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
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


def director_term(clerk, institution, *, starts_on, ends_on, name="Jan Kowalski"):
    """A director's term recorded by the register's service (with its section II entry), after a competition."""
    act = legal_act(adopted_on=starts_on, title="w sprawie powołania dyrektora", kind="mayor_order")
    return services.director_term_record(
        institution=institution,
        person_name=name,
        appointment_mode=DirectorTerm.AppointmentMode.COMPETITION,
        appointment_act=act,
        starts_on=starts_on,
        ends_on=ends_on,
        acting_user=clerk,
    )


def new_institution_admin_data(founding_act, **changes) -> dict:
    """POST data of the admin's screen for a new institution: the Galeria Miejska, entered on 1 June 2024."""
    return {
        "entry_no": "1",
        "kind": "other",
        "website": "",
        "entry_date": "2024-06-01",
        "col_founding_act": founding_act.pk,
        "col_full_name": "Galeria Miejska w Rudzie Śląskiej",
        "col_seat": "Ruda Śląska",
        "col_address": "ul. Kościelna 2",
        "col_organiser": "Miasto Ruda Śląska",
        **changes,
    }


def entry(institution, *, clerk, entry_date, values, section=Section.I, legal_basis=None, **fields) -> RegisterEntry:
    """An entry in `institution`'s book made by `clerk` (`services.entry_make`); its founding act by default."""
    return services.entry_make(
        institution=institution,
        section=section,
        entry_date=entry_date,
        legal_basis=legal_basis or institution.founding_act,
        values=values,
        acting_user=clerk,
        **fields,
    )


def correction(struck, *, clerk, entry_date, values, **fields) -> RegisterEntry:
    """A correction striking out the entry `struck`, in its section and on its legal basis by default."""
    fields.setdefault("legal_basis", struck.legal_basis)
    return entry(
        struck.institution,
        clerk=clerk,
        entry_date=entry_date,
        values=values,
        section=struck.section,
        kind=RegisterEntry.Kind.CORRECTION,
        struck_entry=struck,
        **fields,
    )


def extract_form_data(institution, /, **changes) -> dict:
    """The public form asking for an extract of `institution`, filled in as an applicant would, with `changes`."""
    fields = {
        "institution": institution.pk,
        "kind": "full",
        "copies": "1",
        "applicant_name": "Stowarzyszenie Przyjaciół Halemby",
        "applicant_address": "ul. Halembska 10\n41-717 Ruda Śląska",
        "contact_email": "biuro@example.pl",
        "delivery": "post_registered",
    }
    return public_form_data(**{**fields, **changes})


def extract_request(client, institution, /, **changes) -> ExtractRequest:
    """A request for an extract sent through the public form (the case opens as for an applicant)."""
    response = client.post(EXTRACT_FORM_URL, extract_form_data(institution, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ExtractRequest.objects.select_related("register_entry").latest("pk")


def proof_url(request) -> str:
    """The tracking page's form for the proof of payment of `request`'s fee."""
    return f"/sprawy/{request.register_entry.tracking_token}/oplata/"


def documents_of(request):
    """The private documents kept with `request` (proofs of payment, issued extracts)."""
    return PrivateDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(ExtractRequest), object_id=request.pk
    )
