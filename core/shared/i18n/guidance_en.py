"""English messages of the referral cards kept in place, grouped reminders, and the
suggestions a refusal makes."""

MESSAGES: dict[str, str] = {
    # A party's copy of a referral's card
    "card.given": "You passed {client} to {receiver}: referral #{number}. This card follows it "
    "and changes as it moves on.",
    # Reminders due together
    "reminders.title": "Reminders ({count})",
    "reminders.footer": "/referral NUMBER or /candidate NUMBER shows one with its buttons.",
    # Suggestions
    "error.unknown_command.closest": "Unknown command {name}. Did you mean {suggestion}? Type "
    "/help to see what I can do.",
    "error.usage.closest": "Did you mean {suggestion}?\nUsage: {usage}",
    "error.illegal_transition.first": "Referral #{number} is {status}: it cannot be marked "
    "{verb} yet. {first}",
    "guidance.first.accept": "Accept it first: /referral {number} accept.",
    "guidance.first.contacted": "Mark it contacted first: /referral {number} contacted.",
    "guidance.first.won": "Mark it won first: /referral {number} won AMOUNT.",
    "guidance.wait.accept": "{who} has to accept it first.",
    "guidance.wait.contacted": "{who} has to mark it contacted first.",
    "guidance.wait.won": "{who} has to mark it won first.",
}
