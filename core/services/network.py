"""Network settings and member roles (admins), and the settings page everyone can read."""

from __future__ import annotations

from datetime import timedelta

from core.audit import AuditEntry
from core.errors import InvalidValue
from core.network import SETTINGS, Role
from core.services import charter_reminders
from core.services.context import Context
from core.ui import Field, Reply


def _setting_value(ctx: Context, key: str) -> str:
    value = getattr(ctx.network, SETTINGS[key].attribute)
    if isinstance(value, bool):
        return ctx.t("value.on") if value else ctx.t("value.off")
    return str(value) if value != "" else "-"


def show(ctx: Context, args: dict[str, str]) -> Reply:
    t = ctx.t
    fields = [
        Field(t(f"setting.{key}"), f"{_setting_value(ctx, key)}  ({key})") for key in SETTINGS
    ]
    members = ctx.uow.members.all(ctx.network.id)
    for role in (Role.ADMIN, Role.RECRUITER, Role.EXPERIENCED):
        holders = ", ".join(m.display_name for m in members if role in m.roles) or "-"
        fields.append(Field(t(f"role.{role.value}.plural"), holders))
    fields.append(Field(t("network.member_count"), str(len(members))))
    return Reply(
        title=t("network.title", network=ctx.network.name),
        fields=tuple(fields),
        footer=t("network.how_to_change"),
    )


def set_setting(ctx: Context, args: dict[str, str]) -> Reply:
    setting = SETTINGS[args["key"]]
    raw = args["setting_value"]
    if setting.is_channel:
        raw = ctx.read_channel(raw) or raw
    value = setting.parse(raw)
    setattr(ctx.network, setting.attribute, value)
    ctx.uow.networks.update(ctx.network)
    shown = _setting_value(ctx, args["key"])
    ctx.uow.audit.add(
        AuditEntry(ctx.network.id, ctx.actor.id, ctx.now, "setting", f"{args['key']} = {shown}")
    )
    if args["key"] in ("charter-reminder", "timezone"):
        charter_reminders.schedule_next(ctx.uow, ctx.network, ctx.now)
    return Reply(text=ctx.t("network.set", key=args["key"], value=_setting_value(ctx, args["key"])))


def role(ctx: Context, args: dict[str, str]) -> Reply:
    t = ctx.t
    member = ctx.resolve(args["member"])
    granted = Role(args["role"])
    role_name = t(f"role.{granted.value}")
    if args.get("remove"):
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
