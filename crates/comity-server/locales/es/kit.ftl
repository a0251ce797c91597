# Comity (es): términos comunes a los formularios de todas las funcionalidades

form-csrf-failed = Este formulario ha caducado o no procede de este sitio. Vuelva a cargar la página y envíelo de nuevo.
form-sign-in = Inicie sesión primero.
form-failed = No se pudo consignar el acto; no se ha modificado nada. Los detalles figuran en el registro de errores del servidor.
form-too-fast = Demasiados actos desde su cuenta en poco tiempo; no se ha consignado nada. Vuelva a intentarlo dentro de { $seconds } segundos.
form-hidden-character-title = No consignado: un carácter oculto
form-hidden-character = No se ha consignado nada. { $detail }. Los caracteres de control y los de cambio de dirección no pueden formar parte de un texto: ocultan o reordenan lo que leen los demás. Vuelva atrás, elimínelo y envíe de nuevo el formulario.
form-journal-faulty = No se puede seguir el registro público (una entrada no está encadenada o se han eliminado entradas), por lo que no se consignará nada hasta que los operadores lo reparen. /healthz indica lo que se ha detectado.
form-number = Indique el número de la enmienda.
form-time = Indique una hora como 2026-12-01T17:00:00Z.
form-choose-state = Elija el Estado en cuyo nombre vota.
form-unknown-act = Este formulario solicita un acto que la plataforma no conoce.
refused-field-empty = { $field }: no puede estar vacío.
refused-field-too-long = { $field }: { $max } caracteres como máximo.
refused-duplicate = { $name } figura dos veces.
form-choose-organ = Elija el órgano que emite el dictamen.
form-count = Indique un número entero de votos (0 o más).
