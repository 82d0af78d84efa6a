"""The command declarations and the inline parser every adapter shares."""

from dataclasses import fields

import pytest

from core.commands import (
    COMMANDS,
    check_args,
    find_command,
    form_for,
    parse,
    plain_mention,
    usage,
)
from core.shared.errors import UnknownCommand, UsageError
from core.shared.i18n import Translator
from core.shared.ui import InputKind

EN = Translator("en")
FR = Translator("fr")


def args(command: str, text: str) -> dict[str, str]:
    return parse(find_command(command), text).args


def verb_of(command: str, text: str) -> str:
    return parse(find_command(command), text).verb.name


def refused(command: str, text: str) -> UsageError:
    with pytest.raises(UsageError) as error:
        parse(find_command(command), text)
    return error.value


# /refer: pipe-separated fields after the member


def test_refer_reads_every_field() -> None:
    assert args("refer", "@bob Acme Corp | a new website | 5 000 | 3") == {
        "receiver": "bob",
        "client": "Acme Corp",
        "need": "a new website",
        "value": "5 000",
        "temperature": "3",
    }


def test_refer_optional_fields_may_be_left_out_or_blank() -> None:
    assert args("refer", "@bob Acme | website") == {
        "receiver": "bob",
        "client": "Acme",
        "need": "website",
    }
    assert args("refer", "@bob Acme | website |  | 4")["temperature"] == "4"
    assert "value" not in args("refer", "@bob Acme | website |  | 4")


def test_refer_member_without_at_sign() -> None:
    assert args("refer", "bob Acme | website")["receiver"] == "bob"


@pytest.mark.parametrize(
    "text",
    [
        "@bob Acme",  # no need
        "@bob Acme | ",  # blank need
        "@bob | website",  # no client
        "@bob Acme | website | 5000 | 3 | a@b.fr | extra",  # too many fields
        "",
    ],
)
def test_refer_refusals_are_usage_errors(text: str) -> None:
    error = refused("refer", text)
    assert error.params == {"command": "refer", "verb": ""}


def test_refer_with_a_platform_mention_reader() -> None:
    def slack(token: str) -> str | None:
        return token[2:-1] if token.startswith("<@") and token.endswith(">") else None

    refer = find_command("refer")
    assert parse(refer, "<@U42> Acme | website", slack).args["receiver"] == "U42"
    with pytest.raises(UsageError):
        parse(refer, "bob Acme | website", slack)


# Space-separated commands


def test_referral_show_and_moves() -> None:
    assert args("referral", "3") == {"number": "3"}
    assert args("referral", "3 accept") == {"number": "3", "action": "accept"}
    assert args("referral", "3 WON 12 000") == {"number": "3", "action": "won", "note": "12 000"}
    assert args("referral", "3 decline too busy this month")["note"] == "too busy this month"


@pytest.mark.parametrize("text", ["", "3 explode", "3 thanks a lot"])
def test_referral_refusals(text: str) -> None:
    assert refused("referral", text).params == {"command": "referral", "verb": ""}


@pytest.mark.parametrize("choice", ["given", "received", "open", "OPEN"])
def test_referrals_filters(choice: str) -> None:
    assert args("referrals", choice) == {"filter": choice.lower()}


def test_referrals_without_filter() -> None:
    assert args("referrals", "") == {}


@pytest.mark.parametrize("text", ["closed", "given received"])
def test_referrals_refuses_unknown_filter_and_extra_words(text: str) -> None:
    refused("referrals", text)


def test_clients_takes_nothing() -> None:
    assert args("clients", "") == {}
    refused("clients", "mine")


@pytest.mark.parametrize(
    ("text", "verb"),
    [("", ""), ("accept", "accept"), ("ACCEPT", "accept"), ("history", "history")],
)
def test_charter_verbs(text: str, verb: str) -> None:
    assert verb_of("charter", text) == verb


def test_charter_commission_takes_the_rest_of_the_line() -> None:
    parsed = parse(find_command("charter"), "commission 10% min 50 max 2000")
    assert parsed.verb.name == "commission"
    assert parsed.args == {"rule": "10% min 50 max 2000"}


@pytest.mark.parametrize("text", ["commission", "accept now", "history 2"])
def test_charter_refusals(text: str) -> None:
    error = refused("charter", text)
    assert error.params["command"] == "charter"


def test_a_word_that_is_no_verb_goes_to_the_bare_command() -> None:
    error = refused("charter", "publish")
    assert error.params == {"command": "charter", "verb": ""}


def test_network_role() -> None:
    assert args("network", "role @bob recruiter") == {"member": "bob", "role": "recruiter"}
    assert args("network", "role @bob Admin remove") == {
        "member": "bob",
        "role": "admin",
        "remove": "remove",
    }


@pytest.mark.parametrize(
    "text",
    ["role @bob king", "role @bob", "role @bob admin delete", "role @bob member"],
)
def test_network_role_refusals(text: str) -> None:
    assert refused("network", text).params == {"command": "network", "verb": "role"}


def test_network_set() -> None:
    assert args("network", "set locale fr") == {"key": "locale", "setting_value": "fr"}
    assert args("network", "set name The Lyon Club") == {
        "key": "name",
        "setting_value": "The Lyon Club",
    }


@pytest.mark.parametrize("text", ["set colour red", "set locale", "set"])
def test_network_set_refusals(text: str) -> None:
    assert refused("network", text).params == {"command": "network", "verb": "set"}


def test_help_topic() -> None:
    assert args("help", "") == {}
    assert args("help", "refer") == {"topic": "refer"}


def test_find_command() -> None:
    assert find_command("/Refer").name == "refer"
    with pytest.raises(UnknownCommand) as error:
        find_command("/nope")
    assert error.value.params == {"name": "/nope"}


def test_check_args_refuses_more_values_than_parameters() -> None:
    clients = find_command("clients")
    with pytest.raises(UsageError):
        check_args(clients, clients.verbs[0], ["extra"])


def test_plain_mention() -> None:
    assert plain_mention("@bob") == "bob"
    assert plain_mention("bob") == "bob"
    assert plain_mention("@") is None


def test_every_declared_verb_has_a_handler_and_arguments_named_after_its_params() -> None:
    verbs = [v for c in COMMANDS.values() for v in c.verbs]
    verbs += [v.prefixed.verb for v in verbs if v.prefixed is not None]
    for verb in verbs:
        assert verb.handler is not None, verb
        assert [f.name for f in fields(verb.args)] == [p.name for p in verb.params], verb
        assert verb.args.__dataclass_params__.frozen, verb.args  # type: ignore[attr-defined]
    assert find_command("refer").verbs[0].prefixed is not None
    assert find_command("charter").verb("edit").form_initial is not None  # type: ignore[union-attr]


# Usage lines and forms


def test_usage_lines() -> None:
    refer = find_command("refer")
    assert usage(refer, refer.verbs[0], EN) == (
        "/refer @member client | need | [estimated value] | [temperature 1-5] | [contact]"
    )
    referral = find_command("referral")
    assert usage(referral, referral.verbs[0], EN) == (
        "/referral N [accept|decline|cancel|contacted|won|lost|paid|correct] [note]"
    )
    network = find_command("network")
    role = network.verb("role")
    assert role is not None
    assert usage(network, role, EN) == (
        "/network role @member admin|recruiter|experienced|secretary [remove]"
    )


def test_usage_lines_in_french() -> None:
    refer = find_command("refer")
    assert usage(refer, refer.verbs[0], FR).startswith("/refer @membre client | besoin |")


def test_form_for_refer() -> None:
    refer = find_command("refer")
    form = form_for(refer, refer.verbs[0], EN, {"client": "Acme"})

    assert (form.command, form.verb, form.title, form.submit_label) == (
        "refer",
        "",
        "Refer a client",
        "Submit",
    )
    assert [i.name for i in form.inputs] == [
        "receiver",
        "client",
        "need",
        "value",
        "temperature",
        "contact",
    ]
    assert [i.kind for i in form.inputs] == [
        InputKind.MEMBER,
        InputKind.TEXT,
        InputKind.LONG_TEXT,
        InputKind.AMOUNT,
        InputKind.NUMBER,
        InputKind.TEXT,
    ]
    # The receiver may be left empty: the form then answers with suggestions for the need.
    assert [i.required for i in form.inputs] == [False, True, True, False, False, False]
    receiver, client, need, _, temperature, _ = form.inputs
    assert receiver.label == "Refer to"
    assert receiver.hint == "Leave it empty to see which members fit the need."
    assert client.initial == "Acme"
    assert need.initial == ""
    assert need.hint == "What the client needs, in a few words."
    assert temperature.choices == ("1", "2", "3", "4", "5")


def test_form_for_in_french() -> None:
    refer = find_command("refer")
    form = form_for(refer, refer.verbs[0], FR, {})
    assert form.title == "Recommander un client"
    assert form.inputs[0].label == "Recommander à"
    assert form.submit_label == "Valider"


def test_form_for_charter_edit() -> None:
    charter = find_command("charter")
    edit = charter.verb("edit")
    assert edit is not None and edit.admin_only and edit.has_form
    form = form_for(charter, edit, EN, {"members": "Be kind."})
    assert form.title == "Edit the charter"
    assert form.verb == "edit"
    assert [(i.name, i.initial) for i in form.inputs] == [
        ("members", "Be kind."),
        ("clients", ""),
        ("remuneration", ""),
    ]
