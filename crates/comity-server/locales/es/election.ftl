# Comity (es): elecciones y papeletas en papel

nav-elections = Elecciones
elections-title = Elecciones
elections-secret = Votación secreta: el registro público consigna qué Estados votaron, nunca cómo. Las papeletas esperan en la urna sin ningún vínculo con quien las emitió y se publican, agrupadas, junto con el escrutinio.
elections-none = Todavía no se ha celebrado ninguna elección.
election-method = Sistema
election-seats = Puestos
election-seats-n = { $seats } puesto(s)
election-open = Abierta
election-counted = Escrutada
election-turnout = Participación
election-candidates = Candidatos
election-elected = elegido
election-count = El escrutinio
election-ballots = { $count } papeletas ({ $distinct } ordenaciones distintas), publicadas con el resultado
election-quota = cuota { $quota }
election-by-lot = Un empate se resolvió por sorteo, a partir de la semilla consignada para la elección.
election-stages = El escrutinio, etapa por etapa
election-stage = Etapa
election-ballots-json = Las papeletas publicadas (JSON)
election-your-ballot = Su papeleta
election-preference = Preferencia { $n }
election-close = Cerrar la elección y escrutar
paper-title = Papeletas emitidas en papel
paper-intro = Si el órgano votó en la sala, cargue el archivo de los escrutadores (BLT, tal como lo genera el software de recuento STV, o el formato JSON de papeletas; comprimido con gzip o no) y la lista de los Estados que votaron, tantos como papeletas. Las papeletas se incorporan a la urna sin vínculo con los Estados; el registro público consigna solo quién votó y el SHA-256 del archivo.
paper-file = El archivo de los escrutadores
paper-states = Estados que votaron (códigos ISO, según la lista de votantes)
paper-record = Consignar las papeletas en papel
paper-file-unreadable = No se pudo leer el archivo cargado; vuelva a intentarlo.
paper-file-invalid = El archivo de los escrutadores no se puede utilizar: { $detail }
paper-register-invalid = No se puede leer la lista de votantes: { $detail }
ev-paper_ballots_recorded = { $ballots } papeletas emitidas en papel se incorporaron a la urna de la elección { $election } ({ $source })
election-voted = Quién ha votado
not-found-election = No existe ninguna elección { $id }.
refused-election-unknown = No existe ninguna elección { $election }.
refused-election-invalid = { $detail }
ev-election_opened = Abierta la elección { $election }: { $title }
ev-ballot_cast = { $state } votó en la elección { $election }
ev-election_counted = Escrutada la elección { $election }
election-margins = Márgenes por pares: cuántos votantes más clasificaron al candidato de la fila por encima del de la columna que a la inversa

## Denegaciones tipificadas: los términos propios de esta funcionalidad.
refused-election-unknown-method = El sistema “{ $method }” no figura entre { $known }.
refused-election-candidates = Indique al menos dos candidatos, cada uno una sola vez.
refused-election-seats = Puestos: entre 1 y { $max } para { $candidates } candidatos.
refused-election-already-voted = { $state } ya ha votado en esta elección; un voto secreto no puede modificarse.
refused-election-counted = La elección ya está escrutada.
refused-election-box-mismatch = La urna contiene { $ballots } papeletas, pero votaron { $voted } Estados.
refused-election-no-ballot = No se emitió ninguna papeleta válida.
refused-election-through-the-ballot-box = Las papeletas se emiten y se escrutan a través de la urna.
refused-election-count = No se pueden escrutar las papeletas: { $detail }
refused-election-no-register = Indique los Estados que según la lista de votantes han votado.
refused-election-register-voted = El Estado { $index } de la lista de votantes, { $state }, ya ha votado en esta elección.
refused-election-zero-count = Papeleta { $index } del archivo: el número debe ser al menos 1.
refused-election-file-mismatch = El archivo contiene { $ballots } papeletas, pero la lista de votantes nombra { $states } Estados.
refused-election-empty-ranking = { $ballot ->
    [none] Clasifique al menos a un candidato.
   *[other] Papeleta { $ballot } del archivo: clasifique al menos a un candidato.
}
refused-election-not-a-candidate = { $ballot ->
    [none] Opción { $pos }: “{ $name }” no es candidato.
   *[other] Papeleta { $ballot } del archivo, opción { $pos }: “{ $name }” no es candidato.
}
refused-election-ranked-twice = { $ballot ->
    [none] Opción { $pos }: “{ $name }” está clasificado dos veces.
   *[other] Papeleta { $ballot } del archivo, opción { $pos }: “{ $name }” está clasificado dos veces.
}
