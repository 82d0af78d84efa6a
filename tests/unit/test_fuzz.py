"""Hostile input: every command's parser, every command typed by every kind of member, every
form submitted with any values, fuzzed with Hypothesis; and every number a command reads, swept
with numbers at the edges.

The input: unicode of every plane, control characters, 100 KB strings, markup and mention
injection (`<!channel>`, `@everyone`), SQL-looking text, numbers at the edges (0, -1, 10**30,
1e308, NaN, Arabic-Indic digits, 5,000 digits). The properties:

- `handle()` answers with a Reply, always: a clear error or a valid action, never an exception;
- a refusal changes nothing, commits nothing and tells no one (no partial write);
- what core accepts, the database can hold: the SQLite database here has PostgreSQL's limits
  (column widths, 4-byte numbers), since a value PostgreSQL refuses is a crash in production;
- no post to a channel carries a raw mass mention.

Bugs these found in core are in KNOWN_BUGS, each with its minimal examples marked as strict
xfails; the fuzzed properties step around their inputs meanwhile. Once a bug is fixed, delete its
entry: its examples then run as plain tests and the properties cover those inputs again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from core.app import Invocation
from core.commands import COMMANDS, Command, Param, Verb, parse
from core.shared.errors import ApportError
from core.shared.tenancy import SETTINGS
from core.shared.ui import InputKind, Reply
from tests.driver import Bot, user_id
from tests.unit.proof import DatabaseLimit, mass_mentions, shown, too_wide
from tests.unit.scenario import (
    ANNOUNCEMENTS_CHANNEL,
    NAMES,
    RECRUITERS_CHANNEL,
    Pristine,
    fresh,
    run,
    scenario,
    scenario_rows,
)

K = InputKind
FAST = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Hostile pieces

MENTIONS = (
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<!here|here>",
    "@everyone",
    "@here",
    "@channel",
    "<@U-alice>",
    "<#C123|general>",
    "<@&123456>",
    "@Alice",
)
MARKUP = (
    "*bold* _it_ ~strike~ `code`",
    "```\nblock\n```",
    "<https://evil.example|click>",
    "[click](https://evil.example)",
    "<script>alert(1)</script>",
    "&lt;&gt;&amp;",
    "> quoted",
    "||spoiler||",
)
SQL = (
    "'; DROP TABLE referrals; --",
    "1 OR 1=1",
    '" OR ""="',
    "1; DELETE FROM members",
    "%s %d %(x)s",
    "{0} {number} {{}}",
    "${jndi:ldap://x}",
    "../../etc/passwd",
)
# Numbers at the edges, named for the sweep's test ids.
EDGES: dict[str, str] = {
    "zero": "0",
    "minus-one": "-1",
    "10**30": str(10**30),
    "1e308": "1e308",
    "1e-308": "1e-308",
    "nan": "NaN",
    "arabic-3": "٣",
    "superscript-2": "²",
    "5000-digits": "9" * 5000,
}
NUMBERS = (
    *EDGES.values(),
    *("1", "2", "3", "4", "#1", "-0", "Infinity", "1_000", "1.5", "1,5", "0x1F", "١٢٣", "Ⅻ"),
)
CONTROL = ("\x00", "\x07", "\x1b[31m", "\r\n", "\t", "\u202e", "\u200b", "\ufeff", "\U0001f600")

pieces = st.sampled_from(MENTIONS + MARKUP + SQL + NUMBERS + CONTROL)
unicode_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)  # no lone surrogate
huge = st.builds(
    lambda seed, size: seed * (size // len(seed)),
    st.sampled_from(["x", "@everyone ", "é", "|", " ", "1", "<!channel>", "9"]),
    st.sampled_from([2_001, 10_000, 100_000]),
)
hostile = st.one_of(
    pieces,
    unicode_text,
    huge,
    st.lists(st.one_of(pieces, unicode_text), min_size=2, max_size=5).map(" ".join),
    st.lists(st.one_of(pieces, unicode_text), min_size=2, max_size=5).map("".join),
)
MEMBERS_TYPED = ("@Bob", "Carol", "@U-ivan", "@Dora", "@Alice", "@nobody", "@", "@@Bob")


def value_for(param: Param) -> st.SearchStrategy[str]:
    """A value for one parameter: hostile once in three, else what the parameter expects."""
    usual: st.SearchStrategy[str]
    if param.kind is K.MEMBER:
        usual = st.sampled_from(MEMBERS_TYPED)
    elif param.kind in (K.NUMBER, K.AMOUNT):
        usual = st.sampled_from(NUMBERS)
    elif param.choices:
        usual = st.sampled_from(param.choices)
    else:
        usual = st.sampled_from(("Acme", "a new website", "none", "jane@acme.example", "1/3"))
    return st.integers(0, 2).flatmap(lambda k: hostile if k == 0 else usual)


@st.composite
def inline_text(draw: st.DrawFn, command: Command) -> str:
    """Text shaped like one of the command's verbs, filled with hostile values (one too many,
    sometimes)."""
    verb: Verb = draw(st.sampled_from(command.verbs))
    count = draw(st.integers(0, len(verb.params) + 1))
    params = [*verb.params, Param("extra", K.TEXT)]
    values = [draw(value_for(p)) for p in params[:count]]
    sep = " | " if (command.pipe or verb.pipe) else " "
    if command.number_first and verb.name and values:
        return f"{values[0]} {verb.name} {sep.join(values[1:])}"
    return " ".join(filter(None, [verb.name, sep.join(values)]))


# Inline text that starts with a sign rather than a verb (`/refer ? need`), where core has it.
SIGNS: dict[str, list[str]] = {}
for _declared in COMMANDS.values():
    for _verb in _declared.verbs:
        if _verb.prefixed is not None:
            SIGNS.setdefault(_declared.name, []).append(_verb.prefixed.sign)


def typed_commands() -> st.SearchStrategy[tuple[str, str]]:
    def texts(name: str) -> st.SearchStrategy[str]:
        signed = st.builds("{}{}".format, st.sampled_from(SIGNS.get(name, ["?"])), hostile)
        return st.one_of(inline_text(COMMANDS[name]), hostile, signed)

    return st.sampled_from(sorted(COMMANDS)).flatmap(
        lambda name: st.tuples(st.just(name), texts(name))
    )


@st.composite
def submissions(draw: st.DrawFn) -> tuple[str, str, dict[str, str]]:
    """A form submitted with any values: a declared verb mostly, a made-up one sometimes;
    optional fields left out, required ones sometimes too, fields the form never had."""
    name = draw(st.sampled_from(sorted(COMMANDS)))
    command = COMMANDS[name]
    declared_verb = st.sampled_from([v.name for v in command.verbs])
    verb = draw(st.integers(0, 4).flatmap(lambda k: hostile if k == 0 else declared_verb))
    declared = command.verb(verb)
    values = {
        p.name: draw(value_for(p))
        for p in (declared.params if declared else ())
        if draw(st.integers(0, 4)) > 0
    }
    if draw(st.booleans()):
        values[draw(hostile)] = draw(hostile)
    return name, verb, values


# Known bugs in core


@dataclass(frozen=True)
class Bug:
    reason: str
    raises: type[BaseException]  # what its examples fail with
    # May this input run into it? (command, everything typed): generous, for the fuzz to skip.
    hits: Callable[[str, str], bool] = lambda command, typed: False


def _long_number(command: str, typed: str) -> bool:
    return command in ("feedback", "report", "network") and re.search(r"\d{10,}", typed) is not None


def _share(command: str, typed: str) -> bool:
    return command == "network" and re.search(r"quorum|threshold", typed, re.I) is not None


KNOWN_BUGS: dict[str, Bug] = {}  # a bug found and not yet fixed in core goes here


def known(command: str, typed: str) -> list[str]:
    return [key for key, bug in KNOWN_BUGS.items() if bug.hits(command, typed)]


def xfail_if_known(*bugs: str) -> list[pytest.MarkDecorator]:
    """Strict xfail marks for the bugs still listed in KNOWN_BUGS, failing the way they do."""
    listed = [KNOWN_BUGS[b] for b in bugs if b in KNOWN_BUGS]
    if not listed:
        return []
    reason = "; ".join(f"{b}: {KNOWN_BUGS[b].reason}" for b in bugs if b in KNOWN_BUGS)
    raises = tuple({bug.raises for bug in listed})
    return [pytest.mark.xfail(strict=True, raises=raises, reason=reason)]


def unless_fixed(bug: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A strict xfail on a whole (Hypothesis) test while `bug` is listed in KNOWN_BUGS."""
    if bug not in KNOWN_BUGS:
        return lambda test: test
    return pytest.mark.xfail(strict=True, reason=f"{bug}: {KNOWN_BUGS[bug].reason}")


# The properties

ACTORS = ("admin", "member", "recruiter", "interviewer", "referrer", "receiver", "newcomer")
SHARED = Pristine(strict=True)


def answered(bot: Bot, reply: object, commits: int) -> None:
    """A Reply; a refusal leaves the database as it was and tells no one; what is kept fits."""
    assert isinstance(reply, Reply)
    if currently_in_test_context():
        event("refused" if reply.error else "done")
    if reply.error:
        assert reply.text, "a refusal says why"
        assert bot.db.commits == commits, "a refused command committed"
        assert bot.db.dump() == scenario_rows(), "a refused command changed the database"
        assert bot.messenger.sent == [], "a refused command sent notices"
    assert too_wide(bot.db) == []


@settings(FAST, max_examples=250)
@given(st.sampled_from(sorted(COMMANDS)), st.one_of(hostile, st.sampled_from(sorted(COMMANDS))))
def test_every_parser_reads_or_refuses_any_text(name: str, text: str) -> None:
    command = COMMANDS[name]
    try:
        parsed = parse(command, text)
    except ApportError:
        return
    assert parsed.command is command and parsed.verb in command.verbs
    declared = {p.name: p for p in parsed.verb.params}
    for key, value in parsed.args.items():
        assert key in declared and value.strip() == value and value
        if declared[key].kind is K.CHOICE and declared[key].choices:
            assert value in declared[key].choices
    assert {p.name for p in parsed.verb.params if p.required} <= set(parsed.args)


@settings(FAST, max_examples=120)
@given(st.sampled_from(ACTORS), typed_commands())
def test_any_command_typed_by_anyone_is_answered_and_a_refusal_writes_nothing(
    role: str, typed: tuple[str, str]
) -> None:
    command, text = typed
    assume(not known(command, text))
    bot = SHARED.get()
    commits = bot.db.commits
    try:
        answered(bot, run(bot, NAMES[role], command, text), commits)
    finally:
        SHARED.check()


@settings(FAST, max_examples=120)
@given(st.sampled_from(ACTORS), submissions())
def test_any_form_submitted_by_anyone_is_answered_and_a_refusal_writes_nothing(
    role: str, submitted: tuple[str, str, dict[str, str]]
) -> None:
    command, verb, values = submitted
    assume(not known(command, " ".join([verb, *values.values()])))
    bot = SHARED.get()
    commits = bot.db.commits
    try:
        answered(bot, run(bot, NAMES[role], command, verb=verb, values=values), commits)
    finally:
        SHARED.check()


# Every number a command reads, at the edges


@dataclass(frozen=True)
class Site:
    """Where a command reads a number: `{}` in `text` (or in a value) takes the edge."""

    role: str
    command: str
    text: str = ""
    verb: str = ""
    values: Mapping[str, str] | None = None
    bugs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # edge -> known bugs

    @property
    def id(self) -> str:
        form = f"[{self.verb}]" if self.values is not None else ""
        shown_values = ",".join(f"{k}={v}" for k, v in (self.values or {}).items())
        return f"/{self.command}{form} {self.text}{shown_values}".strip()


LONG_AND_HUGE = {"5000-digits": ("number-digits",), "10**30": ("number-range",)}
CANDIDATE_VERBS = (
    ("admin", ""),
    ("interviewer", "report admit | ok"),
    ("member", "visit | ok"),
    ("recruiter", "override | ok"),
    ("recruiter", "open"),
    ("recruiter", "vote yes"),
    ("recruiter", "close"),
    ("admin", "withdraw"),
    ("recruiter", "interviewers @Judy @Eve"),
    ("admin", "link @Dora"),
)
DAYS = ("followup-days", "experienced-days", "vote-days", "contact-retention-months")
SITES: tuple[Site, ...] = (
    Site("receiver", "referral", "{}"),
    Site("receiver", "referral", "{} accept"),
    Site("receiver", "referral", "2 won {}"),
    Site("referrer", "refer", "@Carol Acme | a website | {}"),
    Site("referrer", "refer", "@Carol Acme | a website | 100 | {}"),
    Site("referrer", "feedback", "{} 4", bugs=LONG_AND_HUGE),
    Site("referrer", "feedback", "{}"),
    *(Site(role, "candidate", f"{{}} {rest}".strip()) for role, rest in CANDIDATE_VERBS),
    Site("admin", "report", "{}", bugs=LONG_AND_HUGE),
    Site("admin", "report", "{} raise | a note", bugs=LONG_AND_HUGE),
    Site("reporter", "report", "@Quentin poaching | what | {}"),
    Site("admin", "charter", "commission {}"),
    Site("admin", "charter", "commission {}%"),
    Site("admin", "charter", "commission 10% min {} max 2000"),
    *(
        Site(
            "admin",
            "network",
            f"set {key} {{}}",
            bugs={"5000-digits": ("number-digits",)}
            if key in DAYS
            else {"1e-308": ("share-width",)}
            if key in ("quorum", "threshold")
            else {},
        )
        for key in SETTINGS
    ),
    Site("referrer", "refer", values={"receiver": "Carol", "client": "A", "need": "b",
                                      "value": "{}"}),
    Site("referrer", "refer", values={"receiver": "Carol", "client": "A", "need": "b",
                                      "temperature": "{}"}),
    Site("referrer", "feedback", values={"number": "{}", "score": "4"}, bugs=LONG_AND_HUGE),
    Site("interviewer", "candidate", verb="report",
         values={"candidate": "{}", "recommendation": "admit"}),
    Site("reporter", "report", values={"member": "Quentin", "kind": "poaching", "what": "w",
                                       "referral": "{}"}),
)  # fmt: skip


def sweep() -> list[object]:
    """One test per site for the edges it takes in its stride; one per known bug's edge."""
    params: list[object] = []
    for site in SITES:
        clean = tuple(edge for edge in EDGES if edge not in site.bugs)
        params.append(pytest.param(site, clean, id=f"{site.id} <- any"))
        params += [
            pytest.param(site, (edge,), id=f"{site.id} <- {edge}", marks=xfail_if_known(*bugs))
            for edge, bugs in site.bugs.items()
        ]
    return params


@pytest.mark.parametrize(("site", "edges"), sweep())
def test_every_number_read_takes_any_number(site: Site, edges: tuple[str, ...]) -> None:
    for edge in edges:
        number = EDGES[edge]
        values = None
        if site.values is not None:
            values = {k: v.replace("{}", number) for k, v in site.values.items()}
        bot = SHARED.get()
        commits = bot.db.commits
        try:
            reply = run(
                bot,
                NAMES[site.role],
                site.command,
                site.text.replace("{}", number),
                verb=site.verb,
                values=values,
            )
            answered(bot, reply, commits)
        finally:
            SHARED.check()


# Multi-step examples of the other known bugs


@pytest.mark.parametrize(
    "share",
    [
        pytest.param("1e-30", marks=xfail_if_known("share-width")),
        pytest.param("0.000000000000001", marks=xfail_if_known("share-width")),
        "2/3",
        "60%",
    ],
)
def test_a_share_that_is_accepted_fits_where_it_is_kept(share: str) -> None:
    bot = fresh(strict=True)
    reply = run(bot, "Alice", "network", f"set quorum {share}")
    assert not reply.error or "share" in reply.text


def test_a_candidate_profession_fits_where_linking_keeps_it() -> None:
    bot = fresh(strict=True)
    too_long = "Chartered accountant and " + "tax " * 60  # 265 characters
    refused = run(bot, "Sam", "candidate", f"Lena Park | {too_long} | none")
    assert refused.error and "at most 200" in refused.text
    profession = ("Chartered accountant " * 10)[:200]
    for who, text in (
        ("Sam", f"Lena Park | {profession} | none"),
        ("Rita", "6 interviewers @Ivan @Judy"),
        ("Ivan", "6 report admit | ok"),
        ("Judy", "6 report admit | ok"),
        ("Rita", "6 vote yes"),
    ):
        assert not run(bot, who, "candidate", text).error, text
    assert not run(bot, "Alice", "candidate", "6 link @Dora").error


def test_a_long_candidate_name_is_refused_and_a_fitting_one_fits_in_a_conflict() -> None:
    bot = fresh(strict=True)
    refused = run(bot, "Sam", "candidate", f"{'N' * 1990} | baker | none")
    assert refused.error and "at most 200" in refused.text
    assert not run(bot, "Sam", "candidate", f"{'N' * 200} | baker | none").error
    assert not run(bot, "Sam", "candidate", "Other Baker | baker | none").error


# No mass mention in a channel

PATHS: dict[str, tuple[str, str, str, Callable[[str], Mapping[str, str] | None]]] = {
    # name: (who, command, text with {} for the injection, or form values)
    "proposal": ("Sam", "candidate", "Ann {} | plumber {} | Left {} club", lambda s: None),
    "visit": ("Mallory", "candidate", "1 visit | {}", lambda s: None),
    "override": ("Rita", "candidate", "4 override | {}", lambda s: None),
    "report": ("Ivan", "candidate", "1 report admit | {}", lambda s: None),
    "charter": (
        "Alice",
        "charter",
        "",
        lambda s: {"members": f"Be fair {s}", "clients": s, "remuneration": s},
    ),
}
# Text within one field: a `|` would start the next field of the paths' inline commands.
field_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="|"), max_size=40)
injections = st.builds(
    lambda before, mention, glue, after: f"{before}{glue}{mention}{after}",
    field_text,
    st.sampled_from(MENTIONS),
    st.sampled_from(["", " ", "\n", "*", "_", "`"]),
    st.one_of(st.just(""), field_text, st.sampled_from(["2", "_crew", "s", "!"])),
)


def channel_posts_after(path: str, injection: str) -> list[str]:
    """Run the path with the injection, let a week pass, and return what reached a channel."""
    who, command, text, form = PATHS[path]
    bot = fresh()
    values = form(injection)
    verb = "edit" if values is not None else ""
    reply = run(bot, who, command, text.replace("{}", injection), verb=verb, values=values)
    assert not reply.error, reply.text
    bot.clock.advance(timedelta(days=8))  # the charter reminder, in the announcements channel
    bot.dispatcher.run_once()
    posts = [n for n in bot.messenger.sent if n.channel]
    assert {n.channel for n in posts} <= {RECRUITERS_CHANNEL, ANNOUNCEMENTS_CHANNEL}
    return [shown(n.reply) for n in posts]


@unless_fixed("mass-mention")
@settings(FAST, max_examples=40)
@given(st.sampled_from(sorted(PATHS)), injections)
@example("proposal", "Ann <!channel>")
@example("visit", "@everyone look")
@example("charter", "<!here|here>")
@example("report", "@here2")  # a word right after the mention
def test_no_channel_post_carries_a_mass_mention(path: str, injection: str) -> None:
    for post in channel_posts_after(path, injection):
        assert mass_mentions(post) == [], post


@pytest.mark.parametrize("_", [pytest.param(0, marks=xfail_if_known("mass-mention"))])
def test_a_candidate_named_with_mass_mentions_pings_no_one(_: int) -> None:
    posts = channel_posts_after("proposal", "Ann <!channel> @here_crew")
    assert posts, "the proposal opens the candidate's thread in the recruiters channel"
    assert [m for p in posts for m in mass_mentions(p)] == []


def test_a_mention_in_a_private_reply_is_only_shown_to_its_author() -> None:
    """Replies go to the person who typed; mentions there are theirs (not a channel post)."""
    bot = fresh()
    reply = run(bot, "Mallory", "candidate", "1 visit | @everyone look")
    assert not reply.error and not [n for n in bot.messenger.sent if not n.channel]


def test_submitted_forms_reach_the_facade_as_the_fuzz_sends_them() -> None:
    """`Invocation(values=..., verb=...)`: an empty submission is refused, not a crash."""
    bot = fresh(strict=True)
    reply = bot.app.handle(
        Invocation("T1", "Net T1", user_id("Bob"), "Bob", "feedback", verb="", values={})
    )
    assert reply.error and bot.db.commits == 0


def test_the_strict_database_refuses_what_postgresql_would() -> None:
    """The limits the properties rely on: text wider than its column is not committed, and a
    number no 4-byte column holds is not looked up."""
    bot = fresh(strict=True)
    _, _, net_a, _ = scenario()
    with pytest.raises(DatabaseLimit, match=r"value too long: clients\.name"):
        bot.db.execute(
            "UPDATE clients SET name = :long WHERE network_id = :a", long="x" * 2001, a=net_a
        )
    assert too_wide(bot.db) == []
    with bot.uow_factory() as uow, pytest.raises(DatabaseLimit, match="integer out of range"):
        uow.referrals.get(net_a, 2**31)
    assert bot.db.commits == 0
