"""The export on the demo: Thạch Thị Sà Vọng's household, everything about it, nothing of another household.

The demo is loaded once for the package (conftest.py), the year's visits, petitions and support included.
"""

import io
import json
import zipfile

import pytest

from longdan.accounts.models import User
from longdan.cases.models import Case
from longdan.demo.seed_case import SA_VONG
from longdan.fieldwork.models import Visit
from longdan.households.models import Household
from longdan.privacy.export import household_export
from longdan.support.models import Benefit

pytestmark = pytest.mark.django_db


def test_sa_vongs_export_holds_her_household_and_nothing_of_another():
    household = Household.objects.get(head_name=SA_VONG)
    content = household_export(user=User.objects.get(username="demo-station"), household=household)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        data = json.loads(archive.read("household.json"))

    assert data["household"]["head_name"] == SA_VONG and data["household"]["code"] == household.code
    assert {r["full_name"] for r in data["residents"]} == set(
        household.residents.values_list("full_name", flat=True)
    )
    assert data["residents"] and data["visits"] and data["petitions"] and data["benefits"]
    assert {v["id"] for v in data["visits"]} == set(
        Visit.objects.filter(household=household).values_list("id", flat=True)
    )
    assert {p["id"] for p in data["petitions"]} == set(
        Case.objects.filter(household=household).values_list("id", flat=True)
    )
    assert {b["id"] for b in data["benefits"]} == set(
        Benefit.objects.filter(household=household).values_list("id", flat=True)
    )

    text = json.dumps(data, ensure_ascii=False)
    others = Household.objects.exclude(pk=household.pk)
    # No other household's code or head; the names of its residents, where no one here shares them.
    own_names = {SA_VONG, *household.residents.values_list("full_name", flat=True)}
    leaks = [code for code in others.values_list("code", flat=True) if f'"{code}"' in text]
    leaks += [
        name for name in others.values_list("head_name", flat=True) if name not in own_names and name in text
    ]
    assert not leaks
    # Petitions of the hamlet (raised at its cell meeting, no household) stay out.
    hamlet_cases = Case.objects.filter(household__isnull=True, hamlet=household.hamlet).values_list(
        "id", flat=True
    )
    assert not {p["id"] for p in data["petitions"]} & set(hamlet_cases)
