"""Messages en français des fiches de recommandation tenues à jour, des rappels groupés et des
suggestions qu'un refus propose."""

MESSAGES: dict[str, str] = {
    # La fiche d'une recommandation, chez chacune des deux parties
    "card.given": "Vous avez passé {client} à {receiver} : recommandation n° {number}. Cette "
    "fiche la suit et se met à jour à chaque étape.",
    # Rappels arrivés ensemble
    "reminders.title": "Rappels ({count})",
    "reminders.footer": "/referral NUMÉRO ou /candidate NUMÉRO affiche l'un d'eux avec ses "
    "boutons.",
    # Suggestions
    "error.unknown_command.closest": "Commande inconnue : {name}. Vouliez-vous dire "
    "{suggestion} ? Tapez /help pour voir ce que je sais faire.",
    "error.usage.closest": "Vouliez-vous dire {suggestion} ?\nUtilisation : {usage}",
    "error.illegal_transition.first": "La recommandation n° {number} est au statut « {status} » "
    ": elle ne peut pas encore être marquée « {verb} ». {first}",
    "guidance.first.accept": "Acceptez-la d'abord : /referral {number} accept.",
    "guidance.first.contacted": "Marquez-la d'abord comme contactée : /referral {number} "
    "contacted.",
    "guidance.first.won": "Marquez-la d'abord comme gagnée : /referral {number} won MONTANT.",
    "guidance.wait.accept": "{who} doit d'abord l'accepter.",
    "guidance.wait.contacted": "{who} doit d'abord la marquer comme contactée.",
    "guidance.wait.won": "{who} doit d'abord la marquer comme gagnée.",
}
