"""English: the network's settings as a member reads them (values and the sentence that
confirms a change), and the days of the week schedules are shown with."""

MESSAGES: dict[str, str] = {
    "setting.now.name": "The network is now called {value}.",
    "setting.now.locale": "Apport now speaks {value} in this network.",
    "setting.now.currency": "Amounts are now in {value}.",
    "setting.now.timezone": "The time zone is now {value}.",
    "setting.now.charter-required.on": "Members must now accept the charter before they pass "
    "a referral.",
    "setting.now.charter-required.off": "Members may now pass referrals without accepting the "
    "charter.",
    "setting.now.followup-days": "Referrers are now asked whether their client was served well "
    "after {value}.",
    "setting.now.charter-reminder": "A rule of the charter is now recalled every {day} at {time}.",
    "setting.now.charter-reminder.off": "The charter is no longer recalled each week.",
    "setting.now.announcements-channel": "Announcements are now posted in {value}.",
    "setting.now.announcements-channel.off": "Announcements are no longer posted in a channel.",
    "setting.now.recruiters-channel": "Notices for recruiters are now posted in {value}.",
    "setting.now.recruiters-channel.off": "Notices for recruiters are no longer posted in a "
    "channel.",
    "setting.now.exclusivity.on": "The network now keeps one member per profession.",
    "setting.now.exclusivity.off": "Several members may now share a profession.",
    "setting.now.experienced-days": "Members may now lead interviews after {value} of membership.",
    "setting.now.interview-days": "Interviewers are now reminded of their report after {value}.",
    "setting.now.site-visit.on": "A vote now waits for a visit at the candidate's workplace.",
    "setting.now.site-visit.off": "A vote no longer waits for a visit at the candidate's "
    "workplace.",
    "setting.now.vote-days": "A vote now stays open {value}.",
    "setting.now.quorum": "A vote now needs {value} of the recruiters called to vote.",
    "setting.now.threshold": "A candidate is now admitted with {value} of the votes cast yes.",
    "setting.now.contact-retention-months": "Client contacts are now kept {value} after a "
    "referral closes.",
    "setting.now.correction-days": "The receiver may now correct the amount won for {value}.",
    "setting.now.payment-days": "An unpaid commission is now recalled after {value}.",
    "setting.now.other": "{label}: now {value}.",
    "setting.weeks.one": "{n} week",
    "setting.weeks.other": "{n} weeks",
    "setting.days.one": "{n} day",
    "setting.days.other": "{n} days",
    "setting.months.one": "{n} month",
    "setting.months.other": "{n} months",
    "setting.language.en": "English",
    "setting.language.fr": "French",
    "setting.none": "none",
    "setting.schedule": "{day} {time}",
    "weekday.0": "Monday",
    "weekday.1": "Tuesday",
    "weekday.2": "Wednesday",
    "weekday.3": "Thursday",
    "weekday.4": "Friday",
    "weekday.5": "Saturday",
    "weekday.6": "Sunday",
}
