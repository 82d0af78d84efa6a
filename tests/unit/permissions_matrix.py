"""The authorization matrix, as data: every command, verb, form and button against every role.

This is the one place the matrix lives. `tests/unit/test_permissions.py` runs every cell through
the facade, and checks that docs/permissions.md is exactly what `render()` makes of this data.
After changing a row, write the document again with:

    .venv/bin/python -m tests.unit.permissions_matrix
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"


class Outcome(StrEnum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    LIMITED = "limited"  # allowed, with part of what the others see hidden


@dataclass(frozen=True)
class Role:
    key: str
    heading: str  # the column's heading in the document
    who: str  # who plays it in the scenario
    means: str


ROLES: tuple[Role, ...] = (
    Role(
        "outsider",
        "outsider",
        "Xavier, admin of another network",
        "Not a member of network A. Any user of a workspace becomes a member on first use, so "
        "the only real non-member is someone from another workspace: Xavier is the admin (the "
        "strongest role) of network B and runs the command there, in the same database.",
    ),
    Role(
        "newcomer",
        "newcomer",
        "Nora, never used Apport",
        "A user of network A's workspace whose first command this is: she becomes a member with "
        "no role, and has not accepted the charter yet.",
    ),
    Role("member", "member", "Mallory", "A member with no role, party to nothing."),
    Role("experienced", "experienced", "Eve", "Has the experienced role (not an interviewer)."),
    Role("recruiter", "recruiter", "Rita", "Has the recruiter role."),
    Role("admin", "admin", "Alice", "The network's admin, party to nothing."),
    Role("referrer", "referrer", "Bob", "Gave referrals #1 to #3 (and owns their clients)."),
    Role("receiver", "receiver", "Carol", "Received referrals #1 to #3."),
    Role("sponsor", "sponsor", "Sam", "Proposed candidates #1 to #4."),
    Role("interviewer", "interviewer", "Ivan", "Interviews candidates #1 to #4, with Judy."),
    Role("reporter", "reporter", "Paul", "Filed breach report #1."),
    Role("reported", "reported", "Quentin", "The member breach report #1 is about."),
)
ROLE_KEYS = tuple(role.key for role in ROLES)


@dataclass(frozen=True)
class Reason:
    """Why a cell is refused: the message the user gets, and the words the document uses."""

    message_key: str
    words: str


REASONS: dict[str, Reason] = {
    "admin": Reason("error.admin_only", "admins only"),
    "party": Reason("error.not_your_referral", "not a party"),
    "receiver": Reason("error.wrong_actor_receiver", "receiver's move"),
    "referrer": Reason("error.wrong_actor_referrer", "referrer's move"),
    "feedback": Reason("error.feedback_not_referrer", "referrer only"),
    "corrector": Reason("error.correct_receiver_or_admin", "receiver or admin"),
    "recruiter": Reason("error.recruiters_only", "recruiters"),
    "voter": Reason("error.recruiters_vote", "recruiters vote"),
    "interviewer": Reason("error.not_interviewer", "interviewers"),
    "sponsor_vote": Reason("error.sponsor_cannot_vote", "own candidate"),
    "sponsor_or_admin": Reason("error.sponsor_or_admin", "sponsor or admin"),
    "charter": Reason("error.charter_not_accepted", "charter first"),
    "last_admin": Reason("error.last_admin", "last admin"),
    "open_referrals": Reason("mydata.erase_open", "open referrals first"),
    "no_member": Reason("error.not_a_member", "not in their network"),
    "no_referral": Reason("error.referral_not_found", "not in their network"),
    "no_candidate": Reason("error.candidate_not_found", "not in their network"),
    "no_report": Reason("error.breach_not_found", "not in their network"),
    "no_visitor": Reason("error.visitor_not_found", "not in their network"),
    "host": Reason("error.visitor_not_host", "host or admin"),
    "self": Reason("error.report_self", "not about oneself"),
    "thanks": Reason("error.thanks_receiver_only", "receiver only"),
    "meet_party": Reason("error.meet_not_yours", "not one of theirs"),
    "meet_turn": Reason("error.meet_not_your_turn", "the other's answer"),
    "no_meet": Reason("error.meet_not_found", "not in their network"),
}

# Refusals that depend on the state (the only admin), not on the role: a button may show them.
STATE_REASONS = frozenset({"last_admin", "open_referrals"})


@dataclass(frozen=True)
class Cell:
    outcome: Outcome
    note: str = ""  # REFUSED: a key of REASONS; LIMITED: what is hidden

    def text(self) -> str:
        if self.outcome is Outcome.ALLOWED:
            return "yes"
        if self.outcome is Outcome.REFUSED:
            return f"no: {REASONS[self.note].words}"
        if self == OWN:
            return OWN_NETWORK
        return f"limited: {self.note}"


OWN_NETWORK = "own network only"
YES = Cell(Outcome.ALLOWED)
OWN = Cell(Outcome.LIMITED, OWN_NETWORK)  # the outsider, in their own network


def no(reason: str) -> Cell:
    if reason not in REASONS:
        raise KeyError(reason)
    return Cell(Outcome.REFUSED, reason)


# What a limited view hides, by the short name its cells use.
HIDDEN: dict[str, str] = {
    "card only": "the candidate's card without its record: previous networks, interview "
    "reports, visits and history are hidden (recruiters, admins, the sponsor and the "
    "interviewers see them)",
    "blind": "a filed interview report stays hidden from everyone but its author until both "
    "interviewers have filed, the other interviewer included",
    "own referrals": "lists only the referrals the actor gave or received, admins included",
    "own clients": "lists only the clients the actor owns",
    "no admin verbs": "the help leaves out the verbs only admins may use",
    "own light": "the activity light of the actor alone; admins see everyone's",
    "no contact": "a visitor's contact is hidden (their host and the admins see it)",
}


def limited(hidden: str) -> Cell:
    if hidden not in HIDDEN:
        raise KeyError(hidden)
    return Cell(Outcome.LIMITED, hidden)


@dataclass(frozen=True)
class Row:
    group: str
    label: str  # how the document names it
    command: str
    text: str = ""
    verb: str = ""  # with `values`: a submitted form
    values: Mapping[str, str] | None = None
    cells: Mapping[str, Cell] = field(default_factory=dict)
    shows: tuple[str, ...] = ()  # in full (ALLOWED) replies; never in LIMITED ones
    never: tuple[str, ...] = ()  # in nobody's reply
    note: str = ""  # a footnote for the document

    @property
    def id(self) -> str:
        form = f"[{self.verb}]({','.join(self.values)})" if self.values is not None else ""
        return f"/{self.command}{form} {self.text}".strip()


def row(
    group: str,
    label: str,
    command: str,
    text: str = "",
    *,
    default: Cell = YES,
    outsider: Cell,
    verb: str = "",
    values: Mapping[str, str] | None = None,
    shows: tuple[str, ...] = (),
    never: tuple[str, ...] = (),
    note: str = "",
    by_role: Mapping[str, Cell] | None = None,
    **cells: Cell,
) -> Row:
    """One row: `default` for every role in network A, then the cells given by role (as
    keywords, or as `by_role`); the newcomer gets the member's cell unless given one."""
    overrides = {**(by_role or {}), **cells}
    unknown = set(overrides) - set(ROLE_KEYS)
    if unknown:
        raise KeyError(f"no roles {sorted(unknown)}")
    cells = {key: overrides.get(key, default) for key in ROLE_KEYS}
    cells["newcomer"] = overrides.get("newcomer", cells["member"])
    cells["outsider"] = outsider
    return Row(group, label, command, text, verb, values, cells, shows, never, note)


# What the scenario holds, named once (the test builds it; rows refer to it).
CONTACT = "jane@acme.example"  # referral #1's client contact
PREVIOUS_2 = "Left Rotary Nice after a quarrel"  # candidate #2's previous networks
NOTES_2 = "Shares business gladly"  # Ivan's report on candidate #2
JUDY_NOTES_1 = "Judy thinks Zoe is careful"  # Judy's report on #1; Ivan has not filed yet
BREACH_TEXT = "Quentin called the client of referral #1 behind my back"
VISITOR_CONTACT = "tom@hale.example"  # visitor #1's contact (Sam invited him)

REFERRALS = "Referrals"
CHARTER = "Charter"
NETWORK = "Network"
RECRUITMENT = "Recruitment"
REPORTS = "Breach reports"
MYDATA = "My data"
MEETINGS = "Meetings and visitors"
MEETS = "One-to-ones"
DIRECTORY = "Directory and stats"
OTHER = "Everyone's pages"

RECORD = "card only"
BLIND = "blind"
ADMIN_VERBS = "no admin verbs"
NOT_PARTY = {"party": no("party")}

_refer = "@Dora Globex | a new website | 1 200 | 3 | ops@globex.example"
_refer_form = {
    "receiver": "Dora",
    "client": "Globex",
    "need": "a new website",
    "value": "1 200",
    "temperature": "3",
    "contact": "ops@globex.example",
}
_parties = {"referrer": YES, "receiver": YES}


def _move(text: str, actor: str, admin_may: bool = False) -> Row:
    """A referral move: the actor's; the other party and the admin get the wrong-actor error,
    everyone else is told it is not theirs."""
    other = "referrer" if actor == "receiver" else "receiver"
    cells = {actor: YES, other: no(actor), "admin": YES if admin_may else no(actor)}
    who = "the referrer or an admin" if admin_may else f"the {actor}"
    return row(
        REFERRALS,
        f"`/referral {text}`",
        "referral",
        text,
        default=no("party"),
        outsider=no("no_referral"),
        note=f"{who} only",
        by_role=cells,
    )


ROWS: tuple[Row, ...] = (
    # Referrals
    row(REFERRALS, "`/refer @member client | need | …`", "refer", _refer,
        outsider=no("no_member"), newcomer=no("charter")),
    row(REFERRALS, "`/refer` (the form)", "refer", outsider=OWN),
    row(REFERRALS, "`/refer` (form submitted)", "refer", verb="", values=_refer_form,
        outsider=no("no_member"), newcomer=no("charter")),
    row(REFERRALS, "`/referral 1` (the card)", "referral", "1", default=no("party"),
        outsider=no("no_referral"), admin=YES, by_role=_parties, shows=(CONTACT,),
        note="the client's contact is on the card: only the parties and admins see it"),
    _move("1 accept", "receiver"),
    _move("1 decline", "receiver"),
    _move("1 cancel", "referrer"),
    _move("2 contacted", "receiver"),
    _move("2 won 5 000", "receiver"),
    _move("2 lost", "receiver"),
    _move("3 paid", "referrer", admin_may=True),
    row(REFERRALS, "`/referral 3 correct AMOUNT | reason`", "referral",
        "3 correct 11 000 | typo in the amount", default=no("party"),
        outsider=no("no_referral"), admin=YES, referrer=no("corrector"), receiver=YES,
        note="the receiver within correction-days of the win, or an admin at any time"),
    row(REFERRALS, "`/referrals`", "referrals", default=limited("own referrals"),
        outsider=OWN, by_role=_parties, shows=("Acme",)),
    row(REFERRALS, "`/clients`", "clients", default=limited("own clients"),
        outsider=OWN, referrer=YES, shows=("Acme",)),
    row(REFERRALS, "`/feedback 2 4 …`", "feedback", "2 4 Careful work",
        default=no("feedback"), outsider=no("no_referral"), referrer=YES),
    row(REFERRALS, "`/feedback 2` (the form)", "feedback", "2", outsider=OWN,
        note="the form is anyone's; its submission is checked"),
    row(REFERRALS, "`/feedback` (form submitted)", "feedback", values={"number": "2", "score": "4"},
        default=no("feedback"), outsider=no("no_referral"), referrer=YES),
    # Charter
    row(CHARTER, "`/charter`", "charter", outsider=OWN),
    row(CHARTER, "`/charter accept`", "charter", "accept", outsider=OWN),
    row(CHARTER, "`/charter history`", "charter", "history", outsider=OWN),
    row(CHARTER, "`/charter edit … | … | …`", "charter", "edit Members | Clients | Pay",
        default=no("admin"), outsider=OWN, admin=YES),
    row(CHARTER, "`/charter edit` (the form)", "charter", "edit", default=no("admin"),
        outsider=OWN, admin=YES),
    row(CHARTER, "`/charter edit` (form submitted)", "charter", verb="edit",
        values={"members": "Be fair", "clients": "Serve well", "remuneration": "Pay on time"},
        default=no("admin"), outsider=OWN, admin=YES),
    row(CHARTER, "`/charter commission 10%`", "charter", "commission 10%", default=no("admin"),
        outsider=OWN, admin=YES),
    # Network
    row(NETWORK, "`/network`", "network", outsider=OWN),
    row(NETWORK, "`/network role @member role`", "network", "role @Dora experienced",
        default=no("admin"), outsider=no("no_member"), admin=YES),
    row(NETWORK, "`/network set key value`", "network", "set followup-days 10",
        default=no("admin"), outsider=OWN, admin=YES),
    row(NETWORK, "`/network audit`", "network", "audit", default=no("admin"), outsider=OWN,
        admin=YES),
    row(NETWORK, "`/network export`", "network", "export", default=no("admin"), outsider=OWN,
        admin=YES, never=(CONTACT,), note="the ledger never carries client contacts"),
    # Recruitment
    row(RECRUITMENT, "`/candidate name | profession | previous`", "candidate",
        "Nina Blue | baker | none", outsider=OWN),
    row(RECRUITMENT, "`/candidate` (the form)", "candidate", outsider=OWN),
    row(RECRUITMENT, "`/candidate` (form submitted)", "candidate",
        values={"name": "Nina Blue", "profession": "baker", "previous": "none"}, outsider=OWN),
    row(RECRUITMENT, "`/candidate 2` (vote open, both reports in)", "candidate", "2",
        default=limited(RECORD), outsider=no("no_candidate"), recruiter=YES, admin=YES,
        sponsor=YES, interviewer=YES, shows=(PREVIOUS_2, NOTES_2)),
    row(RECRUITMENT, "`/candidate 1` (one report in)", "candidate", "1",
        default=limited(RECORD), outsider=no("no_candidate"), recruiter=limited(BLIND),
        admin=limited(BLIND), sponsor=limited(BLIND), interviewer=limited(BLIND),
        shows=(JUDY_NOTES_1,), note="even the other interviewer does not see a report first"),
    row(RECRUITMENT, "`/candidates`", "candidates", outsider=OWN),
    row(RECRUITMENT, "`/candidate 1 interviewers @a @b`", "candidate",
        "1 interviewers @Judy @Eve", default=no("recruiter"), outsider=no("no_member"),
        recruiter=YES, admin=YES),
    row(RECRUITMENT, "`/candidate 1 report admit | …`", "candidate", "1 report admit | Solid",
        default=no("interviewer"), outsider=no("no_candidate"), interviewer=YES),
    row(RECRUITMENT, "`/candidate 1 report` (the form)", "candidate", "1 report", outsider=OWN,
        note="the form is anyone's; its submission is checked"),
    row(RECRUITMENT, "`/candidate report` (form submitted)", "candidate", verb="report",
        values={"candidate": "1", "recommendation": "admit", "notes": "Solid"},
        default=no("interviewer"), outsider=no("no_candidate"), interviewer=YES),
    row(RECRUITMENT, "`/candidate 1 visit | notes`", "candidate", "1 visit | A tidy workshop",
        outsider=no("no_candidate"), note="any member may record a visit"),
    row(RECRUITMENT, "`/candidate 4 override | reason`", "candidate",
        "4 override | Different speciality", default=no("recruiter"),
        outsider=no("no_candidate"), recruiter=YES, admin=YES),
    row(RECRUITMENT, "`/candidate 1 override-process | reason`", "candidate",
        "1 override-process | Interviewed before the network used Apport", default=no("admin"),
        outsider=no("no_candidate"), admin=YES,
        note="opens the vote without the interviews or the visit; never by the sponsor"),
    row(RECRUITMENT, "`/candidate 5 open` (process complete)", "candidate", "5 open",
        default=no("recruiter"), outsider=no("no_candidate"), recruiter=YES, admin=YES,
        note="refused to everyone, saying what is missing, until both reports (and the visit, "
        "when required) are in; never by the sponsor"),
    row(RECRUITMENT, "`/candidate 2 vote yes`", "candidate", "2 vote yes",
        default=no("voter"), outsider=no("no_candidate"), recruiter=YES,
        sponsor=no("sponsor_vote"),
        note="the recruiter role, not admin, gives a vote; the sponsor never votes"),
    row(RECRUITMENT, "`/candidate 2 close`", "candidate", "2 close", default=no("recruiter"),
        outsider=no("no_candidate"), recruiter=YES, admin=YES),
    row(RECRUITMENT, "`/candidate 1 withdraw`", "candidate", "1 withdraw",
        default=no("sponsor_or_admin"), outsider=no("no_candidate"), sponsor=YES, admin=YES),
    row(RECRUITMENT, "`/candidate 3 link @member`", "candidate", "3 link @Dora",
        default=no("admin"), outsider=no("no_member"), admin=YES),
    # Breach reports
    row(REPORTS, "`/report @member kind | what | referral`", "report",
        "@Carol service | Slow to answer | referral 1", outsider=no("no_member"),
        receiver=no("self"), note="the referral must involve the member reported on"),
    row(REPORTS, "`/report` (the form)", "report", outsider=OWN),
    row(REPORTS, "`/report` (form submitted)", "report",
        values={"member": "Dora", "kind": "service", "what": "Slow to answer"},
        outsider=no("no_member")),
    row(REPORTS, "`/report 1` (the report)", "report", "1", default=no("admin"),
        outsider=no("no_report"), admin=YES, shows=(BREACH_TEXT,)),
    row(REPORTS, "`/report 1 raise | note`", "report", "1 raise | Please call me",
        default=no("admin"), outsider=no("no_report"), admin=YES),
    row(REPORTS, "`/report 1 resolve | note`", "report", "1 resolve | Settled",
        default=no("admin"), outsider=no("no_report"), admin=YES),
    row(REPORTS, "`/report 1 dismiss | note`", "report", "1 dismiss | Not a breach",
        default=no("admin"), outsider=no("no_report"), admin=YES),
    row(REPORTS, "`/reports`", "reports", default=no("admin"), outsider=OWN, admin=YES,
        shows=("Quentin",)),
    row(REPORTS, "`/reports mine`", "reports", "mine", outsider=OWN, note="the reports the actor "
        "filed, with where each stands"),
    # Directory and stats
    row(DIRECTORY, "`/profile profession | keywords | pitch`", "profile",
        "baker | bread, pastry | Fresh every morning", outsider=OWN),
    row(DIRECTORY, "`/profile` (the form)", "profile", outsider=OWN),
    row(DIRECTORY, "`/profile` (form submitted)", "profile",
        values={"profession": "baker", "keywords": "bread", "pitch": "Fresh"}, outsider=OWN),
    row(DIRECTORY, "`/refer` (form submitted with a need and no receiver)", "refer",
        values={"need": "a new website"}, outsider=OWN, note="suggestions instead of a referral"),
    row(DIRECTORY, "`/members [words]`", "members", "accountant", outsider=OWN),
    row(DIRECTORY, "`/refer ? need`", "refer", "? a new website", outsider=OWN,
        note="suggestions, from profiles everyone may read"),
    row(DIRECTORY, "`/ask TEXT`", "ask", "an introduction to a hotel manager in Lyon",
        outsider=OWN, newcomer=no("charter")),
    row(DIRECTORY, "`/ask`", "ask", outsider=OWN, note="the actor's own ask and the ones before"),
    row(DIRECTORY, "`/ask clear`", "ask", "clear", outsider=OWN),
    row(DIRECTORY, "`/asks`", "asks", outsider=OWN),
    row(DIRECTORY, "`/thanks 3 | message`", "thanks", "3 | Thank you for Umbrella",
        default=no("thanks"), outsider=no("no_referral"), receiver=YES,
        note="the receiver of a won referral, once; posted without the amount unless asked"),
    row(DIRECTORY, "`/stats [period]`", "stats", "year", outsider=OWN),
    row(DIRECTORY, "`/stats me`", "stats", "me", outsider=OWN),
    row(DIRECTORY, "`/stats activity`", "stats", "activity", default=limited("own light"),
        outsider=OWN, admin=YES, shows=("Dora",)),
    row(DIRECTORY, "`/stats export`", "stats", "export", default=no("admin"), outsider=OWN,
        admin=YES, never=(CONTACT,)),
    # Meetings and visitors
    row(MEETINGS, "`/meeting [date]`", "meeting", outsider=OWN),
    row(MEETINGS, "`/meeting schedule day time | place`", "meeting",
        "schedule thu 07:30 | Hôtel de la Gare", default=no("admin"), outsider=OWN, admin=YES),
    row(MEETINGS, "`/meeting cancel date | reason`", "meeting", "cancel 9 mars | holidays",
        default=no("admin"), outsider=OWN, admin=YES),
    row(MEETINGS, "`/meeting here` (the check-in button)", "meeting", "here", outsider=OWN),
    row(MEETINGS, "`/meeting late [date]`", "meeting", "late", outsider=OWN),
    row(MEETINGS, "`/meeting absent date | reason`", "meeting", "absent 9 mars | travelling",
        outsider=OWN),
    row(MEETINGS, "`/meeting medical date | reason`", "meeting", "medical 9 mars",
        outsider=OWN),
    row(MEETINGS, "`/meeting substitute date name | profession`", "meeting",
        "substitute 9 mars Léa Roy | baker", outsider=OWN),
    row(MEETINGS, "`/meeting [date] mark @member mark`", "meeting", "mark @Dora present",
        default=no("admin"), outsider=no("no_member"), admin=YES,
        note="also the secretary role"),
    row(MEETINGS, "`/visitor name | profession | company | contact | date`", "visitor",
        "Léa Roy | florist | Fleurs | lea@fleurs.example | 9 mars", outsider=OWN),
    row(MEETINGS, "`/visitor` (the form)", "visitor", outsider=OWN),
    row(MEETINGS, "`/visitor` (form submitted)", "visitor", verb="",
        values={"visitor_name": "Léa Roy", "profession": "florist"}, outsider=OWN),
    row(MEETINGS, "`/visitor 1`", "visitor", "1", default=limited("no contact"),
        outsider=no("no_visitor"), sponsor=YES, admin=YES, shows=(VISITOR_CONTACT,)),
    row(MEETINGS, "`/visitor 1 propose` (the candidate form)", "visitor", "1 propose",
        default=no("host"), outsider=no("no_visitor"), sponsor=YES, admin=YES),
    row(MEETINGS, "`/visitor 1 came`", "visitor", "1 came", default=no("host"),
        outsider=no("no_visitor"), sponsor=YES, admin=YES),
    row(MEETINGS, "`/visitor 1 noshow`", "visitor", "1 noshow", default=no("host"),
        outsider=no("no_visitor"), sponsor=YES, admin=YES),
    row(MEETINGS, "`/visitors`", "visitors", default=limited("no contact"), outsider=OWN,
        sponsor=YES, admin=YES, shows=(VISITOR_CONTACT,)),
    # One-to-ones
    row(MEETS, "`/meet @member when | where`", "meet", "@Dora tomorrow 10:00 | Café",
        outsider=no("no_member")),
    row(MEETS, "`/meet` (the form)", "meet", outsider=OWN),
    row(MEETS, "`/meet` (form submitted)", "meet", values={"member": "Dora", "when": "tomorrow "
        "10:00", "place": "Café"}, outsider=no("no_member")),
    row(MEETS, "`/meet 2` (the card)", "meet", "2", default=no("meet_party"),
        outsider=no("no_meet"), by_role=_parties, note="its two members only; each sees only "
        "their own note"),
    row(MEETS, "`/meet 2 accept`", "meet", "2 accept", default=no("meet_party"),
        outsider=no("no_meet"), receiver=YES, referrer=no("meet_turn"),
        note="the member it waits for"),
    row(MEETS, "`/meet 2 move when`", "meet", "2 move tomorrow 11:00", default=no("meet_party"),
        outsider=no("no_meet"), by_role=_parties),
    row(MEETS, "`/meet 2 decline`", "meet", "2 decline", default=no("meet_party"),
        outsider=no("no_meet"), by_role=_parties),
    row(MEETS, "`/meet 1 done | what I learned`", "meet", "1 done | Knows every caterer",
        default=no("meet_party"), outsider=no("no_meet"), reporter=YES, reported=YES,
        note="after its time; the note is read by its author alone"),
    row(MEETS, "`/meet pause 4w`", "meet", "pause 4w", outsider=OWN),
    row(MEETS, "`/meets`", "meets", outsider=OWN, note="the actor's own one-to-ones"),
    row(MEETS, "`/stats pairs`", "stats", "pairs", default=no("admin"), outsider=OWN,
        admin=YES),
    # My data
    row(MYDATA, "`/mydata`", "mydata", outsider=OWN),
    row(MYDATA, "`/mydata export`", "mydata", "export", outsider=OWN,
        note="a file of the actor's own data, sent to them alone"),
    row(MYDATA, "`/mydata erase` (asks first)", "mydata", "erase", outsider=OWN,
        referrer=no("open_referrals"), receiver=no("open_referrals"),
        note="lists the actor's open referrals to close first"),
    row(MYDATA, "`/mydata erase confirm`", "mydata", "erase confirm", outsider=no("last_admin"),
        admin=no("last_admin"), referrer=no("open_referrals"), receiver=no("open_referrals"),
        note="refused to the network's only admin, and while the actor is a party to an open "
        "referral"),
    # Everyone's pages
    row(OTHER, "`/home`", "home", outsider=OWN),
    row(OTHER, "`/help`", "help", outsider=OWN),
    row(OTHER, "`/help network`", "help", "network", default=limited(ADMIN_VERBS), outsider=OWN,
        admin=YES, shows=("/network role",)),
)  # fmt: skip

# Rules every cell is also checked against (what a reply or notice may carry, and to whom).
INVARIANTS: tuple[str, ...] = (
    "The contact of referral #1 reaches only its referrer, its receiver and admins: never "
    "another member, a channel or a candidate thread.",
    "The text of breach report #1 reaches only admins (and its reporter, in their own export).",
    "Candidate #2's previous networks and interview notes reach only recruiters, admins, the "
    "sponsor and the interviewers (and the recruiters channel's thread).",
    "Nothing of network A (names, clients, contacts, candidates, amounts) reaches the outsider, "
    "and nothing the outsider does changes network A.",
    "A refused command changes nothing, commits nothing and tells no one.",
)


def cell_count() -> int:
    return sum(len(r.cells) for r in ROWS)


def _table(rows: list[Row]) -> list[str]:
    header = "| command | " + " | ".join(role.heading for role in ROLES) + " |"
    rule = "|---|" + "---|" * len(ROLES)
    lines = [header, rule]
    for item in rows:
        label = item.label.replace("|", "\\|") + (f" ({item.note})" if item.note else "")
        cells = " | ".join(item.cells[key].text() for key in ROLE_KEYS)
        lines.append(f"| {label} | {cells} |")
    return lines


def render() -> str:
    lines = [
        "# Who may do what: the authorization matrix",
        "",
        "<!-- Generated from tests/unit/permissions_matrix.py: edit the data there, then run",
        "     `.venv/bin/python -m tests.unit.permissions_matrix`. A test fails when this file",
        "     and the data differ. -->",
        "",
        "Every command and verb of Apport against every role, as `core.app.Apport.handle` "
        "answers it. `tests/unit/test_permissions.py` checks each of the "
        f"{cell_count()} cells through the facade, on a copy of one scenario's SQLite database:",
        "",
        "- network A, whose admin is Alice; Bob gave Carol referrals #1 (offered, with the "
        f"client's contact `{CONTACT}`), #2 (accepted) and #3 (won, commission due);",
        "- Sam sponsors candidates #1 (interviews; Judy's report is in, Ivan's is not), #2 "
        "(vote open, both reports in), #3 (admitted), #4 (same profession as #1, so blocked "
        "until a recruiter overrides) and #5 (both reports in; it waited for a site visit the "
        "network no longer asks for, so a recruiter opens its vote by hand); Ivan and Judy "
        "interview them all; Rita is the recruiter;",
        "- Paul filed breach report #1 about Quentin (poaching);",
        "- Paul and Quentin's one-to-one #1 took place an hour ago; Bob proposed one-to-one #2 "
        "to Carol, who has not answered yet;",
        "- Dora is a plain member who is only ever the target (`@Dora`) of a command;",
        "- network B, in the same database, whose only member and admin is Xavier.",
        "",
        "Buttons are not a separate way in: each one runs the command and arguments it names "
        "(`/referral 1 accept`, `/candidate 2 vote yes`, `/mydata erase confirm`), so its cell "
        "is that command's. The tests also press every button each role is shown and check it "
        "lands on a row of this matrix that the role is not refused.",
        "",
        "## Roles",
        "",
        "| column | in the scenario | who |",
        "|---|---|---|",
        *(f"| {r.heading} | {r.who} | {r.means} |" for r in ROLES),
        "",
        "## How to read a cell",
        "",
        "- **yes**: allowed, and the actor sees all of it.",
        "- **no: …**: refused with a localised error that says why; nothing is changed, "
        "committed or sent.",
        "- **limited: …**: allowed, with what is named hidden from this role.",
        f"- **{OWN_NETWORK}** (the outsider): allowed in the outsider's own network B; the reply "
        "holds nothing of network A, and network A is left unchanged.",
        "",
        "What each limited view hides:",
        "",
        *(f"- **{name}**: {what}." for name, what in HIDDEN.items()),
        "",
    ]
    groups: list[str] = []
    for item in ROWS:
        if item.group not in groups:
            groups.append(item.group)
    for group in groups:
        lines += [f"## {group}", "", *_table([r for r in ROWS if r.group == group]), ""]
    lines += [
        "## Checked in every cell as well",
        "",
        *(f"- {rule}" for rule in INVARIANTS),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC} ({cell_count()} cells)")


if __name__ == "__main__":
    main()
