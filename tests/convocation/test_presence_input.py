"""An official's presence answer (@presence) and the secretariat's changes to a convocation (@convocation) refuse
values of the wrong kind with a 400 in French, and record nothing of them."""

from .conftest import convene
from collective.deliberations.convocation.storage import get_convocation

import pytest
import transaction


@pytest.mark.parametrize(
    "body,expected",
    [
        ({"answer": "procuration", "proxy": ["elu2"]}, "proxy doit être un texte"),
        ({"answer": "procuration", "proxy": {"id": "elu2"}}, "proxy doit être un texte"),
        ({"answer": ["present"]}, "answer doit être un texte"),
        ({"answer": 1}, "answer doit être un texte"),
        ('{"answer": "present",', "n'est pas un objet JSON"),
    ],
)
def test_presence_refuses_wrong_types(site, inbox, rest, body, expected):
    convene(site.session)
    url = f"{site.session.absolute_url()}/@presence"
    if isinstance(body, str):
        response = rest("elu").post(url, data=body, headers={"Content-Type": "application/json"})
    else:
        response = rest("elu").post(url, json=body)
    assert response.status_code == 400, response.text[:500]
    assert expected in response.json()["error"]["message"]
    transaction.begin()
    assert list(get_convocation(site.session).get("elu").answers) == []


@pytest.mark.parametrize(
    "body,expected",
    [
        ({"remote_allowed": "oui"}, "remote_allowed doit valoir true ou false"),
        ({"recipient": ["elu"]}, "recipient doit être un texte"),
    ],
)
def test_convocation_changes_refuse_wrong_types(site, inbox, rest, body, expected):
    convene(site.session)
    method = "patch" if "remote_allowed" in body else "post"
    service = "@convocation" if method == "patch" else "@convocation-send"
    response = getattr(rest("secretaire"), method)(f"{site.session.absolute_url()}/{service}", json=body)
    assert response.status_code == 400, response.text[:500]
    assert expected in response.json()["error"]["message"]
    transaction.begin()
    assert get_convocation(site.session).remote_allowed is False
