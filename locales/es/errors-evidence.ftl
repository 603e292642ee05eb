## Lo que dicen las reglas sobre el comprobante de una finalización y un pago de matrícula

# Words that name a field in the messages below ($what).
term-completion-date = fecha de finalización
term-completion-date-earned = fecha de obtención
term-completion-credential-name = nombre de la credencial
term-completion-credential-id = ID de la credencial o número de certificado
term-completion-verification-address = dirección de verificación

# A completion date out of its window; $what names the date (term-completion-date or
# term-completion-date-earned, both "fecha…": feminine), $example is today as typed
# (2027-03-15), $start is the day the intake or the term started, or the day the person applied.
completion-error-date-empty = Escriba la { $what }.
completion-error-date-invalid = Escriba la { $what } como una fecha real, por ejemplo { $example }.
completion-error-date-future = La { $what } no puede ser posterior a hoy.
completion-error-date-before-intake = La { $what } no puede ser anterior al inicio de la convocatoria, el { $start }.
completion-error-date-before-term = La { $what } no puede ser anterior al inicio del período, el { $start }.
completion-error-date-before-application = La { $what } no puede ser anterior a la fecha de la solicitud, el { $start }.

# A credential's name or ID, empty or too long; $what names the field (both masculine),
# $max is the most characters kept.
completion-error-line-empty = Escriba el { $what }.
completion-error-line-too-long = Acorte el { $what } a { $max } caracteres como máximo.
# $max is the most characters kept.
completion-error-address-too-long = Acorte la dirección a { $max } caracteres como máximo.

completion-error-file-missing = Primero adjunte su comprobante: un archivo PDF, PNG o JPEG.
completion-error-confirm-unticked = Marque la casilla para confirmar: una finalización no se puede deshacer.
# The program team asks for changes, or closes a place, without a comment.
completion-error-comment-evidence = Indique qué debe cambiar en el comprobante.
completion-error-comment-not-completed = Indique por qué no se completó el programa.
completion-error-not-completed-unticked = Marque la casilla para confirmar: cerrar una plaza como no completada no se puede deshacer.

## Un pago de matrícula

# An invoice number or a reference too long; $what names the field, $max is the most characters kept.
payment-error-too-long = El campo «{ $what }» puede tener como máximo { $max } caracteres.
payment-error-invoice-number-empty = Escriba el número de factura de la institución, por ejemplo INV-2027-0042.
payment-error-date-future = La fecha de pago no puede ser posterior a hoy.
# $date is the day the application was approved.
payment-error-date-before-approval = La fecha de pago no puede ser anterior a la aprobación de la solicitud, el { $date }.
payment-error-date-invalid = Escriba la fecha en que se pagó a la institución, por ejemplo 15 de marzo de 2027.
# $covered is the amount the company covers.
payment-error-paid-in-full = El monto de { $covered } que cubre la empresa ya está pagado por completo: no queda nada por pagar.
# $left is what is left to pay of the $covered amount the company covers.
payment-error-more-than-left = Es más de lo que queda por pagar: quedan { $left } de los { $covered } cubiertos.
# $invoice is the invoice number typed.
payment-error-invoice-taken = La factura { $invoice } ya está registrada en esta solicitud.

## Lo que envía quien terminó un programa (sigue la nota propia del programa)
completion-send-nothing = No hay nada que enviar: el equipo del programa registra su finalización cuando usted termina.
completion-send-file = Cuando termine, adjunte sus comprobantes a su solicitud y envíelos al equipo del programa para que los revise.
completion-send-credential-auto = Cuando termine, registre su credencial en su solicitud: se acepta de inmediato.
completion-send-credential-team = Cuando termine, registre su credencial en su solicitud para que el equipo del programa la revise.
