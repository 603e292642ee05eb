# Las solicitudes de una persona: la lista, postularse y editar, la página de una
# solicitud, retirarla, la oferta de una plaza, los pagos y los comprobantes.

## Mis solicitudes (/applications)

applications-title = Mis solicitudes
applications-none-title = Todavía no se ha postulado a nada
applications-none-before = Explore los
applications-none-link = programas abiertos para usted
applications-none-after = y postúlese desde la página de un programa.
applications-caption = Mis solicitudes, de la más reciente a la más antigua
applications-program = Programa
applications-status = Estado
applications-next-step = Próximo paso
applications-submitted = Enviada

## El estado y el próximo paso de una solicitud, en las listas y en su página

application-in-progress = En curso
application-acting-for = (en nombre de { $approver })
application-or = o
application-next-waiting-for = Esperando a { $name }
application-next-program-team = Esperando al equipo del programa
application-next-changes = Haga los cambios solicitados y vuelva a enviarla
application-next-waitlist-position = En el puesto { $position } de la lista de espera
application-next-waitlist = En lista de espera
application-next-in-draw = Aprobada; participa en el sorteo de plazas cuando cierre el período de solicitudes
application-next-offered = Se le ofrece una plaza: acéptela o rechácela
application-next-started = Comenzó el { $date }
application-next-confirmed-starts = Plaza confirmada; comienza el { $date }
application-next-confirmed = Plaza confirmada
application-next-evidence-sent = Comprobante enviado; el equipo del programa lo revisa
application-next-evidence-returned = Corrija su comprobante y envíelo de nuevo
application-next-completed = Completado
application-next-not-completed = Cerrada: no completado
application-next-closed = Cerrada

## Postularse a un programa (/programs/…/apply) y editar una solicitud

apply-heading = Postularse a { $program }
apply-error-prefix = Error:
apply-breadcrumb = Ruta de navegación
apply-breadcrumb-programs = Programas
apply-breadcrumb-apply = Postularse
apply-go-to-application = Ir a su solicitud
apply-back-to-program = Volver al programa
apply-intake = Convocatoria
apply-no-intake = Todavía no hay ninguna convocatoria programada, así que no puede postularse por ahora.
apply-intake-starts = comienza el { $date }
apply-intake-started = ya comenzó
apply-intake-seats-drawn = { $count ->
    [one] { $count } plaza sorteada
   *[other] { $count } plazas sorteadas
}
apply-intake-full = completa: entrará en la lista de espera
apply-intake-seats-left = { $count ->
    [one] queda 1 plaza
   *[other] quedan { $count } plazas
}
apply-lottery-opens-on = Las solicitudes se abren el { $date }
apply-lottery-and-closes-on = y se cierran el { $date }.
apply-lottery-closed-on = Las solicitudes se cerraron el { $date }.
apply-lottery-open-until = Las solicitudes están abiertas hasta el { $date }.
apply-lottery-draw = Al día siguiente, las plazas se sortean entre las solicitudes aprobadas hasta entonces; las demás pasan a la lista de espera en el orden del sorteo.
apply-tuition = Curso y matrícula
apply-funding-before = Le quedan
apply-funding-after = de { $cap } para { $year }.
apply-institution = Escuela o universidad
apply-course-title = Nombre del curso
apply-term-starts = Inicio del período
apply-term-between = Entre el { $date }
apply-term-and = y el { $date }.
apply-amount = Monto de la matrícula en dólares
apply-amount-hint = Por ejemplo, 1234.50. La empresa paga el { $percent } % de ese monto.
apply-accept-terms = Acepto las condiciones: si repruebo o abandono un curso, los pagos se suspenden hasta que devuelva lo pagado.
apply-motivation = ¿Por qué quiere hacer este programa?
apply-motivation-optional = ¿Por qué quiere hacer este programa? (opcional)
apply-motivation-hint-both = Entre 20 y 4000 caracteres. Lo leen su gerente y el equipo del programa.
apply-motivation-hint-manager = Entre 20 y 4000 caracteres. Lo lee su gerente.
apply-motivation-hint-team = Entre 20 y 4000 caracteres. Lo lee el equipo del programa.
apply-motivation-hint-none = Opcional, hasta 4000 caracteres. Este programa no necesita aprobación: su plaza se confirma cuando se postula, y lo que escriba aquí queda guardado con su solicitud.
apply-cancel = Cancelar
apply-submit = Enviar solicitud
apply-already-applied = Ya tiene una solicitud para este programa
apply-one-active-follow = Puede tener una sola solicitud activa por programa. Haga el seguimiento de esa solicitud, o retírela para volver a postularse.
apply-one-active = Puede tener una sola solicitud activa por programa.
apply-come-back-on = Vuelva el { $date } para postularse.
apply-over-cap = Es más de lo que le queda: le quedan { $left }
apply-done-confirmed = Su plaza está confirmada: este programa no necesita aprobación.
apply-done-waitlisted = La convocatoria está completa: su solicitud está en la lista de espera.
apply-done-in-draw = Este programa no necesita aprobación: su solicitud participa en el sorteo de plazas de la convocatoria, que se hace al día siguiente del cierre de las solicitudes.
apply-done-submitted = Su solicitud fue enviada.

application-edit-heading = Editar su solicitud a { $program }
application-resubmit = Volver a enviar la solicitud
application-not-editable = Esta solicitud no se puede editar ahora: su estado es «{ $status }». Solo se puede editar una solicitud a la que su aprobador le pidió cambios.
application-edit-stale-version = Esta solicitud cambió desde que abrió el formulario. Aquí la tiene tal como está ahora; vuelva a hacer sus cambios.
application-no-longer-resubmit = Ya no puede volver a enviar esta solicitud.
application-resubmitted = Sus cambios se guardaron y la solicitud se volvió a enviar.
application-edit-stale = Esta solicitud cambió mientras la editaba: ahora su estado es «{ $status }».

## La página de una solicitud (/applications/…)

application-title-yours = Su solicitud { $id }
application-title-of = Solicitud { $count } de { $applicant }
application-to-program = para { $program }
application-heading-yours = Su solicitud para { $program }
application-heading-of = Solicitud de { $applicant }
application-breadcrumb = Solicitud { $id }
application-details = Detalles
application-applicant = Solicitante
application-starting = comienza el { $date }
application-drawn-by-lot = plazas sorteadas:
application-the-seat-draw = el sorteo de plazas
application-course = Curso
application-tuition = Matrícula
application-company-pays = (la empresa paga { $amount })
application-motivation = Motivación
application-motivation-none = No se indicó ninguna.
application-your-decision = Su decisión
application-what-you-can-do = Lo que puede hacer
application-decide-acting-for = Usted decide aquí en nombre de { $manager }.
application-comment = Comentario
application-comment-hint = Opcional para aprobar; obligatorio para rechazar o pedir cambios. La persona solicitante lo lee.
application-approve = Aprobar
application-ask-for-changes = Pedir cambios
application-reject = Rechazar
application-start-course = Comenzar el curso
application-start-course-hint = Abre el sitio de { $program }, donde se hace el curso.
application-apply-again = Volver a postularse
application-go-to-newer = Ir a su nueva solicitud
application-applied-again = Ya volvió a postularse a { $program }.
application-program-closed = { $program } ya no recibe solicitudes.
application-can-apply-again = Puede volver a postularse a { $program }.
application-can-apply-again-to = Puede volver a postularse a { $program }
application-can-apply-again-from = a partir del { $date }.
application-cannot-apply-again = Por ahora no puede volver a postularse a este programa.
application-calendar = Agregar al calendario
application-calendar-hint = Un archivo .ics con el inicio de la convocatoria, para Outlook, Google Calendar o Apple Calendar.
application-calendar-feed-before = Para seguir todas sus plazas,
application-calendar-feed-link = suscríbase a la dirección de su calendario
application-edit = Editar y volver a enviar
application-nothing-to-do = Por ahora no hay nada que hacer aquí.

## Una plaza ofrecida desde la lista de espera

offer-callout = Responda a la oferta antes de que termine el { $date }
offer-seat = Se le ofrece una plaza en { $intake }.
offer-answer-by = Acéptela o rechácela antes de que termine el { $date }; si no responde para entonces, pasa a la siguiente persona de la lista.
offer-accept = Aceptar la plaza
offer-decline-link = Rechazar…

withdraw-link = Retirar…

## Archivos adjuntos y finalización de un programa

evidence-files = Archivos adjuntos
evidence-none = Todavía no hay archivos adjuntos.
evidence-none-attach = Adjunte lo que se le pida, como una carta de inscripción o una factura: quien decida sobre la solicitud podrá leerlo.
evidence-attached-on = adjuntado el { $when }
evidence-attached-by = adjuntado por { $name }
evidence-attach-label = Adjuntar un archivo
evidence-attach-hint = PDF, PNG o JPEG, de hasta { $size } MiB.
evidence-attach = Adjuntar el archivo
evidence-completion = Finalización
evidence-completed-on = Completado el
evidence-credential = Credencial
evidence-credential-name = Nombre
evidence-credential-id = ID de la credencial
evidence-earned-on = Obtenida el
evidence-verification = Verificación
evidence-returned = El equipo del programa pidió cambios:
evidence-record-yours = Registre su credencial
evidence-send-yours = Envíe su comprobante
evidence-attach-first = Primero adjunte su informe de calificaciones, certificado de estudios o certificado en «Archivos adjuntos»; el equipo del programa lee todos los archivos adjuntos a la solicitud.
evidence-credential-name-label = Nombre de la credencial
evidence-credential-name-hint = Tal como aparece impreso, por ejemplo «AWS Certified Cloud Practitioner».
evidence-credential-id-label = ID de la credencial o número de certificado
evidence-date-earned = Fecha de obtención
evidence-completion-date = Fecha de finalización
evidence-date-hint = No antes del inicio del programa, ni en el futuro.
evidence-verification-label = Dirección de verificación (opcional)
evidence-verification-hint = Donde cualquiera puede comprobar la credencial; comienza con https:// o http://.
evidence-record = Registrar la credencial
evidence-send = Enviar para revisión
evidence-verify = Verificar la finalización
evidence-mark-completed = Marcar como completado
evidence-confirm-hint-verifies = Tal como la indicó la persona; corríjala si el comprobante dice otra cosa.
evidence-confirm-hint = El día en que se completó el programa.
evidence-confirm-checked-evidence = Revisé el comprobante: esta finalización es definitiva y cuenta para el compromiso
evidence-confirm-checked = Lo revisé: esta finalización es definitiva y cuenta para el compromiso
evidence-return-heading = Pedir cambios en el comprobante
evidence-return-comment = Qué debe cambiar
evidence-return-hint = La persona lo lee, corrige el comprobante y lo envía de nuevo.
evidence-not-completed = No completado
evidence-not-completed-comment = Por qué no se completó el programa
evidence-not-completed-hint = La persona lo lee.
evidence-not-completed-confirm = Cerrar esta plaza como no completada: es definitivo
evidence-not-completed-close = Cerrar como no completado
evidence-decide = Decidir sobre la finalización
evidence-requirement-sent = Envió su comprobante: el equipo del programa lo revisa y le avisa.
evidence-requirement-completed = Completó el programa: figura en su historial de formación.
evidence-requirement-not-completed = El equipo del programa cerró esta plaza como no completada.
evidence-requirement-none = El programa no pide ningún comprobante: el equipo del programa registra la finalización.
evidence-requirement-asks = El programa pide { $evidence }.

## La cronología de una solicitud

timeline-title = Cronología
timeline-acting-for = en nombre de { $name }
timeline-changes = Qué cambió
timeline-field = Campo
timeline-before = Antes
timeline-after = Después
evidence-closed = El estado de esta solicitud es «{ $status }»: ya no se le pueden adjuntar archivos.
evidence-attached = Se adjuntó «{ $name }».
evidence-scanner-down = El antivirus no responde, así que el archivo no se adjuntó: no se guardó nada. Inténtelo de nuevo en unos minutos.
evidence-stale = Esta solicitud cambió desde que la abrió: ahora su estado es «{ $status }». Revísela e inténtelo de nuevo.
evidence-accepted = Su credencial fue aceptada: el programa está completado y figura en su historial de formación.
evidence-sent = Su comprobante fue enviado: el equipo del programa lo revisa y le avisa.
evidence-team-completed-who = Confirmado: { $applicant }
evidence-team-completed-what = completó { $program }.
evidence-team-returned-who = Se le devolvió a { $applicant }
evidence-team-returned-what = el comprobante de { $program }, con su comentario.
evidence-team-closed-who = Se cerró la plaza de { $applicant }
evidence-team-closed-what = en { $program } como no completada.

## Retirar una solicitud (/applications/…/withdraw)

application-back = Volver a la solicitud
withdraw-title = Retirar su solicitud { $id }
withdraw-breadcrumb = Retirar
withdraw-heading = ¿Retirar su solicitud para { $program }?
withdraw-final = El estado de su solicitud es «{ $status }». Retirarla es definitivo: para participar más adelante, tendrá que volver a postularse.
withdraw-holds-seat = Usted tiene una plaza en esta convocatoria.
withdraw-seat-goes = Pasará a la siguiente persona de la lista de espera.
withdraw-reason = Motivo (opcional)
withdraw-submit = Retirar la solicitud
withdraw-keep = Conservarla
withdraw-not-possible = El estado de esta solicitud es «{ $status }» y no se puede retirar.
withdraw-done = Su solicitud fue retirada.
withdraw-stale = Esta solicitud cambió desde que abrió esta página: ahora su estado es «{ $status }». Revísela y, si todavía lo desea, vuelva a retirarla.

## Rechazar una plaza ofrecida (/applications/…/offer/decline)

offer-decline-title = Rechazar la plaza ofrecida en { $program }
offer-decline = Rechazar la plaza
offer-decline-heading = ¿Rechazar la plaza ofrecida en { $program }?
offer-decline-final = La plaza pasa a la siguiente persona de la lista y su solicitud se cierra: para participar más adelante, tendrá que volver a postularse.
offer-decline-until = Tiene hasta el final del { $date } para decidir.
offer-keep-open = Mantener la oferta abierta
offer-none = Ahora no se ofrece ninguna plaza en esta solicitud.
offer-accepted = Aceptó la plaza: su lugar en { $program } está confirmado.
offer-declined = Rechazó la plaza; pasa a la siguiente persona de la lista y su solicitud queda cerrada.
offer-lapsed = La oferta venció el { $date }: pasó a la siguiente persona de la lista y su solicitud quedó cerrada.
offer-none-now = Ahora no se ofrece ninguna plaza en esta solicitud: su estado es «{ $status }».

## Pagos de matrícula

payments-title = Pagos de matrícula
payments-covered = Cubierto por la empresa
payments-paid = Pagado hasta ahora
payments-left = Pendiente de pago
payments-paid-in-full = Nada: pagado por completo
payments-none = Todavía no hay ningún pago registrado.
payments-caption = Pagos a la institución, en el orden en que se hicieron
payments-paid-on = Fecha de pago
payments-invoice = Factura
payments-amount = Monto
payments-reference = Referencia
payments-recorded-by = Registrado por
payments-total = Total pagado
payments-record-heading = Registrar un pago
payments-invoice-label = Número de factura de la institución
payments-amount-label = Monto pagado, en dólares
payments-amount-hint = Como máximo, lo que queda por pagar: { $amount }.
payments-paid-on-hint = El día en que se pagó a la institución: no en el futuro ni antes de la aprobación.
payments-reference-label = Referencia (opcional)
payments-reference-hint = Un número de pago o de orden de compra, para Finanzas.
payments-record = Registrar el pago
payments-recorded = El pago de { $amount }
payments-recorded-invoice = (factura { $invoice }) quedó registrado;
payments-recorded-in-full = el monto cubierto está pagado por completo.
payments-recorded-left = quedan { $amount } por pagar.
payments-not-payable = Esta solicitud no admite pagos por ahora: solo los admite una solicitud de matrícula que tiene una plaza.

## El presupuesto del programa en el formulario de decisión

budget-this-year = Presupuesto de este año ({ $year }):
budget-committed = comprometido
budget-left = quedan { $amount }
budget-over-by = excedido en { $amount }
budget-approving-commits = Aprobar compromete
budget-calendar-year = El presupuesto se lleva por año calendario: una plaza cuenta en el año en que se aprueba.
budget-warning = Atención:
budget-would-exceed = aprobar esta solicitud superaría el presupuesto en { $amount }.
budget-approve-anyway = Aprobar aunque supere el presupuesto
budget-to-team = Aprobarla envía esta solicitud al equipo del programa: una plaza superaría
budget-to-team-exceed = el presupuesto de { $program } para { $year }.

## Lo que pasó, en la cronología de una solicitud, después del nombre de quien lo hizo
timeline-submitted-manager-approved = envió la solicitud; pasa directamente al equipo del programa
timeline-submitted = envió la solicitud
timeline-approved-at-once-waitlisted = se postuló; este programa no requiere aprobación y la convocatoria está llena, así que la solicitud está en la lista de espera
timeline-approved-at-once = se postuló; este programa no requiere aprobación, así que la plaza queda confirmada de inmediato
timeline-resubmitted = hizo los cambios solicitados y volvió a enviarla
timeline-manager-approved = aprobó como gerente; ahora decide el equipo del programa
timeline-approved = aprobó la solicitud; la plaza queda confirmada
timeline-waitlisted = aprobó la solicitud; la convocatoria está llena, así que está en la lista de espera
timeline-entered-draw = aprobó la solicitud; las plazas de la convocatoria se sortean cuando cierra su período de solicitudes
timeline-drawn-place = sorteó las plazas: esta solicitud obtuvo una plaza
timeline-drawn-waitlist = sorteó las plazas: esta solicitud está en la lista de espera, en el orden del sorteo
timeline-rejected = rechazó la solicitud
timeline-changes-requested = pidió cambios
timeline-withdrawn = retiró la solicitud
timeline-completed = marcó el programa como completado
timeline-completion-submitted = envió comprobantes de finalización para que el equipo del programa los revise
timeline-completion-accepted = registró la credencial; se aceptó automáticamente, así que el programa está completado
timeline-completion-verified = revisó los comprobantes y confirmó la finalización
timeline-completion-returned = pidió cambios en los comprobantes de finalización
timeline-not-completed = cerró la plaza como no completada
timeline-promoted = se liberó una plaza: la plaza queda confirmada desde la lista de espera
timeline-reassigned = cambió al gerente del solicitante
timeline-withdrawn-left = retiró la plaza de la lista de espera: la persona dejó la empresa
timeline-file-attached = adjuntó un archivo
timeline-payment-recorded = registró un pago de matrícula
timeline-offered = se liberó una plaza: se ofrece una plaza desde la lista de espera, para aceptarla o rechazarla
timeline-offer-accepted = aceptó la plaza ofrecida; la plaza queda confirmada
timeline-offer-declined = rechazó la plaza ofrecida; pasa a la siguiente persona de la lista
timeline-offer-lapsed = la plaza ofrecida no se aceptó a tiempo; pasa a la siguiente persona de la lista
timeline-waitlist-reordered = cambió el lugar de la solicitud en la lista de espera
timeline-intake-changed-waitlisted = trasladó la solicitud a otra convocatoria; esa convocatoria está llena, así que está en su lista de espera
timeline-intake-changed-in-draw = trasladó la solicitud a otra convocatoria; espera el sorteo de plazas de esa convocatoria
timeline-intake-changed = trasladó la solicitud a otra convocatoria; allí la plaza queda confirmada
# $amount is the amount paid, $invoice the school's invoice number.
timeline-payment-recorded-of = registró un pago de matrícula de { $amount } (factura { $invoice })
