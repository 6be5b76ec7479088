"""The report on the state of accessibility in the layout of the minister's form (ustawa z 19.07.2019 art. 11).

One row per question, one column per building, as the form repeats its questions for each building: Dział I
(architectural, art. 6 pkt 1), Dział II (digital, art. 6 pkt 2: the websites and applications counted), Dział III
(information and communication, art. 6 pkt 3), Dział IV (alternative access, art. 7). The figures are those the
coordinator entered (`AccessibilityReport`, `ReportBuilding`); the question texts are [K], to be checked against the
form of the reporting year on the GUS portal.
"""

from django.utils.translation import gettext as _

from accessibility.models import AccessibilityReport, ReportBuilding

ARCHITECTURAL = [
    ("I.1", "barrier_free_spaces"),
    ("I.2", "access_to_rooms"),
    ("I.3", "room_layout_information"),
    ("I.4", "assistance_dog"),
    ("I.5", "evacuation"),
]
INFO_COMM = [
    ("III.1", "communication_support"),
    ("III.2", "hearing_devices"),
    ("III.3", "website_information"),
    ("III.4", "communication_on_request"),
]


def report_header(buildings: list[ReportBuilding]) -> list[str]:
    return [_("Part"), _("Question"), *[f"{b.venue.name}, {b.venue.street_address}" for b in buildings]]


def report_rows(report: AccessibilityReport, buildings: list[ReportBuilding]):
    """The rows of the form: a yes or no per building for each question of parts I and III, the counts of part II."""
    width = len(buildings)
    for number, field in ARCHITECTURAL:
        label = ReportBuilding._meta.get_field(field).verbose_name
        yield [number, str(label), *[getattr(building, field) for building in buildings]]
    yield ["II.1", _("Websites and mobile applications"), report.websites, *[None] * (width - 1)]
    yield ["II.2", _("Of them fully compliant"), report.websites_full, *[None] * (width - 1)]
    yield ["II.3", _("Of them partially compliant"), report.websites_partial, *[None] * (width - 1)]
    not_compliant = report.websites - report.websites_full - report.websites_partial
    yield ["II.4", _("Of them not compliant"), not_compliant, *[None] * (width - 1)]
    for number, field in INFO_COMM:
        label = ReportBuilding._meta.get_field(field).verbose_name
        yield [number, str(label), *[getattr(building, field) for building in buildings]]
    yield ["IV", _("Alternative access"), report.alternative_access, *[None] * (width - 1)]
