nav-caucus = Caucus à l’ONU
caucus-title = Caucus démocratique à l’ONU : comment les membres votent à l’Assemblée générale
caucus-intro = D’après les votes de l’Assemblée générale (Voeten, Strezhnev et Bailey, sessions 1 à 74 : { $roll_calls } votes par appel nominal, { $votes } votes d’États ayant leur propre code). Les chiffres ci-dessous sont ceux des membres de l’alliance.
caucus-definitions-h = Comment les chiffres sont calculés
caucus-def-votes = Seuls pour, contre et abstention sont des votes ; l’absence et la non-appartenance n’en sont pas.
caucus-def-agreement = Accord de deux États = les votes où les deux ont voté et voté de même, rapportés aux votes où les deux ont voté (leur nombre est indiqué).
caucus-def-cohesion = Cohésion des membres dans un vote = (le plus grand de pour, contre, abstention − la moitié des autres voix) ÷ voix exprimées, parmi les membres qui ont voté (Hix, Noury et Roland) ; la cohésion d’une session est la moyenne sur ses votes où au moins un membre a voté.
caucus-def-filters = Les années sont celles de la date du vote, bornes comprises ; un thème retient les votes que les données classent sous ce thème.
caucus-from = De l’année
caucus-to = À l’année
caucus-issue = Thème
caucus-issue-all = Tous les thèmes
caucus-issue-me = Conflit israélo-palestinien
caucus-issue-nu = Armes et matières nucléaires
caucus-issue-di = Maîtrise des armements et désarmement
caucus-issue-hr = Droits humains
caucus-issue-co = Colonialisme
caucus-issue-ec = Développement économique
caucus-show = Afficher
caucus-agreement-h = Accord entre les membres
caucus-heat-desc = Un carré par paire de membres, par groupe régional de l’ONU : plus il est sombre, plus les deux ont voté de même quand les deux ont voté ; blanc s’ils n’ont jamais voté tous deux.
caucus-heat-legend = Accord :
caucus-never-both = jamais votants tous deux
caucus-members-caption = Accord moyen de chaque membre avec les autres membres, et nombre de votes auxquels il a pris part
caucus-col-mean = Accord moyen
caucus-col-roll-calls = Votes auxquels il a pris part
caucus-cohesion-h = La cohésion des membres par session
caucus-cohesion-desc = La cohésion moyenne des membres à chaque session de l’Assemblée générale, de 0 (partagés à parts égales) à 1 (tous du même vote) ; le tableau ci-dessous donne chaque chiffre.
caucus-sessions-caption = Cohésion par session, la plus récente d’abord
caucus-col-session = Session
caucus-col-cohesion = Cohésion
caucus-downloads = Télécharger :
caucus-download-agreement = matrice d’accord
caucus-download-cohesion = cohésion par session
member-un-h = À l’Assemblée générale des Nations unies
member-un-votes = Il a pris part à { $roll_calls } votes par appel nominal des sessions { $first } à { $last } ({ $yes } pour, { $no } contre, { $abstain } abstentions).
member-un-agreement = Il a voté comme les autres membres de l’alliance dans une part de { $agreement } des votes où les deux ont voté, en moyenne sur { $members } membres.
member-un-caucus = L’accord et la cohésion des membres.
caucus-weight = Les membres de l’alliance détiennent { $held } des 193 sièges de l’Assemblée générale ({ $share } %). Quand les 193 votent, une majorité des deux tiers demande { $needed } voix : { $short ->
    [0] les membres l’ont à eux seuls.
   *[other] il en manque { $short } aux membres seuls.
}
