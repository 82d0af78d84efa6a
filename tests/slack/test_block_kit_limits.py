"""Every Slack reply, card and form, in both catalogs, with the longest values members may
write: each message and view passes slack_sdk's Block Kit models and Slack's documented limits,
and nothing a member wrote is cut.

Three sweeps: every form core declares (and the one-field modal a button opens), every catalog
message as text, title, field and button, and a club's life driven through signed HTTP into
Bolt (referral, charter, directory, recruitment, breach report, Home tab), where every call the
adapter makes to Slack is checked."""

from __future__ import annotations

import string
from collections import defaultdict
from typing import Any

import pytest

from adapters.slack.modals import Origin, ask_view, form_view
from adapters.slack.outcomes import messages
from core.commands import COMMANDS
from core.shared.declare import form_for
from core.shared.i18n import CATALOGS, Translator
from core.shared.text import MAX_TEXT
from core.shared.ui import Action, Field, Input, InputKind, Reply
from tests.slack import payloads
from tests.slack.block_kit import check_message, check_view, read
from tests.slack.harness import SlackHarness

SAMPLE = (
    "débauchage & <clients> « apport » > commission ; l'équipe R&D <Ltd> réseau "
    "d'affaires où chacun s'engage à > 10 % & plus, à l'écoute <urgent> "
)
WORDS = SAMPLE.split()


def long_value(tag: str, length: int) -> str:
    """`length` characters of French with `&`, `<` and `>`, starting with `tag` (to find it)."""
    words = [tag]
    while len(" ".join(words)) < length:
        words.append(WORDS[len(words) % len(WORDS)])
    text = " ".join(words)[:length].rstrip()
    return text if len(text) == length else text + "x" * (length - len(text))


def _folded(text: str) -> str:
    return " ".join(text.split())


LOCALES = ("en", "fr")


# --- every form and every modal a button opens ------------------------------------------------


def _forms(t: Translator) -> list[tuple[str, dict[str, Any], dict[str, str]]]:
    """(what, modal, the initial value of each text input) for every declared form."""
    views = []
    for command in COMMANDS.values():
        for verb in command.verbs:
            if not verb.has_form:
                continue
            initial = {
                p.name: long_value(p.name, MAX_TEXT)
                for p in verb.params
                if p.kind in (InputKind.TEXT, InputKind.LONG_TEXT) and not p.choices
            }
            form = form_for(command, verb, t, initial)
            origin = Origin(command.name, verb.name, "", "https://hooks.slack.com/x" * 20, False)
            views.append((f"{command.name} {verb.name}", form_view(form, origin, "x"), initial))
    amount = Input("amount", t("param.amount.label"), InputKind.AMOUNT)
    origin = Origin("referral", args="2147483647 won", response_url="https://hooks.slack.com/x")
    views.append(("won", ask_view(amount, t("action.won"), origin, t("form.submit")), {}))
    return views


@pytest.mark.parametrize("locale", LOCALES)
def test_every_form_fits_and_shows_its_catalog_texts_whole(locale: str) -> None:
    t = Translator(locale)
    catalog = CATALOGS[locale]
    for what, view, initial in _forms(t):
        assert check_view(view) == [], what
        assert view["title"]["text"] in catalog.values(), f"{what}: title cut"
        assert view["submit"]["text"] in (t("form.submit"), "x"), f"{what}: submit cut"
        for block in view["blocks"]:
            name, element = block["block_id"], block["element"]
            assert block["label"]["text"] in catalog.values(), f"{what}: {name} label cut"
            if "hint" in block:
                assert block["hint"]["text"] in catalog.values(), f"{what}: {name} hint cut"
            if name in initial:
                assert element["initial_value"] == initial[name], f"{what}: {name} value cut"
            for option in element.get("options") or []:
                assert option["text"]["text"] == option["value"], f"{what}: {name} option cut"


# --- every catalog message, as text, title, field and button ----------------------------------


def _filled(template: str) -> tuple[str, list[str]]:
    """The template with each placeholder the longest text a member may write there."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    values = {name: long_value(name, MAX_TEXT) for name in sorted(names)}
    return template.format(**values), list(values.values())


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_catalog_message_renders_whole_within_slacks_limits(locale: str) -> None:
    for key, template in sorted(CATALOGS[locale].items()):
        text, written = _filled(template)
        kinds = [Reply(text=text), Reply(title=text), Reply(footer=text), Reply(lines=(text,))]
        kinds.append(Reply(fields=(Field(template.split("{")[0] or key, text),) * 12))
        if key.startswith(("action.", "ballot.")):
            # A button names at most a member ("Book with Zoé"): its label is filled with a name.
            label = template.format(**{n: "Zoé Martin-Lefebvre" for n in _names(template)})
            kinds.append(Reply(actions=(Action(label, "referral", "1 accept"),)))
        for reply in kinds:
            parts = messages(reply)
            for part in parts:
                assert check_message(part) == [], key
            shown = " ".join(read(part) for part in parts)
            button = bool(reply.actions)
            for value in (*written, _folded(template) if not written else ""):
                if button and value in written:
                    continue  # the label carries a name, checked whole below
                assert _folded(value) in shown, f"{key}: cut in {reply!r:.80}"
            if button:
                assert _folded(reply.actions[0].label) in shown, f"{key}: label cut"


# --- a club's life, every call to Slack checked ----------------------------------------------

SHOWN = {"chat.postMessage", "chat.update", "chat.postEphemeral", "response"}
VIEWS = {"views.open", "views.publish", "views.update", "views.push"}


def _life(slack: SlackHarness, locale: str) -> list[str]:
    """A club's life with the longest values; what its members wrote."""
    client = long_value("Client", MAX_TEXT)
    need = long_value("Besoin", MAX_TEXT)
    note = long_value("Note", MAX_TEXT)
    comment = long_value("Avis", MAX_TEXT)
    profession = long_value("Métier", 200)
    keywords = long_value("Motsclés", 500)
    pitch = long_value("Présentation", 300)
    name = long_value("Zoé", 200)
    trade = long_value("Plombier", 200)
    previous = long_value("Réseaux", MAX_TEXT)
    report = [long_value(f"Rapport{i}", MAX_TEXT) for i in range(4)]
    breach = long_value("Manquement", MAX_TEXT)
    section = long_value("Charte", MAX_TEXT)
    written = [client, need, note, comment, profession, keywords, pitch, name, trade, previous]
    written += [*report, breach, section]

    def run(user: str, line: str) -> dict[str, Any]:
        answer = slack.command(user, line)
        assert ":warning:" not in str(answer.get("blocks", ""))[:200], (line[:80], answer)
        return answer

    for user, who in (("UDAVE", "dave"), ("UERIN", "erin")):
        slack.fake.add_user(user, who)
    if locale == "fr":
        run("UALICE", "/apport network set locale fr")
    slack.command("UALICE", "/charter edit", expect_reply=False)
    view = slack.opened_view()
    initial = {b["block_id"]: b["element"]["initial_value"] for b in view["blocks"]}
    assert slack.submit(view, {**initial, "members": section}, "UALICE").status == 200
    for user in ("UALICE", "UBOB", "UCAROL", "UDAVE", "UERIN"):
        slack.command(user, "/charter accept")
    run("UBOB", "/charter")
    run("UALICE", "/apport network set recruiters-channel <#C0RECRUIT|recruiters>")
    for user, role in (("UBOB", "experienced"), ("UCAROL", "experienced")):
        run("UALICE", f"/apport network role <@{user}> {role}")
    for user in ("UDAVE", "UERIN"):
        run("UALICE", f"/apport network role <@{user}> recruiter")
    run("UBOB", f"/apport profile {profession} | {keywords} | {pitch}")
    run("UALICE", "/apport members")
    run("UALICE", "/refer ? Motsclés")
    escaped = payloads_escape(client)
    run("UALICE", f"/refer <@UBOB|bob> {escaped} | {payloads_escape(need)} | 5000 | 3")
    slack.deliver()
    [offer] = [m for m in slack.fake.dms_to("UBOB") if m.get("blocks")][-1:]
    accepted = slack.press(offer["blocks"], Translator(locale)("action.accept"), "UBOB")
    assert accepted is not None
    run("UBOB", f"/apport referral 1 contacted {payloads_escape(note)}")
    run("UBOB", "/apport referral 1 won 12000")
    run("UALICE", "/apport referral 1")
    run("UALICE", "/apport referrals")
    run("UALICE", f"/apport feedback 1 5 {payloads_escape(comment)}")
    run("UALICE", f"/apport candidate {name} | {trade} | {payloads_escape(previous)}")
    verdict = " | ".join(payloads_escape(r) for r in report)
    run("UBOB", f"/apport candidate 1 report admit | {verdict}")
    run("UCAROL", f"/apport candidate 1 report admit | {verdict}")
    run("UDAVE", "/apport candidate 1")
    run("UDAVE", "/apport candidate 1 vote yes")
    run("UCAROL", f"/apport report <@UBOB|bob> poaching | {payloads_escape(breach)}")
    run("UALICE", "/apport reports")
    run("UALICE", "/apport report 1")
    run("UALICE", "/apport stats")
    slack.deliver()
    event = payloads.event(payloads.home_opened("UBOB"))
    assert slack.dispatch(event, payloads.JSON).status == 200
    return written


def payloads_escape(text: str) -> str:
    """As Slack sends what a member typed in a command (`should_escape`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize("locale", LOCALES)
def test_a_clubs_life_keeps_within_block_kit_and_cuts_nothing(
    slack: SlackHarness, locale: str
) -> None:
    written = _life(slack, locale)
    transcripts: dict[str, list[str]] = defaultdict(list)
    checked = 0
    for call in list(slack.fake.calls):
        if call.method in SHOWN:
            assert check_message(call.args) == [], (call.method, call.args.get("text", "")[:80])
            where = call.path if call.method == "response" else str(call.args.get("channel"))
            transcripts[where].append(read(call.args))
        elif call.method in VIEWS:
            view = call.args["view"]
            assert check_view(view) == [], (call.method, view.get("title"))
            transcripts[f"view {checked}"].append(read(view))
        else:
            continue
        checked += 1
    assert checked > 40
    for where, texts in transcripts.items():
        shown = " ".join(texts)
        for value in written:
            starts = shown.count(_folded(value)[:40])
            assert shown.count(_folded(value)) == starts, f"{value[:20]} cut in {where}"
    everything = " ".join(" ".join(texts) for texts in transcripts.values())
    for value in written:
        assert _folded(value) in everything, f"{value[:20]} never shown whole"
