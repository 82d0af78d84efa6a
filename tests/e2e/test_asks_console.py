"""Weekly asks and thanks in the real `apport` console, in English and in French: an ask set
and listed with who might help, a referral that answers it, the referral won and its giver
thanked at once then in front of the network, reciprocity in `/stats me`, and the week's asks
posted once when `/clock` passes the meeting day."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_console import after, apport

ASK = {
    "en": "An introduction to the facility manager of a hotel in Lyon",
    "fr": "Une introduction auprès du directeur d'un hôtel à Lyon",
}
PROFILE = {
    "en": "Cleaning company | hotels, offices | Spotless hotels in Lyon",
    "fr": "Entreprise de nettoyage | hôtels, bureaux | Des hôtels impeccables à Lyon",
}
REFER = {
    "en": "Hotel Bellecour | a seminar buffet in Lyon | 3000",
    "fr": "Hôtel Bellecour | un buffet de séminaire à Lyon | 3000",
}
THANKS = {"en": "1 amount | Two hundred guests fed", "fr": "1 montant | Deux cents convives"}


def session(locale: str) -> str:
    return f"""\
/as alice
/network set locale {locale}
/charter commission 10%
/charter accept
/network set announcements-channel #general
/as bob
/charter accept
/profile {PROFILE[locale]}
/as carol
/charter accept
/ask {ASK[locale]}
/asks
/as alice
/refer @carol {REFER[locale]}
/as carol
/referral 1 accept
/referral 1 won 4500
/thanks {THANKS[locale]}
/as alice
/stats me
/clock +8d
/clock +7d
"""


EXPECTED = {
    "en": {
        "asks": "Might help: bob (hotels, lyon).",
        "card": "Answers an ask: carol's ask of the week",
        "matched": "(matched: hotel, lyon)",
        "thanked": "[alice] Thank you, alice: your referral brought carol €4,500 of business.",
        "post": "[#general] carol thanks alice for referral #1. Business closed: €4,500.",
        "quote": "[#general]   - “Two hundred guests fed”",
        "stats": "carol: given 1 (business closed €4,500); received 0",
        "weekly": "[#general] This week's asks in",
    },
    "fr": {
        "asks": "Pourraient aider : bob (hotels, lyon).",
        "card": "Répond à une demande : Demande de la semaine, carol",
        "matched": "(mots trouvés : hotel, lyon)",
        "thanked": "[alice] Merci, alice : votre recommandation a rapporté 4\u202f500\xa0€ "
        "d'affaires à carol.",
        "post": "[#general] carol remercie alice pour la recommandation n° 1. Affaire conclue : "
        "4\u202f500\xa0€.",
        "quote": "[#general]   - « Deux cents convives »",
        "stats": "carol : donné 1 (affaires conclues 4\u202f500\xa0€) ; reçu 0",
        "weekly": "[#general] Les demandes de la semaine dans",
    },
}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_asks_posted_and_matched_and_a_won_referral_thanked(
    locale: str, database_url: str, tmp_path: Path
) -> None:
    out = apport(session(locale), database_url, tmp_path)
    expected = EXPECTED[locale]
    assert ASK[locale] in after(out, f"/ask {ASK[locale]}")
    assert expected["asks"] in after(out, "/asks")
    offered = after(out, f"/refer @carol {REFER[locale]}")
    assert expected["card"] in offered and expected["matched"] in offered
    assert expected["thanked"] in after(out, "/referral 1 won 4500")
    thanked = after(out, f"/thanks {THANKS[locale]}")
    assert expected["post"] in thanked and expected["quote"] in thanked
    assert expected["stats"] in after(out, "/stats me")
    week = after(out, "/clock +8d")
    assert expected["weekly"] in week and ASK[locale] in week
    assert expected["weekly"] not in after(out, "/clock +7d")  # posted once; expired since
