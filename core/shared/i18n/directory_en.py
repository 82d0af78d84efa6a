"""English messages of the directory, suggestions and stats."""

MESSAGES: dict[str, str] = {
    # Commands
    "help.profile": "set my profession, keywords and pitch",
    "help.profile.long": "Members find you by your profile: /members searches it, and "
    "/refer ? NEED suggests the members whose profile fits a client's need. The profession "
    "comes first, then keywords and a one-line pitch, separated by |.",
    "help.members": "the member directory, or search it",
    "help.members.long": "Everyone's profession, pitch, seniority, quality score and referrals "
    "given. Add words to see the members whose profile fits them best first (accents, case "
    "and plurals do not matter). /refer ? NEED suggests three members for a client's need.",
    "help.stats": "the network's figures and chart",
    "help.stats.long": "/stats month|quarter|year: referrals given, accepted, won and lost, "
    "closed business, commissions, conversion, days to first contact, feedback and the most "
    "generous members, with a chart. /stats me: mine, with my activity light. /stats "
    "activity: the activity lights (admins see everyone's). /stats export (admins): the "
    "referrals and the commission ledger as CSV files. /stats pairs (admins): the latest "
    "pairing round and how many of its pairs met.",
    "param.keywords": "keywords",
    "param.keywords.label": "Keywords",
    "param.keywords.hint": "What you do, in words a member would use: bookkeeping, payroll, VAT.",
    "param.pitch": "pitch",
    "param.pitch.label": "One-line pitch",
    "param.words": "words",
    "param.period": "period",
    "form.profile": "My profile",
    # Profile and directory
    "error.profession_required": "Say your profession first: /profile PROFESSION | KEYWORDS "
    "| PITCH.",
    "profile.saved": "Your profile is saved.",
    "profile.same_profession": "{members} already listed this profession: the network keeps "
    "one member per profession, an admin may ask you to tell your trades apart.",
    "profile.how_found": "Members find you with {members} and when they ask for suggestions.",
    "members.title": "Members of {network} ({count})",
    "members.line": "{name}: {profession}",
    "members.no_profession": "no profile yet",
    "members.matched": "(matched: {words})",
    "members.none_found": "No member's profile matches “{words}”.",
    "members.set_yours": "You have no profile yet: {profile} PROFESSION | KEYWORDS | PITCH.",
    # Suggestions
    "error.suggest_needs_words": "Say what the client needs: {refer} ? bookkeeping for a "
    "restaurant.",
    "suggest.title": "Who fits “{need}”",
    "suggest.line": "{position}. {name}: {profession} (matched: {words}; quality {quality})",
    "suggest.how": "To pass the client: {refer} @{name} CLIENT | NEED",
    "suggest.none": "No member's profile matches “{need}”. Browse the directory with {members}.",
    # Stats
    "stats.title": "{network}: {period} so far",
    "stats.title_me": "{name}: {period} so far",
    "stats.month_names": "January February March April May June July August September "
    "October November December",
    "stats.quarter": "Q{n} {year}",
    "stats.given": "Referrals given",
    "stats.received": "Referrals received",
    "stats.accepted": "Accepted",
    "stats.won_lost": "Won / lost",
    "stats.won_lost_value": "{won} / {lost}",
    "stats.closed": "Business closed (before tax)",
    "stats.closed_mine": "Business I closed (before tax)",
    "stats.commissions": "Commissions due / paid",
    "stats.commissions_owed": "Commissions I owe: due / paid",
    "stats.commissions_earned": "Commissions owed to me: due / paid",
    "stats.commissions_value": "{due} / {paid}",
    "stats.conversion": "Conversion",
    "stats.contact_days": "Days to first contact (median)",
    "stats.feedback": "Average feedback",
    "stats.feedback_received": "Feedback received",
    "stats.givers": "Most generous members",
    "stats.giver": "{name} ({count})",
    "stats.lights_value": "{green} green, {amber} amber, {red} red",
    "stats.footer": "{stats} quarter or {stats} year for longer; {stats} me for yours.",
    "stats.footer_admin": "{stats} activity lists everyone's light; {stats} export gives "
    "the referrals and the commission ledger as CSV.",
    "stats.light": "Activity light (six months)",
    "stats.light_title_me": "{name}: activity over six months",
    "stats.lights_title": "{network}: activity over six months",
    "stats.light_line": "{name}: {text}",
    "stats.light_rule": "The light weighs the last six months: referrals given (one a month "
    "is green), referrals received answered, feedback given when asked, feedback received.",
    "light.green": "🟢 green",
    "light.amber": "🟠 amber",
    "light.red": "🔴 red",
    "light.details": "{light}: referrals given {given} ({expected} expected), received "
    "referrals answered {answered}/{received}, feedback given when asked "
    "{followups_answered}/{followups}, feedback received {feedback}",
    "stats.exported": "The treasurer's files (amounts before tax, dates in the network's "
    "time). Referrals: {referrals}; commission lines: {commissions}.",
    # Chart
    "chart.title": "Referrals and business closed, {who} ({first} to {last})",
    "chart.month_names": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "chart.month_axis": "Month",
    "chart.referrals_axis": "Referrals given",
    "chart.business_axis": "Business closed ({currency}, before tax)",
    # Monthly digest
    "digest.title": "{network}: {period} in figures",
    "digest.thanks": "Thank you to our most generous members: {givers}. Givers gain!",
    "digest.no_referrals": "No referral was passed last month: who gives the first one this month?",
    "digest.footer": "{stats} shows the figures at any time.",
    "members.separator": "; ",
    "members.quality": "quality {quality}",
    "members.quality_value": "{score}/5 ({count})",
    "suggest.line_new": "{position}. {name}: {profession} (matched: {words})",
    "light.details_no_feedback": "{light}: referrals given {given} ({expected} expected), "
    "received referrals answered {answered}/{received}, feedback given when asked "
    "{followups_answered}/{followups}, no feedback received yet",
}

# Messages that depend on a count (the `count` parameter), one text per CLDR
# plural category of the language: `one` and `other`, `many` where it differs.
PLURALS: dict[str, dict[str, str]] = {
    "members.title_search": {
        "one": "Members for “{words}” ({count} found)",
        "other": "Members for “{words}” ({count} found)",
    },
    "members.given": {
        "one": "{count} referral given",
        "other": "{count} referrals given",
    },
    "members.seniority": {
        "one": "member since {since} ({count} month)",
        "other": "member since {since} ({count} months)",
    },
    "members.more_found": {
        "one": "{count} more matches less well: add words to narrow the search.",
        "other": "{count} more match less well: add words to narrow the search.",
    },
    "members.more": {
        "one": "{count} more member: add words to search the directory.",
        "other": "{count} more members: add words to search the directory.",
    },
    "members.without_profile": {
        "one": "{count} member has no profile yet.",
        "other": "{count} members have no profile yet.",
    },
    "stats.conversion_value": {
        "one": "{percent} won ({won} of {count} decided referral)",
        "other": "{percent} won ({won} of {count} decided referrals)",
    },
    "stats.days": {
        "one": "{count} day",
        "other": "{count} days",
    },
    "stats.days_value": {
        "one": "{days} (over {count} referral)",
        "other": "{days} (over {count} referrals)",
    },
    "stats.feedback_value": {
        "one": "{score}/5 ({count} score)",
        "other": "{score}/5 ({count} scores)",
    },
    "stats.lights_more": {
        "one": "{count} more member is not listed.",
        "other": "{count} more members are not listed.",
    },
}
