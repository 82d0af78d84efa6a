"""The charter every network starts with, written from the source article (EN and FR)."""

from typing import Final

SECTION_KEYS: Final = ("members", "clients", "remuneration")

DEFAULT_CHARTER: Final[dict[str, dict[str, str]]] = {
    "en": {
        "members": (
            "1. The client belongs to the member who referred it: the referrer keeps the client"
            " relationship, before, during and after the job.\n"
            "2. No poaching: the member who receives work never takes the client over and never"
            " sells them other services behind the referrer's back.\n"
            "3. Answer every referral within 3 days, to accept it or to decline it.\n"
            "4. Keep the referrer informed: tell them when you have contacted the client, then"
            " what the outcome is.\n"
            "5. Pay the commission as agreed, promptly once the client has paid you.\n"
            "6. Recruit carefully: ethics first, and only generous members who share business"
            " with the others."
        ),
        "clients": (
            "1. Respond quickly to every referred client.\n"
            "2. Serve a referred client with the same care and at the same price as your best"
            " client.\n"
            "3. Be honest about what you can deliver: say so when a request is beyond your skills"
            " or your capacity.\n"
            "4. Keep client data confidential: use it only for the job and pass it on to no one.\n"
            "5. Refer a client only with their consent to be contacted by the member you"
            " recommend."
        ),
        "remuneration": (
            "1. For any business closed through a referral, the receiver owes the referrer the"
            " commission set by the network's commission rule, shown with this charter.\n"
            "2. The commission is calculated on the amount invoiced before tax.\n"
            "3. It is paid to the referrer without delay, once the receiver has been paid by the"
            " client.\n"
            "4. The receiver records the amount won; the referrer confirms the commission was"
            " received, so that both members see the same figures.\n"
            "5. Any dispute about a commission goes to the network's admins, who settle it."
        ),
    },
    "fr": {
        "members": (
            "1. Le client appartient au membre qui l'a apporté : l'apporteur reste maître de la"
            " relation client, avant, pendant et après la mission.\n"
            "2. Pas de débauchage : le membre qui reçoit l'affaire ne s'approprie jamais le client"
            " et ne lui vend rien d'autre dans le dos de l'apporteur.\n"
            "3. Répondez à chaque affaire apportée sous 3 jours, pour l'accepter ou la décliner.\n"
            "4. Tenez l'apporteur informé : prévenez-le dès que vous avez contacté le client,"
            " puis du résultat.\n"
            "5. Versez la commission convenue, rapidement, dès que le client vous a réglé.\n"
            "6. Recrutez avec soin : l'éthique d'abord, et uniquement des membres généreux, prêts"
            " à partager les affaires."
        ),
        "clients": (
            "1. Répondez rapidement à chaque client apporté.\n"
            "2. Traitez un client apporté avec le même soin et au même prix que votre meilleur"
            " client.\n"
            "3. Soyez honnête sur ce que vous pouvez livrer : dites-le quand une demande dépasse"
            " vos compétences ou vos capacités.\n"
            "4. Les données des clients sont confidentielles : ne les utilisez que pour la mission"
            " et ne les transmettez à personne.\n"
            "5. N'apportez un client qu'avec son accord pour être contacté par le membre que vous"
            " recommandez."
        ),
        "remuneration": (
            "1. Pour toute affaire conclue grâce à un apport, le membre qui la reçoit doit à"
            " l'apporteur la commission fixée par la règle du réseau, affichée avec cette"
            " charte.\n"
            "2. La commission se calcule sur le montant facturé HT.\n"
            "3. Elle est versée à l'apporteur sans attendre, dès que le client a payé le membre"
            " qui a reçu l'affaire.\n"
            "4. Le membre qui reçoit l'affaire déclare le montant conclu ; l'apporteur confirme"
            " avoir reçu la commission, pour que les deux parties voient les mêmes chiffres.\n"
            "5. Tout litige sur une commission est soumis aux administrateurs du réseau, qui"
            " tranchent."
        ),
    },
}
