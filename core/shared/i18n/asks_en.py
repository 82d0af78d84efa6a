"""English messages of weekly asks, thanks and reciprocity."""

MESSAGES: dict[str, str] = {
    # Commands
    "help.ask": "set my ask of the week, or show it",
    "help.ask.long": "/ask TEXT sets your ask of the week: the referral you are looking for, "
    "as precisely as you can (“an introduction to the facility manager of a hotel in "
    "Lyon”). A new ask replaces the one before; /ask alone shows yours and the ones before; "
    "/ask clear ends it. Asks stay current for ask-weeks weeks and are posted to the "
    "announcements channel on asks-day, with the members who might help.",
    "help.asks": "the network's current asks",
    "help.asks.long": "Every member's current ask, with the members whose profile or past "
    "referrals suggest they might help.",
    "help.thanks": "thank the giver of a referral I won, in the announcements channel",
    "help.thanks.long": "/thanks N | message posts your thanks for referral N to the "
    "announcements channel, without the amount; /thanks N amount | message shows the amount "
    "closed too. Only the receiver of a won referral may thank, once; the referrer is told "
    "privately as well.",
    "param.ask": "TEXT",
    "param.ask.label": "My ask of the week",
    "param.ask.hint": "The referral you are looking for, as precisely as you can.",
    "param.show_amount": "amount",
    "param.show_amount.label": "Show the amount closed",
    "param.message": "MESSAGE",
    "param.message.label": "Message",
    "setting.asks-day": "When the week's asks are posted (day and time, or off)",
    "setting.ask-weeks": "Weeks an ask stays current",
    "error.invalid_ask_weeks": "{value} is not a number of weeks from 1 to 52.",
    # Asks
    "asks.quoted": "“{ask}” ({date})",
    "asks.inline": "; ask of the week: {ask}",
    "asks.saved": "Your ask of the week is saved: {ask}",
    "asks.when_posted": "It will be posted with the week's asks on {at}, with the members who "
    "might help.",
    "asks.listed": "Members see it with /asks, in the directory and in suggestions.",
    "asks.cleared": "Your ask of the week is cleared.",
    "asks.nothing_to_clear": "You have no current ask to clear.",
    "asks.none_mine": "You have no current ask. Say what referral you are looking for: {ask} TEXT.",
    "asks.earlier": "Your earlier asks.",
    "asks.mine_title": "My ask of the week",
    "asks.history_line": "Before: {ask}",
    "asks.how_to_change": "A new {ask} TEXT replaces it; {ask} clear ends it. An ask stays "
    "current {days} days at most.",
    "asks.none": "No member has a current ask. Set yours: {ask} TEXT.",
    "asks.title": "Asks in {network} ({count})",
    "asks.weekly_title": "This week's asks in {network} ({count})",
    "asks.line": "{name}: {ask}. {helpers}",
    "asks.helpers": "Might help: {helpers}.",
    "asks.helper_profile": "{name} ({words})",
    "asks.helper_referrals": "{name} (has passed clients like it: {words})",
    "asks.no_helpers": "No profile matches yet: who knows someone?",
    "asks.more": "{count} more asks: see them all with /asks.",
    "asks.weekly_footer": "Can you help? Pass the client with /refer. Your own ask: {ask} TEXT.",
    "asks.card_field": "Answers an ask",
    "asks.card_value": "{name}'s ask of the week {ask} (matched: {words})",
    # Thanks
    "thanks.private": "Thank you, {referrer}: your referral brought {who} {amount} of business.",
    "thanks.hint": "Thank {referrer} in front of the network: {thanks} {number} | MESSAGE "
    "(add amount after the number to show the amount).",
    "thanks.title": "Thank you!",
    "thanks.public": "{who} thanks {referrer} for referral #{number}.",
    "thanks.public_amount": "Business closed: {amount}.",
    "thanks.quote": "“{message}”",
    "thanks.told": "{who} thanked you in front of the network for referral #{number}.",
    "thanks.posted": "Your thanks to {referrer} is posted in the announcements channel:",
    "thanks.sent_privately": "The network has no announcements channel yet: {referrer} got "
    "your thanks privately.",
    "error.thanks_receiver_only": "Only the member who received referral #{number} may thank "
    "its giver.",
    "error.thanks_not_won": "Referral #{number} is at “{status}”: its giver is thanked once "
    "the business is won.",
    "error.thanks_already": "You already thanked the giver of referral #{number} on {date}.",
    # Reciprocity in /stats me
    "reciprocity.title": "Who I exchange with (all time)",
    "reciprocity.line": "{name}: given {given} (business closed {given_closed}); received "
    "{received} (business closed {received_closed})",
    "reciprocity.give_first": "Give first: they gave me referrals I never returned",
    "reciprocity.give_first_line": "{name}, who gave me {count}: {ask}",
    "reciprocity.no_ask": "no current ask (see their profile with /members)",
    "reciprocity.more": "and {count} more",
}
