"""The OpenAPI document at /api/v1/openapi.json (an interface contract) and the docs page at /api/v1/docs."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/households",
    "/api/v1/households/{household_id}",
    "/api/v1/households/{household_id}/visits",
    "/api/v1/members",
    "/api/v1/members/{member_id}",
    "/api/v1/me/work-today",
    "/api/v1/visits",
    "/api/v1/visits/{visit_id}",
    "/api/v1/cases",
    "/api/v1/cases/{case_id}",
    "/api/v1/cases/{case_id}/transitions",
    "/api/v1/indicators",
]


def test_the_document_is_served_and_lists_the_paths():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Lòng Dân API"
    assert set(PATHS) <= set(document["paths"])
    assert set(document["paths"]["/api/v1/cases"]) == {"get", "post"}
    assert "post" in document["paths"]["/api/v1/visits"]


def test_the_document_says_how_to_authenticate():
    document = Client().get("/api/v1/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert [scheme["in"] for scheme in schemes.values()] == ["cookie"]


def test_sensitive_fields_are_only_in_the_sensitive_schemas():
    schemas = Client().get("/api/v1/openapi.json").json()["components"]["schemas"]
    holding = {
        name
        for name, schema in schemas.items()
        if {"ethnicity", "id_number"} & set(schema.get("properties", {}))
    }
    assert holding == {"HouseholdSensitiveOut", "ResidentSensitiveOut"}


def test_the_docs_page_loads_swagger_from_our_static_files_under_the_csp():
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    sources = re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', page)
    assert sources == ["/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"]
    # The only script element without src is the settings, as data the browser does not run.
    for tag in re.findall(r"<script\b[^>]*>", page):
        assert "src=" in tag or 'type="application/json"' in tag
    assert "cdn" not in page.lower()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
