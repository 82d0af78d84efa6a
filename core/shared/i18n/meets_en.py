"""English messages of one-to-ones, pairing rounds and their measured effect."""

MESSAGES: dict[str, str] = {
    # Commands
    "help.meet": "propose a one-to-one, answer one, say it happened",
    "help.meet.long": "/meet @member [WHEN] [| where or link] proposes a one-to-one (WHEN in "
    "the network's time zone: tomorrow 10:00, 2026-12-03 08:30, thursday 8:30; without it, "
    "the other member proposes the time). /meet N accept|decline|move WHEN answers it; after "
    "it, /meet N done | what I learned (your note is yours alone). /meet pause 4w takes you "
    "out of the pairing rounds for a while, /meet pause off brings you back.",
    "help.meets": "my upcoming and past one-to-ones",
    "help.meets.long": "Your one-to-ones: the upcoming ones first, with their time and where "
    "each stands, then the past ones.",
    "param.when": "when",
    "param.when.label": "When",
    "param.when.hint": "In the network's time zone: tomorrow 10:00, 2026-12-03 08:30, "
    "thursday 8:30.",
    "param.place": "where or link",
    "param.place.label": "Where (or a video link)",
    "param.learned": "what I learned",
    "param.learned.label": "What I learned (only you will read it)",
    "param.learned.hint": "Their ideal client, the words they use, who they would like to meet.",
    "param.duration": "duration",
    "form.meet": "Propose a one-to-one",
    "setting.pairing-weeks": "Weeks between pairing rounds (off: no rounds)",
    "setting.pairing-months": "Months before two members are paired again",
    # Errors
    "error.invalid_when": "I cannot read “{value}” as a day and a time. Write for instance "
    "tomorrow 10:00, 2026-12-03 08:30 or thursday 8:30.",
    "error.when_past": "“{value}” is already past: choose a time to come.",
    "error.invalid_duration": "“{value}” is not a duration: write for instance 4w (weeks), "
    "10d (days) or 2m (months), up to a year.",
    "error.invalid_weeks": "{value} is not a number of weeks from 1 to 52 (or off).",
    "error.meet_state": "One-to-one #{number} cannot do that now.",
    "error.meet_not_found": "There is no one-to-one #{number}. /meets lists yours.",
    "error.meet_not_yours": "One-to-one #{number} is not one of yours.",
    "error.meet_closed": "One-to-one #{number} is over: nothing more can be done with it.",
    "error.meet_already_accepted": "One-to-one #{number} is already accepted.",
    "error.meet_no_time": "One-to-one #{number} has no time yet: propose one with "
    "/meet {number} move WHEN.",
    "error.meet_not_your_turn": "One-to-one #{number} waits for the other member's answer.",
    "error.meet_not_booked": "One-to-one #{number} was never accepted, so it cannot have happened.",
    "error.meet_not_yet": "One-to-one #{number} has not taken place yet.",
    "error.meet_self": "A one-to-one is with another member.",
    "error.meet_already_open": "You already have one-to-one #{number} with {name}: "
    "/meet {number} shows it.",
    # The card
    "meet.title": "One-to-one #{number} with {name}",
    "meet.no_time": "to be proposed",
    "meet.where": " ({place})",
    "meet.you": "you",
    "meet.field.with": "With",
    "meet.field.when": "When",
    "meet.field.where": "Where",
    "meet.field.state": "State",
    "meet.field.waiting": "Waiting for",
    "meet.field.note": "My note (private)",
    "meet.state.paired": "paired, to book",
    "meet.state.proposed": "proposed",
    "meet.state.accepted": "accepted",
    "meet.state.done": "done",
    "meet.state.declined": "declined",
    "meet.state.dropped": "dropped (never confirmed)",
    "action.meet_accept": "Accept",
    "action.meet_decline": "Decline",
    "action.meet_move": "Another time",
    "action.meet_propose": "Propose a time",
    "action.meet_book": "Book",
    "action.meet_book_with": "Book with {name}",
    "action.meet_note": "Add my note",
    "action.meet_done": "It happened",
    # Replies and notices
    "meet.proposed": "One-to-one #{number} proposed to {name} on {when}{where}. I will tell "
    "you when {name} answers.",
    "meet.proposed_open": "One-to-one #{number}: {name} is asked to propose a time.",
    "meet.accepted": "One-to-one #{number} accepted: {when}{where}. You will both be reminded "
    "the day before and an hour before.",
    "meet.declined": "One-to-one #{number} with {name} is declined.",
    "meet.moved": "You proposed {when}{where} to {name} for one-to-one #{number}.",
    "meet.done": "Thank you: one-to-one #{number} with {name} is recorded as done.",
    "meet.note_private": "Your note is yours alone; I will remind you of it.",
    "meet.paused": "You are out of the pairing rounds until {until}. {meet} pause off brings "
    "you back sooner.",
    "meet.resumed": "You are back in the pairing rounds.",
    "meet.notice.proposed": "{name} proposes a one-to-one on {when}{where} (#{number}).",
    "meet.notice.asked": "{name} would like a one-to-one with you (#{number}): propose a time "
    "that suits you.",
    "meet.notice.accepted": "{name} accepted one-to-one #{number}: {when}{where}.",
    "meet.notice.declined": "{name} declined one-to-one #{number}.",
    "meet.notice.moved": "{name} proposes another time for one-to-one #{number}: {when}{where}.",
    "meet.notice.done": "{name} says one-to-one #{number} took place. Add what you learned "
    "with the button below; only you will read it.",
    "meet.reminder.day": "Reminder: one-to-one #{number} with {name} tomorrow, {when}{where}.",
    "meet.reminder.hour": "In an hour: one-to-one #{number} with {name}, {when}{where}.",
    "meet.check": "Did your one-to-one #{number} with {name} take place? Say so with "
    "{meet} {number} done | what I learned.",
    "meet.check_again": "Last call: did one-to-one #{number} with {name} take place? Without "
    "an answer it will be dropped.",
    "meet.recall": "A month ago you met {name} (one-to-one #{number}).",
    "meet.recall.note": "What you noted: {note}",
    "meet.recall.ideal": "{name}'s ideal client: {ideal}",
    "meet.recall.no_profile": "{name} has no profile yet: ask them who their ideal client is.",
    "meet.recall.refer": "Thought of someone? {refer} @{name} CLIENT | NEED",
    # /meets
    "meets.title": "One-to-ones of {name}",
    "meets.none": "No one-to-one yet. {meet} @member tomorrow 10:00 proposes one.",
    "meets.upcoming": "Upcoming:",
    "meets.past": "Past:",
    "meets.line": "#{number} with {name}: {when} ({state})",
    "meets.how": "{meet} N shows one; {meet} @member WHEN proposes another.",
    "meets.paused_until": "You are out of the pairing rounds until {until}.",
    # Pairing rounds
    "pairing.notice": "Pairing round {round}: you are paired with {name}, as {why}. Book a "
    "one-to-one with the button below.",
    "pairing.notice_trio": "Pairing round {round}: you meet {names} this time (a trio), as "
    "{why}. Book each one-to-one with the buttons below.",
    "pairing.and": "{first} and {last}",
    "pairing.why.words": "you both serve {words}",
    "pairing.why.clients": "you have had referrals about the same clients",
    "pairing.why.welcome": "one of you is new to the network and the other knows it well",
    "pairing.why.fresh": "you have not met yet",
    "pairing.footer": "Not now? {meet} pause 4w. Your one-to-ones: {meets}.",
    # Measured effect
    "effect.met": "Pairs who met in a one-to-one",
    "effect.not_met": "Pairs who did not",
    "effect.value": "per pair: {rate} (referrals: {referrals}; pairs: {pairs})",
    "effect.no_pairs": "no pairs yet",
    "effect.no_round": "No pairing round yet: the first one comes on a Monday at 09:00.",
    "effect.round_title": "Pairing round {round} (from {since})",
    "effect.round_pairs": "Pairs",
    "effect.round_done": "Met (confirmed)",
    "effect.round_booked": "Booked, not yet met",
    "effect.round_declined": "Declined or dropped",
    "effect.round_footer": "A trio counts as three pairs. /stats compares the referrals of "
    "pairs who met with those of pairs who did not.",
}
