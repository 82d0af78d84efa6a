"""A French club tried end to end in the console, typing only French keywords: six members,
a charter at `10 % min 50`, referrals accepted, won and paid, feedback, figures, the directory,
a candidate interviewed and voted on, and the treasurer's files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from tests.e2e.test_console import after, apport

MEMBERS = ("alice", "bob", "carol", "dave", "erin", "fanny")
SESSION = (
    "/as alice\n/network régler langue fr\n/charter commission 10 % min 50\n"
    + "".join(f"/as {name}\n/charter accepter\n" for name in MEMBERS)
    + """\
/as alice
/network rôle @bob expérimenté
/network rôle @carol expérimenté
/network rôle @dave recruteur
/network rôle @erin recruteur
/network régler rappel-charte "lundi 9h"
/profile Expert-comptable | comptabilité, paie, TVA | Je tiens les comptes des restaurants
/as bob
/profile Plombier | plomberie, chauffage | Dépannage en deux heures
/as alice
/refer @bob Acme | fuite dans la cuisine du restaurant | 5000 | 3
/refer @carol Initech | site web | 2000
/refer @dave Globex | une cuisine neuve | 300
/as bob
/referral 1 accepter
/referral 1 contacte
/referral 1 GAGNÉ 12000
/as carol
/referral 2 refuser
/as dave
/referral 3 accepter
/referral 3 gagné 300
/as alice
/referral 1 payé
/feedback 1 5 Très bien servi, merci Bob
/feedback 3 plus-tard
/referrals données
/stats
/stats trimestre
/stats moi année
/members
/members plomberie
/help referral
/candidate Zoé Martin | fleuriste | A quitté BNI Lyon : trop de pression sur la présence
/as bob
/candidate 1 compte-rendu admettre | Généreuse, passe déjà du travail aux artisans
/as carol
/candidate 1 compte-rendu admettre | Honnête sur son ancien réseau
/as dave
/candidate 1 voter non
/candidate 1 voter abstention
/as erin
/candidate 1 voter oui
/as alice
/stats export
"""
)


def _packed(text: str) -> str:
    """Without spaces: amounts read alike whatever space groups their digits."""
    return "".join(text.split()).replace("\u202f", "")


def test_a_french_club_works_with_french_keywords_only(database_url: str, tmp_path: Path) -> None:
    out = apport(SESSION, database_url, tmp_path)

    refused = [line for line in out.splitlines() if line.startswith("! ")]
    assert refused == [], "every French keyword is understood"
    assert "Usage" not in out and "Utilisation" not in out

    assert "Apport parle désormais français dans ce réseau." in out
    assert "minimum 50" in after(out, "/charter commission 10 % min 50")
    assert "dave a désormais le rôle recruteur." in after(out, "/network rôle @dave recruteur")
    reminder = after(out, '/network régler rappel-charte "lundi 9h"')
    assert reminder == "Une règle de la charte est désormais rappelée chaque lundi à 09:00."

    assert "Vous avez accepté la recommandation n° 1." in after(out, "/referral 1 accepter")
    assert "client contacté" in after(out, "/referral 1 contacte")
    won = after(out, "/referral 1 GAGNÉ 12000")
    assert "Recommandation n° 1 gagnée" in won and "1200" in _packed(won)  # 10 % of 12 000
    assert "Vous avez refusé la recommandation n° 2." in after(out, "/referral 2 refuser")
    small = after(out, "/referral 3 gagné 300")
    assert "50" in small, "10 % of 300 is below the minimum of 50"
    assert "marquée payée" in after(out, "/referral 1 payé")
    assert "5/5 enregistré pour la recommandation n° 1" in after(
        out, "/feedback 1 5 Très bien servi, merci Bob"
    )
    assert "[alice]" not in after(out, "/feedback 3 plus-tard")

    given = after(out, "/referrals données")
    assert given.startswith("Recommandations que j'ai données")
    assert "acme" in given.lower() and "globex" in given.lower() and "initech" in given.lower()
    assert after(out, "/stats").startswith("Console : ")
    assert "T4" in after(out, "/stats trimestre")
    assert after(out, "/stats moi année").startswith("alice : ")
    assert "Membres du réseau Console (6)" in after(out, "/members")
    assert "bob : Plombier" in after(out, "/members plomberie")
    assert "/referral N [accepter|refuser|annuler|contacté|gagné|perdu|payé|corriger] [note]" in (
        after(out, "/help referral")
    )

    assert "Compte rendu rédigé par bob : admettre" in out
    assert "[Oui] /candidate 1 voter oui" in out  # buttons, written as French commands
    assert "/referral 1 accepter" in after(
        out, "/refer @bob Acme | fuite dans la cuisine du restaurant | 5000 | 3"
    )
    assert "Abstention" in after(out, "/candidate 1 voter abstention")
    assert "Zoé Martin (candidat n° 1) est admis." in after(out, "/candidate 1 voter oui")
    assert "oui 1, non 0, abstention 1" in after(out, "/candidate 1 voter oui")

    files = sorted((tmp_path / "apport-files").glob("apport-*"))
    (referrals,) = [f for f in files if f.name.startswith("apport-referrals")]
    rows = list(csv.reader(io.StringIO(referrals.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Numéro" and rows[1][7] == "12000,00"
    (workbook,) = [f for f in files if f.suffix == ".xlsx"]
    sheet = load_workbook(workbook)["Recommandations"]
    assert sheet.cell(row=2, column=8).value == 12000
