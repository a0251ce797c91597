# Recherche : la page /search, et le champ dans l'en-tête de chaque page.

nav-search = Rechercher
nav-search-label = Rechercher sur le site
search-title = Recherche
search-title-for = Recherche : { $query }
search-words = Mots
search-kind = Type
search-kind-any = Tous les types
search-organ = Organe
search-organ-any = Tous les organes
search-from = Du
search-to = Au
search-button = Rechercher
search-results = { $count ->
    [one] Un résultat
   *[other] { $count } résultats
}
search-none = Aucun résultat. Essayez moins de mots, le début d'un mot ou moins de filtres.
search-as-of = Selon le journal jusqu'à l'entrée { $seq }.
search-hint = Recherchez les membres, organes, motions, élections, traités, rapports, engagements, inscriptions sur les listes de sanctions, consultations et initiatives, ainsi que les entrées du journal, par n'importe quel mot de leur texte, dans n'importe quelle langue. Chaque mot doit être trouvé ; un mot de trois lettres ou plus trouve aussi les mots qu'il commence (« democra » trouve « democracy » et « démocratie »). Sans mots, les filtres listent tout ce qu'ils retiennent, du plus récent au plus ancien.
search-bad-kind = « { $value } » n'est pas un type de page que l'on peut rechercher.
search-bad-day = { $field } : « { $value } » n'est pas une date (AAAA-MM-JJ).
search-api = La même recherche dans l'API JSON : GET /api/v1/search
search-kind-member = Membre
search-kind-organ = Organe
search-kind-motion = Motion
search-kind-election = Élection
search-kind-treaty = Traité
search-kind-report = Rapport
search-kind-pledge = Engagement
search-kind-listing = Inscription sur une liste de sanctions
search-kind-consultation = Consultation
search-kind-initiative = Initiative citoyenne
search-kind-entry = Entrée du journal
search-journal = Dans le journal
search-journal-none = Aucune entrée du journal ne contient ces mots.
search-journal-entry = Entrée { $seq }
search-journal-more = Toutes les entrées du journal contenant ces mots
search-journal-older = Entrées plus anciennes
search-journal-filing = Les mots du journal sont indexés jusqu'à l'entrée { $seq } sur { $head } ; la suite viendra.
