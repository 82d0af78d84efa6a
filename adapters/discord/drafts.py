"""What a member typed in a form, kept between modals.

Discord can neither show an error next to a modal's field nor answer a submission with
another modal. So a refused form comes with a button that reopens it filled in again, the
refusal written under the input it concerns (the first when it names none), and a
form longer than one modal is submitted page by page, each page's values kept until the last
one. Drafts live in memory, a bounded number per process (after a restart a form opens as
core fills it).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from adapters.discord.modals import Person
from core.shared.ui import Form, Problem, Reply

LIMIT = 1000
Key = tuple[str, str, str, str]  # user, network, command, verb


@dataclass
class Draft:
    values: dict[str, str] = field(default_factory=dict)
    pages: int = 0  # pages submitted so far
    people: dict[str, Person] = field(default_factory=dict)  # users picked, by id
    problem: Problem | None = None  # why the form was refused
    message: str = ""  # the refusal as the member read it


class Drafts:
    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._kept: OrderedDict[Key, Draft] = OrderedDict()

    def keep(
        self,
        key: Key,
        values: Mapping[str, str],
        pages: int = 0,
        people: Mapping[str, Person] | None = None,
        refused: Reply | None = None,
    ) -> None:
        problem, message = (refused.problem, refused.text) if refused else (None, "")
        self._kept[key] = Draft(dict(values), pages, dict(people or {}), problem, message)
        self._kept.move_to_end(key)
        while len(self._kept) > self.limit:
            self._kept.popitem(last=False)

    def take(self, key: Key) -> Draft:
        return self._kept.pop(key, None) or Draft()

    def peek(self, key: Key) -> Draft:
        return self._kept.get(key) or Draft()

    def fill(self, key: Key, form: Form) -> Form:
        """The form with the draft's values as its initial ones (the draft is used up)."""
        draft = self._kept.pop(key, None)
        if draft is None:
            return form
        inputs = tuple(
            replace(item, initial=draft.values[item.name]) if draft.values.get(item.name) else item
            for item in form.inputs
        )
        if draft.message and inputs:
            names = [item.name for item in inputs]
            field = draft.problem.field if draft.problem else ""
            at = names.index(field) if field in names else 0
            inputs = (*inputs[:at], replace(inputs[at], hint=draft.message), *inputs[at + 1 :])
        return replace(form, inputs=inputs)
