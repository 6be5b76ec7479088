"""The open-data catalogue: every dataset the portal offers, for people (one page) and for harvesters (DCAT-AP).

The national portal dane.gov.pl harvests catalogues in its DCAT-AP PL profile (DCAT-AP 2, the EU vocabularies of
file types, frequencies, themes and languages); the catalogue is offered as JSON-LD and, serialised from the same
graph by rdflib, as RDF/XML. Each CSV or JSON file has a schema (Frictionless Table Schema) at a stable address.

Apps register their datasets in their registrations with `register_dataset(Dataset(...))`; `core` imports no app.
The licence is the department's choice [K]: CC0 1.0 unless a dataset names another (OPEN_DATA_LICENCE).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.site import site_url

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# The EU frequency vocabulary (DCAT-AP dct:accrualPeriodicity), with the words the page uses.
FREQUENCIES = {
    "CONT": _("continuously"),
    "DAILY": _("daily"),
    "WEEKLY": _("weekly"),
    "MONTHLY": _("monthly"),
    "IRREG": _("when something changes"),
}
# The EU file types (dct:format) and the media types of each format the portal writes.
FORMATS = {
    "CSV": ("CSV", "text/csv"),
    "JSON": ("JSON", "application/json"),
    "XLSX": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ICS": ("ICS", "text/calendar"),
    "RSS": ("RSS", "application/rss+xml"),
    "ATOM": ("ATOM", "application/atom+xml"),
}
TABLE_FORMATS = frozenset({"CSV", "JSON", "XLSX"})


@dataclass(frozen=True)
class Column:
    """One column of a CSV (one key of a JSON record): its name, what it holds and its Table Schema type."""

    name: str
    title: str | Promise
    type: str = "string"  # string, integer, number, boolean, date, datetime, array
    description: str | Promise = ""


@dataclass(frozen=True)
class Distribution:
    """One file of a dataset: its format (a key of FORMATS) and the URL name of the view that writes it."""

    format: str
    url_name: str

    def url(self) -> str:
        return site_url(reverse(self.url_name))


@dataclass(frozen=True)
class Dataset:
    """A dataset: what it holds, how often it changes (a key of FREQUENCIES), its files and their columns.

    `theme` is an EU data theme (EDUC: education, culture and sport; GOVE: government and the public sector);
    `landing_url_name` the public page the data comes from.
    """

    key: str
    title: str | Promise
    description: str | Promise
    frequency: str
    distributions: tuple[Distribution, ...]
    landing_url_name: str
    columns: tuple[Column, ...] = ()
    keywords: tuple[str | Promise, ...] = ()
    theme: str = "EDUC"
    licence: str = ""
    position: int = 100
    extra: dict = field(default_factory=dict)

    @property
    def licence_url(self) -> str:
        return self.licence or settings.OPEN_DATA_LICENCE

    @property
    def frequency_label(self) -> str:
        return str(FREQUENCIES[self.frequency])

    def landing_url(self) -> str:
        return site_url(reverse(self.landing_url_name))

    def schema_url(self) -> str:
        return site_url(reverse("core:open_data_schema", kwargs={"dataset": self.key}))

    def has_schema(self) -> bool:
        return bool(self.columns) and any(d.format in TABLE_FORMATS for d in self.distributions)


_datasets: dict[str, Dataset] = {}


def register_dataset(dataset: Dataset) -> None:
    for distribution in dataset.distributions:
        if distribution.format not in FORMATS:
            raise ValueError(f"Unknown format {distribution.format!r} of dataset {dataset.key!r}")
    if dataset.frequency not in FREQUENCIES:
        raise ValueError(f"Unknown frequency {dataset.frequency!r} of dataset {dataset.key!r}")
    _datasets[dataset.key] = dataset


def datasets() -> list[Dataset]:
    return sorted(_datasets.values(), key=lambda dataset: (dataset.position, dataset.key))


def dataset_for_key(key: str) -> Dataset | None:
    return _datasets.get(key)


def data_file_url_names() -> frozenset[str]:
    """The URL names of every registered data file: the views open to other sites (CORS)."""
    return frozenset(d.url_name for dataset in _datasets.values() for d in dataset.distributions)


def table_schema(dataset: Dataset) -> dict:
    """The dataset's columns as a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/)."""
    return {
        "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
        "fields": [
            {
                "name": column.name,
                "title": str(column.title),
                "type": column.type,
                **({"description": str(column.description)} if column.description else {}),
            }
            for column in dataset.columns
        ],
    }


def _text(value) -> dict:
    return {"@value": str(value), "@language": "pl"}


def _ref(url: str) -> dict:
    return {"@id": url}


def publisher(department) -> dict:
    name = department.name if department else str(_("City Hall of Ruda Śląska"))
    return {"@id": site_url(reverse("core:department")), "@type": "foaf:Agent", "foaf:name": name}


def contact_point(department) -> dict:
    point = {"@type": "vcard:Organization", "vcard:fn": department.name if department else ""}
    if department and department.email:
        point["vcard:hasEmail"] = _ref(f"mailto:{department.email}")
    return point


def catalogue(department=None) -> dict:
    """The catalogue as DCAT-AP JSON-LD: the catalogue, its datasets and their distributions, at stable addresses
    (the Polish ones, whatever the language of the request), with Polish titles."""
    with translation.override("pl"):
        return _catalogue(department)


def _catalogue(department) -> dict:
    agent = publisher(department)
    items = []
    for dataset in datasets():
        distributions = []
        for distribution in dataset.distributions:
            file_type, media_type = FORMATS[distribution.format]
            item = {
                "@id": distribution.url(),
                "@type": "dcat:Distribution",
                "dct:title": _text(f"{dataset.title} ({distribution.format})"),
                "dcat:accessURL": _ref(distribution.url()),
                "dcat:downloadURL": _ref(distribution.url()),
                "dcat:mediaType": _ref(IANA + media_type),
                "dct:format": _ref(EU + "file-type/" + file_type),
                "dct:license": _ref(dataset.licence_url),
            }
            if dataset.has_schema() and distribution.format in TABLE_FORMATS:
                item["dct:conformsTo"] = _ref(dataset.schema_url())
            distributions.append(item)
        items.append(
            {
                "@id": site_url(reverse("core:open_data") + f"#{dataset.key}"),
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.key,
                "dct:title": _text(dataset.title),
                "dct:description": _text(dataset.description),
                "dcat:keyword": [_text(keyword) for keyword in dataset.keywords],
                "dcat:theme": _ref(EU + "data-theme/" + dataset.theme),
                "dct:accrualPeriodicity": _ref(EU + "frequency/" + dataset.frequency),
                "dct:language": _ref(EU + "language/POL"),
                "dcat:landingPage": _ref(dataset.landing_url()),
                "dct:publisher": agent,
                "dcat:contactPoint": contact_point(department),
                "dcat:distribution": distributions,
            }
        )
    return {
        "@context": CONTEXT,
        "@id": site_url(reverse("core:open_data_catalogue_jsonld")),
        "@type": "dcat:Catalog",
        "dct:title": _text(_("Open data of the Department of Culture of Ruda Śląska")),
        "dct:description": _text(_("Datasets of the portal: events, the register of institutions, grants, releases.")),
        "dct:language": _ref(EU + "language/POL"),
        "dct:publisher": agent,
        "foaf:homepage": _ref(site_url(reverse("core:open_data"))),
        "dcat:dataset": items,
    }


def catalogue_rdf_xml(document: dict) -> str:
    """The same catalogue as RDF/XML, serialised from the JSON-LD's graph (the context is inline: no network)."""
    import json

    graph = parse_json_ld(json.dumps(document))
    for prefix, namespace in CONTEXT.items():
        graph.bind(prefix, namespace)
    return graph.serialize(format="pretty-xml")


def parse_json_ld(text: str):
    """An rdflib Graph of a JSON-LD text (the catalogue, or what a harvester reads back in the tests)."""
    import warnings

    from rdflib import Graph

    with warnings.catch_warnings():
        # rdflib 7.6's JSON-LD parser builds a ConjunctiveGraph internally and warns about its own deprecation.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=text, format="json-ld")


def open_to_other_sites(view: Callable) -> Callable:
    """Let pages of other sites read the file (Access-Control-Allow-Origin: *): only on data files."""
    from functools import wraps

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped
