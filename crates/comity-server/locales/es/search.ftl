# Búsqueda: la página /search y el campo en la cabecera de cada página.

nav-search = Buscar
nav-search-label = Buscar en el sitio
search-title = Búsqueda
search-title-for = Búsqueda: { $query }
search-words = Palabras
search-kind = Tipo
search-kind-any = Cualquier tipo
search-organ = Órgano
search-organ-any = Cualquier órgano
search-from = Desde
search-to = Hasta
search-button = Buscar
search-results = { $count ->
    [one] Un resultado
   *[other] { $count } resultados
}
search-none = No se encontró nada. Pruebe con menos palabras, el comienzo de una palabra o menos filtros.
search-as-of = Según el registro público hasta la entrada { $seq }.
search-hint = Busque miembros, órganos, mociones, elecciones, tratados, informes, compromisos, inclusiones en listas de sanciones, consultas e iniciativas, y las entradas del registro público, por cualquier palabra de su texto, en cualquier idioma. Cada palabra debe encontrarse; una palabra de tres letras o más también encuentra las palabras que empiezan por ella («democra» encuentra «democracia» y «démocratie»). Sin palabras, los filtros enumeran todo lo que admiten, de lo más reciente a lo más antiguo.
search-bad-kind = «{ $value }» no es un tipo de página que se pueda buscar.
search-bad-day = { $field }: «{ $value }» no es una fecha (AAAA-MM-DD).
search-api = La misma búsqueda en la API JSON: GET /api/v1/search
search-kind-member = Miembro
search-kind-organ = Órgano
search-kind-motion = Moción
search-kind-election = Elección
search-kind-treaty = Tratado
search-kind-report = Informe
search-kind-pledge = Compromiso
search-kind-listing = Inclusión en lista de sanciones
search-kind-consultation = Consulta
search-kind-initiative = Iniciativa ciudadana
search-kind-entry = Entrada del registro público
search-journal = En el registro público
search-journal-none = Ninguna entrada del registro público contiene estas palabras.
search-journal-entry = Entrada { $seq }
search-journal-more = Todas las entradas del registro público con estas palabras
search-journal-older = Entradas anteriores
search-journal-filing = Las palabras del registro público están indexadas hasta la entrada { $seq } de { $head }; el resto se indexará a continuación.
