"""Messages en français : réunions, présences, visiteurs et voyant d'engagement."""

MESSAGES: dict[str, str] = {
    "help.meeting": "la réunion hebdomadaire : qui vient, absences, remplaçants",
    "help.meeting.long": "/meeting affiche la prochaine réunion et qui est attendu. Prévenez "
    "à l'avance : /meeting absent DATE | motif, /meeting late ou /meeting medical ; envoyez un "
    "remplaçant avec /meeting substitute DATE Nom | métier (il compte comme votre présence). "
    "À la réunion, appuyez sur « Je suis là ». Les admins fixent la réunion avec "
    "/meeting schedule jeudi 7h30 | lieu et en annulent une avec /meeting cancel DATE | motif ; "
    "les admins et le secrétaire corrigent avec /meeting DATE mark @membre "
    "present|absent|late|medical|substitute. Dates : 2025-03-06, 06/03, 6 mars, jeudi, "
    "prochain.",
    "help.visitor": "inviter un visiteur à une réunion",
    "help.visitor.long": "/visitor Nom | métier | entreprise | contact | DATE : le visiteur est "
    "attendu à cette réunion (la prochaine, sans date) et vous recevez un rappel la veille. "
    "Son contact n'est visible que de vous et des admins, et il est effacé après la durée de "
    "conservation, sauf s'il devient candidat. Après la réunion, je vous demande comment "
    "cela s'est passé : /visitor N propose ouvre le formulaire de candidature déjà rempli.",
    "help.visitors": "les visiteurs à venir et récents",
    "help.visitors.long": "Les visiteurs attendus aux prochaines réunions, et les visiteurs "
    "récents avec ce qu'ils sont devenus.",
    "param.date": "date",
    "param.date.label": "Date de la réunion (vide : la prochaine)",
    "param.date.hint": "2025-03-06, 06/03, 6 mars, jeudi",
    "param.when": "jour heure",
    "param.place": "lieu ou lien",
    "param.who": "date nom",
    "param.mark": "présence",
    "param.visitor": "N",
    "param.visitor_name": "nom",
    "param.visitor_name.label": "Nom du visiteur",
    "param.company": "entreprise",
    "param.company.label": "Entreprise (facultatif)",
    "param.visitor_contact": "contact",
    "param.visitor_contact.label": "E-mail ou téléphone du visiteur (facultatif)",
    "param.visitor_contact.hint": "Visible de vous et des admins seulement ; effacé après la "
    "durée de conservation.",
    "form.visitor": "Inviter un visiteur",
    "setting.checkin-minutes": "Minutes d'ouverture du bouton « Je suis là »",
    "setting.absences-allowed": "Absences permises sur la période (hors absences médicales et "
    "remplaçants)",
    "setting.absence-window-months": "Nombre de mois sur lesquels les absences sont comptées",
    "setting.visitor-retention-months": "Mois après la visite avant l'effacement du contact "
    "d'un visiteur",
    "setting.engagement-months": "Nombre de mois sur lesquels se lit le voyant d'engagement",
    "setting.grace-days": "Jours pendant lesquels le voyant d'un nouveau membre reste gris",
    "setting.weight-attendance": "Poids de l'assiduité dans le voyant d'engagement",
    "setting.weight-referrals": "Poids des recommandations données dans le voyant d'engagement",
    "setting.weight-visitors": "Poids des visiteurs amenés dans le voyant d'engagement",
    "setting.weight-quality": "Poids de la note de qualité dans le voyant d'engagement",
    "role.secretary": "secrétaire",
    "role.secretary.plural": "Secrétaires",
    "error.invalid_minutes": "{value} n'est pas un nombre de minutes entre 5 et 600.",
    "error.invalid_count": "{value} n'est pas un nombre entre 1 et 52.",
    "error.invalid_weight": "{value} n'est pas un poids entre 0 et 10.",
    "error.meeting_bad_date": "Je ne lis pas « {value} » comme une date. Essayez 2025-03-06, "
    "06/03, 6 mars ou jeudi.",
    "error.meeting_none_scheduled": "Aucune réunion n'est encore prévue. Un admin la fixe avec "
    "{schedule} jeudi 7h30 | lieu.",
    "error.meeting_not_that_day": "Il n'y a pas de réunion le {value} : le club se réunit le "
    "{day} à {time}.",
    "error.meeting_over": "La réunion du {date} est terminée.",
    "error.meeting_not_yet": "La réunion du {when} n'a pas encore commencé.",
    "error.meeting_cancelled": "La réunion du {when} est annulée.",
    "error.meeting_text_long": "C'est plus long que {limit} caractères ; merci de raccourcir.",
    "error.checkin_closed": "Le pointage de la réunion du {when} n'est pas ouvert : il ouvre "
    "au début, pour {minutes} minutes. En retard ? /meeting late",
    "error.substitute_name": "Qui vous remplace ? /meeting substitute DATE Nom | métier",
    "error.visitor_name": "Indiquez le nom du visiteur : /visitor Nom | métier | entreprise | "
    "contact | DATE",
    "error.visitor_profession": "Indiquez le métier du visiteur : /visitor Nom | métier | "
    "entreprise | contact | DATE",
    "error.visitor_not_found": "Il n'y a pas de visiteur n° {number}.",
    "error.visitor_not_host": "Seuls {host}, qui a invité ce visiteur, et les admins peuvent "
    "le faire.",
    "error.visitor_already_candidate": "{name} est déjà le candidat n° {number} : /candidate "
    "{number}",
    "meeting.weekday.0": "lundi",
    "meeting.weekday.1": "mardi",
    "meeting.weekday.2": "mercredi",
    "meeting.weekday.3": "jeudi",
    "meeting.weekday.4": "vendredi",
    "meeting.weekday.5": "samedi",
    "meeting.weekday.6": "dimanche",
    "meeting.month.1": "janvier",
    "meeting.month.2": "février",
    "meeting.month.3": "mars",
    "meeting.month.4": "avril",
    "meeting.month.5": "mai",
    "meeting.month.6": "juin",
    "meeting.month.7": "juillet",
    "meeting.month.8": "août",
    "meeting.month.9": "septembre",
    "meeting.month.10": "octobre",
    "meeting.month.11": "novembre",
    "meeting.month.12": "décembre",
    "meeting.mark.present": "présent",
    "meeting.mark.late": "en retard",
    "meeting.mark.absent": "absent",
    "meeting.mark.medical": "absent pour raison médicale",
    "meeting.mark.substitute": "remplacé",
    "meeting.when": "{weekday} {day} {month}, {time}",
    "meeting.none": "Aucune réunion n'est prévue. Un admin la fixe avec {schedule} jeudi 7h30 "
    "| lieu.",
    "meeting.title": "Réunion du {when}",
    "meeting.place": "Lieu",
    "meeting.cancelled": "Annulée",
    "meeting.expected": "Attendus",
    "meeting.present": "Présents",
    "meeting.excused": "Excusés",
    "meeting.substitutes": "Remplaçants",
    "meeting.visitors": "Visiteurs attendus",
    "meeting.substitute_line": "{name} ({profession}) à la place de {member}",
    "meeting.footer": "Empêché ? {meeting} absent DATE | motif, ou envoyez un remplaçant : "
    "{meeting} substitute DATE Nom | métier",
    "meeting.scheduled": "Le club se réunit désormais chaque {day} à {time} ({place}). "
    "Prochaine réunion : {next}.",
    "meeting.schedule_off": "Plus de réunion hebdomadaire : pointages et ordres du jour "
    "s'arrêtent.",
    "meeting.already_cancelled": "La réunion du {when} était déjà annulée.",
    "meeting.cancelled_done": "La réunion du {when} est annulée ; personne ne sera noté absent.",
    "meeting.cancelled_post": "Pas de réunion le {when} : {reason}",
    "meeting.checked_in": "Bienvenue ! Vous êtes noté présent à la réunion du {when}.",
    "meeting.late_noted": "C'est noté : vous serez en retard le {when}.",
    "meeting.absent_noted": "C'est noté : vous serez absent le {when}.",
    "meeting.absences_so_far": "Absences comptées sur {months} mois : {count} sur {allowed} "
    "permises. Un remplaçant compte comme votre présence : {substitute} DATE Nom | métier",
    "meeting.medical_noted": "C'est noté : absence médicale le {when}. Bon rétablissement ; "
    "elle ne compte pas comme une absence.",
    "meeting.substitute_noted": "C'est noté : {name} vous remplace le {when}. Cela compte "
    "comme votre présence.",
    "meeting.marked": "{member} : {mark} à la réunion du {when}.",
    "meeting.absence_warning": "Vous nous avez manqué ! Absences comptées sur {months} mois : "
    "{count}, et le club en permet {allowed}. Quand vous ne pouvez pas venir, un remplaçant garde "
    "votre place (et ne compte pas comme une absence).",
    "meeting.absence_limit_admins": "{member} a atteint la limite d'absences du club : {count} "
    "sur {months} mois.",
    "meeting.agenda_title": "Réunion de demain : {when}",
    "meeting.rule_of_the_week": "Règle de la semaine",
    "meeting.agenda_footer": "Qui est attendu : {meeting}",
    "meeting.checkin_prompt": "La réunion du {when} commence. Êtes-vous là ? (ouvert pendant "
    "{minutes} minutes)",
    "action.meeting_here": "Je suis là",
    "action.meeting_late": "Je suis en retard",
    "action.visitor_propose": "Proposer comme candidat",
    "action.visitor_came": "Venu, sans suite",
    "action.visitor_noshow": "Pas venu",
    "visitor.invited": "Le visiteur n° {number} {name} est attendu à la réunion du {when}.",
    "visitor.reminded": "Je vous le rappellerai la veille, et vous demanderai ensuite comment "
    "cela s'est passé.",
    "visitor.exclusivity": "Attention : {holder} exerce déjà le métier {profession} au club, "
    "donc un visiteur de ce métier ne pourra pas devenir membre ici. Prévenez-le avant de "
    "l'inviter.",
    "visitor.line": "n° {number} {name} ({profession}, {company}), invité par {host}, {when} : "
    "{outcome}",
    "visitor.contact": "contact : {contact}",
    "visitor.expected_line": "{name} ({profession}), invité par {host}",
    "visitor.reminder": "Rappel : votre visiteur {name} ({profession}) vient à la réunion du "
    "{when} ({place}).",
    "visitor.how_did_it_go": "Comment s'est passée la visite de {name} ({profession}) ?",
    "visitor.came_noted": "C'est noté : {name} est venu.",
    "visitor.noshow_noted": "C'est noté : {name} n'est pas venu.",
    "visitor.previous_hint": "A assisté à la réunion du {when}.",
    "visitor.pseudonym": "Visiteur n° {number}",
    "visitor.outcome.expected": "attendu",
    "visitor.outcome.unknown": "comment cela s'est-il passé ?",
    "visitor.outcome.came": "venu",
    "visitor.outcome.noshow": "pas venu",
    "visitor.outcome.candidate": "candidat n° {number} ({stage})",
    "visitor.outcome.member": "désormais membre ({member})",
    "visitor.stage.interviews": "entretiens",
    "visitor.stage.vote": "vote",
    "visitor.stage.admitted": "admis",
    "visitor.stage.rejected": "non admis",
    "visitor.stage.withdrawn": "retiré",
    "visitors.title": "Visiteurs de {network}",
    "visitors.upcoming": "À venir",
    "visitors.recent": "Récents",
    "visitors.footer": "Inviter : {visitor} Nom | métier | entreprise | contact | DATE",
    "stats.attendance": "Assiduité aux réunions",
    "stats.visitors": "Visiteurs",
    "stats.visitors_month": "{month} : {count}",
    "stats.visitors_value": "{months} ; devenus membres : {members} ({share} de ceux qui sont "
    "venus)",
    "engagement.title": "Engagement sur {months} mois",
    "engagement.attendance": "assiduité {value}",
    "engagement.referrals": "recommandations {value} par mois (objectif {goal})",
    "engagement.visitors": "visiteurs {value} (objectif {goal} par trimestre)",
    "engagement.quality": "qualité {value}/5 (objectif {goal})",
    "engagement.attendance.none": "assiduité : aucune réunion tenue pour l'instant",
    "engagement.referrals.none": "recommandations : rien à juger pour l'instant",
    "engagement.visitors.none": "visiteurs : rien à juger pour l'instant",
    "engagement.quality.none": "qualité : pas encore de note",
    "engagement.line": "{name} : {light}, {text}",
    "engagement.light.green": "🟢 vert",
    "engagement.light.amber": "🟠 orange",
    "engagement.light.red": "🔴 rouge",
    "engagement.light.grey": "⚪ gris (nouveau)",
    "audit.meeting.schedule": "réunion fixée",
    "audit.meeting.cancel": "réunion annulée",
    "audit.meeting.mark": "présence corrigée",
    "audit.visitor.invited": "visiteur invité",
}
