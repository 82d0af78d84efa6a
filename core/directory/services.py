"""`/profile`, `/members [words]` and `/refer ? need`: who does what, and who fits a need."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from core.asks.cards import ask_suffix, current_asks
from core.asks.model import Ask
from core.directory.model import (
    MAX_KEYWORDS,
    MAX_PITCH,
    MAX_PROFESSION,
    Match,
    Profile,
    Standing,
    rank,
)
from core.recruitment.model import profession_key
from core.shared.context import Context
from core.shared.declare import Command, Param, Verb
from core.shared.errors import InvalidValue, TextTooLong
from core.shared.text import check_length
from core.shared.ui import Field, Reply
from core.shared.ui import InputKind as K

SUGGESTED = 3  # members `/refer ? need` suggests
FOUND = 10  # members `/members words` lists
LISTED = 25  # members `/members` lists without words


def _text(text: str, name: str, limit: int, label: str) -> str:
    value = " ".join(text.split())
    if len(value) > limit:
        raise TextTooLong(field=label, limit=limit, length=len(value), concerns=name)
    return value


def _mine(ctx: Context) -> Profile | None:
    found = ctx.uow.directory.profiles(ctx.network.id, ctx.actor.id)
    return found[0] if found else None


@dataclass(frozen=True)
class ProfileArgs:
    profession: str
    keywords: str
    pitch: str


def profile(ctx: Context, args: ProfileArgs) -> Reply:
    """`/profile profession | keywords | one-line pitch` sets my profile."""
    t = ctx.t
    profession = _text(args.profession, "profession", MAX_PROFESSION, t("param.profession"))
    keywords = _text(args.keywords, "keywords", MAX_KEYWORDS, t("param.keywords"))
    pitch = _text(args.pitch, "pitch", MAX_PITCH, t("param.pitch"))
    if not profession:
        raise InvalidValue("error.profession_required", concerns="profession")
    ctx.uow.directory.save(ctx.network.id, ctx.actor.id, profession, keywords, pitch)
    lines = []
    if ctx.network.exclusivity:
        key = profession_key(profession)
        holders = [
            p.name
            for p in ctx.uow.directory.profiles(ctx.network.id)
            if p.member_id != ctx.actor.id and p.profession and profession_key(p.profession) == key
        ]
        if holders:
            lines.append(t("profile.same_profession", members=", ".join(holders)))
    return Reply(
        text=t("profile.saved"),
        fields=(
            Field(t("param.profession.label"), profession),
            Field(t("param.keywords.label"), keywords or "-"),
            Field(t("param.pitch.label"), pitch or "-"),
        ),
        lines=tuple(lines),
        footer=t("profile.how_found", members=f"/{ctx.typed('members')}"),
    )


def profile_initial(ctx: Context) -> dict[str, str]:
    """The profile form starts from what I wrote before."""
    mine = _mine(ctx)
    if mine is None:
        return {}
    return {"profession": mine.profession, "keywords": mine.keywords, "pitch": mine.pitch}


def _since(ctx: Context, joined_at: datetime) -> str:
    months = max(0, (ctx.now - joined_at).days * 12 // 365)
    return ctx.t.n("members.seniority", months, since=ctx.day(joined_at))


def _standings(ctx: Context, shown: list[Profile]) -> dict[int, Standing]:
    return ctx.uow.directory.standings(ctx.network.id, [p.member_id for p in shown])


def _line(
    ctx: Context,
    found: Profile,
    standing: Standing | None,
    matched: tuple[str, ...] = (),
    ask: Ask | None = None,
) -> str:
    t = ctx.t
    standing = standing or Standing()
    parts = [
        t(
            "members.line",
            name=found.name,
            profession=found.profession or t("members.no_profession"),
        )
    ]
    if found.pitch:
        parts.append(found.pitch)
    if found.joined_at is not None:
        parts.append(_since(ctx, found.joined_at))
    if standing.quality is not None:
        score = t(
            "members.quality_value", score=ctx.decimal(standing.quality), count=standing.scores
        )
        parts.append(t("members.quality", quality=score))
    parts.append(t.n("members.given", standing.given))
    line = t("members.separator").join(parts)
    if matched:
        line += " " + t("members.matched", words=", ".join(matched))
    return line + ask_suffix(ctx, ask)


@dataclass(frozen=True)
class MembersArgs:
    words: str


def members(ctx: Context, args: MembersArgs) -> Reply:
    """`/members [words]`: everyone, or those whose profile fits the words best."""
    t = ctx.t
    words = check_length(" ".join(args.words.split()), t("param.words"), "words")
    profiles = ctx.uow.directory.profiles(ctx.network.id)
    if words:
        matches = rank(words, profiles)
        if not matches:
            return Reply(text=t("members.none_found", words=words))
        best = matches[:FOUND]
        standings = _standings(ctx, [m.profile for m in best])
        asks = current_asks(ctx, [m.profile.member_id for m in best])
        return Reply(
            title=t("members.title_search", words=words, count=len(matches)),
            lines=tuple(
                _line(
                    ctx,
                    m.profile,
                    standings.get(m.profile.member_id),
                    m.matched,
                    asks.get(m.profile.member_id),
                )
                for m in best
            ),
            footer=t("members.more_found", count=len(matches) - FOUND)
            if len(matches) > FOUND
            else "",
        )
    listed = sorted(profiles, key=lambda p: (not p.has_profile, p.name.casefold()))
    shown = listed[:LISTED]
    standings = _standings(ctx, shown)
    asks = current_asks(ctx, [p.member_id for p in shown])
    missing = sum(1 for p in profiles if not p.has_profile)
    footer = [t("members.more", count=len(listed) - LISTED)] if len(listed) > LISTED else []
    if any(p.member_id == ctx.actor.id and not p.has_profile for p in profiles):
        footer.append(t("members.set_yours", profile=f"/{ctx.typed('profile')}"))
    return Reply(
        title=t("members.title", network=ctx.network.name, count=len(profiles)),
        text=t("members.without_profile", count=missing) if missing else "",
        lines=tuple(
            _line(ctx, p, standings.get(p.member_id), ask=asks.get(p.member_id)) for p in shown
        ),
        footer="\n".join(footer),
    )


def _suggestion(
    ctx: Context, position: int, match: Match, standing: Standing | None, ask: Ask | None
) -> str:
    found = match.profile
    quality = standing.quality if standing else None
    line = ctx.t(
        "suggest.line" if quality is not None else "suggest.line_new",
        position=position,
        name=found.name,
        profession=found.profession or ctx.t("members.no_profession"),
        words=", ".join(match.matched),
        quality=f"{ctx.decimal(quality)}/5" if quality is not None else "",
    )
    return line + ask_suffix(ctx, ask)


@dataclass(frozen=True)
class SuggestArgs:
    need: str


def suggest(ctx: Context, args: SuggestArgs) -> Reply:
    """`/refer ? need`: the three members whose profiles fit the need best, and why."""
    t = ctx.t
    need = check_length(" ".join(args.need.split()), t("param.need"), "need")
    refer = f"/{ctx.typed('refer')}"
    if not need:
        raise InvalidValue("error.suggest_needs_words", refer=refer)
    profiles = ctx.uow.directory.profiles(ctx.network.id)
    best = rank(need, profiles, exclude=(ctx.actor.id,))[:SUGGESTED]
    if not best:
        return Reply(text=t("suggest.none", need=need, members=f"/{ctx.typed('members')}"))
    standings = _standings(ctx, [m.profile for m in best])
    asks = current_asks(ctx, [m.profile.member_id for m in best])
    return Reply(
        title=t("suggest.title", need=need),
        lines=tuple(
            _suggestion(
                ctx, i, m, standings.get(m.profile.member_id), asks.get(m.profile.member_id)
            )
            for i, m in enumerate(best, start=1)
        ),
        footer=t("suggest.how", refer=refer, name=best[0].profile.name),
    )


def suggest_from_form(ctx: Context, values: Mapping[str, str]) -> Reply | None:
    """A referral form sent with the need but no receiver asks for suggestions."""
    if values.get("receiver", "").strip() or not values.get("need", "").strip():
        return None
    return suggest(ctx, SuggestArgs(values["need"]))


# `/refer ? need`: the referral command's prefixed form (declared with `/refer`).
SUGGEST = Verb("", (Param("need", K.TEXT, required=False),), handler=suggest, args=SuggestArgs)
PROFILE = Command(
    "profile",
    (
        Verb(
            "",
            (
                Param("profession", K.TEXT, max_length=MAX_PROFESSION),
                Param("keywords", K.TEXT, required=False, max_length=MAX_KEYWORDS),
                Param("pitch", K.TEXT, required=False, max_length=MAX_PITCH),
            ),
            has_form=True,
            handler=profile,
            args=ProfileArgs,
            form_initial=profile_initial,
        ),
    ),
    pipe=True,
)
MEMBERS = Command(
    "members",
    (
        Verb(
            "",
            (Param("words", K.TEXT, required=False, rest=True),),
            handler=members,
            args=MembersArgs,
        ),
    ),
)

# What this module declares, in the order /help lists it; core/commands.py collects it.
COMMANDS = (PROFILE, MEMBERS)
