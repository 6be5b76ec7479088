"""The demo register: the city's three institutions (DOMAIN.md §A.1), loaded through the services, idempotent."""

import io

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from core.models import PrivateDocument
from institutions.models import CulturalInstitution, DirectorTerm, ExtractRequest, FinancialStatement, RegisterEntry
from institutions.selectors import institution_state_from_entries
from institutions.services import PROJECTION_FIELDS


def test_seed_institutions_is_idempotent_and_the_projection_equals_the_books(db):
    call_command("seed_institutions", "--allow-outside-debug", stdout=io.StringIO())
    counts = (CulturalInstitution.objects.count(), RegisterEntry.objects.count(), DirectorTerm.objects.count())
    call_command("seed_institutions", "--allow-outside-debug", stdout=io.StringIO())
    assert (CulturalInstitution.objects.count(), RegisterEntry.objects.count(), DirectorTerm.objects.count()) == counts
    names = list(CulturalInstitution.objects.order_by("entry_no").values_list("full_name", flat=True))
    assert names == [
        "Miejskie Centrum Kultury im. Henryka Bisty w Rudzie Śląskiej",
        "Miejska Biblioteka Publiczna w Rudzie Śląskiej",
        "Muzeum Miejskie im. Maksymiliana Chroboka w Rudzie Śląskiej",
    ]
    assert FinancialStatement.objects.count() == 9
    for institution in CulturalInstitution.objects.all():
        state = institution_state_from_entries(list(institution.entries.select_related("legal_basis")))
        assert {name: getattr(institution, name) for name in PROJECTION_FIELDS} == state
        assert institution.statute_act is not None
        assert set(institution.entries.values_list("section", flat=True)) == {"I", "II", "III"}
    library = CulturalInstitution.objects.get(entry_no=2)
    assert "354/XXVIII/2000" in str(library.statute_act)


def test_seed_shows_extract_requests_in_each_state_of_paying(db):
    """A newcomer sees a request just received, one waiting for the fee, one with its proof, one paid, one issued."""
    call_command("seed_institutions", "--allow-outside-debug", stdout=io.StringIO())
    call_command("seed_institutions", "--allow-outside-debug", stdout=io.StringIO())
    documents = ContentType.objects.get_for_model(ExtractRequest)
    issued = ExtractRequest.objects.get(status=ExtractRequest.Status.ISSUED)
    states = []
    for request in ExtractRequest.objects.order_by("-received_on"):
        kinds = sorted(
            PrivateDocument.objects.filter(content_type=documents, object_id=request.pk).values_list("kind", flat=True)
        )
        states.append((request.status, request.pages, request.fee_paid, kinds))
    assert states == [
        (ExtractRequest.Status.RECEIVED, None, False, []),
        (ExtractRequest.Status.AWAITING_FEE, 3, False, []),
        (ExtractRequest.Status.AWAITING_FEE, 1, False, [PrivateDocument.Kind.ATTACHMENT]),
        (ExtractRequest.Status.AWAITING_FEE, 4, True, [PrivateDocument.Kind.ATTACHMENT]),
        (
            ExtractRequest.Status.ISSUED,
            issued.pages,
            True,
            [PrivateDocument.Kind.ATTACHMENT, PrivateDocument.Kind.LETTER],
        ),
    ]
    assert issued.pages >= 1
