"""French messages."""

MESSAGES: dict[str, str] = {
    # Errors
    "error.generic": "Cela n'a pas fonctionné.",
    "error.unexpected": "Un problème est survenu de notre côté ; rien n'a été modifié. "
    "Réessayez, et prévenez un administrateur si cela se reproduit.",
    "error.restarted": "Apport a redémarré pendant sa réponse à {command}. La demande a bien "
    "été traitée : vérifiez le résultat avant de la refaire.",
    "error.usage": "Utilisation : {usage}",
    "error.unknown_command": "Commande inconnue : {name}. Tapez /help pour voir ce que je sais "
    "faire.",
    "error.not_a_member": "{name} n'est pas membre de ce réseau.",
    "error.not_allowed": "Vous n'avez pas le droit de faire cela.",
    "error.admin_only": "Seuls les administrateurs du réseau peuvent faire cela.",
    "error.unclaimed.platform_admin": "Apport n'a pas encore d'administrateur ici : seul un "
    "administrateur de cet espace peut le mettre en place. Demandez-lui de lancer /network.",
    "error.unclaimed.server_manager": "Seul un gestionnaire du serveur peut mettre Apport en "
    "place ici : demandez-lui de lancer /network.",
    "error.unclaimed.workspace_admin": "Seul un propriétaire ou un administrateur de l'espace "
    "de travail peut mettre Apport en place ici : demandez-lui de lancer /network.",
    "error.invalid_value": "{value} n'est pas une valeur valide.",
    "error.invalid_amount": "{value} n'est pas un montant valide : indiquez un nombre positif avec "
    "au plus deux décimales, par exemple 5000 ou 1250,50.",
    "error.text_too_long": "Le champ « {field} » est trop long ({length} caractères ; "
    "{limit} au maximum).",
    "error.self_referral": "Vous ne pouvez pas vous recommander un client à vous-même.",
    "error.referral_not_found": "Il n'y a pas de recommandation n° {number} dans ce réseau.",
    "error.not_your_referral": "La recommandation n° {number} ne vous concerne pas.",
    "error.wrong_actor_receiver": "Seul le membre qui a reçu la recommandation n° {number} "
    "peut la marquer « {target} ».",
    "error.wrong_actor_referrer": "Seul l'apporteur de la recommandation n° {number} peut la "
    "marquer « {target} ».",
    "error.illegal_transition": "La recommandation n° {number} est au statut « {status} » : "
    "elle ne peut pas être marquée « {target} » pour l'instant.",
    "error.charter_not_accepted": "Veuillez d'abord accepter la charte (version {version}) : "
    "lisez-la avec /charter, puis tapez /charter accept.",
    "error.invalid_commission_rule": "{value} n'est pas une règle de commission. Exemples : "
    "10%, 150, 10% min 50 max 2000, none.",
    "error.invalid_choice": "{value} ne fait pas partie des choix possibles : {choices}.",
    "error.invalid_currency": "{value} n'est pas un code de devise (trois lettres, par exemple "
    "EUR).",
    "error.invalid_timezone": "{value} n'est pas un fuseau horaire (par exemple Europe/Paris).",
    "error.invalid_name": "Un nom doit comporter de 1 à 100 caractères.",
    "error.invalid_temperature": "La température est un nombre entier de 1 à 5, pas {value}.",
    "error.invalid_client": "Le client doit avoir un nom.",
    "error.invalid_number": "{value} n'est pas un numéro comme 3 ou n° 3.",
    "error.won_needs_amount": "Indiquez le montant conclu, HT : /referral {number} won MONTANT.",
    "error.wrong_currency": "{value} n'est pas dans la devise du réseau : les montants sont en "
    "{currency}.",
    "error.refer_to_owner": "La relation avec {client} appartient déjà à {owner} : {owner} "
    "devrait une commission sur son propre client. Recommandez-le à un autre membre.",
    "error.correct_receiver_or_admin": "Seul le membre qui a reçu la recommandation n° {number}, "
    "ou un administrateur, peut en corriger le montant.",
    "error.correct_not_won": "La recommandation n° {number} est {status} : seul le montant d'une "
    "recommandation gagnée peut être corrigé.",
    "error.correct_usage": "Indiquez le montant corrigé et le motif : /referral {number} correct "
    "MONTANT | motif.",
    "error.correct_same": "La recommandation n° {number} est déjà conclue pour {amount}.",
    "error.section_empty": "La section « {section} » ne peut pas être vide.",
    "error.last_admin": "Le réseau doit garder au moins un administrateur : attribuez d'abord "
    "ce rôle à quelqu'un d'autre.",
    "error.invalid_offset": "{value} n'est pas une durée : utilisez +14d, +3h ou +30m.",
    # Parameters (usage lines and form labels)
    "param.receiver": "membre",
    "param.receiver.label": "Recommander à",
    "param.receiver.hint": "Laissez vide pour voir quels membres correspondent au besoin.",
    "param.client": "client",
    "param.client.label": "Client",
    "param.client.hint": "Le client a accepté d'être contacté : publier la recommandation "
    "le confirme.",
    "param.need": "besoin",
    "param.need.label": "Besoin",
    "param.need.hint": "Le besoin du client, en quelques mots.",
    "param.value": "valeur estimée",
    "param.value.label": "Valeur estimée (HT)",
    "param.value.hint": "Facultatif.",
    "param.temperature": "température 1-5",
    "param.temperature.label": "Température (de 1 à 5)",
    "param.temperature.hint": "1 = coordonnées transmises avec son accord, 3 = le client attend "
    "l'appel, 5 = présenté en personne.",
    "param.number": "N",
    "param.action": "action",
    "param.note": "note",
    "param.amount": "MONTANT",
    "param.filter": "filtre",
    "param.members": "règles entre membres",
    "param.members.label": "Première partie : règles entre membres",
    "param.clients": "engagements envers les clients",
    "param.clients.label": "Deuxième partie : qualité envers les clients",
    "param.remuneration": "rémunération",
    "param.remuneration.label": "Rémunération",
    "param.rule": "10% [min 50] [max 2000] | 150 | none",
    "param.member.label": "Membre concerné (mention ou nom)",
    "param.member": "membre",
    "param.role": "rôle",
    "param.remove": "remove",
    "param.setting_value": "valeur",
    "param.key": "paramètre",
    "param.topic": "commande",
    "form.refer": "Recommander un client",
    "form.charter.edit": "Modifier la charte",
    "form.submit": "Valider",
    # Actions
    "action.accept": "Accepter",
    "action.decline": "Refuser",
    "action.cancel": "Annuler",
    "action.contacted": "Client contacté",
    "action.won": "Gagnée",
    "action.lost": "Perdue",
    "action.paid": "Commission reçue",
    "action.charter_accept": "Accepter la charte",
    "action.charter_read": "Lire la charte",
    # Referral statuses
    "status.offered": "proposée",
    "status.accepted": "acceptée",
    "status.declined": "refusée",
    "status.cancelled": "annulée",
    "status.contacted": "client contacté",
    "status.won": "gagnée",
    "status.lost": "perdue",
    "status.paid": "commission payée",
    # Referral card
    "field.from": "De",
    "field.to": "À",
    "field.client_owner": "Titulaire de la relation client",
    "field.need": "Besoin",
    "field.status": "Statut",
    "field.temperature": "Température",
    "field.estimated_value": "Valeur estimée",
    "field.closed_amount": "Montant conclu (HT)",
    "field.commission_due": "Commission due",
    "field.commission_paid": "Commission payée",
    "field.charter_version": "Version de la charte",
    "temperature.value": "{n}/5 : {meaning}",
    "temperature.1": "coordonnées transmises avec l'accord du client",
    "temperature.2": "le client sait que vous allez l'appeler",
    "temperature.3": "le client attend votre appel",
    "temperature.4": "le client vous attend, chaleureusement recommandé",
    "temperature.5": "présentation en personne",
    "history.line": "{at} {who} : {status}",
    "referral.title": "Recommandation n° {number} : {client}",
    "referral.no_commission": "aucune commission due",
    # Posting and moving referrals
    "refer.sent": "Recommandation n° {number} pour {client} envoyée à {receiver}.",
    "refer.owned_by": "La relation avec {client} appartient à {owner}, et elle le reste.",
    "moved.accept": "Vous avez accepté la recommandation n° {number}. Tenez l'apporteur informé.",
    "moved.decline": "Vous avez refusé la recommandation n° {number}.",
    "moved.cancel": "Vous avez annulé la recommandation n° {number}.",
    "moved.contacted": "Recommandation n° {number} : client contacté.",
    "moved.won": "Recommandation n° {number} gagnée. Commission due à l'apporteur : {due}.",
    "moved.lost": "Recommandation n° {number} marquée perdue.",
    "moved.paid": "Commission de {due} pour la recommandation n° {number} marquée payée.",
    "moved.won_settled": "Recommandation n° {number} gagnée. La charte ne prévoit pas de "
    "commission : la recommandation est close.",
    "moved.correct": "Recommandation n° {number} corrigée : {old} devient {amount} ; commission "
    "{old_due} devient {due}. Les deux parties sont prévenues.",
    "notice.new_referral": "{referrer} vous transmet une nouvelle recommandation, n° {number} "
    ": {client}.",
    "notice.owner_client_referred": "Votre client {client} a été recommandé par {referrer} à "
    "{receiver} (recommandation n° {number}). La relation client reste la vôtre.",
    "notice.accept": "{who} a accepté votre recommandation n° {number}.",
    "notice.decline": "{who} a refusé votre recommandation n° {number}.",
    "notice.cancel": "{who} a annulé la recommandation n° {number}.",
    "notice.contacted": "{who} a contacté le client de la recommandation n° {number}.",
    "notice.won": "{who} a gagné la recommandation n° {number} pour {amount}. "
    "Commission qui vous est due : {due}.",
    "notice.lost": "{who} a perdu la recommandation n° {number}.",
    "notice.paid": "{who} confirme avoir reçu la commission de {due} pour la recommandation "
    "n° {number}.",
    "notice.paid_by_admin": "Un administrateur a confirmé le versement de la commission de {due} "
    "pour la recommandation n° {number}.",
    "notice.won_settled": "{who} a gagné la recommandation n° {number} pour {amount}. La charte "
    "ne prévoit pas de commission : la recommandation est close.",
    "notice.corrected": "{who} a corrigé le montant de la recommandation n° {number} : {old} "
    "devient {amount} ; commission {old_due} devient {due} (déjà versé : {paid}). Motif : "
    "{reason}",
    "notice.corrected_balance": "Reste à régler entre vous : {balance}.",
    "notice.charter_new_version": "{admin} a publié la version {version} de la charte "
    "(commission : {rule}). Merci de la lire et de l'accepter.",
    "notice.role_granted": "{admin} vous a attribué le rôle {role}.",
    "notice.role_removed": "{admin} vous a retiré le rôle {role}.",
    # Ledger and clients
    "referrals.title": "Mes recommandations",
    "referrals.title.given": "Recommandations que j'ai données",
    "referrals.title.received": "Recommandations que j'ai reçues",
    "referrals.title.open": "Mes recommandations en cours",
    "referrals.none": "Aucune recommandation pour l'instant. Transmettez un client avec /refer.",
    "referrals.line_given": "N° {number}, transmise à {other} : {client}, {status} ; conclu "
    "{amount}, commission due {due}, payée {paid}",
    "referrals.line_received": "N° {number}, transmise par {other} : {client}, {status} ; "
    "conclu {amount}, commission due {due}, payée {paid}",
    "clients.title": "Mes clients",
    "clients.explain": "Vous êtes titulaire de la relation avec ces clients : les membres à qui "
    "vous les recommandez ne doivent pas vous les prendre.",
    "clients.none": "Vous n'avez encore apporté aucun client au réseau.",
    "clients.line": "{client} (depuis le {since})",
    # Charter
    "charter.title": "Charte du réseau {network}, version {version} ({date})",
    "charter.section.members": "Première partie : règles entre membres",
    "charter.section.clients": "Deuxième partie : engagements de qualité envers les clients",
    "charter.section.remuneration": "Rémunération",
    "charter.commission_rule": "Règle de commission",
    "charter.accepted": "Vous avez accepté cette version.",
    "charter.not_accepted": "Vous n'avez pas encore accepté cette version : /charter accept.",
    "charter.already_accepted": "Vous aviez déjà accepté la version {version} de la charte.",
    "charter.accepted_now": "Merci : vous avez accepté la version {version} de la charte.",
    "charter.history_title": "Versions de la charte",
    "charter.history_line": "Version {version}, {date}, par {who} — commission : {rule} ; "
    "acceptée par {accepted}",
    "charter.default_author": "Apport (charte par défaut)",
    "charter.published": "La version {version} de la charte est publiée (commission : {rule}). "
    "En la publiant, vous l'acceptez ; chaque autre membre est invité à l'accepter.",
    "charter.unchanged": "Ce sont déjà le texte et la commission de la version {version} en "
    "vigueur : rien n'a été publié, et les membres n'ont pas à l'accepter de nouveau.",
    "commission.none": "aucune",
    "commission.flat": "forfait de {amount} par affaire conclue",
    "commission.percent": "{rate} % du montant conclu HT",
    "commission.min": ", minimum {amount}",
    "commission.max": ", maximum {amount}",
    # Network settings and roles
    "network.title": "Réseau {network}",
    "network.how_to_change": "Les administrateurs modifient un paramètre avec /network set CLÉ "
    "VALEUR et les rôles avec /network role @membre RÔLE [remove].",
    "network.member_count": "Membres",
    "network.set": "Le paramètre {key} vaut désormais {value}.",
    "network.role_granted": "{member} a désormais le rôle {role}.",
    "network.role_removed": "{member} n'a plus le rôle {role}.",
    "network.role_present": "{member} a déjà le rôle {role}.",
    "network.role_absent": "{member} n'a pas le rôle {role}.",
    "setting.name": "Nom",
    "setting.locale": "Langue",
    "setting.currency": "Devise",
    "setting.timezone": "Fuseau horaire",
    "value.on": "activé",
    "value.off": "désactivé",
    "role.admin": "administrateur",
    "role.recruiter": "recruteur",
    "role.experienced": "expérimenté",
    "role.member": "membre",
    "role.admin.plural": "Administrateurs",
    "role.recruiter.plural": "Recruteurs",
    "role.experienced.plural": "Membres expérimentés",
    # Help
    "help.title": "Ce que je sais faire ici",
    "help.intro": "Apport suit les recommandations que les membres se transmettent, les "
    "commissions dues, le titulaire de chaque relation client et la charte du réseau. Les champs "
    "saisis en ligne sont séparés par |. /help COMMANDE en dit plus.",
    "help.refer": "transmettre un client à un membre (sans texte, ouvre le formulaire)",
    "help.refer.long": "Publier une recommandation confirme que le client a accepté d'être "
    "contacté. Température (ce que vous avez fait, de 1 à 5) : 1 = coordonnées transmises avec "
    "l'accord du client, 3 = le client attend l'appel, 5 = présentation en personne. Le premier "
    "membre à recommander un client est titulaire de la relation. Vous ne savez pas à qui "
    "l'adresser ? /refer ? BESOIN propose trois membres pour le besoin du client.",
    "help.referral": "afficher une recommandation, ou la faire avancer",
    "help.referral.long": "Le membre qui l'a reçue l'accepte (accept) ou la refuse (decline), "
    "indique le contact (contacted), puis won AMOUNT (HT) ou lost ; l'apporteur peut l'annuler "
    "(cancel) tant qu'elle est proposée, et confirme avec paid que la commission a été reçue. "
    "Le destinataire corrige un montant gagné avec correct MONTANT | motif (pendant "
    "correction-days ; un administrateur à tout moment).",
    "help.referrals": "mes recommandations et les commissions",
    "help.referrals.long": "Recommandations données, reçues ou en cours, avec les montants "
    "conclus et les commissions dues et payées.",
    "help.clients": "les clients dont je suis titulaire de la relation",
    "help.clients.long": "Un client appartient au membre qui l'a recommandé le premier.",
    "help.charter": "la charte du réseau",
    "help.charter.long": "La lire, l'accepter, voir ses versions. Les administrateurs fixent la "
    "commission (10%, 150, 10% min 50 max 2000, none) ou modifient le texte ; chaque nouvelle "
    "version doit être acceptée à nouveau.",
    "help.network": "paramètres et rôles",
    "help.network.long": "Tout le monde peut consulter les paramètres ; les administrateurs les "
    "modifient et attribuent les rôles.",
    "help.help": "cette liste",
    "help.help.long": "/help COMMANDE explique une commande.",
    "ui.field_separator": " : ",
    # Console
    "console.welcome": "Console Apport, réseau {network}. Vous êtes {name}. /help liste les "
    "commandes ; /as NOM change d'identité, /clock +14d avance le temps, /quit pour quitter.",
    "console.as": "Vous êtes maintenant {name}.",
    "console.clock": "Heure du réseau : {time}.",
    "console.form": "Remplissez les champs en ligne :",
    "console.extra_help": "/as NOM : agir en tant qu'un autre membre (créé à la première "
    "utilisation). /clock [+14d|+3h|+30m] : afficher ou avancer l'horloge du réseau. "
    "/quit : quitter.",
    "console.file_written": "Fichier écrit : {path}",
    "console.bye": "Au revoir.",
    "console.not_command": "Les commandes commencent par /. Tapez /help pour les voir.",
    "console.as_usage": "Usage : /as NOM",
    "error.invalid_schedule": "{value} n'est pas un horaire hebdomadaire : indiquez un jour et "
    "une heure, par exemple lun 09:00, ou off.",
    "error.invalid_days": "{value} n'est pas un nombre de jours entre 1 et 365.",
    "error.invalid_channel": "{value} n'est pas un canal.",
    "error.feedback_not_referrer": "Seul l'apporteur de la recommandation n° {number} peut donner "
    "son avis dessus.",
    "error.feedback_too_soon": "La recommandation n° {number} est au statut « {status} » : l'avis "
    "vient une fois qu'elle a été acceptée.",
    "setting.charter-required": "Charte obligatoire pour recommander",
    "setting.followup-days": "Jours avant de demander si le client a été bien servi",
    "setting.charter-reminder": "Rappel de la charte (hebdomadaire)",
    "setting.announcements-channel": "Canal des annonces",
    "setting.recruiters-channel": "Canal des recruteurs",
    "param.amount.label": "Montant conclu (HT)",
    "param.number.label": "Numéro de la recommandation",
    "param.score": "note 1-5|later",
    "param.score.label": "Le client a-t-il été bien servi ? (1 à 5)",
    "param.comment": "commentaire",
    "param.comment.label": "Commentaire",
    "param.comment.hint": "Facultatif.",
    "form.feedback": "Noter une recommandation",
    "action.feedback_later": "Trop tôt pour le dire",
    "quality.inline": "{name} ({score}/5, {count} avis)",
    "quality.mine": "Ma note de qualité : {score}/5 sur {count} avis.",
    "followup.feedback": "{client} a-t-il été bien servi par {member} ? (recommandation n° "
    "{number})",
    "followup.feedback_how": "Répondez par une note de 1 à 5, ou /feedback {number} NOTE "
    "[commentaire].",
    "feedback.recorded": "Merci : {score}/5 enregistré pour la recommandation n° {number}. "
    "{member} a maintenant {average}/5 sur {count} avis.",
    "notice.low_feedback": "Avis faible : {referrer} a donné {score}/5 à {member} pour la "
    "recommandation n° {number}. La qualité envers les clients est la deuxième partie de la "
    "charte.",
    "notice.feedback": "{referrer} vous a donné {score}/5 pour la recommandation n° {number}.",
    "reminder.charter_dm": "Vous n'avez pas encore accepté la version {version} de la charte : "
    "merci de la lire et de l'accepter.",
    "reminder.charter_title": "La règle de la semaine ({n}/{total})",
    "alert.delivery_failed": "Un message ({kind}) pour {recipient} n'a pas pu être remis après "
    "plusieurs tentatives : {reason}",
    "help.feedback": "dire si le client a été bien servi",
    "help.feedback.long": "L'apporteur note de 1 à 5 la façon dont le client a été servi, avec un "
    "commentaire facultatif ; later repose la question dans une semaine. Une note de 2 ou moins "
    "alerte les administrateurs.",
    "home.title": "{name} dans {network}",
    "home.charter": "Charte",
    "home.waiting": "En attente de moi",
    "home.open_given": "Mes recommandations en cours",
    "home.clients": "Mes clients",
    "home.quality": "Ma note de qualité",
    "home.waiting_line": "N° {number} {client} : {status}",
    "home.nothing_waiting": "Rien ne vous attend.",
    "help.home": "ce qui m'attend",
    "help.home.long": "Les recommandations qui attendent votre réponse ou votre confirmation, vos "
    "recommandations en cours, vos clients, votre note de qualité et si vous avez accepté la "
    "charte.",
    "error.candidate_not_found": "Il n'y a pas de candidat n° {number} dans ce réseau.",
    "error.recruiters_vote": "Seuls les recruteurs votent sur les candidats (les administrateurs "
    "aussi ont besoin du rôle de recruteur).",
    "error.recruiters_only": "Seuls les recruteurs (et les administrateurs) peuvent faire cela.",
    "error.candidate_stage": "Le candidat n° {number} est à l'étape « {stage} » : ce n'est pas "
    "possible maintenant.",
    "error.interviewers_same": "Les deux enquêteurs doivent être deux membres différents.",
    "error.interviewer_is_sponsor": "{name} parraine ce candidat et ne peut pas le recevoir en "
    "entretien.",
    "error.interviewer_not_experienced": "{name} n'est pas encore un membre expérimenté.",
    "error.not_interviewer": "Vous ne menez pas d'entretien avec le candidat n° {number}.",
    "error.no_exclusivity_conflict": "Le candidat n° {number} n'a pas de conflit de métier à "
    "lever.",
    "error.exclusivity_blocks": "Le métier du candidat n° {number} est déjà tenu par {holder} : "
    "un recruteur doit d'abord lever le blocage avec un motif (/candidate {number} override | "
    "motif).",
    "error.sponsor_cannot_vote": "Vous parrainez le candidat n° {number} : vous ne votez pas pour "
    "votre propre candidat.",
    "error.sponsor_or_admin": "Seul le parrain ou un administrateur peut faire cela.",
    "error.sponsor_own_candidate": "Vous parrainez le candidat n° {number} : ce sont les autres "
    "recruteurs qui ouvrent, closent et décident le vote sur votre candidat.",
    "error.vote_not_ready": "Le vote sur le candidat n° {number} ne peut pas encore s'ouvrir. Il "
    "manque : {missing}.",
    "error.interviewer_no_charter": "{name} n'a pas accepté la charte en vigueur et ne peut pas "
    "encore mener d'entretien.",
    "error.interviewer_same_profession": "{name} exerce le métier du candidat ({profession}) et "
    "ne peut pas le recevoir en entretien.",
    "error.candidate_duplicate": "{name} ({profession}) est déjà candidat : n° {number}.",
    "error.candidate_already_linked": "Le candidat n° {number} est déjà rattaché au membre "
    "{member}.",
    "error.link_has_profession": "{member} a déjà un métier ({profession}) : seul le nouveau "
    "compte ouvert par le candidat peut lui être rattaché.",
    "error.link_existing_member": "{member} est membre depuis le {since}, avant la proposition du "
    "candidat n° {number} : seul le nouveau compte ouvert par le candidat peut lui être rattaché.",
    "error.invalid_fraction": "{value} n'est pas une proportion : utilisez 1/2, 2/3 ou 60%.",
    "param.name": "nom",
    "param.name.label": "Nom du candidat",
    "param.profession": "métier",
    "param.profession.label": "Métier",
    "param.previous": "réseaux précédents et raison du départ",
    "param.previous.label": "Réseaux précédents et raison du départ",
    "param.previous.hint": "Écrivez aucun s'il n'y en a pas eu.",
    "param.candidate": "N",
    "param.candidate.label": "Numéro du candidat",
    "param.first": "enquêteur",
    "param.second": "enquêteur",
    "param.recommendation": "recommandation",
    "param.recommendation.label": "Avis (admit, reject, unsure)",
    "param.notes": "notes",
    "param.notes.label": "Notes",
    "param.ethics": "éthique",
    "param.ethics.label": "Éthique : respecte-t-il la charte ?",
    "param.generosity": "générosité",
    "param.generosity.label": "Générosité : partage-t-il les affaires ?",
    "param.previous_networks": "réseaux précédents",
    "param.previous_networks.label": "Ce qu'il a dit de ses réseaux précédents",
    "param.reason": "motif",
    "param.ballot": "vote",
    "form.candidate": "Proposer un candidat",
    "form.candidate.report": "Compte rendu d'entretien",
    "candidate.title": "Candidat n° {number} : {name} ({profession})",
    "candidate.holder_candidate": "le candidat n° {number} {name}",
    "candidate.proposed_post": "Proposé par {sponsor}. Tout ce qui concerne ce candidat se passe "
    "dans ce fil.",
    "candidate.proposed": "Le candidat n° {number} {name} est proposé ; vous en êtes le parrain.",
    "candidate.assign_by_hand": "Moins de deux membres peuvent mener les entretiens "
    "(expérimentés, charte acceptée, ni le parrain, ni du même métier) : les recruteurs les "
    "désignent avec /candidate {number} interviewers @a @b ; les recruteurs et les "
    "administrateurs sont prévenus.",
    "candidate.exclusivity": "Le métier est déjà tenu par {holder} : l'admission est bloquée sauf "
    "si un recruteur lève le blocage.",
    "candidate.overridden": "Blocage levé : {reason}",
    "candidate.no_interviewers": "pas encore désignés",
    "candidate.report_line": "Compte rendu rédigé par {who} : {recommendation}",
    "candidate.report_hidden": "{who} a déposé son compte rendu : masqué jusqu'à ce que les deux "
    "soient déposés.",
    "candidate.visit_line": "Visite faite par {who}, {at} : {notes}",
    "candidate.history_line": "{at} {who} : {what}",
    "candidate.assigned_post": "Enquêteurs : {names}.",
    "candidate.assigned": "Les enquêteurs du candidat n° {number} sont désignés.",
    "candidate.reports_post": "Les deux comptes rendus d'entretien sont déposés :",
    "candidate.report_saved": "Votre compte rendu sur le candidat n° {number} est enregistré.",
    "candidate.report_amended": "Votre compte rendu sur le candidat n° {number} est modifié.",
    "candidate.report_hidden_until_both": "Il reste masqué jusqu'à ce que l'autre enquêteur "
    "dépose le sien.",
    "candidate.vote_opened": "Le vote sur le candidat n° {number} est ouvert.",
    "candidate.visit_post": "{who} a rendu visite au candidat sur son lieu de travail : {notes}",
    "candidate.visit_saved": "Votre visite au candidat n° {number} est enregistrée.",
    "candidate.override_post": "{who} a levé le conflit de métier : {reason}",
    "candidate.override_saved": "Le conflit de métier du candidat n° {number} est levé.",
    "candidate.vote_post": "Le vote sur {name} est ouvert jusqu'au {deadline}. Recruteurs : oui, "
    "non ou abstention. Le vote est secret : on voit qui a voté, jamais comment.",
    "candidate.voted_post": "{who} a voté ({voted} sur {eligible}).",
    "candidate.vote_saved": "Votre vote sur le candidat n° {number} est enregistré : {ballot}. "
    "Vous pouvez le changer jusqu'à la clôture.",
    "candidate.closed_now": "Le vote sur le candidat n° {number} est clos.",
    "candidate.rule": "Au moins {quorum} des recruteurs votent et le oui atteint {threshold} "
    "des oui + non ; clos car {why}.",
    "candidate.decision_admitted": "{name} (candidat n° {number}) est admis.",
    "candidate.decision_rejected": "{name} (candidat n° {number}) n'est pas admis.",
    "candidate.withdrawn_post": "Candidature retirée par {who}.",
    "candidate.withdrawn": "La candidature n° {number} ({name}) est retirée.",
    "candidate.linked": "{member} est désormais le membre {name}, {profession}, et il est invité "
    "à accepter la charte.",
    "candidate.too_few_post": "Moins de deux membres peuvent recevoir ce candidat en entretien "
    "(expérimentés, charte acceptée, ni le parrain, ni du même métier). Recruteurs : désignez-les "
    "avec /candidate {number} interviewers @a @b.",
    "candidate.missing_interviewers": "deux enquêteurs (/candidate {number} interviewers @a @b)",
    "candidate.missing_report": "le compte rendu que doit déposer {name}",
    "candidate.missing_fit": "{name} ne peut pas mener l'entretien : {why}",
    "candidate.missing_visit": "une visite sur le lieu de travail du candidat (/candidate "
    "{number} visit | notes)",
    "candidate.missing_override": "la levée du conflit de métier par un recruteur, le métier "
    "étant tenu par {holder} (/candidate {number} override | motif)",
    "candidate.missing_separator": " ; ",
    "candidate.process_override_post": "{who} (administrateur) a ouvert le vote sans le "
    "processus complet, en sautant : {missing}. Motif : {reason}",
    "candidate.process_override_saved": "Le vote sur le candidat n° {number} est ouvert sans le "
    "processus complet ; le motif figure sur la fiche et dans le journal d'audit.",
    "candidate.blocked_at_admission": "Non admis : le métier est désormais tenu par {holder} et "
    "aucun recruteur n'a levé le blocage.",
    "unfit.sponsor": "parraine le candidat",
    "unfit.experience": "n'est pas un membre expérimenté",
    "unfit.charter": "n'a pas accepté la charte en vigueur",
    "unfit.profession": "exerce le même métier que le candidat",
    "audit.candidate.linked": "candidat rattaché à un membre",
    "audit.candidate.override_process": "vote ouvert sans le processus complet",
    "audit.candidate.override_exclusivity": "conflit de métier levé",
    "candidates.none": "Aucun candidat en cours. Proposez-en un avec /candidate Nom | métier | "
    "réseaux précédents.",
    "candidates.line": "N° {number} {name}, {profession} : {stage}",
    "candidates.title": "Candidats en cours",
    "notice.interview": "Vous êtes invité à recevoir en entretien {name} ({profession}), candidat "
    "n° {number} parrainé par {sponsor}. Demandez-lui de quels réseaux il a fait partie et "
    "pourquoi il en est parti ; déposez votre compte rendu avec /candidate {number} report "
    "admit|reject|unsure | notes.",
    "notice.reports_in": "Les deux comptes rendus d'entretien sur {name} (candidat n° {number}) "
    "sont déposés.",
    "notice.vote_open": "Le vote sur {name} (candidat n° {number}) est ouvert jusqu'au {deadline}.",
    "notice.too_few_interviewers": "Moins de deux membres peuvent recevoir en entretien {name} "
    "({profession}), candidat n° {number} : un recruteur les désigne avec /candidate {number} "
    "interviewers @a @b.",
    "notice.interview_reminder": "Rappel : votre compte rendu d'entretien sur {name} "
    "({profession}), candidat n° {number}, n'est toujours pas déposé. Déposez-le avec /candidate "
    "{number} report admit|reject|unsure | notes.",
    "notice.vote_reminder": "Rappel : le vote sur {name} (candidat n° {number}) se clôt le "
    "{deadline} et vous n'avez pas encore voté.",
    "notice.welcome": "Bienvenue dans {network} ! Merci de lire la charte et de l'accepter "
    "(version {version}).",
    "field.profession": "Métier",
    "field.sponsor": "Parrain",
    "field.stage": "Étape",
    "field.interviewers": "Enquêteurs",
    "field.exclusivity": "Exclusivité du métier",
    "field.process_override": "Ouvert sans le processus complet",
    "field.voted": "Ont déjà voté",
    "field.deadline": "Clôture du vote",
    "field.tally": "Résultat",
    "field.decision": "Règle appliquée",
    "field.previous_networks": "Réseaux précédents",
    "stage.interviews": "entretiens",
    "stage.vote": "vote",
    "stage.admitted": "admis",
    "stage.rejected": "non admis",
    "stage.withdrawn": "retiré",
    "recommendation.admit": "admettre",
    "recommendation.reject": "refuser",
    "recommendation.unsure": "incertain",
    "ballot.yes": "Oui",
    "ballot.no": "Non",
    "ballot.abstain": "Abstention",
    "report.ethics": "Éthique",
    "report.generosity": "Générosité",
    "report.previous_networks": "Réseaux précédents",
    "report.notes": "Notes",
    "event.proposed": "proposé",
    "event.assigned": "enquêteurs désignés",
    "event.too_few_interviewers": "moins de deux enquêteurs disponibles",
    "event.report_filed": "compte rendu déposé",
    "event.report_amended": "compte rendu modifié",
    "event.visited": "visite enregistrée",
    "event.override": "conflit de métier levé",
    "event.process_override": "vote ouvert sans le processus complet",
    "event.vote_opened": "vote ouvert",
    "event.voted": "a voté",
    "event.vote_changed": "vote modifié",
    "event.admitted": "admis",
    "event.rejected": "non admis",
    "event.withdrawn": "retiré",
    "event.linked": "rattaché à un membre",
    "close.all_voted": "tous les recruteurs ont voté",
    "close.closed_by_recruiter": "un recruteur l'a clos",
    "close.deadline": "l'échéance est passée",
    "action.file_report": "Déposer mon compte rendu",
    "setting.exclusivity": "Un seul membre par métier",
    "setting.experienced-days": "Jours d'ancienneté pour mener un entretien",
    "setting.interview-days": "Jours avant de rappeler son compte rendu à un enquêteur",
    "setting.site-visit": "Le vote attend une visite sur le lieu de travail",
    "setting.vote-days": "Jours d'ouverture d'un vote",
    "setting.quorum": "Quorum de recruteurs",
    "setting.threshold": "Part de oui nécessaire",
    "help.candidate": "proposer et admettre des candidats",
    "help.candidate.long": "Deux membres expérimentés différents, engagés par la charte et "
    "d'un autre métier que le candidat, le reçoivent en entretien ; leurs comptes rendus restent "
    "masqués jusqu'à ce que les deux soient déposés ; le vote s'ouvre alors (après la visite, "
    "quand elle est exigée) et les recruteurs votent à bulletin secret. Le parrain n'ouvre, ne "
    "clôt ni ne vote jamais.",
    "help.candidates": "les candidats en cours et leur étape",
    "help.candidates.long": "Les candidats en entretien ou au vote.",
    "error.invalid_contact": "{value} n'est pas un contact : indiquez une adresse e-mail et/ou un "
    "numéro de téléphone, séparés par une virgule.",
    "error.invalid_months": "{value} n'est pas un nombre de mois entre 1 et 120.",
    "error.breach_not_found": "Il n'y a pas de signalement n° {number} dans ce réseau.",
    "error.report_self": "Vous ne pouvez pas vous signaler vous-même.",
    "error.report_referral_unrelated": "La recommandation n° {number} ne concerne pas {name} : "
    "indiquez une recommandation faite ou reçue par {name}, ou portant sur un client détenu "
    "par {name}, ou n'en indiquez aucune.",
    "error.report_nobody_can_act": "Personne, à part {name}, ne pourrait traiter ce "
    "signalement (aucun autre administrateur, aucun recruteur) : il n'a pas été enregistré. "
    "Demandez qu'un second administrateur soit nommé (/network role @membre admin), puis "
    "signalez à nouveau.",
    "error.breach_state": "Le signalement n° {number} est {state} : ce n'est pas possible "
    "maintenant.",
    "field.contact": "Contact du client (privé)",
    "field.reporter": "Signalé par",
    "field.reported": "Concerne",
    "field.kind": "Manquement",
    "field.what": "Ce qui s'est passé",
    "field.charter_rule": "Règle de la charte concernée",
    "field.referral": "Recommandation",
    "field.state": "État",
    "field.handled_by": "Traité par",
    "param.contact": "contact",
    "param.contact.label": "E-mail et/ou téléphone du client (facultatif)",
    "param.contact.hint": "Visible seulement par vous, le membre recommandé et les "
    "administrateurs.",
    "param.kind": "type",
    "param.kind.label": "Manquement (poaching, unpaid, service, other)",
    "param.what": "ce qui s'est passé",
    "param.what.label": "Ce qui s'est passé",
    "param.referral": "recommandation N",
    "param.referral.label": "Numéro de la recommandation (facultatif)",
    "param.report": "N",
    "param.confirm": "confirm",
    "form.report": "Signaler un manquement",
    "breach.poaching": "débauchage de client",
    "breach.unpaid": "commission impayée",
    "breach.service": "client mal servi",
    "breach.other": "autre",
    "breach_state.open": "ouvert",
    "breach_state.raised": "évoqué avec le membre",
    "breach_state.resolved": "résolu",
    "breach_state.dismissed": "classé sans suite",
    "notice.breach_filed": "Un signalement confidentiel (n° {number}, {kind}) a été déposé. Seuls "
    "les administrateurs le voient.",
    "notice.breach_raised": "{admin}, pour les administrateurs du réseau, évoque avec vous un "
    "signalement vous concernant ({kind}). Merci de prendre contact avec eux. Leur note : "
    "{note}",
    "notice.breach_resolved": "Votre signalement n° {number} est résolu.",
    "notice.breach_dismissed": "Votre signalement n° {number} a été classé sans suite.",
    "notice.breach_filed_recruiters": "Un signalement confidentiel (n° {number}, {kind}) a été "
    "déposé. Il vous revient, à vous les recruteurs :",
    "notice.breach_raised_by": "{admin}, pour les recruteurs du réseau, évoque avec vous un "
    "signalement vous concernant ({kind}). Merci de prendre contact avec eux. Leur note : "
    "{note}",
    "action.read_report": "Lire le signalement",
    "action.breach_raise": "Évoquer avec le membre",
    "action.breach_resolve": "Résoudre",
    "action.breach_dismiss": "Classer sans suite",
    "action.mydata_export": "Exporter mes données",
    "action.mydata_erase": "Effacer mes données",
    "action.mydata_erase_confirm": "Oui, effacer mes données définitivement",
    "report.received": "Votre signalement n° {number} est bien reçu. Il reste confidentiel : "
    "seuls les administrateurs le voient, et vous saurez comment il a été traité.",
    "report.received_recruiters": "Votre signalement n° {number} est bien reçu. Il reste "
    "confidentiel : il est transmis aux recruteurs, car le membre concerné est le seul "
    "administrateur du réseau, et vous saurez comment il a été traité. /reports mine indique où "
    "il en est.",
    "report.why_recruiters": "{name}, le membre signalé, est le seul administrateur du réseau.",
    "report.why_recruiters_no_admin": "Le réseau n'a pas encore d'administrateur.",
    "report.handled_by_recruiters": "les recruteurs. {why}",
    "report.title": "Signalement n° {number}",
    "report.referral_line": "N° {number} {client}, transmise par {referrer} à {receiver}, "
    "{status}",
    "report.history_line": "{at} {who} : {state}",
    "report.raised": "Le signalement n° {number} est évoqué avec le membre concerné.",
    "report.resolved": "Le signalement n° {number} est résolu ; son auteur en est informé.",
    "report.dismissed": "Le signalement n° {number} est classé sans suite ; son auteur en est "
    "informé.",
    "reports.none": "Aucun signalement ouvert.",
    "reports.line": "N° {number} {kind} : signalé par {reporter}, concerne {reported} ({state})",
    "reports.owner": "client détenu par {owner}",
    "reports.title": "Signalements ouverts",
    "reports.mine_title": "Mes signalements",
    "reports.mine_none": "Vous n'avez déposé aucun signalement.",
    "reports.mine_line": "N° {number} {kind} concernant {reported}, déposé le {date} : {state}",
    "mydata.exported": "Voici tout ce qu'Apport conserve sur vous, dans un fichier JSON que vous "
    "seul recevez.",
    "mydata.explain": "/mydata export vous envoie tout ce qu'Apport conserve sur vous. /mydata "
    "erase remplace votre nom par un pseudonyme dans tous les enregistrements ; les chiffres du "
    "réseau restent ; c'est irréversible.",
    "mydata.erase_ask": "L'effacement remplace votre nom par un pseudonyme partout, met fin à vos "
    "rôles et ne peut pas être annulé. Pour confirmer : /mydata erase confirm.",
    "mydata.pseudonym": "Ancien membre {code}",
    "mydata.erased": "C'est fait : vous apparaissez désormais comme {pseudonym} partout. Si vous "
    "utilisez de nouveau Apport, vous repartez comme nouveau membre.",
    "mydata.erase_open": "Vous êtes partie à des recommandations en cours : clôturez-les ou "
    "confiez-les à un autre membre avant d'effacer vos données, pour que personne ne reste à "
    "vous attendre.\n{referrals}\nLe destinataire en clôture une avec /referral N decline, won "
    "ou lost ; l'apporteur retire une offre avec /referral N cancel ; pour la confier à un autre "
    "membre, clôturez-la puis recommandez de nouveau le client. Ensuite : /mydata erase confirm.",
    "mydata.open_line": "n° {number} {client}, avec {other} ({status})",
    "mydata.words_erased": "(effacé avec les données personnelles de son auteur)",
    "mydata.contact_erased": "(contact effacé à la fin de la durée de conservation)",
    "mydata.party_erased": "Recommandation n° {number} ({client}) : l'autre partie a effacé ses "
    "données personnelles et apparaît désormais comme {pseudonym}. La recommandation, son "
    "montant et sa commission restent enregistrés.",
    "network.exported": "Les recommandations et le registre des commissions, en fichier CSV (sans "
    "les contacts des clients).",
    "audit.none": "Le journal d'audit est encore vide.",
    "audit.line": "{at} {who} : {what}",
    "audit.title": "Journal d'audit (le plus récent d'abord)",
    "audit.role.granted": "rôle attribué",
    "audit.role.removed": "rôle retiré",
    "audit.setting": "paramètre modifié",
    "audit.charter.version": "version de la charte publiée",
    "audit.export.mydata": "données personnelles exportées",
    "audit.export.ledger": "registre exporté",
    "audit.referral.corrected": "montant d'une recommandation gagnée corrigé",
    "audit.erasure": "données personnelles effacées",
    "setting.contact-retention-months": "Mois de conservation des contacts clients après clôture",
    "setting.correction-days": "Jours pendant lesquels le destinataire peut corriger le montant "
    "d'une recommandation gagnée",
    "setting.payment-days": "Jours avant de rappeler une commission impayée (le double : "
    "administrateurs)",
    "help.report": "signaler un manquement à la charte, en toute confidentialité",
    "help.report.long": "Types : poaching, unpaid, service, other. Seuls les administrateurs "
    "voient les signalements ; le membre concerné n'en est informé que si un administrateur "
    "l'évoque avec lui. On ne peut pas se signaler soi-même. Administrateurs : /report N "
    "raise|resolve|dismiss | note.",
    "help.reports": "signalements ouverts (administrateurs) ; /reports mine : mes signalements",
    "help.reports.long": "Chacun avec sa recommandation, le titulaire du client et la règle de la "
    "charte concernée. Un signalement concernant le seul administrateur va aux recruteurs. "
    "/reports mine : où en sont mes signalements.",
    "help.mydata": "exporter ou effacer mes données personnelles",
    "help.mydata.long": "export : un fichier JSON de tout ce qu'Apport conserve sur vous. erase : "
    "un pseudonyme vous remplace partout (confirmez avec /mydata erase confirm).",
    "notice.decline_reason": "{who} a refusé votre recommandation n° {number}. Motif : {note}",
    "notice.lost_reason": "{who} a perdu la recommandation n° {number}. Motif : {note}",
    "history.line_note": "{at} {who} : {status} ({note})",
    "notice.low_feedback_comment": "Avis faible : {referrer} a donné {score}/5 à {member} pour "
    "la recommandation n° {number}. La qualité envers les clients est la deuxième partie de "
    "la charte. Commentaire : {comment}",
    "notice.feedback_comment": "{referrer} vous a donné {score}/5 pour la recommandation n° "
    "{number}. Commentaire : {comment}",
    "candidate.history_line_detail": "{at} {who} : {what} ({detail})",
    "notice.breach_raised_silent": "{admin}, pour les administrateurs du réseau, évoque avec "
    "vous un signalement vous concernant ({kind}). Merci de prendre contact avec eux.",
    "notice.breach_raised_by_silent": "{admin}, pour les recruteurs du réseau, évoque avec "
    "vous un signalement vous concernant ({kind}). Merci de prendre contact avec eux.",
    "notice.breach_resolved_note": "Votre signalement n° {number} est résolu : {note}",
    "notice.breach_dismissed_note": "Votre signalement n° {number} a été classé sans suite : "
    "{note}",
    "report.history_line_note": "{at} {who} : {state} ({note})",
    "audit.line_detail": "{at} {who} : {what} : {detail}",
    "referrals.line_given_open": "N° {number}, transmise à {other} : {client}, {status}",
    "referrals.line_received_open": "N° {number}, transmise par {other} : {client}, {status}",
}

# Messages that depend on a count (the `count` parameter), one text per CLDR
# plural category of the language: `one` and `other`, `many` where it differs.
PLURALS: dict[str, dict[str, str]] = {
    "error.correct_too_late": {
        "one": "La recommandation n° {number} a été gagnée le {won} : son destinataire pouvait "
        "la corriger pendant {count} jour. Demandez à un administrateur.",
        "other": "La recommandation n° {number} a été gagnée le {won} : son destinataire "
        "pouvait la corriger pendant {count} jours. Demandez à un administrateur.",
    },
    "referrals.summary": {
        "one": "{count} recommandation. Commissions qui me restent dues : {due_to_me} ; que je "
        "dois encore : {owed_by_me}.",
        "other": "{count} recommandations. Commissions qui me restent dues : {due_to_me} ; que "
        "je dois encore : {owed_by_me}.",
    },
    "payment.remind_receiver": {
        "one": "Recommandation n° {number} ({client}) : la commission de {due} due à "
        "{referrer} n'est toujours pas versée après {count} jour. Versez-la, et {referrer} "
        "confirmera sa réception.",
        "other": "Recommandation n° {number} ({client}) : la commission de {due} due à "
        "{referrer} n'est toujours pas versée après {count} jours. Versez-la, et {referrer} "
        "confirmera sa réception.",
    },
    "payment.tell_admins": {
        "one": "Recommandation n° {number} ({client}) : la commission de {due}, due par "
        "{receiver} à {referrer}, n'est toujours pas versée après {count} jour.",
        "other": "Recommandation n° {number} ({client}) : la commission de {due}, due par "
        "{receiver} à {referrer}, n'est toujours pas versée après {count} jours.",
    },
    "followup.unanswered": {
        "one": "La recommandation n° {number} pour {client}, transmise par {referrer}, attend "
        "votre réponse depuis {count} jour : merci de l'accepter ou de la refuser.",
        "other": "La recommandation n° {number} pour {client}, transmise par {referrer}, "
        "attend votre réponse depuis {count} jours : merci de l'accepter ou de la refuser.",
    },
    "followup.unanswered_referrer": {
        "one": "{receiver} n'a pas répondu à la recommandation n° {number} pour {client} "
        "depuis {count} jour. Vous pouvez l'annuler et confier le client à un autre membre.",
        "other": "{receiver} n'a pas répondu à la recommandation n° {number} pour {client} "
        "depuis {count} jours. Vous pouvez l'annuler et confier le client à un autre membre.",
    },
    "followup.reality_check": {
        "one": "Point d'étape : où en est la recommandation n° {number} pour {client}, "
        "transmise par {referrer} ? Pas de nouvelles depuis {count} jour. Client contacté, "
        "affaire gagnée ou perdue ?",
        "other": "Point d'étape : où en est la recommandation n° {number} pour {client}, "
        "transmise par {referrer} ? Pas de nouvelles depuis {count} jours. Client contacté, "
        "affaire gagnée ou perdue ?",
    },
    "feedback.later": {
        "one": "C'est noté : je reposerai la question dans {count} jour.",
        "other": "C'est noté : je reposerai la question dans {count} jours.",
    },
    "reminder.charter_waiting": {
        "one": "{count} membre n'a pas encore accepté la version {version} : /charter accept.",
        "other": "{count} membres n'ont pas encore accepté la version {version} : /charter "
        "accept.",
    },
    "alert.delivery_outage": {
        "one": "Le bot ne joint plus la plateforme depuis {since} ({reason}). Les messages "
        "attendent et partiront dès qu'elle répondra de nouveau ; ils sont réessayés pendant "
        "{count} heure.",
        "other": "Le bot ne joint plus la plateforme depuis {since} ({reason}). Les messages "
        "attendent et partiront dès qu'elle répondra de nouveau ; ils sont réessayés pendant "
        "{count} heures.",
    },
    "alert.delivery_expired": {
        "one": "Des messages n'ont pas pu être remis en {count} heure et ont été abandonnés ; "
        "le dernier était un {kind} pour {recipient} ({reason}).",
        "other": "Des messages n'ont pas pu être remis en {count} heures et ont été abandonnés "
        "; le dernier était un {kind} pour {recipient} ({reason}).",
    },
    "candidate.tally": {
        "one": "oui {yes}, non {no}, abstention {abstain} ; {count} recruteur sur {eligible} a "
        "voté",
        "other": "oui {yes}, non {no}, abstention {abstain} ; {count} recruteurs sur "
        "{eligible} ont voté",
    },
}
