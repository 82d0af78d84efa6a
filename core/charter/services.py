"""Showing the charter, accepting it, and publishing new versions (admins)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal

from core.charter.default_text import DEFAULT_CHARTER, SECTION_KEYS
from core.charter.model import CharterVersion, CommissionKind, CommissionRule, parse_commission_rule
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import InvalidValue
from core.shared.ports import UnitOfWork
from core.shared.tenancy import Network
from core.shared.text import check_length
from core.shared.ui import Action, Field, Reply, Style
from core.shared.ui import InputKind as K


def install_default(uow: UnitOfWork, network: Network, at: datetime) -> CharterVersion:
    """Version 1 of a new network's charter: the article's rules, no commission yet."""
    texts = {locale: dict(sections) for locale, sections in DEFAULT_CHARTER.items()}
    return uow.charters.add(CharterVersion(0, network.id, 1, texts, CommissionRule(), at))


def describe_rule(ctx: Context, rule: CommissionRule) -> str:
    t = ctx.t
    if rule.kind is CommissionKind.NONE:
        return t("commission.none")
    if rule.kind is CommissionKind.FLAT:
        return t("commission.flat", amount=ctx.money(rule.flat or Decimal("0")))
    text = t("commission.percent", rate=ctx.number(rule.rate or 0))
    if rule.minimum is not None:
        text += t("commission.min", amount=ctx.money(rule.minimum))
    if rule.cap is not None:
        text += t("commission.max", amount=ctx.money(rule.cap))
    return text


def _current(ctx: Context, lock: bool = False) -> CharterVersion:
    current = ctx.uow.charters.current(ctx.network.id, lock=lock)
    if current is None:
        current = install_default(ctx.uow, ctx.network, ctx.now)
    return current


def show(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    current = _current(ctx)
    sections = current.sections(ctx.network.locale)
    fields = (
        *tuple(
            Field(t(f"charter.section.{key}"), sections[key])
            for key in SECTION_KEYS
            if key in sections
        ),
        Field(t("charter.commission_rule"), describe_rule(ctx, current.rule)),
    )
    accepted = ctx.uow.charters.accepted(ctx.network.id, ctx.actor.id, current.version)
    actions = (
        ()
        if accepted
        else (Action(t("action.charter_accept"), "charter", "accept", Style.PRIMARY),)
    )
    status = t("charter.accepted") if accepted else t("charter.not_accepted")
    return Reply(
        title=t(
            "charter.title",
            network=ctx.network.name,
            version=current.version,
            date=ctx.day(current.created_at),
        ),
        fields=fields,
        footer=status,
        actions=actions,
    )


def accept(ctx: Context, args: NoArgs) -> Reply:
    current = _current(ctx)
    if ctx.uow.charters.accepted(ctx.network.id, ctx.actor.id, current.version):
        return Reply(text=ctx.t("charter.already_accepted", version=current.version))
    ctx.uow.charters.accept(ctx.network.id, ctx.actor.id, current.version, ctx.now)
    return Reply(text=ctx.t("charter.accepted_now", version=current.version))


def history(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    _current(ctx)
    lines = tuple(
        t(
            "charter.history_line",
            version=v.version,
            date=ctx.day(v.created_at),
            rule=describe_rule(ctx, v.rule),
            who=ctx.name(v.created_by) if v.created_by else t("charter.default_author"),
            accepted=ctx.uow.charters.acceptance_count(ctx.network.id, v.version),
        )
        for v in ctx.uow.charters.history(ctx.network.id)
    )
    return Reply(title=t("charter.history_title"), lines=lines)


def _publish(ctx: Context, texts: dict[str, dict[str, str]], rule: CommissionRule) -> Reply:
    """A new version, which its publisher accepts by publishing; the same text and rule as the
    current version publish nothing (members are not asked to accept it again)."""
    t = ctx.t
    current = _current(ctx)
    same_text = texts == current.texts or texts.get(ctx.network.locale) == current.sections(
        ctx.network.locale
    )
    if same_text and current.rule == rule:
        return Reply(text=t("charter.unchanged", version=current.version))
    version = ctx.uow.charters.add(
        CharterVersion(0, ctx.network.id, current.version + 1, texts, rule, ctx.now, ctx.actor.id)
    )
    ctx.uow.charters.accept(ctx.network.id, ctx.actor.id, version.version, ctx.now)
    ctx.uow.audit.add(
        AuditEntry(
            ctx.network.id,
            ctx.actor.id,
            ctx.now,
            "charter.version",
            f"{version.version}: {describe_rule(ctx, rule)}",
        )
    )
    ask = Reply(
        text=t(
            "notice.charter_new_version",
            version=version.version,
            admin=ctx.actor.display_name,
            rule=describe_rule(ctx, rule),
        ),
        actions=(
            Action(t("action.charter_read"), "charter", "", Style.DEFAULT),
            Action(t("action.charter_accept"), "charter", "accept", Style.PRIMARY),
        ),
    )
    for member in ctx.uow.members.all(ctx.network.id):
        ctx.notify(member.id, ask, kind="charter.new_version")
    return Reply(
        text=t("charter.published", version=version.version, rule=describe_rule(ctx, rule))
    )


@dataclass(frozen=True)
class CommissionArgs:
    rule: str


def commission(ctx: Context, args: CommissionArgs) -> Reply:
    rule = parse_commission_rule(args.rule)
    current = _current(ctx, lock=True)
    return _publish(ctx, current.texts, rule)


@dataclass(frozen=True)
class EditArgs:
    """The charter's sections, by their keys (`SECTION_KEYS`)."""

    members: str
    clients: str
    remuneration: str


def edit(ctx: Context, args: EditArgs) -> Reply:
    current = _current(ctx, lock=True)
    typed: dict[str, str] = asdict(args)
    sections: dict[str, str] = {}
    for key in SECTION_KEYS:
        text = typed.get(key, "").strip()
        if not text:
            raise InvalidValue(
                "error.section_empty", section=ctx.t(f"charter.section.{key}"), concerns=key
            )
        sections[key] = check_length(text, ctx.t(f"charter.section.{key}"), key)
    return _publish(ctx, {ctx.network.locale: sections}, current.rule)


def edit_initial(ctx: Context) -> dict[str, str]:
    """The form starts from the current text, so an admin edits rather than retypes."""
    return dict(_current(ctx).sections(ctx.network.locale))


CHARTER = Command(
    "charter",
    (
        Verb("", handler=show),
        Verb("accept", handler=accept),
        Verb("history", handler=history),
        Verb(
            "edit",
            (
                Param("members", K.LONG_TEXT),
                Param("clients", K.LONG_TEXT),
                Param("remuneration", K.LONG_TEXT),
            ),
            admin_only=True,
            has_form=True,
            pipe=True,
            handler=edit,
            args=EditArgs,
            form_initial=edit_initial,
        ),
        Verb(
            "commission",
            (Param("rule", K.TEXT, rest=True),),
            admin_only=True,
            handler=commission,
            args=CommissionArgs,
        ),
    ),
)

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (CHARTER,)
