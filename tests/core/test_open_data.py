"""The open-data catalogue (DCAT-AP PL): it parses as JSON-LD and as RDF/XML into the same graph, lists every
registered dataset with a working download, and each CSV's header is the columns of its Table Schema."""

import csv
import io
import json
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF

from core import open_data
from tests.helpers import close_response

DCAT = Namespace("http://www.w3.org/ns/dcat#")


def path_of(url: str) -> str:
    return urlsplit(url).path


@pytest.fixture
def catalogue_graph(client, db):
    response = client.get(reverse("core:open_data_catalogue_jsonld"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return response, open_data.parse_json_ld(response.content.decode())


def test_the_catalogue_parses_as_json_ld_and_lists_every_registered_dataset(catalogue_graph):
    _response, graph = catalogue_graph

    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogues) == 1
    listed = {str(graph.value(dataset, DCTERMS.identifier)) for dataset in graph.objects(catalogues[0], DCAT.dataset)}
    assert listed == {dataset.key for dataset in open_data.datasets()}
    assert {"wydarzenia", "rejestr-instytucji-kultury", "wyniki-konkursow", "komunikaty"} <= listed
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        assert graph.value(dataset, DCTERMS.title) is not None
        assert str(graph.value(dataset, DCTERMS.accrualPeriodicity)).startswith(open_data.EU + "frequency/")
        for distribution in graph.objects(dataset, DCAT.distribution):
            assert graph.value(distribution, DCAT.downloadURL) is not None
            assert str(graph.value(distribution, DCTERMS.format)).startswith(open_data.EU + "file-type/")
            assert graph.value(distribution, DCTERMS.license) == URIRef(
                "https://creativecommons.org/publicdomain/zero/1.0/"
            )


def test_the_rdf_xml_catalogue_is_the_same_graph(client, catalogue_graph):
    _response, graph = catalogue_graph

    response = client.get(reverse("core:open_data_catalogue_rdf"))

    assert response["Content-Type"].startswith("application/rdf+xml")
    assert isomorphic(Graph().parse(data=response.content, format="xml"), graph)


def test_every_listed_download_works_and_is_open_to_other_sites(client, catalogue_graph):
    _response, graph = catalogue_graph
    urls = {str(url) for url in graph.objects(None, DCAT.downloadURL)}
    assert urls

    for url in urls:
        response = client.get(path_of(url))
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*", url
        close_response(response)


def test_each_csv_has_its_schema_with_the_columns_of_its_header(client, db):
    tables = [
        (dataset, distribution)
        for dataset in open_data.datasets()
        for distribution in dataset.distributions
        if distribution.format == "CSV"
    ]
    assert len(tables) >= 4

    for dataset, distribution in tables:
        schema = client.get(path_of(dataset.schema_url()))
        assert schema.status_code == 200
        assert schema["Access-Control-Allow-Origin"] == "*"
        fields = json.loads(schema.content)["fields"]
        assert {field["type"] for field in fields} <= {
            "string",
            "integer",
            "number",
            "boolean",
            "date",
            "datetime",
            "array",
        }
        response = client.get(path_of(distribution.url()))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        close_response(response)
        header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        assert header == [field["name"] for field in fields], dataset.key


def test_the_open_data_page_names_each_dataset_its_licence_frequency_and_schema(client, db):
    response = client.get(reverse("core:open_data"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert "Kalendarz wydarzeń" in page
    assert "Rejestr instytucji kultury" in page
    assert "codziennie" in page
    assert "https://creativecommons.org/publicdomain/zero/1.0/" in page
    assert "/otwarte-dane/wydarzenia/schemat.json" in page
    assert "/otwarte-dane/katalog.jsonld" in page
    assert "/otwarte-dane/katalog.rdf" in page
    assert client.get("/otwarte-dane/nieznany/schemat.json").status_code == 404
