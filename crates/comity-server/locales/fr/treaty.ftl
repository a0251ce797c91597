# Comity (fr): treaties

refused-treaty-unknown = Il n'existe pas de traité « { $treaty } ».
refused-treaty-exists = Un traité « { $treaty } » est déjà enregistré.
refused-treaty-invalid = Le fichier ou le texte du traité n'est pas valide : { $detail }
refused-treaty-stage = Le traité « { $treaty } » est { $stage } : cet acte n'est pas possible maintenant.
refused-treaty-edit = { $detail }
refused-treaty-open-brackets = Le texte de « { $treaty } » a encore { $count } crochets ouverts : réglez-les avant l'adoption.
refused-treaty-adoption-motion = La motion { $motion } ne peut pas adopter le traité : { $detail }
refused-treaty-deposit-before-opening = { $state } a déposé le { $date }, avant l'ouverture du traité à la signature le { $opened }.
refused-treaty-already-deposited = { $state } a déjà déposé son instrument (le { $date }) ; un État ne dépose qu'une fois.
refused-treaty-act = { $detail }
treaty-stage-drafting = en cours de rédaction
treaty-stage-adopted = adopté
treaty-stage-open-for-signature = ouvert à la signature
treaty-stage-in-force = en vigueur
treaty-stage-entry-into-force-fixed = clause remplie, entrée en vigueur fixée
nav-treaties = Traités
not-found-treaty = Il n’y a pas de traité { $id }.
not-found-treaty-round = Le traité { $id } n’a pas de cycle { $round }.
treaties-title = Traités
treaties-intro = Les traités négociés au sein de l’alliance, du texte de négociation entre crochets à l’entrée en vigueur. Chaque acte est une entrée du journal.
treaties-none = Aucun traité n’est encore en négociation.
treaties-caption = { $count ->
    [one] Un traité
   *[other] { $count } traités
}
treaty-json = En JSON
treaty-title-col = Traité
treaty-stage = Étape
treaty-organ = Organe de rédaction
treaty-round = Cycle
treaty-open-brackets = Crochets ouverts
treaty-eif = Entrée en vigueur
treaty-short-title = Titre abrégé
treaty-depositary = Dépositaire
treaty-eif-not-yet-short = pas encore
treaty-open-title = Ouvrir la négociation d’un traité
treaty-open-explain = Le fichier du traité (TOML) donne ses caractéristiques et sa clause d’entrée en vigueur ; le texte est le projet du premier cycle, le langage non encore convenu entre crochets et les variantes séparées par une barre oblique : [Copenhague / Bruxelles].
treaty-open-file = Fichier du traité (TOML)
treaty-open-text = Projet de texte
treaty-open-submit = Ouvrir la négociation
treaty-redline-link = Ce qui a changé depuis le cycle précédent
treaty-akn-link = Ce cycle en Akoma Ntoso (XML)
treaty-status-csv = Tableau d’état en CSV
treaty-text-round = Le texte en l’état (cycle { $round })
treaty-text-legend = Le langage non encore convenu est entre crochets, ses variantes numérotées et séparées par une barre oblique. Chaque crochet porte son adresse (le paragraphe, puis la position du crochet ; un crochet imbriqué ajoute /variante:position), qu’utilisent les formulaires et l’API.
treaty-part-title = Titre
treaty-part-preamble = Préambule
treaty-part-open = { $count ->
    [one] un crochet ouvert
   *[other] { $count } crochets ouverts
}
treaty-counts-caption = Crochets ouverts par partie du texte, cycle { $round }
treaty-part = Partie
treaty-total = Total
treaty-history = Historique de la négociation
treaty-rounds-chart-title = Crochets ouverts par cycle de négociation
treaty-rounds-chart-desc = En { $rounds } cycles, les crochets ouverts sont passés de { $first } dans le premier projet à { $last } à la fin du dernier cycle. Chaque cycle a deux barres : les crochets ouverts à son ouverture (contour) et à sa fin (plein).
treaty-round-n = Cycle { $n }
treaty-rounds-at-start = Ouverts à l’ouverture du cycle
treaty-rounds-at-end = Ouverts à sa fin (maintenant, pour le cycle en cours)
treaty-rounds-caption = Les cycles en chiffres
treaty-round-opened = Ouvert le
treaty-proposals-count = Formulations proposées
treaty-settlements-count = Crochets levés
treaty-documents = Documents
treaty-redline-from-previous = Modifications du cycle { $round }
treaty-akn-round = Cycle { $round } en Akoma Ntoso
treaty-proposals = Formulations proposées
treaty-proposals-none = Aucune formulation n’a été proposée.
treaty-proposals-caption = { $count ->
    [one] Une formulation proposée
   *[other] { $count } formulations proposées
}
treaty-bracket = Crochet
treaty-wording = Formulation
treaty-proposed-by = Proposée par
treaty-entry = Entrée
treaty-settlements = Crochets levés
treaty-settlements-none = Aucun crochet n’a été levé.
treaty-settlements-caption = { $count ->
    [one] Un crochet levé
   *[other] { $count } crochets levés
}
treaty-was = Le langage qu’il portait
treaty-choice = Levé ainsi
treaty-settled-by = Comment
treaty-by-motion = par la motion { $motion }
treaty-by-agreement = par accord
treaty-choice-alternative = variante { $n } retenue : « { $wording } »
treaty-choice-text = remplacé par un texte convenu : « { $wording } »
treaty-choice-delete = supprimé
treaty-adoption = Adoption et signature
treaty-adopted-by = Adopté par
treaty-adopted-on = Adopté le
treaty-adopted-round = Texte du cycle
treaty-text-hash = SHA-256 du texte adopté
treaty-not-adopted = Le texte n’a pas encore été adopté.
treaty-signature = Signature
treaty-opened-for-signature = Ouvert à la signature le { $date } à { $place }.
treaty-not-open-for-signature = Pas encore ouvert à la signature.
treaty-status = État des signatures et des instruments
treaty-status-none = Aucun État n’a encore signé ni déposé d’instrument.
treaty-status-caption = { $count ->
    [one] Un État a signé ou déposé.
   *[other] { $count } États ont signé ou déposé.
}
treaty-signed = Signature
treaty-deposited = Dépôt de l’instrument
treaty-instrument = Instrument
treaty-reservations = Réserves
treaty-declarations = Déclarations
treaty-objections = Objections à ses réserves
treaty-in-force-for = En vigueur à son égard
treaty-withdrawal = Retrait
treaty-objection-line = { $state } à la réserve { $n }
treaty-withdrawal-line = notifié le { $notified }, effectif le { $effective }
treaty-instrument-ratification = ratification
treaty-instrument-acceptance = acceptation
treaty-instrument-approval = approbation
treaty-instrument-accession = adhésion
treaty-deposits-title = Instruments déposés au fil du temps
treaty-deposits-caption = Instruments comptés pour l’entrée en vigueur, par jour
treaty-deposits-chart-desc = Instruments comptés pour l’entrée en vigueur, cumulés par jour depuis le { $start } : { $count } au { $last }.
treaty-deposits-chart-threshold = La ligne tiretée marque les { $n } instruments que la clause exige.
treaty-deposits-chart-eif = La ligne pointillée marque l’entrée en vigueur le { $date }.
treaty-deposits-threshold = { $n } instruments requis
treaty-deposits-eif = en vigueur le { $date }
treaty-deposits-none = Aucun instrument n’a encore été déposé.
treaty-day = Jour
treaty-instruments-so-far = Instruments à cette date
treaty-threshold = Exigés par la clause
treaty-clause = Clause
treaty-clause-text = Son texte
treaty-counts = Instruments comptés
treaty-conditions = Conditions, toutes requises
treaty-met = remplie
treaty-not-met = pas encore remplie
treaty-date-rule = Date, à partir du jour où les conditions sont remplies
treaty-not-before = Jamais avant le
treaty-later = Pour un État qui dépose plus tard
treaty-cond-instruments = au moins { $n } instruments de { $kinds }
treaty-cond-quantity = des États représentant au moins { $share } de { $quantity }
treaty-progress-instruments = { $reached } sur { $n } déposés
treaty-progress-quantity = { $reached } atteints
treaty-step-days = { $n ->
    [one] un jour plus tard
   *[other] { $n } jours plus tard
}
treaty-step-months = { $n ->
    [one] un mois plus tard
   *[other] { $n } mois plus tard
}
treaty-step-years = { $n ->
    [one] un an plus tard
   *[other] { $n } ans plus tard
}
treaty-step-first-of-month = le premier jour de ce mois
treaty-step-first-of-next-month = le premier jour du mois suivant
treaty-step-same-day = le jour même
treaty-step-then = puis { $step }
treaty-not-before-applies = pas avant le jour que fixe la clause
treaty-eif-computed = Le traité entre en vigueur le { $date }, comme la clause le donne pour les dépôts enregistrés.
treaty-eif-met = Les conditions ont été remplies le { $date }, avec { $count } instruments.
treaty-eif-parties = { $count ->
    [one] En vigueur pour un État, à la date que donne le tableau d’état.
   *[other] En vigueur pour { $count } États, chacun à la date que donne le tableau d’état.
}
treaty-eif-not-yet = Pas encore en vigueur : { $count } instruments comptés à ce jour.
treaty-withdrawal-clause = Retrait
treaty-withdrawal-effective = Un retrait prend effet { $rule }, à compter de sa notification.
treaty-acts = Enregistrer un acte
treaty-form-open-round = Ouvrir le cycle { $round }
treaty-form-round-text = Texte consolidé (laisser vide pour repartir du texte en l’état)
treaty-form-open-round-submit = Ouvrir le cycle
treaty-form-propose = Proposer une formulation pour un crochet
treaty-on-behalf-of = Au nom de
treaty-form-propose-submit = Proposer la formulation
treaty-form-settle = Lever un crochet
treaty-form-keep-alternative = Retenir la variante numéro
treaty-form-alternative-number = Numéro de la variante retenue
treaty-form-agreed-text = La remplacer par un texte convenu
treaty-form-delete = Supprimer le langage entre crochets
treaty-form-by-motion = Par la motion adoptée numéro
treaty-form-motion-number = Numéro de la motion
treaty-form-settle-submit = Enregistrer la levée
treaty-form-adopt = Enregistrer l’adoption
treaty-form-adopt-explain = Indiquez le numéro de la motion adoptée de type treaty_adoption, déposée après la dernière modification du texte, sans crochet ouvert.
treaty-form-adopt-submit = Enregistrer l’adoption
treaty-form-open-signature = Ouvrir à la signature
treaty-form-date-label = Date (AAAA-MM-JJ)
treaty-form-place = Lieu
treaty-form-open-signature-submit = Ouvrir à la signature
treaty-form-sign = Enregistrer une signature
treaty-form-sign-submit = Enregistrer la signature
treaty-form-deposit = Enregistrer le dépôt d’un instrument
treaty-form-share-label = La part de l’État dans { $quantity } (par ex. 12,5%)
treaty-form-reservations = Réserves, une par ligne
treaty-form-declarations = Déclarations, une par ligne
treaty-form-deposit-submit = Enregistrer le dépôt
treaty-form-object = Enregistrer une objection à une réserve
treaty-form-objecting-state = État qui fait objection
treaty-form-reserving-state = État auteur de la réserve
treaty-form-reservation-number = Numéro de la réserve
treaty-form-objection-text = Texte de l’objection
treaty-form-object-submit = Enregistrer l’objection
treaty-form-withdraw = Enregistrer une notification de retrait
treaty-form-notified-on = Notifié le (AAAA-MM-JJ)
treaty-form-withdraw-submit = Enregistrer le retrait
treaty-form-date = Indiquez la date sous la forme AAAA-MM-JJ, par ex. 2026-11-29.
treaty-form-state = Choisissez un État.
treaty-form-number = Indiquez un nombre entier à partir de 1.
treaty-form-bracket = Choisissez un crochet du texte actuel.
treaty-form-choice = Choisissez comment le crochet est levé.
treaty-form-instrument = Choisissez ratification, acceptation, approbation ou adhésion.
treaty-form-share = La part n’est pas valide : { $detail }
treaty-redline-title = Comparaison : { $from } → { $to }
treaty-first-draft = Premier projet
treaty-version-round = cycle { $n }
treaty-version-first-draft = premier projet
treaty-redline-from = Du
treaty-redline-to = Au
treaty-redline-compare = Comparer
treaty-redline-unchanged = Les deux textes sont identiques.
treaty-redline-summary = { $inserted } mots insérés, { $deleted } mots supprimés.
treaty-redline-legend = Les mots insérés sont soulignés, les mots supprimés barrés.
treaty-redline-download-html = Télécharger en document HTML
treaty-redline-download-text = Télécharger en texte
ev-treaty_opened = Négociation de { $title } ouverte au sein de l’organe { $organ }
ev-treaty_round_opened = { $treaty } : cycle de négociation { $round } ouvert
ev-treaty_wording_proposed = { $treaty } : { $by } a proposé une formulation pour le crochet { $bracket }
ev-treaty_bracket_resolved = { $treaty } : crochet { $bracket } levé { $motion ->
    [none] par accord
   *[other] par la motion { $motion }
}
ev-treaty_adopted = { $treaty } adopté par la motion { $motion }
ev-treaty_opened_for_signature = { $treaty } ouvert à la signature à { $place } le { $date }
ev-treaty_signed = { $state } a signé : { $treaty }
ev-instrument_deposited = { $state } a déposé son instrument de { $instrument } ({ $treaty })
ev-reservation_objected = { $state } a fait objection à la réserve { $n } de { $reserving } ({ $treaty })
ev-treaty_entered_into_force = { $treaty } entre en vigueur le { $date }
ev-treaty_withdrawal = { $state } a notifié son retrait : { $treaty }, effectif le { $date }

## Typed refusals: this capability's own words.
refused-treaty-invalid-file = Le fichier du traité n'est pas valide : { $detail }
refused-treaty-invalid-text = Le texte du traité n'est pas valide à la ligne { $line }, colonne { $column } : { $problem }{ $more ->
    [0] {""}
   *[other] {" "}({ $more } autres problèmes)
}
refused-treaty-edit-unknown-paragraph = Il n'y a pas de paragraphe « { $paragraph } » dans ce texte.
refused-treaty-edit-unknown-bracket = Il n'y a pas de crochet { $bracket }.
refused-treaty-edit-unknown-alternative = Le crochet { $bracket } a { $count } variantes ; il n'y a pas de variante { $alternative }.
refused-treaty-edit-empty-wording = La formulation est vide.
refused-treaty-edit-invalid-wording = La formulation n'est pas valide à la ligne { $line }, colonne { $column } : { $problem }
refused-treaty-edit-duplicate-alternative = Le crochet { $bracket } offre déjà cette formulation comme variante { $alternative }.
refused-treaty-edit-would-empty = Supprimer le crochet { $bracket } laisserait { $what } sans texte.
refused-treaty-edit-too-deep = Avec ce libellé au crochet { $bracket }, les crochets seraient imbriqués sur plus de { $max } niveaux.
refused-treaty-date-in-future = La date { $date } est postérieure à aujourd'hui ({ $today }) : enregistrez un acte une fois accompli.
refused-treaty-not-the-organs-decision = La motion { $motion } n'est pas une décision adoptée de { $organ }, l'organe qui rédige { $treaty }.
refused-treaty-signature-before-adoption = { $treaty } ne peut être ouvert à la signature le { $date }, avant son adoption le { $adopted }.
refused-treaty-signed-before-opening = { $state } ne peut signer le { $date } : { $treaty } a été ouvert à la signature le { $opened }.
refused-treaty-already-signed = { $state } a déjà signé { $treaty }, le { $date }.
refused-treaty-no-instrument = { $reserving } n'a déposé aucun instrument de { $treaty } ; il n'a donc pas de réserve à laquelle objecter.
refused-treaty-no-such-reservation = L'instrument de { $reserving } compte { $count } réserve(s) ; il n'y a pas de réserve { $reservation }.
refused-treaty-own-reservation = { $state } ne peut objecter à sa propre réserve.
refused-treaty-objection-before-reservation = L'objection ({ $date }) précède la formulation de la réserve ({ $made }).
refused-treaty-not-a-party = { $treaty } n'est pas en vigueur pour { $state } : seule une partie peut se retirer.
refused-treaty-already-withdrawn = { $state } a déjà notifié son retrait, le { $date }.
refused-treaty-withdrawal-too-early = { $state } peut notifier son retrait à partir du { $from } ({ $clause }), pas le { $date }.
refused-treaty-past-the-calendar = La date du retrait dépasse la fin du calendrier.
refused-treaty-out-of-order = Les instruments sont enregistrés dans l'ordre de leurs dates : le dernier enregistré date du { $latest }, le { $date } ne peut donc être enregistré maintenant.
refused-treaty-not-signed = { $state } n'a pas signé { $treaty } : un État qui n'a pas signé consent par adhésion, non par { $instrument }.
refused-treaty-share-missing = La clause de { $treaty } pondère { $quantity } : indiquez la part de { $state }.
refused-treaty-adoption-wrong-kind = La motion { $motion } ne peut adopter le traité : c'est une décision de type « { $kind } », non « { $expected } ».
refused-treaty-adoption-not-adopted = La motion { $motion } ne peut adopter le traité : elle est { $status }, non adoptée.
refused-treaty-adoption-before-last-change = La motion { $motion } ne peut adopter le traité : elle a été déposée (entrée { $tabled }) avant la dernière modification du texte (entrée { $last_change }) ; le vote doit porter sur le texte final.
refused-treaty-adoption-adopted-another = La motion { $motion } ne peut adopter le traité : elle a déjà adopté { $treaty }.
treaty-text-unclosed-bracket = ce « [ » n'est jamais fermé
treaty-text-stray-closing-bracket = ce « ] » ne ferme aucun crochet
treaty-text-empty-bracket = crochet vide
treaty-text-brackets-too-deep = crochets imbriqués trop profondément (dix niveaux au plus)
treaty-text-empty-alternative = une variante de ce crochet est vide
treaty-text-missing-title = un texte commence par son titre : « # Titre »
treaty-text-empty-title = le titre est vide
treaty-text-duplicate-title = un second titre ; un texte a une seule ligne « # »
treaty-text-title-not-first = le titre doit précéder le préambule et les articles
treaty-text-outside-section = texte hors du préambule et des articles : ouvrez une section par « ## Preamble » ou « ## Article N »
treaty-text-unknown-heading = intitulé inconnu : « ## Preamble » ou « ## Article N » attendu
treaty-text-preamble-not-first = le préambule doit précéder les articles
treaty-text-duplicate-preamble = un second préambule
treaty-text-bad-article-number = ce n'est pas un numéro d'article (1, 2, 3, …)
treaty-text-bad-heading-separator = un tiret ou deux-points attendu entre le numéro de l'article et son intitulé
treaty-text-bracket-in-heading = un intitulé ne peut contenir de crochets : placez la formulation disputée dans un paragraphe
treaty-text-duplicate-article = ce numéro d'article apparaît deux fois
treaty-text-bad-id = identifiant non valide : lettres minuscules, chiffres et tirets bas simples
treaty-text-duplicate-id = cet identifiant est déjà utilisé
treaty-text-empty-section = cette section n'a aucun paragraphe
treaty-text-empty-paragraph = ce paragraphe n'a pas de texte
treaty-text-numbering-skips = la numérotation des paragraphes saute
treaty-text-mixed-numbering = un paragraphe non numéroté parmi des paragraphes numérotés
treaty-text-numbered-preamble = les paragraphes du préambule ne sont pas numérotés
treaty-text-no-article = le texte n'a aucun article
