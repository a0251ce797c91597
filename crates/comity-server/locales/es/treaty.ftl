# Comity (es): tratados

refused-treaty-unknown = No existe ningún tratado “{ $treaty }”.
refused-treaty-exists = Ya consta un tratado “{ $treaty }”.
refused-treaty-invalid = El archivo o el texto del tratado no es válido: { $detail }
refused-treaty-stage = El tratado “{ $treaty }” se encuentra en la etapa “{ $stage }”: este acto no es posible ahora.
refused-treaty-edit = { $detail }
refused-treaty-open-brackets = El texto de “{ $treaty }” todavía tiene { $count } corchetes abiertos: resuélvalos antes de la adopción.
refused-treaty-adoption-motion = La moción { $motion } no puede adoptar el tratado: { $detail }
refused-treaty-deposit-before-opening = { $state } depositó su instrumento el { $date }, antes de que el tratado quedara abierto a la firma el { $opened }.
refused-treaty-already-deposited = { $state } ya depositó su instrumento (el { $date }); cada Estado deposita una sola vez.
refused-treaty-act = { $detail }
treaty-stage-drafting = en redacción
treaty-stage-adopted = adoptado
treaty-stage-open-for-signature = abierto a la firma
treaty-stage-in-force = en vigor
treaty-stage-entry-into-force-fixed = cláusula cumplida, entrada en vigor fijada
nav-treaties = Tratados
not-found-treaty = No existe ningún tratado { $id }.
not-found-treaty-round = El tratado { $id } no tiene ninguna ronda { $round }.
treaties-title = Tratados
treaties-intro = Los tratados redactados en el marco de la alianza, desde el texto de negociación entre corchetes hasta la entrada en vigor. Cada acto es una entrada del registro público.
treaties-none = Todavía no se está redactando ningún tratado.
treaties-caption = { $count ->
    [one] Un tratado
   *[other] { $count } tratados
}
treaty-json = En JSON
treaty-title-col = Tratado
treaty-stage = Etapa
treaty-organ = Órgano redactor
treaty-round = Ronda
treaty-open-brackets = Corchetes abiertos
treaty-eif = Entrada en vigor
treaty-short-title = Título abreviado
treaty-depositary = Depositario
treaty-eif-not-yet-short = todavía no
treaty-open-title = Abrir la redacción de un tratado
treaty-open-explain = El archivo del tratado (TOML) indica los datos del tratado y su cláusula de entrada en vigor; el texto es el proyecto de la primera ronda, con corchetes alrededor del texto aún no acordado y las alternativas separadas por una barra: [Copenhague / Bruselas].
treaty-open-file = Archivo del tratado (TOML)
treaty-open-text = Proyecto de texto
treaty-open-submit = Abrir la redacción
treaty-redline-link = Qué ha cambiado desde la ronda anterior
treaty-akn-link = Esta ronda en Akoma Ntoso (XML)
treaty-status-csv = Cuadro de situación en CSV
treaty-text-round = El texto en su estado actual (ronda { $round })
treaty-text-legend = El texto aún no acordado figura entre corchetes, con sus alternativas numeradas y separadas por una barra. Cada corchete lleva su dirección (el párrafo y luego la posición del corchete; un corchete anidado añade /alternativa:posición), que utilizan los formularios y la API.
treaty-part-title = Título
treaty-part-preamble = Preámbulo
treaty-part-open = { $count ->
    [one] un corchete abierto
   *[other] { $count } corchetes abiertos
}
treaty-counts-caption = Corchetes abiertos por parte del texto, ronda { $round }
treaty-part = Parte
treaty-total = Total
treaty-history = Historia de la negociación
treaty-rounds-chart-title = Corchetes abiertos por ronda de negociación
treaty-rounds-chart-desc = En { $rounds } rondas, los corchetes abiertos pasaron de { $first } en el primer proyecto a { $last } al final de la última ronda. Cada ronda tiene dos barras: los corchetes abiertos al comenzar (contorno) y al terminar (relleno).
treaty-round-n = Ronda { $n }
treaty-rounds-at-start = Abiertos al comenzar la ronda
treaty-rounds-at-end = Abiertos al terminar (ahora, en la ronda en curso)
treaty-rounds-caption = Las rondas en cifras
treaty-round-opened = Apertura
treaty-proposals-count = Redacciones propuestas
treaty-settlements-count = Corchetes resueltos
treaty-documents = Documentos
treaty-redline-from-previous = Cambios introducidos en la ronda { $round }
treaty-akn-round = Ronda { $round } en Akoma Ntoso
treaty-proposals = Redacciones propuestas
treaty-proposals-none = No se ha propuesto ninguna redacción.
treaty-proposals-caption = { $count ->
    [one] Una redacción propuesta
   *[other] { $count } redacciones propuestas
}
treaty-bracket = Corchete
treaty-wording = Redacción
treaty-proposed-by = Propuesta por
treaty-entry = Entrada
treaty-settlements = Corchetes resueltos
treaty-settlements-none = No se ha resuelto ningún corchete.
treaty-settlements-caption = { $count ->
    [one] Un corchete resuelto
   *[other] { $count } corchetes resueltos
}
treaty-was = El texto que tenía
treaty-choice = Resuelto como
treaty-settled-by = Cómo
treaty-by-motion = mediante la moción { $motion }
treaty-by-agreement = por acuerdo
treaty-choice-alternative = se mantiene la alternativa { $n }: “{ $wording }”
treaty-choice-text = sustituido por texto acordado: “{ $wording }”
treaty-choice-delete = suprimido
treaty-adoption = Adopción y firma
treaty-adopted-by = Adoptado mediante
treaty-adopted-on = Fecha de adopción
treaty-adopted-round = Texto de la ronda
treaty-text-hash = SHA-256 del texto adoptado
treaty-not-adopted = El texto todavía no ha sido adoptado.
treaty-signature = Firma
treaty-opened-for-signature = Abierto a la firma el { $date } en { $place }.
treaty-not-open-for-signature = Todavía no está abierto a la firma.
treaty-status = Situación de las firmas y los instrumentos
treaty-status-none = Ningún Estado ha firmado ni depositado todavía un instrumento.
treaty-status-caption = { $count ->
    [one] Un Estado ha firmado o depositado.
   *[other] { $count } Estados han firmado o depositado.
}
treaty-signed = Firma
treaty-deposited = Depósito del instrumento
treaty-instrument = Instrumento
treaty-reservations = Reservas
treaty-declarations = Declaraciones
treaty-objections = Objeciones a sus reservas
treaty-in-force-for = En vigor para ese Estado
treaty-withdrawal = Retiro
treaty-objection-line = { $state } a la reserva { $n }
treaty-withdrawal-line = notificado el { $notified }, efectivo el { $effective }
treaty-instrument-ratification = ratificación
treaty-instrument-acceptance = aceptación
treaty-instrument-approval = aprobación
treaty-instrument-accession = adhesión
treaty-deposits-title = Instrumentos depositados a lo largo del tiempo
treaty-deposits-caption = Instrumentos computables para la entrada en vigor, por día
treaty-deposits-chart-desc = Instrumentos computables para la entrada en vigor, acumulados por día desde el { $start }: { $count } al { $last }.
treaty-deposits-chart-threshold = La línea discontinua marca los { $n } instrumentos que exige la cláusula.
treaty-deposits-chart-eif = La línea de puntos marca la entrada en vigor el { $date }.
treaty-deposits-threshold = { $n } instrumentos requeridos
treaty-deposits-eif = en vigor el { $date }
treaty-deposits-none = Todavía no se ha depositado ningún instrumento.
treaty-day = Día
treaty-instruments-so-far = Instrumentos hasta la fecha
treaty-threshold = Exigidos por la cláusula
treaty-clause = Cláusula
treaty-clause-text = Su texto
treaty-counts = Instrumentos computables
treaty-conditions = Condiciones, que deben cumplirse todas
treaty-met = cumplida
treaty-not-met = aún no cumplida
treaty-date-rule = Fecha, a partir del día en que se cumplen las condiciones
treaty-not-before = Nunca antes del
treaty-later = Para un Estado que deposite posteriormente
treaty-cond-instruments = al menos { $n } instrumentos de { $kinds }
treaty-cond-quantity = Estados que representen al menos { $share } de { $quantity }
treaty-progress-instruments = { $reached } de { $n } depositados
treaty-progress-quantity = { $reached } alcanzado
treaty-step-days = { $n ->
    [one] un día después
   *[other] { $n } días después
}
treaty-step-months = { $n ->
    [one] un mes después
   *[other] { $n } meses después
}
treaty-step-years = { $n ->
    [one] un año después
   *[other] { $n } años después
}
treaty-step-first-of-month = el primer día de ese mes
treaty-step-first-of-next-month = el primer día del mes siguiente
treaty-step-same-day = el mismo día
treaty-step-then = y luego { $step }
treaty-not-before-applies = no antes del día que fija la cláusula
treaty-eif-computed = El tratado entra en vigor el { $date }, según resulta de la cláusula para los depósitos que constan.
treaty-eif-met = Las condiciones se cumplieron el { $date }, con { $count } instrumentos.
treaty-eif-parties = { $count ->
    [one] En vigor para un Estado, desde la fecha que indica el cuadro de situación.
   *[other] En vigor para { $count } Estados, cada uno desde la fecha que indica el cuadro de situación.
}
treaty-eif-not-yet = Todavía no está en vigor: { $count } instrumentos computados hasta la fecha.
treaty-withdrawal-clause = Retiro
treaty-withdrawal-effective = El retiro surte efecto { $rule }, contado a partir de su notificación.
treaty-acts = Consignar un acto
treaty-form-open-round = Abrir la ronda { $round }
treaty-form-round-text = Texto consolidado (déjelo vacío para continuar a partir del texto en su estado actual)
treaty-form-open-round-submit = Abrir la ronda
treaty-form-propose = Proponer una redacción para un corchete
treaty-on-behalf-of = En nombre de
treaty-form-propose-submit = Proponer la redacción
treaty-form-settle = Resolver un corchete
treaty-form-keep-alternative = Mantener la alternativa número
treaty-form-alternative-number = Número de la alternativa que se mantiene
treaty-form-agreed-text = Sustituirlo por texto acordado
treaty-form-delete = Suprimir el texto entre corchetes
treaty-form-by-motion = Mediante la moción aprobada número
treaty-form-motion-number = Número de la moción
treaty-form-settle-submit = Consignar la resolución del corchete
treaty-form-adopt = Consignar la adopción
treaty-form-adopt-explain = Indique el número de la moción aprobada de tipo treaty_adoption, presentada después del último cambio del texto y sin ningún corchete abierto.
treaty-form-adopt-submit = Consignar la adopción
treaty-form-open-signature = Abrir a la firma
treaty-form-date-label = Fecha (YYYY-MM-DD)
treaty-form-place = Lugar
treaty-form-open-signature-submit = Abrir a la firma
treaty-form-sign = Consignar una firma
treaty-form-sign-submit = Consignar la firma
treaty-form-deposit = Consignar el depósito de un instrumento
treaty-form-share-label = Proporción de { $quantity } que corresponde al Estado (p. ej., 12.5%)
treaty-form-reservations = Reservas, una por línea
treaty-form-declarations = Declaraciones, una por línea
treaty-form-deposit-submit = Consignar el depósito
treaty-form-object = Consignar una objeción a una reserva
treaty-form-objecting-state = Estado que formula la objeción
treaty-form-reserving-state = Estado autor de la reserva
treaty-form-reservation-number = Número de la reserva
treaty-form-objection-text = Texto de la objeción
treaty-form-object-submit = Consignar la objeción
treaty-form-withdraw = Consignar una notificación de retiro
treaty-form-notified-on = Fecha de notificación (YYYY-MM-DD)
treaty-form-withdraw-submit = Consignar el retiro
treaty-form-date = Indique la fecha con el formato YYYY-MM-DD, p. ej., 2026-11-29.
treaty-form-state = Elija un Estado.
treaty-form-number = Indique un número entero a partir de 1.
treaty-form-bracket = Elija un corchete del texto actual.
treaty-form-choice = Elija cómo se resuelve el corchete.
treaty-form-instrument = Elija ratificación, aceptación, aprobación o adhesión.
treaty-form-share = La proporción no es válida: { $detail }
treaty-redline-title = Comparación: de { $from } a { $to }
treaty-first-draft = Primer proyecto
treaty-version-round = ronda { $n }
treaty-version-first-draft = el primer proyecto
treaty-redline-from = De
treaty-redline-to = A
treaty-redline-compare = Comparar
treaty-redline-unchanged = Los dos textos son idénticos.
treaty-redline-summary = { $inserted } palabras insertadas, { $deleted } palabras suprimidas.
treaty-redline-legend = Las palabras insertadas aparecen subrayadas y las suprimidas, tachadas.
treaty-redline-download-html = Descargar como documento HTML
treaty-redline-download-text = Descargar como texto
ev-treaty_opened = Abierta la redacción de { $title } en el órgano { $organ }
ev-treaty_round_opened = { $treaty }: abierta la ronda de negociación { $round }
ev-treaty_wording_proposed = { $treaty }: { $by } propuso una redacción para el corchete { $bracket }
ev-treaty_bracket_resolved = { $treaty }: corchete { $bracket } resuelto { $motion ->
    [none] por acuerdo
   *[other] mediante la moción { $motion }
}
ev-treaty_adopted = { $treaty } adoptado mediante la moción { $motion }
ev-treaty_opened_for_signature = { $treaty } abierto a la firma en { $place } el { $date }
ev-treaty_signed = { $state } firmó { $treaty }
ev-instrument_deposited = { $state } depositó su instrumento de { $instrument } ({ $treaty })
ev-reservation_objected = { $state } formuló una objeción a la reserva { $n } de { $reserving } ({ $treaty })
ev-treaty_entered_into_force = { $treaty } entra en vigor el { $date }
ev-treaty_withdrawal = { $state } notificó su retiro de { $treaty }, efectivo el { $date }

## Denegaciones tipificadas: los términos propios de esta funcionalidad.
refused-treaty-invalid-file = El archivo del tratado no es válido: { $detail }
refused-treaty-invalid-text = El texto del tratado no es válido en la línea { $line }, columna { $column }: { $problem }{ $more ->
    [0] {""}
   *[other] {" "}(y { $more } problemas más)
}
refused-treaty-edit-unknown-paragraph = No hay ningún párrafo “{ $paragraph }” en este texto.
refused-treaty-edit-unknown-bracket = No hay ningún corchete { $bracket }.
refused-treaty-edit-unknown-alternative = El corchete { $bracket } tiene { $count } alternativas; no existe la alternativa { $alternative }.
refused-treaty-edit-empty-wording = La redacción está vacía.
refused-treaty-edit-invalid-wording = La redacción no es válida en la línea { $line }, columna { $column }: { $problem }
refused-treaty-edit-duplicate-alternative = El corchete { $bracket } ya ofrece esta redacción como alternativa { $alternative }.
refused-treaty-edit-would-empty = Suprimir el corchete { $bracket } dejaría { $what } sin ningún texto.
refused-treaty-edit-too-deep = Con esta redacción en { $bracket }, los corchetes quedarían anidados en más de { $max } niveles.
refused-treaty-date-in-future = La fecha { $date } es posterior a hoy ({ $today }): consigne el acto una vez que haya tenido lugar.
refused-treaty-not-the-organs-decision = La moción { $motion } no es una decisión aprobada de { $organ }, el órgano que redacta { $treaty }.
refused-treaty-signature-before-adoption = { $treaty } no puede abrirse a la firma el { $date }, antes de su adopción el { $adopted }.
refused-treaty-signed-before-opening = { $state } no puede firmar el { $date }: { $treaty } quedó abierto a la firma el { $opened }.
refused-treaty-already-signed = { $state } ya firmó { $treaty }, el { $date }.
refused-treaty-no-instrument = { $reserving } no ha depositado ningún instrumento de { $treaty }, por lo que no tiene ninguna reserva a la que objetar.
refused-treaty-no-such-reservation = El instrumento de { $reserving } contiene { $count } reserva(s); no existe la reserva { $reservation }.
refused-treaty-own-reservation = { $state } no puede objetar a su propia reserva.
refused-treaty-objection-before-reservation = La objeción ({ $date }) es anterior a la formulación de la reserva ({ $made }).
refused-treaty-not-a-party = { $treaty } no está en vigor para { $state }: solo una parte puede retirarse.
refused-treaty-already-withdrawn = { $state } ya notificó su retiro, el { $date }.
refused-treaty-withdrawal-too-early = { $state } puede notificar su retiro a partir del { $from } ({ $clause }), no el { $date }.
refused-treaty-past-the-calendar = La fecha del retiro supera el final del calendario.
refused-treaty-out-of-order = Los instrumentos se consignan por orden de fecha: el último que consta es del { $latest }, por lo que ahora no puede consignarse uno del { $date }.
refused-treaty-not-signed = { $state } no ha firmado { $treaty }: un Estado que no ha firmado manifiesta su consentimiento mediante adhesión, no mediante { $instrument }.
refused-treaty-share-missing = La cláusula de { $treaty } pondera { $quantity }: indique la proporción correspondiente a { $state }.
refused-treaty-adoption-wrong-kind = La moción { $motion } no puede adoptar el tratado: es una decisión de tipo “{ $kind }”, no “{ $expected }”.
refused-treaty-adoption-not-adopted = La moción { $motion } no puede adoptar el tratado: su situación es “{ $status }”, no aprobada.
refused-treaty-adoption-before-last-change = La moción { $motion } no puede adoptar el tratado: se presentó (entrada { $tabled }) antes del último cambio del texto (entrada { $last_change }); la votación debe versar sobre el texto definitivo.
refused-treaty-adoption-adopted-another = La moción { $motion } no puede adoptar el tratado: ya adoptó { $treaty }.
treaty-text-unclosed-bracket = este “[” nunca se cierra
treaty-text-stray-closing-bracket = este “]” no cierra ningún corchete
treaty-text-empty-bracket = corchete vacío
treaty-text-brackets-too-deep = corchetes anidados demasiado profundamente (diez niveles como máximo)
treaty-text-empty-alternative = una alternativa de este corchete está vacía
treaty-text-missing-title = un texto comienza con su título: “# Título”
treaty-text-empty-title = el título está vacío
treaty-text-duplicate-title = un segundo título; un texto tiene una sola línea “# ”
treaty-text-title-not-first = el título debe preceder al preámbulo y a los artículos
treaty-text-outside-section = texto fuera del preámbulo y de los artículos: comience una sección con “## Preamble” o “## Article N”
treaty-text-unknown-heading = encabezado desconocido: se esperaba “## Preamble” o “## Article N”
treaty-text-preamble-not-first = el preámbulo debe preceder a los artículos
treaty-text-duplicate-preamble = un segundo preámbulo
treaty-text-bad-article-number = no es un número de artículo (1, 2, 3, …)
treaty-text-bad-heading-separator = se esperaba un guion o dos puntos entre el número del artículo y su encabezado
treaty-text-bracket-in-heading = un encabezado no puede contener corchetes: ponga la redacción controvertida en un párrafo
treaty-text-duplicate-article = este número de artículo aparece dos veces
treaty-text-bad-id = no es un identificador válido: use letras minúsculas, dígitos y guiones bajos simples
treaty-text-duplicate-id = este identificador ya se utiliza
treaty-text-empty-section = esta sección no tiene ningún párrafo
treaty-text-empty-paragraph = este párrafo no tiene texto
treaty-text-numbering-skips = la numeración de los párrafos se salta números
treaty-text-mixed-numbering = un párrafo sin numerar entre párrafos numerados
treaty-text-numbered-preamble = los párrafos del preámbulo no se numeran
treaty-text-no-article = el texto no tiene ningún artículo
