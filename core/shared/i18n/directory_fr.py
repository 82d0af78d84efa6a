"""French messages of the directory, suggestions and stats."""

MESSAGES: dict[str, str] = {
    # Commandes
    "help.profile": "renseigner mon métier, mes mots-clés et ma présentation",
    "help.profile.long": "Les membres vous trouvent par votre profil : /members le cherche, "
    "et /refer ? BESOIN propose les membres dont le profil correspond au besoin d'un client. "
    "Le métier d'abord, puis les mots-clés et une présentation en une ligne, séparés par |.",
    "help.members": "l'annuaire des membres, ou y chercher",
    "help.members.long": "Le métier, la présentation, l'ancienneté, la note de qualité et "
    "les recommandations données de chacun. Ajoutez des mots pour voir d'abord les membres "
    "dont le profil y correspond le mieux (accents, majuscules et pluriels sont ignorés). "
    "/refer ? BESOIN propose trois membres pour le besoin d'un client.",
    "help.stats": "les chiffres du réseau et leur graphique",
    "help.stats.long": "/stats month|quarter|year : recommandations données, acceptées, "
    "gagnées et perdues, affaires conclues, commissions, taux de transformation, délai du "
    "premier contact, avis et membres les plus généreux, avec un graphique. /stats me : les "
    "miens, avec mon voyant d'activité. /stats activity : les voyants d'activité (les "
    "administrateurs voient ceux de tous). /stats export (administrateurs) : les "
    "recommandations et le registre des commissions en fichiers CSV. /stats pairs "
    "(administrateurs) : le dernier tour de binômes et combien se sont vus.",
    "param.keywords": "mots-clés",
    "param.keywords.label": "Mots-clés",
    "param.keywords.hint": "Ce que vous faites, avec les mots d'un membre : comptabilité, "
    "paie, TVA.",
    "param.pitch": "présentation",
    "param.pitch.label": "Présentation en une ligne",
    "param.words": "mots",
    "param.period": "période",
    "form.profile": "Mon profil",
    # Profil et annuaire
    "error.profession_required": "Indiquez d'abord votre métier : /profile MÉTIER | "
    "MOTS-CLÉS | PRÉSENTATION.",
    "profile.saved": "Votre profil est enregistré.",
    "profile.same_profession": "{members} a déjà indiqué ce métier : le réseau garde un "
    "membre par métier, un administrateur pourra vous demander de préciser vos spécialités.",
    "profile.how_found": "Les membres vous trouvent avec {members} et quand ils demandent "
    "des suggestions.",
    "members.title": "Membres du réseau {network} ({count})",
    "members.line": "{name} : {profession}",
    "members.no_profession": "pas encore de profil",
    "members.matched": "(mots trouvés : {words})",
    "members.none_found": "Aucun profil de membre ne correspond à « {words} ».",
    "members.set_yours": "Vous n'avez pas encore de profil : {profile} MÉTIER | MOTS-CLÉS | "
    "PRÉSENTATION.",
    # Suggestions
    "error.suggest_needs_words": "Dites ce dont le client a besoin : {refer} ? comptabilité "
    "d'un restaurant.",
    "suggest.title": "Qui correspond à « {need} »",
    "suggest.line": "{position}. {name} : {profession} (mots trouvés : {words} ; qualité "
    "{quality})",
    "suggest.how": "Pour recommander le client : {refer} @{name} CLIENT | BESOIN",
    "suggest.none": "Aucun profil de membre ne correspond à « {need} ». Parcourez "
    "l'annuaire avec {members}.",
    # Chiffres
    "stats.title": "{network} : {period}, à ce jour",
    "stats.title_me": "{name} : {period}, à ce jour",
    "stats.month_names": "janvier février mars avril mai juin juillet août septembre "
    "octobre novembre décembre",
    "stats.quarter": "T{n} {year}",
    "stats.given": "Recommandations données",
    "stats.received": "Recommandations reçues",
    "stats.accepted": "Acceptées",
    "stats.won_lost": "Gagnées / perdues",
    "stats.won_lost_value": "{won} / {lost}",
    "stats.closed": "Affaires conclues (HT)",
    "stats.closed_mine": "Affaires que j'ai conclues (HT)",
    "stats.commissions": "Commissions dues / payées",
    "stats.commissions_owed": "Commissions que je dois : dues / payées",
    "stats.commissions_earned": "Commissions qui me sont dues : dues / payées",
    "stats.commissions_value": "{due} / {paid}",
    "stats.conversion": "Taux de transformation",
    "stats.contact_days": "Jours avant le premier contact (médiane)",
    "stats.feedback": "Avis moyen",
    "stats.feedback_received": "Avis reçus",
    "stats.givers": "Membres les plus généreux",
    "stats.giver": "{name} ({count})",
    "stats.lights_value": "{green} vert, {amber} orange, {red} rouge",
    "stats.footer": "{stats} quarter ou {stats} year pour une période plus longue ; "
    "{stats} me pour les vôtres.",
    "stats.footer_admin": "{stats} activity liste le voyant de chacun ; {stats} export donne "
    "les recommandations et le registre des commissions en CSV.",
    "stats.light": "Voyant d'activité (six mois)",
    "stats.light_title_me": "{name} : activité sur six mois",
    "stats.lights_title": "{network} : activité sur six mois",
    "stats.light_line": "{name} : {text}",
    "stats.light_rule": "Le voyant pèse les six derniers mois : recommandations données "
    "(une par mois, c'est vert), recommandations reçues auxquelles on a répondu, avis donnés "
    "quand ils sont demandés, avis reçus.",
    "light.green": "🟢 vert",
    "light.amber": "🟠 orange",
    "light.red": "🔴 rouge",
    "light.details": "{light} : recommandations données {given} (attendu : {expected}), "
    "réponse aux recommandations reçues {answered}/{received}, avis donnés quand ils étaient "
    "demandés {followups_answered}/{followups}, avis reçus {feedback}",
    "stats.exported": "Les fichiers du trésorier (montants HT, dates à l'heure du réseau). "
    "Recommandations : {referrals} ; lignes de commission : {commissions}.",
    # Graphique
    "chart.title": "Recommandations et affaires conclues, {who} ({first} à {last})",
    "chart.month_names": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    "chart.month_axis": "Mois",
    "chart.referrals_axis": "Recommandations données",
    "chart.business_axis": "Affaires conclues ({currency}, HT)",
    # Bilan mensuel
    "digest.title": "{network} : {period} en chiffres",
    "digest.thanks": "Merci à nos membres les plus généreux : {givers}. Qui donne reçoit !",
    "digest.no_referrals": "Aucune recommandation le mois dernier : qui donnera la première "
    "ce mois-ci ?",
    "digest.footer": "{stats} montre les chiffres à tout moment.",
    "members.separator": " ; ",
    "members.quality": "qualité {quality}",
    "members.quality_value": "{score}/5 ({count})",
    "suggest.line_new": "{position}. {name} : {profession} (mots trouvés : {words})",
    "light.details_no_feedback": "{light} : recommandations données {given} (attendu : "
    "{expected}), réponse aux recommandations reçues {answered}/{received}, avis donnés "
    "quand ils étaient demandés {followups_answered}/{followups}, pas encore d'avis reçu",
}

# Messages that depend on a count (the `count` parameter), one text per CLDR
# plural category of the language: `one` and `other`, `many` where it differs.
PLURALS: dict[str, dict[str, str]] = {
    "members.title_search": {
        "one": "Membres pour « {words} » ({count} trouvé)",
        "other": "Membres pour « {words} » ({count} trouvés)",
    },
    "members.given": {
        "one": "{count} recommandation donnée",
        "other": "{count} recommandations données",
    },
    "members.seniority": {
        "one": "membre depuis le {since} ({count} mois)",
        "other": "membre depuis le {since} ({count} mois)",
    },
    "members.more_found": {
        "one": "{count} autre correspond moins bien : ajoutez des mots pour affiner.",
        "other": "{count} autres correspondent moins bien : ajoutez des mots pour affiner.",
    },
    "members.more": {
        "one": "{count} autre membre : ajoutez des mots pour chercher dans l'annuaire.",
        "other": "{count} autres membres : ajoutez des mots pour chercher dans l'annuaire.",
    },
    "members.without_profile": {
        "one": "{count} membre n'a pas encore de profil.",
        "other": "{count} membres n'ont pas encore de profil.",
    },
    "stats.conversion_value": {
        "one": "{percent} de réussite ({won} sur {count} recommandation tranchée)",
        "other": "{percent} de réussite ({won} sur {count} recommandations tranchées)",
    },
    "stats.days": {
        "one": "{count} jour",
        "other": "{count} jours",
    },
    "stats.days_value": {
        "one": "{days} (sur {count} recommandation)",
        "other": "{days} (sur {count} recommandations)",
    },
    "stats.feedback_value": {
        "one": "{score}/5 ({count} note)",
        "other": "{score}/5 ({count} notes)",
    },
    "stats.lights_more": {
        "one": "{count} autre membre n'est pas listé.",
        "other": "{count} autres membres ne sont pas listés.",
    },
}
