"""Messages français des tête-à-tête, des tours de binômes et de leur effet mesuré."""

MESSAGES: dict[str, str] = {
    # Commandes
    "help.meet": "proposer un tête-à-tête, y répondre, dire qu'il a eu lieu",
    "help.meet.long": "/meet @membre [QUAND] [| lieu ou lien] propose un tête-à-tête (QUAND "
    "à l'heure du réseau : demain 10h, 2026-12-03 08:30, jeudi 8h30 ; sans lui, l'autre "
    "membre propose l'heure). /meet N accepter|refuser|déplacer QUAND y répond ; après, "
    "/meet N fait | ce que j'ai appris (votre note n'est lue que par vous). /meet pause 4s "
    "vous retire des tours de binômes pour un temps, /meet pause off vous y remet.",
    "help.meets": "mes tête-à-tête à venir et passés",
    "help.meets.long": "Vos tête-à-tête : ceux à venir d'abord, avec leur heure et où ils en "
    "sont, puis les passés.",
    "param.when": "quand",
    "param.when.label": "Quand",
    "param.when.hint": "À l'heure du réseau : demain 10h, 2026-12-03 08:30, jeudi 8h30.",
    "param.place": "lieu ou lien",
    "param.place.label": "Lieu (ou lien de visio)",
    "param.learned": "ce que j'ai appris",
    "param.learned.label": "Ce que j'ai appris (vous seul le lirez)",
    "param.learned.hint": "Son client idéal, les mots qu'il emploie, qui il aimerait rencontrer.",
    "param.duration": "durée",
    "form.meet": "Proposer un tête-à-tête",
    "setting.pairing-weeks": "Semaines entre deux tours de binômes (off : pas de tours)",
    "setting.pairing-months": "Mois avant que deux membres soient de nouveau en binôme",
    # Erreurs
    "error.invalid_when": "Je ne sais pas lire « {value} » comme un jour et une heure. Écrivez "
    "par exemple demain 10h, 2026-12-03 08:30 ou jeudi 8h30.",
    "error.when_past": "« {value} » est déjà passé : choisissez un moment à venir.",
    "error.invalid_duration": "« {value} » n'est pas une durée : écrivez par exemple 4s "
    "(semaines), 10j (jours) ou 2m (mois), jusqu'à un an.",
    "error.invalid_weeks": "{value} n'est pas un nombre de semaines entre 1 et 52 (ou off).",
    "error.meet_state": "Le tête-à-tête n° {number} ne le permet pas maintenant.",
    "error.meet_not_found": "Il n'y a pas de tête-à-tête n° {number}. /meets liste les vôtres.",
    "error.meet_not_yours": "Le tête-à-tête n° {number} n'est pas l'un des vôtres.",
    "error.meet_closed": "Le tête-à-tête n° {number} est terminé : on ne peut plus rien y changer.",
    "error.meet_already_accepted": "Le tête-à-tête n° {number} est déjà accepté.",
    "error.meet_no_time": "Le tête-à-tête n° {number} n'a pas encore d'heure : proposez-en une "
    "avec /meet {number} déplacer QUAND.",
    "error.meet_not_your_turn": "Le tête-à-tête n° {number} attend la réponse de l'autre membre.",
    "error.meet_not_booked": "Le tête-à-tête n° {number} n'a jamais été accepté : il ne peut "
    "pas avoir eu lieu.",
    "error.meet_not_yet": "Le tête-à-tête n° {number} n'a pas encore eu lieu.",
    "error.meet_self": "Un tête-à-tête se fait avec un autre membre.",
    "error.meet_already_open": "Vous avez déjà le tête-à-tête n° {number} avec {name} : "
    "/meet {number} l'affiche.",
    # La fiche
    "meet.title": "Tête-à-tête n° {number} avec {name}",
    "meet.no_time": "heure à proposer",
    "meet.where": " ({place})",
    "meet.you": "vous",
    "meet.field.with": "Avec",
    "meet.field.when": "Quand",
    "meet.field.where": "Lieu",
    "meet.field.state": "État",
    "meet.field.waiting": "En attente de",
    "meet.field.note": "Ma note (privée)",
    "meet.state.paired": "binôme, à réserver",
    "meet.state.proposed": "proposé",
    "meet.state.accepted": "accepté",
    "meet.state.done": "fait",
    "meet.state.declined": "refusé",
    "meet.state.dropped": "abandonné (jamais confirmé)",
    "action.meet_accept": "Accepter",
    "action.meet_decline": "Refuser",
    "action.meet_move": "Une autre heure",
    "action.meet_propose": "Proposer une heure",
    "action.meet_book": "Réserver",
    "action.meet_book_with": "Réserver avec {name}",
    "action.meet_note": "Ajouter ma note",
    "action.meet_done": "C'est fait",
    # Réponses et avis
    "meet.proposed": "Tête-à-tête n° {number} proposé à {name} le {when}{where}. Je vous "
    "préviendrai dès que {name} aura répondu.",
    "meet.proposed_open": "Tête-à-tête n° {number} : {name} est invité à proposer une heure.",
    "meet.accepted": "Tête-à-tête n° {number} accepté : {when}{where}. Vous recevrez tous deux "
    "un rappel la veille et une heure avant.",
    "meet.declined": "Le tête-à-tête n° {number} avec {name} est refusé.",
    "meet.moved": "Vous avez proposé le {when}{where} à {name} pour le tête-à-tête n° {number}.",
    "meet.done": "Merci : le tête-à-tête n° {number} avec {name} est noté comme fait.",
    "meet.note_private": "Votre note n'est lue que par vous ; je vous la rappellerai.",
    "meet.paused": "Vous êtes retiré des tours de binômes jusqu'au {until}. {meet} pause off "
    "vous y remet plus tôt.",
    "meet.resumed": "Vous participez de nouveau aux tours de binômes.",
    "meet.notice.proposed": "{name} vous propose un tête-à-tête le {when}{where} (n° {number}).",
    "meet.notice.asked": "{name} aimerait un tête-à-tête avec vous (n° {number}) : proposez "
    "l'heure qui vous convient.",
    "meet.notice.accepted": "{name} a accepté le tête-à-tête n° {number} : {when}{where}.",
    "meet.notice.declined": "{name} a refusé le tête-à-tête n° {number}.",
    "meet.notice.moved": "{name} propose une autre heure pour le tête-à-tête n° {number} : "
    "{when}{where}.",
    "meet.notice.done": "{name} indique que le tête-à-tête n° {number} a eu lieu. Ajoutez ce "
    "que vous avez appris avec le bouton ci-dessous ; vous seul le lirez.",
    "meet.reminder.day": "Rappel : tête-à-tête n° {number} avec {name} demain, {when}{where}.",
    "meet.reminder.hour": "Dans une heure : tête-à-tête n° {number} avec {name}, {when}{where}.",
    "meet.check": "Votre tête-à-tête n° {number} avec {name} a-t-il eu lieu ? Dites-le avec "
    "{meet} {number} fait | ce que j'ai appris.",
    "meet.check_again": "Dernier rappel : le tête-à-tête n° {number} avec {name} a-t-il eu "
    "lieu ? Sans réponse, il sera abandonné.",
    "meet.recall": "Il y a un mois, vous rencontriez {name} (tête-à-tête n° {number}).",
    "meet.recall.note": "Ce que vous aviez noté : {note}",
    "meet.recall.ideal": "Le client idéal de {name} : {ideal}",
    "meet.recall.no_profile": "{name} n'a pas encore de profil : demandez-lui qui est son "
    "client idéal.",
    "meet.recall.refer": "Vous pensez à quelqu'un ? {refer} @{name} CLIENT | BESOIN",
    # /meets
    "meets.title": "Tête-à-tête de {name}",
    "meets.none": "Aucun tête-à-tête pour l'instant. {meet} @membre demain 10h en propose un.",
    "meets.upcoming": "À venir :",
    "meets.past": "Passés :",
    "meets.line": "n° {number} avec {name} : {when} ({state})",
    "meets.how": "{meet} N en affiche un ; {meet} @membre QUAND en propose un autre.",
    "meets.paused_until": "Vous êtes retiré des tours de binômes jusqu'au {until}.",
    # Tours de binômes
    "pairing.notice": "Tour de binômes n° {round} : vous êtes en binôme avec {name}, car "
    "{why}. Réservez un tête-à-tête avec le bouton ci-dessous.",
    "pairing.notice_trio": "Tour de binômes n° {round} : vous rencontrez {names} cette fois "
    "(un trio), car {why}. Réservez chaque tête-à-tête avec les boutons ci-dessous.",
    "pairing.and": "{first} et {last}",
    "pairing.why.words": "vous servez tous deux {words}",
    "pairing.why.clients": "vous avez eu des recommandations pour les mêmes clients",
    "pairing.why.welcome": "l'un de vous est nouveau dans le réseau et l'autre le connaît bien",
    "pairing.why.fresh": "vous ne vous êtes pas encore rencontrés",
    "pairing.footer": "Pas maintenant ? {meet} pause 4s. Vos tête-à-tête : {meets}.",
    # Effet mesuré
    "effect.met": "Binômes qui se sont vus en tête-à-tête",
    "effect.not_met": "Binômes qui ne se sont pas vus",
    "effect.value": "par binôme : {rate} (recommandations : {referrals} ; binômes : {pairs})",
    "effect.no_pairs": "aucun binôme pour l'instant",
    "effect.no_round": "Pas encore de tour de binômes : le premier aura lieu un lundi à 9h.",
    "effect.round_title": "Tour de binômes n° {round} (depuis le {since})",
    "effect.round_pairs": "Binômes",
    "effect.round_done": "Rencontrés (confirmé)",
    "effect.round_booked": "Réservés, pas encore vus",
    "effect.round_declined": "Refusés ou abandonnés",
    "effect.round_footer": "Un trio compte pour trois binômes. /stats compare les "
    "recommandations des binômes qui se sont vus avec celles des autres.",
}
