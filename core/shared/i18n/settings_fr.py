"""Français : les paramètres du réseau tels qu'un membre les lit (valeurs et phrase qui
confirme un changement), et les jours de la semaine des horaires."""

MESSAGES: dict[str, str] = {
    "setting.now.name": "Le réseau s'appelle désormais {value}.",
    "setting.now.locale": "Apport parle désormais {value} dans ce réseau.",
    "setting.now.currency": "Les montants sont désormais en {value}.",
    "setting.now.timezone": "Le fuseau horaire est désormais {value}.",
    "setting.now.charter-required.on": "Les membres doivent désormais accepter la charte avant "
    "de recommander un client.",
    "setting.now.charter-required.off": "Les membres peuvent désormais recommander sans avoir "
    "accepté la charte.",
    "setting.now.followup-days": "Le recommandeur est désormais interrogé sur le service rendu à "
    "son client au bout de {value}.",
    "setting.now.charter-reminder": "Une règle de la charte est désormais rappelée chaque {day} "
    "à {time}.",
    "setting.now.charter-reminder.off": "La charte n'est plus rappelée chaque semaine.",
    "setting.now.announcements-channel": "Les annonces sont désormais publiées dans {value}.",
    "setting.now.announcements-channel.off": "Les annonces ne sont plus publiées dans un canal.",
    "setting.now.recruiters-channel": "Les avis aux recruteurs sont désormais publiés dans "
    "{value}.",
    "setting.now.recruiters-channel.off": "Les avis aux recruteurs ne sont plus publiés dans un "
    "canal.",
    "setting.now.exclusivity.on": "Le réseau garde désormais un seul membre par métier.",
    "setting.now.exclusivity.off": "Plusieurs membres peuvent désormais exercer le même métier.",
    "setting.now.experienced-days": "Un membre peut désormais mener un entretien après {value} "
    "d'ancienneté.",
    "setting.now.interview-days": "Un enquêteur est désormais relancé pour son compte rendu au "
    "bout de {value}.",
    "setting.now.site-visit.on": "Le vote attend désormais une visite sur le lieu de travail du "
    "candidat.",
    "setting.now.site-visit.off": "Le vote n'attend plus de visite sur le lieu de travail du "
    "candidat.",
    "setting.now.vote-days": "Un vote reste désormais ouvert {value}.",
    "setting.now.quorum": "Un vote doit désormais réunir {value} des recruteurs appelés à voter.",
    "setting.now.threshold": "Un candidat est désormais admis avec {value} de oui parmi les "
    "votes exprimés.",
    "setting.now.contact-retention-months": "Les coordonnées des clients sont désormais "
    "conservées {value} après la clôture d'une recommandation.",
    "setting.now.correction-days": "Le destinataire peut désormais corriger le montant conclu "
    "pendant {value}.",
    "setting.now.payment-days": "Une commission impayée est désormais rappelée au bout de {value}.",
    "setting.now.other": "{label} : désormais {value}.",
    "setting.weeks.one": "{n} semaine",
    "setting.weeks.other": "{n} semaines",
    "setting.days.one": "{n} jour",
    "setting.days.other": "{n} jours",
    "setting.months.one": "{n} mois",
    "setting.months.other": "{n} mois",
    "setting.language.en": "anglais",
    "setting.language.fr": "français",
    "setting.none": "aucun",
    "setting.schedule": "{day} {time}",
    "weekday.0": "lundi",
    "weekday.1": "mardi",
    "weekday.2": "mercredi",
    "weekday.3": "jeudi",
    "weekday.4": "vendredi",
    "weekday.5": "samedi",
    "weekday.6": "dimanche",
}
