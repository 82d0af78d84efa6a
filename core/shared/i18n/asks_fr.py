"""Messages en français des demandes de la semaine, des remerciements et de la réciprocité."""

MESSAGES: dict[str, str] = {
    # Commandes
    "help.ask": "définir ma demande de la semaine, ou la voir",
    "help.ask.long": "/ask TEXTE définit votre demande de la semaine : la recommandation que "
    "vous cherchez, aussi précise que possible (« une introduction auprès du responsable des "
    "services généraux d'un hôtel à Lyon »). Une nouvelle demande remplace la précédente ; "
    "/ask seul montre la vôtre et les précédentes ; /ask effacer la retire. Une demande reste "
    "d'actualité ask-weeks semaines et elle est publiée dans le canal des annonces le jour "
    "asks-day, avec les membres qui pourraient aider.",
    "help.asks": "les demandes en cours du réseau",
    "help.asks.long": "La demande en cours de chaque membre, avec les membres dont le profil "
    "ou les recommandations passées laissent penser qu'ils pourraient aider.",
    "help.thanks": "remercier l'apporteur d'une affaire gagnée, dans le canal des annonces",
    "help.thanks.long": "/thanks N | message publie vos remerciements pour la recommandation N "
    "dans le canal des annonces, sans le montant ; /thanks N montant | message indique aussi "
    "le montant conclu. Seul le destinataire d'une recommandation gagnée peut remercier, une "
    "fois ; l'apporteur en est aussi prévenu en privé.",
    "param.ask": "TEXTE",
    "param.ask.label": "Ma demande de la semaine",
    "param.ask.hint": "La recommandation que vous cherchez, aussi précise que possible.",
    "param.show_amount": "montant",
    "param.show_amount.label": "Indiquer le montant conclu",
    "param.message": "MESSAGE",
    "param.message.label": "Message",
    "setting.asks-day": "Quand les demandes de la semaine sont publiées (jour et heure, ou off)",
    "setting.ask-weeks": "Semaines pendant lesquelles une demande reste d'actualité",
    "error.invalid_ask_weeks": "{value} n'est pas un nombre de semaines entre 1 et 52.",
    # Demandes
    "asks.quoted": "« {ask} » ({date})",
    "asks.inline": " ; demande de la semaine : {ask}",
    "asks.saved": "Votre demande de la semaine est enregistrée : {ask}",
    "asks.when_posted": "Elle sera publiée avec les demandes de la semaine le {at}, avec les "
    "membres qui pourraient aider.",
    "asks.listed": "Les membres la voient avec /asks, dans l'annuaire et dans les suggestions.",
    "asks.cleared": "Votre demande de la semaine est retirée.",
    "asks.nothing_to_clear": "Vous n'avez pas de demande en cours à retirer.",
    "asks.none_mine": "Vous n'avez pas de demande en cours. Dites quelle recommandation vous "
    "cherchez : {ask} TEXTE.",
    "asks.earlier": "Vos demandes précédentes.",
    "asks.mine_title": "Ma demande de la semaine",
    "asks.history_line": "Avant : {ask}",
    "asks.how_to_change": "Un nouveau {ask} TEXTE la remplace ; {ask} effacer la retire. Une "
    "demande reste d'actualité {days} jours au plus.",
    "asks.none": "Aucun membre n'a de demande en cours. Indiquez la vôtre : {ask} TEXTE.",
    "asks.title": "Demandes en cours dans {network} ({count})",
    "asks.weekly_title": "Les demandes de la semaine dans {network} ({count})",
    "asks.line": "{name} : {ask}. {helpers}",
    "asks.helpers": "Pourraient aider : {helpers}.",
    "asks.helper_profile": "{name} ({words})",
    "asks.helper_referrals": "{name} (a déjà apporté des clients de ce genre : {words})",
    "asks.no_helpers": "Aucun profil ne correspond encore : qui connaît quelqu'un ?",
    "asks.more": "Et {count} autres demandes : retrouvez-les toutes avec /asks.",
    "asks.weekly_footer": "Vous pouvez aider ? Apportez le client avec /refer. Votre propre "
    "demande : {ask} TEXTE.",
    "asks.card_field": "Répond à une demande",
    "asks.card_value": "Demande de la semaine de {name} {ask} (mots trouvés : {words})",
    # Remerciements
    "thanks.private": "Merci, {referrer} : votre recommandation a rapporté {amount} "
    "d'affaires à {who}.",
    "thanks.hint": "Remerciez {referrer} devant le réseau : {thanks} {number} | MESSAGE "
    "(ajoutez montant après le numéro pour indiquer le montant).",
    "thanks.title": "Merci !",
    "thanks.public": "{who} remercie {referrer} pour la recommandation n° {number}.",
    "thanks.public_amount": "Affaire conclue : {amount}.",
    "thanks.quote": "« {message} »",
    "thanks.told": "{who} a publié ses remerciements pour votre recommandation n° {number}.",
    "thanks.posted": "Vos remerciements à {referrer} sont publiés dans le canal des annonces :",
    "thanks.sent_privately": "Le réseau n'a pas encore de canal des annonces : {referrer} a "
    "reçu vos remerciements en privé.",
    "error.thanks_receiver_only": "Seul le membre qui a reçu la recommandation n° {number} peut "
    "en remercier l'apporteur.",
    "error.thanks_not_won": "La recommandation n° {number} en est à l'étape « {status} » : on "
    "remercie son apporteur une fois l'affaire gagnée.",
    "error.thanks_already": "Vous avez déjà remercié l'apporteur de la recommandation "
    "n° {number} le {date}.",
    # Réciprocité dans /stats me
    "reciprocity.title": "Mes échanges (depuis le début)",
    "reciprocity.line": "{name} : donné {given} (affaires conclues {given_closed}) ; reçu "
    "{received} (affaires conclues {received_closed})",
    "reciprocity.give_first": "Donner d'abord : ils m'ont apporté des affaires que je ne leur "
    "ai jamais rendues",
    "reciprocity.give_first_line": "{name}, qui m'en a apporté {count} : {ask}",
    "reciprocity.no_ask": "pas de demande en cours (voir son profil avec /members)",
    "reciprocity.more": "et {count} de plus",
}
