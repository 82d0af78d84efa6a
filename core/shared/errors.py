"""Domain errors. Each carries a catalog key and parameters; adapters show it localised."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self


class ApportError(Exception):
    """A refusal the user can act on. Nothing was changed when it is raised.

    `field` names the input (the parameter) the refusal concerns, "" when none: a form shows
    the message beside that input. `params` fill the catalog message.
    """

    key = "error.generic"

    def __init__(self, key: str | None = None, *, concerns: str = "", **params: Any) -> None:
        self.key = key or type(self).key
        self.params = params
        self.field = concerns
        super().__init__(f"{self.key} {params}")

    def about(self, field: str) -> Self:
        """This refusal, concerning `field` unless it already names one."""
        if not self.field:
            self.field = field
        return self


@contextmanager
def concerning(field: str) -> Iterator[None]:
    """Refusals raised inside concern `field` (unless they name another)."""
    try:
        yield
    except ApportError as error:
        error.about(field)
        raise


class DeliveryFailed(Exception):
    """A messenger could not deliver a notice; the outbox retries it later.

    `retry_after` is the platform's rate-limit delay in seconds, when it gave one; `permanent`
    means retrying cannot help (the user left, the channel is gone); anything else is a transport
    failure, retried through the delivery window. `in_doubt`: the request may have reached the
    platform (a timeout after sending), so the message may be out.
    """

    def __init__(
        self,
        reason: str,
        retry_after: float | None = None,
        permanent: bool = False,
        in_doubt: bool = False,
    ):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent
        self.in_doubt = in_doubt


class UsageError(ApportError):
    key = "error.usage"


class UnknownCommand(ApportError):
    key = "error.unknown_command"


class NotAMember(ApportError):
    key = "error.not_a_member"


class NotAllowed(ApportError):
    key = "error.not_allowed"


class AdminOnly(NotAllowed):
    key = "error.admin_only"


class InvalidValue(ApportError):
    key = "error.invalid_value"


class InvalidAmount(InvalidValue):
    key = "error.invalid_amount"


class TextTooLong(InvalidValue):
    key = "error.text_too_long"


class SelfReferral(ApportError):
    key = "error.self_referral"


class ReferralNotFound(ApportError):
    key = "error.referral_not_found"


class WrongActor(NotAllowed):
    key = "error.not_allowed"


class IllegalTransition(ApportError):
    key = "error.illegal_transition"


class CharterNotAccepted(ApportError):
    key = "error.charter_not_accepted"


class InvalidCommissionRule(InvalidValue):
    key = "error.invalid_commission_rule"
