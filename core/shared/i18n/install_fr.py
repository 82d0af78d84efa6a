"""Messages en français : installer l'application dans un espace ou un serveur, la retirer."""

MESSAGES: dict[str, str] = {
    "install.success.title": "Apport est installé",
    "install.success.body": "Apport fait désormais partie de {team}, et vous en êtes le "
    "premier administrateur.\n"
    "Ensuite, dans Slack : invitez @Apport dans le canal où le club échange, puis tapez "
    "/network set announcements-channel #ce-canal.\n"
    "Tapez /charter pour lire la charte que chaque membre accepte, et /help pour tout ce "
    "qu'Apport sait faire. Vous pouvez fermer cette page.",
    "install.failure.title": "Apport n'a pas pu être installé",
    "install.failure.body": "Slack n'a pas terminé l'installation ({reason}). Rien n'a été "
    "modifié. Recommencez depuis {install} ; si l'échec se répète, demandez à un "
    "administrateur de l'espace de l'installer.",
    "setting.uninstalled-retention-days": "Jours de conservation des données du club après "
    "le retrait de l'application",
    "audit.uninstalled": "application retirée de l'espace ou du serveur",
    "audit.reinstalled": "application réinstallée",
}
