"""The catalogs: English and French say the same things, and every key core uses exists."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterable
from pathlib import Path

import pytest

from core.charter.default_text import SECTION_KEYS
from core.commands import COMMANDS
from core.meetings.engagement import Engagement
from core.meetings.model import Mark
from core.meets.model import MeetState
from core.meets.pairing import Why
from core.recruitment.model import Ballot, Recommendation, Stage, Unfit
from core.referrals.model import MOVES, Party, Status, first_step
from core.shared import errors
from core.shared.i18n import CATALOGS, EN, EN_PLURALS, FR, FR_PLURALS, Translator
from core.shared.tenancy import GRANTABLE_ROLES, SETTINGS
from core.shared.ui import InputKind
from core.trust.breaches import BreachKind, BreachState

INDICATOR_NAMES = ("attendance", "referrals", "visitors", "quality")

CORE = Path(__file__).resolve().parents[2] / "core"
# Every key of the English catalog, plural messages included.
KEYS = set(EN) | set(EN_PLURALS)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_both_catalogs_have_the_same_keys() -> None:
    assert sorted(set(EN) - set(FR)) == []
    assert sorted(set(FR) - set(EN)) == []
    assert sorted(set(EN_PLURALS) - set(FR_PLURALS)) == []
    assert sorted(set(FR_PLURALS) - set(EN_PLURALS)) == []


@pytest.mark.parametrize("key", sorted(EN))
def test_both_catalogs_fill_in_the_same_placeholders(key: str) -> None:
    assert placeholders(FR[key]) == placeholders(EN[key])


def test_no_message_is_blank() -> None:
    assert [k for locale in CATALOGS.values() for k, v in locale.items() if not v.strip()] == []


def test_translator_falls_back_to_english() -> None:
    assert Translator("de").locale == "en"
    assert Translator("de")("status.won") == "won"
    assert Translator("fr")("status.won") == "gagnée"
    assert Translator("fr")("referral.title", number=3, client="Acme") == (
        "Recommandation n° 3 : Acme"
    )
    with pytest.raises(KeyError):
        Translator("en")("no.such.key")


# Keys used by core, read from its source


def _is_t_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "t") or (
        isinstance(func, ast.Attribute) and func.attr == "t"
    )


def _sources() -> list[tuple[Path, ast.Module]]:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 15, "core sources not found"
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in files]


def literal_keys() -> set[str]:
    """Every literal key passed to `t(...)`/`ctx.t(...)`, both branches of `a if c else b`."""
    found: set[str] = set()
    for _, tree in _sources():
        for node in ast.walk(tree):
            if not _is_t_call(node):
                continue
            assert isinstance(node, ast.Call)
            arg = node.args[0]
            branches = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for branch in branches:
                if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                    found.add(branch.value)
    return found


def dynamic_templates() -> set[str]:
    """Every f-string key passed to `t(...)`, as its source text."""
    return {
        ast.unparse(node.args[0])
        for _, tree in _sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _is_t_call(node)
        and isinstance(node.args[0], ast.JoinedStr)
    }


def error_keys() -> set[str]:
    """`"error.xxx"` literals in core, such as keys passed to errors.

    Class defaults (`key = "error.xxx"`) are checked per class below, and a prefix such as
    `"error.wrong_actor_" + party` with the values it can take.
    """
    found: set[str] = set()
    for _, tree in _sources():
        defaults = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and [ast.unparse(target) for target in node.targets] == ["key"]
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"error\.[a-z_]*[a-z]", node.value)
                and id(node) not in defaults
            ):
                found.add(node.value)
    return found


def _form_params() -> Iterable[tuple[str, str, str]]:
    for command in COMMANDS.values():
        for verb in command.verbs:
            if verb.has_form:
                for param in verb.params:
                    yield command.name, verb.name, param.name


def _usage_params() -> Iterable[str]:
    for command in COMMANDS.values():
        for verb in command.verbs:
            for param in verb.params:
                if param.kind is InputKind.MEMBER or not (
                    param.choices and param.kind is InputKind.CHOICE
                ):
                    yield param.name


# Each f-string key core builds, and every value it can take.
# Every move a refused move may have to wait for (the first step of its way).
_FIRST_STEPS = {
    step.verb
    for status in Status
    for verb in MOVES
    if (step := first_step(status, verb)) is not None
}

DYNAMIC_KEYS: dict[str, set[str]] = {
    "f\"status.{params['status']}\"": {f"status.{s.value}" for s in Status},
    "f'status.{status.value}'": {f"status.{s.value}" for s in Status},
    "f'action.{verb}'": {f"action.{v}" for v in MOVES},
    "f'moved.{verb}'": {f"moved.{v}" for v in MOVES},
    "f'notice.{move.verb}'": {f"notice.{m.verb}" for m in MOVES.values()},
    "f'guidance.first.{first.verb}'": {f"guidance.first.{v}" for v in _FIRST_STEPS},
    "f'guidance.wait.{first.verb}'": {f"guidance.wait.{v}" for v in _FIRST_STEPS},
    "f'temperature.{referral.temperature}'": {f"temperature.{n}" for n in range(1, 6)},
    "f'charter.section.{key}'": {f"charter.section.{k}" for k in SECTION_KEYS},
    "f'setting.{key}'": {f"setting.{k}" for k in SETTINGS},
    "f'role.{granted.value}'": {f"role.{r.value}" for r in GRANTABLE_ROLES},
    "f'role.{role.value}.plural'": {f"role.{r.value}.plural" for r in GRANTABLE_ROLES},
    "f'help.{command.name}'": {f"help.{c}" for c in COMMANDS},
    "f'help.{command.name}.long'": {f"help.{c}.long" for c in COMMANDS},
    "f\"referrals.title{('.' + which if which else '')}\"": {
        "referrals.title",
        "referrals.title.given",
        "referrals.title.received",
        "referrals.title.open",
    },
    "f'param.{param.name}'": {f"param.{p}" for p in _usage_params()},
    "f'param.{p.name}.label'": {f"param.{p}.label" for _, _, p in _form_params()},
    "f'param.{p.name}.hint'": set(),  # optional: looked up with `t.has` first
    "f\"form.{command.name}{('.' + verb.name if verb.name else '')}\"": {
        f"form.{c}{'.' + v if v else ''}" for c, v, _ in _form_params()
    },
    "f'ballot.{ballot.value}'": {f"ballot.{b.value}" for b in Ballot},
    "f'ballot.{b}'": {f"ballot.{b.value}" for b in Ballot},
    "f'candidate.decision_{candidate.stage.value}'": {
        "candidate.decision_admitted",
        "candidate.decision_rejected",
    },
    "f'close.{why}'": {"close.all_voted", "close.closed_by_recruiter", "close.deadline"},
    "f'event.{e.what}'": {
        f"event.{w}"
        for w in (
            "proposed",
            "assigned",
            "too_few_interviewers",
            "report_filed",
            "report_amended",
            "visited",
            "override",
            "process_override",
            "vote_opened",
            "voted",
            "vote_changed",
            "admitted",
            "rejected",
            "withdrawn",
            "linked",
        )
    },
    "f'param.{name}'": {
        "param.name",
        "param.profession",
        "param.previous",
        "param.notes",
        "param.ethics",
        "param.generosity",
        "param.previous_networks",
        "param.reason",
    },
    "f'recommendation.{report.recommendation.value}'": {
        f"recommendation.{r.value}" for r in Recommendation
    },
    "f'report.{name}'": {
        f"report.{n}" for n in ("ethics", "generosity", "previous_networks", "notes")
    },
    "f'stage.{c.stage.value}'": {f"stage.{s.value}" for s in Stage},
    "f'action.breach_{verb}'": {f"action.breach_{v}" for v in ("raise", "resolve", "dismiss")},
    "f'audit.{e.what}'": {
        f"audit.{w}"
        for w in (
            "role.granted",
            "role.removed",
            "setting",
            "charter.version",
            "export.mydata",
            "export.ledger",
            "erasure",
            "candidate.linked",
            "candidate.override_process",
            "candidate.override_exclusivity",
            "meeting.schedule",
            "meeting.cancel",
            "meeting.mark",
            "visitor.invited",
        )
    },
    "f'breach.{breach.kind.value}'": {f"breach.{k.value}" for k in BreachKind},
    "f'breach_state.{breach.state.value}'": {f"breach_state.{s.value}" for s in BreachState},
    "f'breach_state.{e.state.value}'": {f"breach_state.{s.value}" for s in BreachState},
    "f'charter.section.{section}'": {f"charter.section.{k}" for k in SECTION_KEYS},
    "f'notice.breach_{target.value}'": {"notice.breach_resolved", "notice.breach_dismissed"},
    "f'report.{target.value}'": {f"report.{s}" for s in ("raised", "resolved", "dismissed")},
    "f'status.{referral.status.value}'": {f"status.{s.value}" for s in Status},
    "f'stage.{candidate.stage.value}'": {f"stage.{s.value}" for s in Stage},
    "f'unfit.{unfit.value}'": {f"unfit.{u.value}" for u in Unfit},
    "f'meeting.weekday.{found.weekday}'": {f"meeting.weekday.{d}" for d in range(7)},
    "f'meeting.weekday.{local.weekday()}'": {f"meeting.weekday.{d}" for d in range(7)},
    "f'meeting.month.{local.month}'": {f"meeting.month.{m}" for m in range(1, 13)},
    "f'meeting.month.{month.month}'": {f"meeting.month.{m}" for m in range(1, 13)},
    "f'meeting.mark.{args.mark.value}'": {f"meeting.mark.{m.value}" for m in Mark},
    "f'visitor.stage.{stage}'": {f"visitor.stage.{s.value}" for s in Stage},
    "f'engagement.{reading.name}'": {f"engagement.{n}" for n in INDICATOR_NAMES},
    "f'engagement.{reading.name}.none'": {f"engagement.{n}.none" for n in INDICATOR_NAMES},
    "f'engagement.light.{light.value}'": {f"engagement.light.{e.value}" for e in Engagement},
    "f'meet.state.{meet.state.value}'": {f"meet.state.{s.value}" for s in MeetState},
    "f'pairing.why.{reason.why.value}'": {f"pairing.why.{w.value}" for w in Why} - {
        "pairing.why.words"  # written with the words it names
    },
}


def test_the_source_scan_finds_the_keys() -> None:
    assert len(literal_keys()) > 60
    assert {"refer.sent", "referrals.summary", "history.line"} <= literal_keys()
    assert len(error_keys()) > 20


def test_every_literal_key_exists() -> None:
    assert sorted(literal_keys() - KEYS) == []


def test_every_error_key_exists() -> None:
    assert sorted(error_keys() - KEYS) == []


ERROR_CLASSES = sorted(
    (c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.ApportError)),
    key=lambda c: c.__name__,
)


def test_the_error_classes_are_found() -> None:
    assert len(ERROR_CLASSES) > 10


@pytest.mark.parametrize(
    "error",
    [pytest.param(c, id=c.__name__) for c in ERROR_CLASSES],
)
def test_every_error_class_default_key_exists(error: type[errors.ApportError]) -> None:
    assert error.key in KEYS


def test_wrong_actor_keys_exist_for_each_party() -> None:
    assert {f"error.wrong_actor_{p.value}" for p in Party} <= KEYS


def test_every_dynamic_key_template_is_known() -> None:
    """A new f-string key in core must be added to DYNAMIC_KEYS, so its values get checked."""
    assert sorted(dynamic_templates() - set(DYNAMIC_KEYS)) == []


@pytest.mark.parametrize("template", sorted(DYNAMIC_KEYS))
def test_every_dynamic_key_exists(template: str) -> None:
    assert sorted(DYNAMIC_KEYS[template] - KEYS) == []


def test_param_labels_exist_for_every_form_input() -> None:
    labels = {f"param.{p}.label" for _, _, p in _form_params()}
    assert len(labels) >= 8
    assert sorted(labels - KEYS) == []


def test_messages_name_commands_the_way_the_platform_spells_them() -> None:
    slack = Translator("en", {"feedback": "apport feedback", "help": "apport help"})
    assert slack("followup.feedback_how", number=3) == (
        "Answer with a score from 1 to 5, or /apport feedback 3 SCORE [comment]."
    )
    assert "/apport help COMMAND" in slack("help.intro")
    # What a user typed (a parameter) is never rewritten.
    assert slack("error.unknown_command", name="/feedback").startswith("Unknown command /feedback.")
    assert Translator("en")("followup.feedback_how", number=3).endswith(
        "/feedback 3 SCORE [comment]."
    )
