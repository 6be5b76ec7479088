"""Rules of the competition committee's composition (komisja konkursowa, u.d.p.p. art. 15 ust. 2a–2f).

u.d.p.p. = ustawa z 24.04.2003 o działalności pożytku publicznego i o wolontariacie (t.j. Dz.U. 2024 poz. 1491).
What each paragraph says, as read in the sources listed in docs/grants-committee.md:

- ust. 2a: the organ that announces an open competition appoints a committee to give opinions on the offers;
- ust. 2d: the committee holds the organ's representatives and persons nominated by NGOs (or the entities of
  art. 3 ust. 3), *except persons nominated by organisations that take part in the competition*;
- ust. 2da: the committee may sit without the persons nominated by organisations when (1) no organisation
  nominated anyone, (2) the nominated persons do not take part in its work, or (3) every nominated person is
  excluded under ust. 2d or ust. 2f;
- ust. 2e: persons with specialist knowledge of the call's tasks may take part *with an advisory voice*;
- ust. 2f: the k.p.a. rules on excluding an official (art. 24) apply to the members who give opinions.

Pure functions: the services and forms pass plain values and read the answers.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Offeror:
    """Who submitted an offer in the call, as the offer's section II names them (annex 1, Dz.U. 2018 poz. 2057)."""

    case_mark: str
    name: str
    register_number: str
    partners: str = ""


def organisation_name_key(name: str) -> str:
    """A name reduced for comparison: case, quotation marks, punctuation and spacing do not tell two names apart.

    `Stowarzyszenie „Nasza Ruda”` and `STOWARZYSZENIE "NASZA RUDA"` are the same organisation.
    """
    return " ".join(re.sub(r"[\W_]+", " ", name or "").casefold().split())


def register_number_key(number: str) -> str:
    """A KRS (or other register) number reduced to its digits without leading zeros: `KRS 0000123456` → `123456`."""
    return re.sub(r"\D+", "", number or "").lstrip("0")


def nominator_is_offeror(*, nominator_name: str, nominator_register: str, offeror: Offeror) -> bool:
    """Whether the organisation that nominated a committee member submitted the offer (u.d.p.p. art. 15 ust. 2d).

    The same register number, or the same name, identifies the organisation; an organisation named (by name or
    by register number) among the partners of a joint offer took part in the competition too. Read to protect the
    offerors: any of these ties excludes the nominee [K: a name written differently escapes the check; the clerk
    records the KRS number to make it certain].
    """
    register = register_number_key(nominator_register)
    name = organisation_name_key(nominator_name)
    if register and register == register_number_key(offeror.register_number):
        return True
    if name and name == organisation_name_key(offeror.name):
        return True
    if offeror.partners:
        partners = organisation_name_key(offeror.partners)
        if name and f" {name} " in f" {partners} ":
            return True
        if register and register in {run.lstrip("0") for run in re.findall(r"\d+", offeror.partners)}:
            return True
    return False


def nominator_offer(*, nominator_name: str, nominator_register: str, offerors: list[Offeror]) -> Offeror | None:
    """The first offer of the call submitted by the organisation that nominated a member, or None (ust. 2d)."""
    if not (nominator_name or nominator_register):
        return None
    for offeror in offerors:
        if nominator_is_offeror(nominator_name=nominator_name, nominator_register=nominator_register, offeror=offeror):
            return offeror
    return None


def nominee_excluded_message(*, nominator_name: str, offeror: Offeror) -> str:
    """Why a person nominated by an offering organisation may not sit on the call's committee (ust. 2d)."""
    return _(
        "A person nominated by “%(organisation)s” may not sit on this call's committee: the organisation "
        "submitted an offer in the call (%(mark)s). u.d.p.p. art. 15 ust. 2d excludes persons nominated by "
        "organisations taking part in the competition."
    ) % {"organisation": nominator_name or offeror.name, "mark": offeror.case_mark}


def committee_needs_reason_without_ngo(*, sitting_ngo_members: int, reason: str) -> bool:
    """Whether the committee sits without persons nominated by organisations and no reason is recorded.

    u.d.p.p. art. 15 ust. 2da: the committee may sit without them only in the three cases the paragraph names,
    so the call records which one applies before the committee's opinion is used.
    """
    return sitting_ngo_members == 0 and not reason
