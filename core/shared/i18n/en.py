"""English messages."""

MESSAGES: dict[str, str] = {
    # Errors
    "error.generic": "That did not work.",
    "error.unexpected": "Something went wrong on our side; nothing was changed. "
    "Please try again, and tell an admin if it keeps happening.",
    "error.restarted": "Apport restarted while answering {command}. It was carried out: "
    "check the result before doing it again.",
    "error.usage": "Usage: {usage}",
    "error.unknown_command": "Unknown command {name}. Type /help to see what I can do.",
    "error.not_a_member": "{name} is not a member of this network.",
    "error.not_allowed": "You are not allowed to do that.",
    "error.admin_only": "Only network admins can do that.",
    "error.unclaimed.platform_admin": "Apport has no admin here yet: only an administrator of "
    "this workspace can set it up. Ask one to run /network.",
    "error.unclaimed.server_manager": "Only a server manager can set Apport up here: ask one to "
    "run /network.",
    "error.unclaimed.workspace_admin": "Only a workspace owner or admin can set Apport up here: "
    "ask one to run /network.",
    "error.invalid_value": "{value} is not a valid value.",
    "error.invalid_amount": "{value} is not a valid amount: use a positive number with at most "
    "two decimals, such as 5000 or 1250.50.",
    "error.text_too_long": "“{field}” is too long ({length} characters; at most {limit}).",
    "error.self_referral": "You cannot refer a client to yourself.",
    "error.referral_not_found": "There is no referral #{number} in this network.",
    "error.not_your_referral": "Referral #{number} is not one of yours.",
    "error.wrong_actor_receiver": "Only the member who received referral #{number} can mark it "
    "{target}.",
    "error.wrong_actor_referrer": "Only the member who gave referral #{number} can mark it "
    "{target}.",
    "error.illegal_transition": "Referral #{number} is {status}: it cannot be marked {target} "
    "now.",
    "error.charter_not_accepted": "Please accept the charter (version {version}) first: "
    "read it with /charter, then type /charter accept.",
    "error.invalid_commission_rule": "{value} is not a commission rule. Examples: 10%, 150, "
    "10% min 50 max 2000, none.",
    "error.invalid_choice": "{value} is not one of: {choices}.",
    "error.invalid_currency": "{value} is not a currency code (three letters, such as EUR).",
    "error.invalid_timezone": "{value} is not a time zone (such as Europe/Paris).",
    "error.invalid_name": "A name needs 1 to 100 characters.",
    "error.invalid_temperature": "The temperature is a whole number from 1 to 5, not {value}.",
    "error.invalid_client": "The client needs a name.",
    "error.invalid_number": "{value} is not a number such as 3 or #3.",
    "error.won_needs_amount": "Give the amount closed, before tax: /referral {number} won AMOUNT.",
    "error.wrong_currency": "{value} is not in this network's currency: amounts are in "
    "{currency}.",
    "error.refer_to_owner": "{client} is already {owner}'s client: {owner} would owe a commission "
    "on their own client. Refer it to another member.",
    "error.correct_receiver_or_admin": "Only the member who received referral #{number}, or an "
    "admin, can correct its amount.",
    "error.correct_not_won": "Referral #{number} is {status}: only the amount of a won referral "
    "can be corrected.",
    "error.correct_usage": "Give the corrected amount and the reason: /referral {number} correct "
    "AMOUNT | reason.",
    "error.correct_same": "Referral #{number} already closed for {amount}.",
    "error.section_empty": "The section \u201c{section}\u201d cannot be empty.",
    "error.last_admin": "The network needs at least one admin: grant the role to someone else "
    "first.",
    "error.invalid_offset": "{value} is not a duration: use +14d, +3h or +30m.",
    # Parameters (usage lines and form labels)
    "param.receiver": "member",
    "param.receiver.label": "Refer to",
    "param.receiver.hint": "Leave it empty to see which members fit the need.",
    "param.client": "client",
    "param.client.label": "Client",
    "param.client.hint": "The client agreed to be contacted: posting the referral confirms it.",
    "param.need": "need",
    "param.need.label": "Need",
    "param.need.hint": "What the client needs, in a few words.",
    "param.value": "estimated value",
    "param.value.label": "Estimated value (before tax)",
    "param.value.hint": "Optional.",
    "param.temperature": "temperature 1-5",
    "param.temperature.label": "Temperature (1 to 5)",
    "param.temperature.hint": "1 = contact details given with consent, 3 = the client expects "
    "the call, 5 = introduced in person.",
    "param.number": "N",
    "param.action": "action",
    "param.note": "note",
    "param.amount": "AMOUNT",
    "param.filter": "filter",
    "param.members": "rules between members",
    "param.members.label": "Part one: rules between members",
    "param.clients": "commitments to clients",
    "param.clients.label": "Part two: quality commitments to clients",
    "param.remuneration": "remuneration",
    "param.remuneration.label": "Remuneration",
    "param.rule": "10% [min 50] [max 2000] | 150 | none",
    "param.member.label": "Member concerned (a mention or a name)",
    "param.member": "member",
    "param.role": "role",
    "param.remove": "remove",
    "param.setting_value": "value",
    "param.key": "setting",
    "param.topic": "command",
    "form.refer": "Refer a client",
    "form.charter.edit": "Edit the charter",
    "form.submit": "Submit",
    # Actions
    "action.accept": "Accept",
    "action.decline": "Decline",
    "action.cancel": "Cancel",
    "action.contacted": "Contacted",
    "action.won": "Won",
    "action.lost": "Lost",
    "action.paid": "Commission received",
    "action.charter_accept": "Accept the charter",
    "action.charter_read": "Read the charter",
    # Referral statuses
    "status.offered": "offered",
    "status.accepted": "accepted",
    "status.declined": "declined",
    "status.cancelled": "cancelled",
    "status.contacted": "contacted",
    "status.won": "won",
    "status.lost": "lost",
    "status.paid": "paid",
    # Referral card
    "field.from": "From",
    "field.to": "To",
    "field.client_owner": "Client relationship owner",
    "field.need": "Need",
    "field.status": "Status",
    "field.temperature": "Temperature",
    "field.estimated_value": "Estimated value",
    "field.closed_amount": "Closed (before tax)",
    "field.commission_due": "Commission due",
    "field.commission_paid": "Commission paid",
    "field.charter_version": "Charter version",
    "temperature.value": "{n}/5: {meaning}",
    "temperature.1": "contact details given with the client's consent",
    "temperature.2": "the client knows you will call",
    "temperature.3": "the client expects your call",
    "temperature.4": "the client is waiting for you, warmly recommended",
    "temperature.5": "introduced in person",
    "history.line": "{at} {who}: {status}",
    "referral.title": "Referral #{number}: {client}",
    "referral.no_commission": "no commission due",
    # Posting and moving referrals
    "refer.sent": "Referral #{number} for {client} sent to {receiver}.",
    "refer.owned_by": "{client} is a client of {owner}: the relationship stays theirs.",
    "moved.accept": "You accepted referral #{number}. Keep the referrer informed.",
    "moved.decline": "You declined referral #{number}.",
    "moved.cancel": "You cancelled referral #{number}.",
    "moved.contacted": "Referral #{number} marked contacted.",
    "moved.won": "Referral #{number} won. Commission due to the referrer: {due}.",
    "moved.lost": "Referral #{number} marked lost.",
    "moved.paid": "Commission of {due} for referral #{number} marked paid.",
    "moved.won_settled": "Referral #{number} won. No commission is due under the charter: "
    "the referral is closed.",
    "moved.correct": "Referral #{number} corrected: {old} becomes {amount}; commission {old_due} "
    "becomes {due}. Both parties are told.",
    "notice.new_referral": "{referrer} passes you a new referral, #{number}: {client}.",
    "notice.owner_client_referred": "Your client {client} was referred by {referrer} to "
    "{receiver} (referral #{number}). The relationship stays yours.",
    "notice.accept": "{who} accepted your referral #{number}.",
    "notice.decline": "{who} declined your referral #{number}.",
    "notice.cancel": "{who} cancelled referral #{number}.",
    "notice.contacted": "{who} contacted the client of referral #{number}.",
    "notice.won": "{who} won referral #{number} for {amount}. Commission due to you: {due}.",
    "notice.lost": "{who} lost referral #{number}.",
    "notice.paid": "{who} confirmed the commission of {due} for referral #{number} was received.",
    "notice.paid_by_admin": "An admin confirmed that the commission of {due} for referral "
    "#{number} was paid.",
    "notice.won_settled": "{who} won referral #{number} for {amount}. No commission is due under "
    "the charter: the referral is closed.",
    "notice.corrected": "{who} corrected the amount of referral #{number}: {old} becomes "
    "{amount}; commission {old_due} becomes {due} (paid so far: {paid}). Reason: {reason}",
    "notice.corrected_balance": "Balance still to settle between you: {balance}.",
    "notice.charter_new_version": "{admin} published version {version} of the charter "
    "(commission: {rule}). Please read it and accept it.",
    "notice.role_granted": "{admin} made you {role}.",
    "notice.role_removed": "{admin} removed your role {role}.",
    # Ledger and clients
    "referrals.title": "My referrals",
    "referrals.title.given": "Referrals I gave",
    "referrals.title.received": "Referrals I received",
    "referrals.title.open": "My open referrals",
    "referrals.none": "No referrals yet. Pass a client with /refer.",
    "referrals.line_given": "#{number} to {other}: {client}, {status}; closed {amount}, "
    "commission due {due}, paid {paid}",
    "referrals.line_received": "#{number} passed by {other}: {client}, {status}; closed "
    "{amount}, commission due {due}, paid {paid}",
    "clients.title": "My clients",
    "clients.explain": "You own the relationship with these clients: members you refer them to "
    "must not take them from you.",
    "clients.none": "You have not brought any client into the network yet.",
    "clients.line": "{client} (since {since})",
    # Charter
    "charter.title": "Charter of {network}, version {version} ({date})",
    "charter.section.members": "Part one: rules between members",
    "charter.section.clients": "Part two: quality commitments to clients",
    "charter.section.remuneration": "Remuneration",
    "charter.commission_rule": "Commission rule",
    "charter.accepted": "You have accepted this version.",
    "charter.not_accepted": "You have not accepted this version yet: /charter accept.",
    "charter.already_accepted": "You had already accepted version {version} of the charter.",
    "charter.accepted_now": "Thank you: you accepted version {version} of the charter.",
    "charter.history_title": "Charter versions",
    "charter.history_line": "Version {version}, {date}, by {who}: commission {rule}; "
    "accepted by {accepted}",
    "charter.default_author": "Apport (default charter)",
    "charter.published": "Version {version} of the charter is published (commission: {rule}). "
    "You accept it by publishing it; every other member is asked to accept it.",
    "charter.unchanged": "This is the text and the commission of version {version} already in "
    "force: nothing was published, and members are not asked to accept it again.",
    "commission.none": "none",
    "commission.flat": "flat fee of {amount} per closed deal",
    "commission.percent": "{rate}% of the amount closed before tax",
    "commission.min": ", at least {amount}",
    "commission.max": ", at most {amount}",
    # Network settings and roles
    "network.title": "Network {network}",
    "network.how_to_change": "Admins change a setting with /network set KEY VALUE and roles "
    "with /network role @member ROLE [remove].",
    "network.member_count": "Members",
    "network.set": "Setting {key} is now {value}.",
    "network.role_granted": "{member} is now {role}.",
    "network.role_removed": "{member} is no longer {role}.",
    "network.role_present": "{member} is already {role}.",
    "network.role_absent": "{member} is not {role}.",
    "setting.name": "Name",
    "setting.locale": "Language",
    "setting.currency": "Currency",
    "setting.timezone": "Time zone",
    "value.on": "on",
    "value.off": "off",
    "role.admin": "admin",
    "role.recruiter": "recruiter",
    "role.experienced": "experienced",
    "role.member": "member",
    "role.admin.plural": "Admins",
    "role.recruiter.plural": "Recruiters",
    "role.experienced.plural": "Experienced members",
    # Help
    "help.title": "What I can do here",
    "help.intro": "Apport tracks the referrals members pass each other, the commission owed, "
    "who owns each client relationship, and the network's charter. Inline fields are separated "
    "by |. /help COMMAND tells more.",
    "help.refer": "pass a client to a member (no text opens the form)",
    "help.refer.long": "Posting a referral confirms the client agreed to be contacted. "
    "Temperature (how much you did, 1 to 5): 1 = contact details given with the client's "
    "consent, 3 = the client expects the call, 5 = introduced in person. The first member to "
    "refer a client owns the relationship. Not sure who fits? /refer ? NEED suggests three "
    "members for the client's need.",
    "help.referral": "show a referral, or move it on",
    "help.referral.long": "The receiver accepts or declines, marks contacted, then won AMOUNT "
    "(before tax) or lost; the referrer can cancel while it is offered and confirms the "
    "commission was received with paid. The receiver corrects a won amount with correct AMOUNT "
    "| reason (within correction-days; an admin at any time).",
    "help.referrals": "my referrals and the commissions",
    "help.referrals.long": "Given, received or open referrals, with closed amounts and "
    "commissions due and paid.",
    "help.clients": "the clients whose relationship I own",
    "help.clients.long": "A client belongs to the member who first referred them.",
    "help.charter": "the network's charter",
    "help.charter.long": "Read it, accept it, see its versions. Admins set the commission "
    "(10%, 150, 10% min 50 max 2000, none) or edit the text; each new version is accepted again.",
    "help.network": "settings and roles",
    "help.network.long": "Everyone can read the settings; admins change them and grant roles.",
    "help.help": "this list",
    "help.help.long": "/help COMMAND explains one command.",
    "ui.field_separator": ": ",
    # Console
    "console.welcome": "Apport console, network {network}. You are {name}. /help lists the "
    "commands; /as NAME changes who you are, /clock +14d moves time, /quit leaves.",
    "console.as": "You are now {name}.",
    "console.clock": "Network time: {time}.",
    "console.form": "Fill in the fields inline:",
    "console.extra_help": "/as NAME: act as another member (created on first use). /clock "
    "[+14d|+3h|+30m]: show or move the network's clock. /quit: leave.",
    "console.file_written": "File written: {path}",
    "console.bye": "Goodbye.",
    "console.not_command": "Commands start with /. Type /help to see them.",
    "console.as_usage": "Usage: /as NAME",
    "error.invalid_schedule": "{value} is not a weekly schedule: use a day and a time, such as "
    "mon 09:00, or off.",
    "error.invalid_days": "{value} is not a number of days from 1 to 365.",
    "error.invalid_channel": "{value} is not a channel.",
    "error.feedback_not_referrer": "Only the member who gave referral #{number} can give feedback "
    "on it.",
    "error.feedback_too_soon": "Referral #{number} is {status}: feedback comes once it has been "
    "accepted.",
    "setting.charter-required": "Charter must be accepted to refer",
    "setting.followup-days": "Days before asking whether the client was served well",
    "setting.charter-reminder": "Charter reminder (weekly)",
    "setting.announcements-channel": "Announcements channel",
    "setting.recruiters-channel": "Recruiters channel",
    "param.amount.label": "Amount closed (before tax)",
    "param.number.label": "Referral number",
    "param.score": "score 1-5|later",
    "param.score.label": "Was the client served well? (1 to 5)",
    "param.comment": "comment",
    "param.comment.label": "Comment",
    "param.comment.hint": "Optional.",
    "form.feedback": "Feedback on a referral",
    "action.feedback_later": "Too early to say",
    "quality.inline": "{name} ({score}/5, {count} feedback)",
    "quality.mine": "My quality score: {score}/5 from {count} feedback.",
    "followup.feedback": "Was {client} served well by {member}? (referral #{number})",
    "followup.feedback_how": "Answer with a score from 1 to 5, or /feedback {number} SCORE "
    "[comment].",
    "feedback.recorded": "Thank you: {score}/5 recorded for referral #{number}. {member} now has "
    "{average}/5 from {count} feedback.",
    "notice.low_feedback": "Low feedback: {referrer} gave {score}/5 to {member} for referral "
    "#{number}. Client quality is part two of the charter.",
    "notice.feedback": "{referrer} gave you {score}/5 for referral #{number}.",
    "reminder.charter_dm": "You have not accepted version {version} of the charter yet: please "
    "read it and accept it.",
    "reminder.charter_title": "Charter rule of the week ({n}/{total})",
    "alert.delivery_failed": "A message ({kind}) to {recipient} could not be delivered after "
    "several attempts: {reason}",
    "help.feedback": "say whether the client was served well",
    "help.feedback.long": "The referrer scores how the client was served, from 1 to 5, with an "
    "optional comment; later asks again in a week. A score of 2 or less alerts the admins.",
    "home.title": "{name} in {network}",
    "home.charter": "Charter",
    "home.waiting": "Waiting on me",
    "home.open_given": "Open referrals I gave",
    "home.clients": "My clients",
    "home.quality": "My quality score",
    "home.waiting_line": "#{number} {client}: {status}",
    "home.nothing_waiting": "Nothing waits on you.",
    "help.home": "what waits on me",
    "help.home.long": "Referrals waiting for your answer or your confirmation, your open "
    "referrals, your clients, your quality score and whether you accepted the charter.",
    "error.candidate_not_found": "There is no candidate #{number} in this network.",
    "error.recruiters_vote": "Only recruiters vote on candidates (admins too need the recruiter "
    "role).",
    "error.recruiters_only": "Only recruiters (and admins) can do that.",
    "error.candidate_stage": "Candidate #{number} is at the stage “{stage}”: that cannot be done "
    "now.",
    "error.interviewers_same": "The two interviewers must be two different members.",
    "error.interviewer_is_sponsor": "{name} sponsors this candidate and cannot interview them.",
    "error.interviewer_not_experienced": "{name} is not an experienced member yet.",
    "error.not_interviewer": "You are not an interviewer of candidate #{number}.",
    "error.no_exclusivity_conflict": "Candidate #{number} has no profession conflict to override.",
    "error.exclusivity_blocks": "Candidate #{number}'s profession is held by {holder}: a "
    "recruiter must override it with a reason first (/candidate {number} override | reason).",
    "error.sponsor_cannot_vote": "You sponsor candidate #{number}: you do not vote on your own "
    "candidate.",
    "error.sponsor_or_admin": "Only the sponsor or an admin can do that.",
    "error.sponsor_own_candidate": "You sponsor candidate #{number}: other recruiters open, close "
    "and decide the vote on your own candidate.",
    "error.vote_not_ready": "The vote on candidate #{number} cannot open yet. Missing: {missing}.",
    "error.interviewer_no_charter": "{name} has not accepted the current charter and cannot "
    "interview yet.",
    "error.interviewer_same_profession": "{name} works in the candidate's profession "
    "({profession}) and cannot interview them.",
    "error.candidate_duplicate": "{name} ({profession}) is already an open candidate: #{number}.",
    "error.candidate_already_linked": "Candidate #{number} is already linked to the member "
    "{member}.",
    "error.link_has_profession": "{member} already has a profession ({profession}): only the new "
    "account the candidate opened can be linked.",
    "error.link_existing_member": "{member} has been a member since {since}, before candidate "
    "#{number} was proposed: only the new account the candidate opened can be linked.",
    "error.invalid_fraction": "{value} is not a share: use 1/2, 2/3 or 60%.",
    "param.name": "name",
    "param.name.label": "Candidate's name",
    "param.profession": "profession",
    "param.profession.label": "Profession",
    "param.previous": "previous networks and why they left",
    "param.previous.label": "Previous networks and why they left",
    "param.previous.hint": "Write none if there were none.",
    "param.candidate": "N",
    "param.candidate.label": "Candidate number",
    "param.first": "interviewer",
    "param.second": "interviewer",
    "param.recommendation": "recommendation",
    "param.recommendation.label": "Recommendation (admit, reject, unsure)",
    "param.notes": "notes",
    "param.notes.label": "Notes",
    "param.ethics": "ethics",
    "param.ethics.label": "Ethics: works the way the charter asks?",
    "param.generosity": "generosity",
    "param.generosity.label": "Generosity: shares business willingly?",
    "param.previous_networks": "previous networks",
    "param.previous_networks.label": "What they said about previous networks",
    "param.reason": "reason",
    "param.ballot": "ballot",
    "form.candidate": "Propose a candidate",
    "form.candidate.report": "Interview report",
    "candidate.title": "Candidate #{number}: {name} ({profession})",
    "candidate.holder_candidate": "candidate #{number} {name}",
    "candidate.proposed_post": "Proposed by {sponsor}. Everything about this candidate goes in "
    "this thread.",
    "candidate.proposed": "Candidate #{number} {name} is proposed; you are the sponsor.",
    "candidate.assign_by_hand": "Fewer than two members can interview (experienced, charter "
    "accepted, not the sponsor, not of the same profession): recruiters assign them with "
    "/candidate {number} interviewers @a @b; the recruiters and the admins are told.",
    "candidate.exclusivity": "The profession is already held by {holder}: admission is blocked "
    "unless a recruiter overrides it.",
    "candidate.overridden": "Overridden: {reason}",
    "candidate.no_interviewers": "none yet",
    "candidate.report_line": "Report by {who}: {recommendation}",
    "candidate.report_hidden": "{who} filed a report: hidden until both reports are in.",
    "candidate.visit_line": "Visit by {who} on {at}: {notes}",
    "candidate.history_line": "{at} {who}: {what}",
    "candidate.assigned_post": "Interviewers: {names}.",
    "candidate.assigned": "Interviewers of candidate #{number} assigned.",
    "candidate.reports_post": "Both interview reports are in:",
    "candidate.report_saved": "Your report on candidate #{number} is saved.",
    "candidate.report_amended": "Your report on candidate #{number} is amended.",
    "candidate.report_hidden_until_both": "It stays hidden until the other interviewer files "
    "theirs.",
    "candidate.vote_opened": "The vote on candidate #{number} is open.",
    "candidate.visit_post": "{who} visited the candidate at work: {notes}",
    "candidate.visit_saved": "Your visit to candidate #{number} is recorded.",
    "candidate.override_post": "{who} overrode the profession conflict: {reason}",
    "candidate.override_saved": "Profession conflict of candidate #{number} overridden.",
    "candidate.vote_post": "The vote on {name} is open until {deadline}. Recruiters: yes, no or "
    "abstain. The ballot is secret: who voted shows, never how.",
    "candidate.voted_post": "{who} has voted ({voted} of {eligible}).",
    "candidate.vote_saved": "Your vote on candidate #{number} is recorded: {ballot}. You can "
    "change it until the vote closes.",
    "candidate.closed_now": "The vote on candidate #{number} is closed.",
    "candidate.rule": "At least {quorum} of eligible recruiters vote and yes reaches "
    "{threshold} of yes + no; closed because {why}.",
    "candidate.decision_admitted": "{name} (candidate #{number}) is admitted.",
    "candidate.decision_rejected": "{name} (candidate #{number}) is not admitted.",
    "candidate.withdrawn_post": "Withdrawn by {who}.",
    "candidate.withdrawn": "Candidate #{number} {name} is withdrawn.",
    "candidate.linked": "{member} is now the member {name}, {profession}, and is asked to accept "
    "the charter.",
    "candidate.too_few_post": "Fewer than two members can interview this candidate (experienced, "
    "charter accepted, not the sponsor, not of the same profession). Recruiters: assign them with "
    "/candidate {number} interviewers @a @b.",
    "candidate.missing_interviewers": "two interviewers (/candidate {number} interviewers @a @b)",
    "candidate.missing_report": "{name}'s report",
    "candidate.missing_fit": "{name} cannot interview: {why}",
    "candidate.missing_visit": "a visit at the candidate's workplace (/candidate {number} visit | "
    "notes)",
    "candidate.missing_override": "a recruiter's override, as the profession is held by {holder} "
    "(/candidate {number} override | reason)",
    "candidate.missing_separator": "; ",
    "candidate.process_override_post": "{who} (admin) opened the vote without the full "
    "process, skipping: {missing}. Reason: {reason}",
    "candidate.process_override_saved": "The vote on candidate #{number} is open without the full "
    "process; the reason is on the card and in the audit trail.",
    "candidate.blocked_at_admission": "Not admitted: the profession is now held by {holder} and "
    "no recruiter overrode it.",
    "unfit.sponsor": "sponsors the candidate",
    "unfit.experience": "not an experienced member",
    "unfit.charter": "has not accepted the current charter",
    "unfit.profession": "works in the candidate's profession",
    "audit.candidate.linked": "candidate linked to a member",
    "audit.candidate.override_process": "vote opened without the full process",
    "audit.candidate.override_exclusivity": "profession conflict overridden",
    "candidates.none": "No open candidates. Propose one with /candidate Name | profession | "
    "previous networks.",
    "candidates.line": "#{number} {name}, {profession}: {stage}",
    "candidates.title": "Open candidates",
    "notice.interview": "You are asked to interview {name} ({profession}), candidate #{number} "
    "sponsored by {sponsor}. Ask which networks they belonged to and why they left; file your "
    "report with /candidate {number} report admit|reject|unsure | notes.",
    "notice.reports_in": "Both interview reports on {name} (candidate #{number}) are in.",
    "notice.vote_open": "The vote on {name} (candidate #{number}) is open until {deadline}.",
    "notice.too_few_interviewers": "Fewer than two members can interview {name} ({profession}), "
    "candidate #{number}: a recruiter assigns them with /candidate {number} interviewers @a @b.",
    "notice.interview_reminder": "Reminder: your interview report on {name} ({profession}), "
    "candidate #{number}, is still not in. File it with /candidate {number} report "
    "admit|reject|unsure | notes.",
    "notice.vote_reminder": "Reminder: the vote on {name} (candidate #{number}) closes on "
    "{deadline} and you have not voted yet.",
    "notice.welcome": "Welcome to {network}! Please read the charter and accept it (version "
    "{version}).",
    "field.profession": "Profession",
    "field.sponsor": "Sponsor",
    "field.stage": "Stage",
    "field.interviewers": "Interviewers",
    "field.exclusivity": "Profession exclusivity",
    "field.process_override": "Opened without the full process",
    "field.voted": "Voted so far",
    "field.deadline": "Vote closes",
    "field.tally": "Tally",
    "field.decision": "Rule applied",
    "field.previous_networks": "Previous networks",
    "stage.interviews": "interviews",
    "stage.vote": "vote",
    "stage.admitted": "admitted",
    "stage.rejected": "rejected",
    "stage.withdrawn": "withdrawn",
    "recommendation.admit": "admit",
    "recommendation.reject": "reject",
    "recommendation.unsure": "unsure",
    "ballot.yes": "Yes",
    "ballot.no": "No",
    "ballot.abstain": "Abstain",
    "report.ethics": "Ethics",
    "report.generosity": "Generosity",
    "report.previous_networks": "Previous networks",
    "report.notes": "Notes",
    "event.proposed": "proposed",
    "event.assigned": "interviewers assigned",
    "event.too_few_interviewers": "fewer than two interviewers available",
    "event.report_filed": "report filed",
    "event.report_amended": "report amended",
    "event.visited": "visit recorded",
    "event.override": "profession conflict overridden",
    "event.process_override": "vote opened without the full process",
    "event.vote_opened": "vote opened",
    "event.voted": "voted",
    "event.vote_changed": "vote changed",
    "event.admitted": "admitted",
    "event.rejected": "not admitted",
    "event.withdrawn": "withdrawn",
    "event.linked": "linked to a member",
    "close.all_voted": "every eligible recruiter voted",
    "close.closed_by_recruiter": "a recruiter closed it",
    "close.deadline": "the deadline passed",
    "action.file_report": "File my report",
    "setting.exclusivity": "One member per profession",
    "setting.experienced-days": "Days of membership that make an interviewer",
    "setting.interview-days": "Days before an interviewer is reminded of their report",
    "setting.site-visit": "Vote waits for a visit at the candidate's workplace",
    "setting.vote-days": "Days a vote stays open",
    "setting.quorum": "Quorum of recruiters",
    "setting.threshold": "Share of yes needed",
    "help.candidate": "propose and admit candidates",
    "help.candidate.long": "Two different experienced members, bound by the charter and not of "
    "the candidate's profession, interview each candidate; their reports stay hidden until both "
    "are in; the vote opens once both are in (and the site visit, when required); recruiters "
    "then vote in secret. The sponsor never opens, closes or votes.",
    "help.candidates": "open candidates and their stage",
    "help.candidates.long": "Candidates in interviews or in the vote.",
    "error.invalid_contact": "{value} is not a contact: give an e-mail address and/or a phone "
    "number, separated by a comma.",
    "error.invalid_months": "{value} is not a number of months from 1 to 120.",
    "error.breach_not_found": "There is no report #{number} in this network.",
    "error.report_self": "You cannot report yourself.",
    "error.report_referral_unrelated": "Referral #{number} does not involve {name}: name a "
    "referral {name} gave, received or owns the client of, or leave it out.",
    "error.report_nobody_can_act": "Nobody but {name} could act on this report (no other admin, "
    "no recruiter), so it was not stored. Ask for a second admin to be named (/network role "
    "@member admin), then report again.",
    "error.breach_state": "Report #{number} is {state}: that cannot be done now.",
    "field.contact": "Client contact (private)",
    "field.reporter": "Reported by",
    "field.reported": "About",
    "field.kind": "Breach",
    "field.what": "What happened",
    "field.charter_rule": "Charter rule concerned",
    "field.referral": "Referral",
    "field.state": "State",
    "field.handled_by": "Handled by",
    "param.contact": "contact",
    "param.contact.label": "Client's e-mail and/or phone (optional)",
    "param.contact.hint": "Seen only by you, the member you refer to and the admins.",
    "param.kind": "kind",
    "param.kind.label": "Breach (poaching, unpaid, service, other)",
    "param.what": "what happened",
    "param.what.label": "What happened",
    "param.referral": "referral N",
    "param.referral.label": "Referral number (optional)",
    "param.report": "N",
    "param.confirm": "confirm",
    "form.report": "Report a breach",
    "breach.poaching": "poaching",
    "breach.unpaid": "unpaid commission",
    "breach.service": "poor service to a client",
    "breach.other": "other",
    "breach_state.open": "open",
    "breach_state.raised": "raised with the member",
    "breach_state.resolved": "resolved",
    "breach_state.dismissed": "dismissed",
    "notice.breach_filed": "A confidential report (#{number}, {kind}) was filed. Only admins see "
    "it.",
    "notice.breach_raised": "{admin}, for the network's admins, raises a report concerning you "
    "({kind}). Please get in touch with them. Their note: {note}",
    "notice.breach_resolved": "Your report #{number} is resolved.",
    "notice.breach_dismissed": "Your report #{number} was dismissed.",
    "notice.breach_filed_recruiters": "A confidential report (#{number}, {kind}) was filed. It "
    "comes to you, the recruiters:",
    "notice.breach_raised_by": "{admin}, for the network's recruiters, raises a report "
    "concerning you ({kind}). Please get in touch with them. Their note: {note}",
    "action.read_report": "Read the report",
    "action.breach_raise": "Raise with the member",
    "action.breach_resolve": "Resolve",
    "action.breach_dismiss": "Dismiss",
    "action.mydata_export": "Export my data",
    "action.mydata_erase": "Erase my data",
    "action.mydata_erase_confirm": "Yes, erase my data for good",
    "report.received": "Your report #{number} is received. It stays confidential: only admins see "
    "it, and you will hear how it is resolved.",
    "report.received_recruiters": "Your report #{number} is received. It stays confidential: it "
    "goes to the recruiters, since the member concerned is the network's only admin, and you "
    "will hear how it is resolved. /reports mine shows where it stands.",
    "report.why_recruiters": "{name}, the member reported on, is the network's only admin.",
    "report.why_recruiters_no_admin": "The network has no admin yet.",
    "report.handled_by_recruiters": "the recruiters. {why}",
    "report.title": "Report #{number}",
    "report.referral_line": "#{number} {client}, from {referrer} to {receiver}, {status}",
    "report.history_line": "{at} {who}: {state}",
    "report.raised": "Report #{number} raised with the member concerned.",
    "report.resolved": "Report #{number} resolved; the reporter is told.",
    "report.dismissed": "Report #{number} dismissed; the reporter is told.",
    "reports.none": "No open reports.",
    "reports.line": "#{number} {kind}: {reporter} about {reported} ({state})",
    "reports.owner": "client owned by {owner}",
    "reports.title": "Open reports",
    "reports.mine_title": "My reports",
    "reports.mine_none": "You have not filed any report.",
    "reports.mine_line": "#{number} {kind} about {reported}, filed {date}: {state}",
    "mydata.exported": "Here is everything Apport holds about you, as a JSON file only you "
    "receive.",
    "mydata.explain": "/mydata export sends you everything Apport holds about you. /mydata erase "
    "replaces your name with a pseudonym in every record; the network's figures stay; it cannot "
    "be undone.",
    "mydata.erase_ask": "Erasing replaces your name with a pseudonym in every record, ends your "
    "roles, and cannot be undone. To go ahead: /mydata erase confirm.",
    "mydata.pseudonym": "Former member {code}",
    "mydata.erased": "Done: you now appear as {pseudonym} everywhere. If you use Apport again, "
    "you start as a new member.",
    "mydata.erase_open": "You are a party to open referrals: close or hand them over before "
    "erasing your data, so nobody is left waiting for you.\n{referrals}\nThe receiver closes "
    "one with /referral N decline, won or lost; the referrer withdraws an offer with /referral N "
    "cancel; to hand one over, close it and refer the client again. Then /mydata erase confirm.",
    "mydata.open_line": "#{number} {client}, with {other} ({status})",
    "mydata.words_erased": "(erased with its author's personal data)",
    "mydata.contact_erased": "(contact erased after the retention period)",
    "mydata.party_erased": "Referral #{number} ({client}): the other party erased their personal "
    "data and now appears as {pseudonym}. The referral, its amount and its commission stay on "
    "record.",
    "network.exported": "The referrals and the commission ledger, as a CSV file (client contacts "
    "are left out).",
    "audit.none": "Nothing in the audit trail yet.",
    "audit.line": "{at} {who}: {what}",
    "audit.title": "Audit trail (most recent first)",
    "audit.role.granted": "role granted",
    "audit.role.removed": "role removed",
    "audit.setting": "setting changed",
    "audit.charter.version": "charter version published",
    "audit.export.mydata": "personal data exported",
    "audit.export.ledger": "ledger exported",
    "audit.referral.corrected": "amount of a won referral corrected",
    "audit.erasure": "personal data erased",
    "setting.contact-retention-months": "Months client contacts are kept after a referral closes",
    "setting.correction-days": "Days the receiver may correct the amount of a won referral",
    "setting.payment-days": "Days before an unpaid commission is reminded (twice that: admins)",
    "help.report": "report a breach of the charter, confidentially",
    "help.report.long": "Kinds: poaching, unpaid, service, other. Only admins see reports; the "
    "member concerned hears of it only if an admin raises it. You cannot report yourself. Admins: "
    "/report N raise|resolve|dismiss | note.",
    "help.reports": "open breach reports (admins); /reports mine: the reports I filed",
    "help.reports.long": "Each with its referral, the client's owner and the charter rule "
    "concerned. A report about the only admin goes to the recruiters. /reports mine: where each "
    "report I filed stands.",
    "help.mydata": "export or erase my personal data",
    "help.mydata.long": "export: a JSON file of everything Apport holds about you. erase: a "
    "pseudonym replaces you everywhere (confirm with /mydata erase confirm).",
    "notice.decline_reason": "{who} declined your referral #{number}. Reason: {note}",
    "notice.lost_reason": "{who} lost referral #{number}. Reason: {note}",
    "history.line_note": "{at} {who}: {status} ({note})",
    "notice.low_feedback_comment": "Low feedback: {referrer} gave {score}/5 to {member} for "
    "referral #{number}. Client quality is part two of the charter. Comment: {comment}",
    "notice.feedback_comment": "{referrer} gave you {score}/5 for referral #{number}. Comment: "
    "{comment}",
    "candidate.history_line_detail": "{at} {who}: {what} ({detail})",
    "notice.breach_raised_silent": "{admin}, for the network's admins, raises a report "
    "concerning you ({kind}). Please get in touch with them.",
    "notice.breach_raised_by_silent": "{admin}, for the network's recruiters, raises a report "
    "concerning you ({kind}). Please get in touch with them.",
    "notice.breach_resolved_note": "Your report #{number} is resolved: {note}",
    "notice.breach_dismissed_note": "Your report #{number} was dismissed: {note}",
    "report.history_line_note": "{at} {who}: {state} ({note})",
    "audit.line_detail": "{at} {who}: {what}: {detail}",
    "referrals.line_given_open": "#{number} to {other}: {client}, {status}",
    "referrals.line_received_open": "#{number} passed by {other}: {client}, {status}",
}

# Messages that depend on a count (the `count` parameter), one text per CLDR
# plural category of the language: `one` and `other`, `many` where it differs.
PLURALS: dict[str, dict[str, str]] = {
    "error.correct_too_late": {
        "one": "Referral #{number} was won on {won}: its receiver could correct it for {count} "
        "day. Ask an admin.",
        "other": "Referral #{number} was won on {won}: its receiver could correct it for "
        "{count} days. Ask an admin.",
    },
    "referrals.summary": {
        "one": "{count} referral. Commission still due to me: {due_to_me}; still owed by me: "
        "{owed_by_me}.",
        "other": "{count} referrals. Commission still due to me: {due_to_me}; still owed by "
        "me: {owed_by_me}.",
    },
    "payment.remind_receiver": {
        "one": "Referral #{number} ({client}): the commission of {due} owed to {referrer} is "
        "still unpaid after {count} day. Pay it, and {referrer} will confirm it.",
        "other": "Referral #{number} ({client}): the commission of {due} owed to {referrer} is "
        "still unpaid after {count} days. Pay it, and {referrer} will confirm it.",
    },
    "payment.tell_admins": {
        "one": "Referral #{number} ({client}): the commission of {due} that {receiver} owes "
        "{referrer} is still unpaid after {count} day.",
        "other": "Referral #{number} ({client}): the commission of {due} that {receiver} owes "
        "{referrer} is still unpaid after {count} days.",
    },
    "followup.unanswered": {
        "one": "Referral #{number} for {client} from {referrer} has waited {count} day for "
        "your answer: please accept or decline it.",
        "other": "Referral #{number} for {client} from {referrer} has waited {count} days for "
        "your answer: please accept or decline it.",
    },
    "followup.unanswered_referrer": {
        "one": "{receiver} has not answered referral #{number} for {client} in {count} day. "
        "You can cancel it and pass the client to someone else.",
        "other": "{receiver} has not answered referral #{number} for {client} in {count} days. "
        "You can cancel it and pass the client to someone else.",
    },
    "followup.reality_check": {
        "one": "Referral reality check: where is referral #{number} for {client} from "
        "{referrer}? No news for {count} day. Contacted, won or lost?",
        "other": "Referral reality check: where is referral #{number} for {client} from "
        "{referrer}? No news for {count} days. Contacted, won or lost?",
    },
    "feedback.later": {
        "one": "Noted: I will ask again in {count} day.",
        "other": "Noted: I will ask again in {count} days.",
    },
    "reminder.charter_waiting": {
        "one": "{count} member has not accepted version {version} yet: /charter accept.",
        "other": "{count} members have not accepted version {version} yet: /charter accept.",
    },
    "alert.delivery_outage": {
        "one": "The bot cannot reach the platform since {since} ({reason}). Messages wait and "
        "go out as soon as it answers again; they are retried for {count} hour.",
        "other": "The bot cannot reach the platform since {since} ({reason}). Messages wait "
        "and go out as soon as it answers again; they are retried for {count} hours.",
    },
    "alert.delivery_expired": {
        "one": "Messages could not be delivered within {count} hour and were given up; the "
        "latest was a {kind} to {recipient} ({reason}).",
        "other": "Messages could not be delivered within {count} hours and were given up; the "
        "latest was a {kind} to {recipient} ({reason}).",
    },
    "candidate.tally": {
        "one": "yes {yes}, no {no}, abstain {abstain}; {count} of {eligible} recruiters voted",
        "other": "yes {yes}, no {no}, abstain {abstain}; {count} of {eligible} recruiters voted",
    },
}
