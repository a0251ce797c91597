# Comity (fr): elections and paper ballots

nav-elections = Élections
elections-title = Élections
elections-secret = Scrutin secret : le journal consigne quels États ont voté, jamais le sens de leur vote. Les bulletins sont conservés dans l'urne sans aucun lien avec leur auteur et sont publiés, regroupés, avec le dépouillement.
elections-none = Aucune élection n'a encore eu lieu.
election-method = Mode de scrutin
election-seats = Sièges
election-seats-n = { $seats } siège(s)
election-open = Ouverte
election-counted = Dépouillée
election-turnout = Participation
election-candidates = Candidats
election-elected = élu
election-count = Le dépouillement
election-ballots = { $count } bulletins ({ $distinct } classements distincts), publiés avec le résultat
election-quota = quotient { $quota }
election-by-lot = Une égalité a été départagée par tirage au sort, à partir de la graine aléatoire consignée pour l'élection.
election-stages = Le dépouillement, étape par étape
election-stage = Étape
election-ballots-json = Les bulletins publiés (JSON)
election-your-ballot = Votre bulletin
election-preference = Préférence { $n }
election-close = Clore l'élection et procéder au dépouillement
paper-title = Bulletins déposés sur papier
paper-intro = Si l'organe a voté en séance, téléversez le fichier des scrutateurs (BLT, tel que l'écrivent les logiciels de dépouillement STV, ou le format de bulletins JSON ; compressé gzip ou non) et la liste d'émargement des États qui ont voté, autant que de bulletins. Les bulletins rejoignent l'urne sans lien avec les États ; le journal n'enregistre que qui a voté et l'empreinte SHA-256 du fichier.
paper-file = Le fichier des scrutateurs
paper-states = États qui ont voté (codes ISO, d'après la liste d'émargement)
paper-record = Enregistrer les bulletins papier
paper-file-unreadable = Le fichier envoyé n'a pas pu être lu ; réessayez.
paper-file-invalid = Le fichier des scrutateurs est inutilisable : { $detail }
paper-register-invalid = La liste d'émargement est illisible : { $detail }
ev-paper_ballots_recorded = { $ballots } bulletins déposés sur papier ont été versés dans l'urne de l'élection { $election } ({ $source })
election-voted = États ayant voté
not-found-election = Il n'existe aucune élection { $id }.
refused-election-unknown = Il n'existe aucune élection { $election }.
refused-election-invalid = { $detail }
ev-election_opened = Élection { $election } ouverte : { $title }
ev-ballot_cast = { $state } a voté à l'élection { $election }
ev-election_counted = Dépouillement de l'élection { $election } effectué
election-margins = Marges par paires : combien d'électeurs de plus ont classé le candidat de la ligne avant celui de la colonne que l'inverse

## Typed refusals: this capability's own words.
refused-election-unknown-method = La méthode « { $method } » n'est pas l'une de { $known }.
refused-election-candidates = Nommez au moins deux candidats, chacun une fois.
refused-election-seats = Sièges : entre 1 et { $max } pour { $candidates } candidats.
refused-election-already-voted = { $state } a déjà voté à cette élection ; un bulletin secret ne peut être changé.
refused-election-counted = L'élection est déjà dépouillée.
refused-election-box-mismatch = L'urne contient { $ballots } bulletins mais { $voted } États ont voté.
refused-election-no-ballot = Aucun bulletin valide n'a été déposé.
refused-election-through-the-ballot-box = Les bulletins sont déposés et dépouillés par l'urne.
refused-election-count = Les bulletins ne peuvent être dépouillés : { $detail }
refused-election-no-register = Nommez les États que le registre montre comme ayant voté.
refused-election-register-voted = L'État { $index } du registre, { $state }, a déjà voté à cette élection.
refused-election-zero-count = Bulletin { $index } du fichier : un nombre d'au moins 1.
refused-election-file-mismatch = Le fichier contient { $ballots } bulletins mais le registre nomme { $states } États.
refused-election-empty-ranking = { $ballot ->
    [none] Classez au moins un candidat.
   *[other] Bulletin { $ballot } du fichier : classez au moins un candidat.
}
refused-election-not-a-candidate = { $ballot ->
    [none] Choix { $pos } : « { $name } » n'est pas candidat.
   *[other] Bulletin { $ballot } du fichier, choix { $pos } : « { $name } » n'est pas candidat.
}
refused-election-ranked-twice = { $ballot ->
    [none] Choix { $pos } : « { $name } » est classé deux fois.
   *[other] Bulletin { $ballot } du fichier, choix { $pos } : « { $name } » est classé deux fois.
}
