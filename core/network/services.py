"""Network settings and member roles (admins), and the settings page everyone can read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from core.asks import jobs as asks_jobs
from core.charter import reminders as charter_reminders
from core.meetings import calendar as meeting_calendar
from core.meets import rounds as pairing_rounds
from core.network import audit, display
from core.referrals import followups
from core.shared.audit import AuditEntry
from core.shared.context import Context
from core.shared.declare import Command, NoArgs, Param, Verb
from core.shared.errors import InvalidValue
from core.shared.tenancy import GRANTABLE_ROLES, SETTINGS, Member, Role
from core.shared.ui import Field, Reply
from core.shared.ui import InputKind as K
from core.stats import exports

_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u00ab": "\u00bb"}


def unquote(value: str) -> str:
    """A value typed in quotes, as the README writes them (`charter-reminder "mon 09:00"`),
    read without them."""
    value = value.strip()
    if len(value) >= 2 and _QUOTES.get(value[0]) == value[-1]:
        return value[1:-1].strip()
    return value


def show(ctx: Context, args: NoArgs) -> Reply:
    t = ctx.t
    fields = [
        Field(t(f"setting.{key}"), f"{display.value(ctx, key)}  ({display.key_spelled(ctx, key)})")
        for key in SETTINGS
    ]
    members = ctx.uow.members.all(ctx.network.id)
    for role in (Role.ADMIN, Role.RECRUITER, Role.EXPERIENCED, Role.SECRETARY):
        holders = ", ".join(m.display_name for m in members if role in m.roles) or "-"
        fields.append(Field(t(f"role.{role.value}.plural"), holders))
    fields.append(Field(t("network.member_count"), str(len(members))))
    return Reply(
        title=t("network.title", network=ctx.network.name),
        fields=tuple(fields),
        footer=t("network.how_to_change"),
    )


@dataclass(frozen=True)
class SetArgs:
    key: str
    setting_value: str


def set_setting(ctx: Context, args: SetArgs) -> Reply:
    key = args.key
    setting = SETTINGS[key]
    raw = unquote(args.setting_value)
    if setting.is_channel:
        raw = ctx.read_channel(raw) or raw
    value = setting.parse(raw)
    setattr(ctx.network, setting.attribute, value)
    ctx.uow.networks.update(ctx.network)
    ctx.uow.audit.add(
        AuditEntry(
            ctx.network.id, ctx.actor.id, ctx.now, "setting", f"{key} = {display.value(ctx, key)}"
        )
    )
    if key in ("charter-reminder", "timezone"):
        charter_reminders.schedule_next(ctx.uow, ctx.network, ctx.now)
    if key in ("asks-day", "timezone"):
        asks_jobs.reschedule(ctx.uow, ctx.network, ctx.now, started=key == "timezone")
    if key == "timezone":
        meeting_calendar.schedule_next(ctx.uow, ctx.network, ctx.now)
    if key in ("pairing-weeks", "timezone"):
        pairing_rounds.reschedule(ctx.uow, ctx.network, ctx.now)
    if key == "contact-retention-months":
        followups.reschedule_contact_erasure(ctx)
    return Reply(text=display.changed(ctx, key))


@dataclass(frozen=True)
class RoleArgs:
    member: Member
    role: Role
    remove: str


def role(ctx: Context, args: RoleArgs) -> Reply:
    t = ctx.t
    member = args.member
    granted = args.role
    role_name = t(f"role.{granted.value}")
    if args.remove:
        if granted not in member.roles:
            return Reply(text=t("network.role_absent", member=member.display_name, role=role_name))
        if granted is Role.ADMIN:
            admins = [m for m in ctx.uow.members.all(ctx.network.id) if m.is_admin]
            if len(admins) <= 1:
                raise InvalidValue("error.last_admin")
        member.roles.discard(granted)
        ctx.uow.members.update(member)
        ctx.uow.audit.add(
            AuditEntry(
                ctx.network.id,
                ctx.actor.id,
                ctx.now,
                "role.removed",
                f"{member.display_name}: {granted.value}",
            )
        )
        ctx.notify(
            member.id,
            Reply(text=t("notice.role_removed", role=role_name, admin=ctx.actor.display_name)),
        )
        return Reply(text=t("network.role_removed", member=member.display_name, role=role_name))
    if granted in member.roles:
        return Reply(text=t("network.role_present", member=member.display_name, role=role_name))
    member.roles.add(granted)
    ctx.uow.members.update(member)
    ctx.uow.audit.add(
        AuditEntry(
            ctx.network.id,
            ctx.actor.id,
            ctx.now,
            "role.granted",
            f"{member.display_name}: {granted.value}",
        )
    )
    ctx.notify(
        member.id,
        Reply(text=t("notice.role_granted", role=role_name, admin=ctx.actor.display_name)),
    )
    return Reply(text=t("network.role_granted", member=member.display_name, role=role_name))


def parse_offset(text: str) -> timedelta:
    """`+14d`, `3h`, `+90m`: how far the console moves its network's clock."""
    raw = text.strip().removeprefix("+")
    units = {"d": "days", "h": "hours", "m": "minutes"}
    if len(raw) < 2 or raw[-1] not in units or not raw[:-1].isdigit():
        raise InvalidValue("error.invalid_offset", value=text)
    return timedelta(**{units[raw[-1]]: int(raw[:-1])})


NETWORK = Command(
    "network",
    (
        Verb("", handler=show),
        Verb(
            "role",
            (
                Param("member", K.MEMBER),
                Param("role", K.CHOICE, choices=tuple(r.value for r in GRANTABLE_ROLES), enum=Role),
                Param("remove", K.CHOICE, required=False, choices=("remove",)),
            ),
            admin_only=True,
            handler=role,
            args=RoleArgs,
        ),
        Verb("audit", admin_only=True, handler=audit.audit),
        Verb("export", admin_only=True, handler=exports.network_ledger),
        Verb(
            "set",
            (
                Param("key", K.CHOICE, choices=tuple(SETTINGS)),
                Param("setting_value", K.TEXT, rest=True),
            ),
            admin_only=True,
            handler=set_setting,
            args=SetArgs,
        ),
    ),
)

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (NETWORK,)
