"""Every Discord reply, card, form and command of both catalogs, with the longest values core
accepts, against Discord's documented limits; nothing a member wrote (nor any catalog text)
may be cut to fit.

A network in each language runs every command as its members would, every text at its
limit, in French with `&<>` too; each reply and each notice is rendered for Discord, every
form opened (page after page), every button that asks a value opened as its modal, and the
commands synced as Discord receives them.
"""

from __future__ import annotations

from typing import Any

from adapters.discord import ids
from adapters.discord.modals import ask_modal, form_modal, pages_of
from adapters.discord.render import render
from adapters.discord.slash import _about, _usage
from core.commands import COMMANDS
from core.shared.declare import form_for, usage
from core.shared.i18n import Translator
from core.shared.text import MAX_TEXT
from core.shared.ui import Action, Form, InputKind, Reply
from tests.discord.harness import World
from tests.discord.limits import (
    BUTTON_LABEL,
    DESCRIPTION,
    LABEL,
    LABEL_DESCRIPTION,
    MODAL_TITLE,
    as_json,
    command_problems,
    message_problems,
    modal_problems,
    read_whole,
    squeezed,
)
from tests.discord.longest import longest
from tests.driver import Bot

KEY = "200000000000000001"
TEXTS = (InputKind.TEXT, InputKind.LONG_TEXT)


def _replies(locale: str) -> list[Reply]:
    """What the members of a network speaking `locale` see, every text at its longest."""
    bot = Bot()
    bot.join("Alice", "Bob", "Carol", "Ivan", "Judy", "Rita", "Paul", "Quentin", "Sam")
    bot.ok("Alice", "network", f"set locale {locale}")
    bot.ok("Alice", "network", "set recruiters-channel recruiters")
    bot.ok("Alice", "network", "set announcements-channel general")
    bot.ok("Alice", "network", "set site-visit on")
    for name, role in (("Ivan", "experienced"), ("Judy", "experienced"), ("Rita", "recruiter")):
        bot.ok("Alice", "network", f"role @{name} {role}")
    sections = " | ".join(longest(MAX_TEXT, f"section{n}") for n in range(3))
    bot.ok("Alice", "charter", f"edit {sections}")
    bot.ok("Alice", "charter", "commission 10% min 100 max 1000")
    for who in ("Alice", "Bob", "Carol", "Ivan", "Judy", "Rita", "Paul", "Quentin", "Sam"):
        bot.ok(who, "charter", "accept")
    bot.ok("Carol", "profile", " | ".join(longest(n, f"profil{n}") for n in (200, 500, 300)))
    client, need = longest(MAX_TEXT, "client"), longest(MAX_TEXT, "besoin")
    bot.ok("Bob", "refer", f"@Carol {client} | {need} | 999 999 999 999 | 4 | ceo@smith.example")
    bot.ok("Bob", "refer", f"@Carol {longest(200, 'autre')} | {need} | 5 000")
    bot.ok("Carol", "referral", "1 accept")
    bot.ok("Carol", "referral", "1 contacted")
    bot.ok("Carol", "referral", "1 won 999 999 999 999")
    bot.ok("Carol", "referral", f"2 decline {longest(MAX_TEXT, 'refus')}")
    bot.run("Bob", "feedback", f"1 5 {longest(MAX_TEXT, 'avis')}")
    name, profession = longest(200, "candidat"), longest(200, "métier")
    bot.ok("Sam", "candidate", f"{name} | {profession} | {longest(MAX_TEXT, 'avant')}")
    report = " | ".join(longest(MAX_TEXT, f"rapport{n}") for n in range(4))
    bot.run("Ivan", "candidate", f"1 report admit | {report}")
    bot.run("Judy", "candidate", f"1 report unsure | {report}")
    bot.run("Rita", "candidate", f"1 visit | {longest(MAX_TEXT, 'visite')}")
    bot.ok("Paul", "report", f"@Quentin poaching | {longest(MAX_TEXT, 'manquement')}")
    bot.run("Alice", "report", f"1 raise | {longest(MAX_TEXT, 'note')}")
    replies: list[Reply] = []
    for who in ("Alice", "Bob", "Carol", "Ivan", "Rita", "Sam", "Paul", "Quentin"):
        for command, text in (
            ("referral", "1"),
            ("referral", "2"),
            ("referrals", ""),
            ("clients", ""),
            ("charter", ""),
            ("charter", "history"),
            ("network", ""),
            ("network", "audit"),
            ("candidate", "1"),
            ("candidates", ""),
            ("report", "1"),
            ("reports", ""),
            ("reports", "mine"),
            ("mydata", ""),
            ("members", ""),
            ("members", "paie"),
            ("refer", f"? {longest(MAX_TEXT, 'cherche')}"),
            ("stats", ""),
            ("stats", "me"),
            ("stats", "activity"),
            ("home", ""),
            ("help", ""),
            *(("help", command) for command in COMMANDS),
            ("referral", "9 won"),  # refusals too
            ("refer", f"@Carol x | {longest(MAX_TEXT + 1, 'trop')}"),
        ):
            replies.append(bot.run(who, command, text))
    replies += [notice.reply for notice in bot.messenger.sent]
    return replies


def _every_form(t: Translator) -> list[Form]:
    forms = []
    for command in COMMANDS.values():
        for verb in command.verbs:
            if verb.has_form:
                initial = {
                    p.name: longest(p.max_length, p.name) for p in verb.params if p.kind in TEXTS
                }
                forms.append(form_for(command, verb, t, initial))
    return forms


def _modal_cut(form: Form, modal: dict[str, Any]) -> list[str]:
    """What the modal shows of the form that is not the form's whole text."""
    problems = []
    if not modal["title"].startswith(form.title):
        problems.append(f"title {form.title!r} shown as {modal['title']!r}")
    by_name = {item.name: item for item in form.inputs}
    for label in modal["components"]:
        item = by_name[label["component"]["custom_id"]]
        if label["label"] != item.label:
            problems.append(f"label {item.label!r} shown as {label['label']!r}")
        if (label.get("description") or "") != item.hint:
            problems.append(f"hint {item.hint!r} shown as {label.get('description')!r}")
        if label["component"]["type"] == 4 and label["component"].get("value", "") != item.initial:
            problems.append(f"{item.name} prefilled with less than its {len(item.initial)}")
    return problems


def _reply_cut(reply: Reply, messages: list[dict[str, Any]]) -> list[str]:
    whole = read_whole(messages)
    shown = [reply.text, reply.title, reply.footer, *reply.lines]
    shown += [text for f in reply.fields for text in (f.label, f.value)]
    problems = [f"cut: {text[:60]!r}…" for text in shown if squeezed(text) not in whole]
    labels = [
        b["label"] for m in messages for row in m.get("components", []) for b in row["components"]
    ]
    buttons = [a.label for a in reply.actions]
    problems += [f"button {a!r} cut" for a in labels if a not in buttons]
    return problems


def _asks(reply: Reply, t: Translator) -> list[tuple[Action, dict[str, Any]]]:
    """The modal each button that asks a value opens (titled with the button's label)."""
    opened = []
    for action in reply.actions:
        if action.ask is None:
            continue
        press = ids.read_button(ids.button_id(KEY, action))
        assert press is not None
        question = t(f"param.{action.ask.name}.label")
        opened.append((action, ask_modal(press, action.label, question).to_dict()))
    return opened


async def test_everything_discord_shows_fits_its_limits_whole_in_both_languages(
    world: World,
) -> None:
    problems: list[str] = []
    puts = [c for c in world.fake.calls if c.method == "PUT" and c.path.endswith("/commands")]
    for command in puts[-1].json:
        problems += command_problems(command)
    for locale in ("en", "fr"):
        t = Translator(locale)
        # Descriptions as written, before any fitting: each must fit as it is.
        for command in COMMANDS.values():
            written = [_about(command, t)]
            for verb in command.verbs:  # the choices listed if they fit, else named
                whole = (usage(command, verb, t), usage(command, verb, t, list_choices=False))
                if _usage(command, verb, t) not in whole:
                    problems.append(f"{locale} {command.name} {verb.name}: usage cut")
                written.append(_usage(command, verb, t))
            for verb in command.verbs:
                for p in verb.params:
                    key = f"param.{p.name}.label"
                    written.append(t(key) if t.has(key) else t(f"param.{p.name}"))
            problems += [f"{locale} description {d!r}" for d in written if len(d) > DESCRIPTION]
        for form in _every_form(t):
            for page in range(1, pages_of(form) + 1):
                modal = form_modal(form, KEY, page).to_dict()
                where = f"{locale} form {form.command} {form.verb} page {page}"
                found = modal_problems(modal) + _modal_cut(form, modal)
                problems += [f"{where}: {p}" for p in found]
            for item in form.inputs:
                if len(item.label) > LABEL or len(item.hint) > LABEL_DESCRIPTION:
                    problems.append(f"{locale} {item.name}: {item.label!r} / {item.hint!r}")
        for reply in _replies(locale):
            messages = as_json(render(reply, KEY))
            found = [p for m in messages for p in message_problems(m)]
            found += _reply_cut(reply, messages)
            for action, modal in _asks(reply, t):
                found += modal_problems(modal)
                if modal["title"] != action.label or len(action.label) > MODAL_TITLE:
                    found.append(f"ask title {action.label!r} shown as {modal['title']!r}")
            found += [f"button {a.label!r}" for a in reply.actions if len(a.label) > BUTTON_LABEL]
            problems += [f"{locale} {(reply.title or reply.text)[:50]!r}: {p}" for p in found]

    assert problems == [], "\n".join(problems)
