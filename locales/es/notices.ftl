# Lo que dicen las notificaciones y los correos. Una notificación guarda el id de su
# mensaje y sus valores y se redacta al leerla: estos ids forman parte de los datos.

notice-then = { $first } { $then }
notice-decider = { $name }
notice-decider-acting-for = { $name }, en nombre de { $manager },
notice-comment = { " " }Comentario: «{ $comment }»
notice-no-comment = { "" }
notice-your-school = su institución educativa
notice-no-intake = ninguna convocatoria

## Solicitudes y decisiones

notice-applied = { $applicant } se postuló a { $program } y espera su decisión.
notice-applied-acting-for = { $applicant } se postuló a { $program } y espera su decisión, en nombre de { $manager }.
notice-resubmitted = { $applicant } hizo los cambios que usted pidió en su solicitud a { $program }; vuelve a esperar su decisión.
notice-resubmitted-acting-for = { $applicant } hizo los cambios pedidos en su solicitud a { $program }; espera su decisión, en nombre de { $manager }.
notice-withdrawn = { $applicant } retiró su solicitud a { $program }.
notice-decided-manager-approved = { $decider } aprobó su solicitud a { $program }; ahora decide el equipo del programa.{ $comment }
notice-decided-approved = { $decider } aprobó su solicitud a { $program }: su plaza está confirmada.{ $comment }
notice-decided-waitlisted = { $decider } aprobó su solicitud a { $program }, pero la convocatoria está llena: ocupa el { $position } lugar de la lista de espera.{ $comment }
notice-decided-rejected = { $decider } rechazó su solicitud a { $program }.{ $comment }
notice-decided-changes-requested = { $decider } pidió cambios en su solicitud a { $program }.{ $comment }
notice-decided-completed = Felicitaciones: { $decider } marcó su programa { $program } como completado.{ $comment }
notice-status-changed = Su solicitud a { $program } ahora está: { $status }.
notice-manager-approved = { $decider } aprobó la solicitud de { $applicant } a { $program }; espera la decisión del equipo del programa.
notice-manager-approved-over-budget = { $decider } aprobó la solicitud de { $applicant } a { $program }; una plaza superaría el presupuesto del programa para { $year }, así que espera la decisión del equipo del programa.

## Finalización y pagos

notice-credential-accepted = Su credencial fue aceptada: completó { $program }. ¡Felicitaciones!
notice-evidence-sent = { $owner } envió la evidencia de que completó { $program }; espera la revisión del equipo del programa.
notice-completion-confirmed-on = Felicitaciones: { $decider } confirmó que usted completó { $program } el { $date }. Figura en su historial de formación.
notice-completion-confirmed = Felicitaciones: { $decider } confirmó que usted completó { $program }. Figura en su historial de formación.
notice-completion-returned = { $decider } pidió cambios en la evidencia de que completó { $program }.{ $comment }
notice-completion-not-completed = { $decider } cerró su plaza en { $program } como no completada.{ $comment }
notice-paid-in-full = La empresa pagó { $amount } a { $school } por su curso { $course } (factura { $invoice }, { $program }); los { $covered } que cubre la empresa ya están pagados por completo.
notice-paid-part = La empresa pagó { $amount } a { $school } por su curso { $course } (factura { $invoice }, { $program }); de los { $covered } que cubre la empresa, quedan { $left } por pagar.

## Gerentes que cambian o se van

notice-reports-to-you = { $employee } ahora depende de usted; su solicitud a { $program } espera su decisión.
notice-reports-to-manager = { $employee } ahora depende de { $manager }; su solicitud a { $program } espera su decisión, en nombre de { $manager }.
notice-approver-left = { $leaver } dejó la empresa: una solicitud a { $program } que esperaba su decisión ahora espera la de usted.
notice-approver-left-acting-for = { $leaver } dejó la empresa: una solicitud a { $program } que esperaba su decisión ahora espera la de usted, en nombre de { $manager }.
notice-delegate-named = { $manager } le delegó sus decisiones del { $from } al { $to }: usted decide sobre las solicitudes de su equipo, en nombre de { $manager }.
notice-delegate-waiting = { $count ->
    [one] { $count } solicitud espera una decisión ahora, en sus aprobaciones.
   *[other] { $count } solicitudes esperan una decisión ahora, en sus aprobaciones.
}
notice-delegation-ended = { $manager } terminó su delegación: usted ya no decide sobre las solicitudes de su equipo.
notice-delegation-cancelled = { $manager } canceló la delegación prevista del { $from } al { $to }.

## Plazas, listas de espera y sorteos

notice-seat-offered = Se liberó una plaza en { $intake } de { $program } y se le ofrece a usted: acéptela o rechácela en su solicitud antes de que termine el { $date }. Si no responde, pasa a la siguiente persona de la lista.
notice-seat-confirmed = Se liberó una plaza: su lugar en { $intake } de { $program } está confirmado.
notice-seat-confirmed-for = Se liberó una plaza: el lugar de { $owner } en { $intake } de { $program } está confirmado.
notice-offer-lapsed = La plaza que se le ofreció en { $program } no se aceptó antes de que terminara el { $date }; pasó a la siguiente persona de la lista y su solicitud quedó cerrada.
notice-waitlist-reordered = El equipo del programa { $program } movió su solicitud del { $from } al { $to } lugar de la lista de espera: { $reason }
notice-moved-to-waitlist = El equipo del programa { $program } trasladó su solicitud de { $from } a { $to }: esa convocatoria está llena, así que usted está al final de su lista de espera. Su motivo: { $reason }
notice-moved-to-draw = El equipo del programa { $program } trasladó su solicitud de { $from } a { $to }: usted participa en su sorteo de plazas. Su motivo: { $reason }
notice-moved-confirmed = El equipo del programa { $program } trasladó su solicitud de { $from } a { $to }: allí su plaza está confirmada. Su motivo: { $reason }
notice-drawn-placed = Las plazas de { $intake } de { $program } se sortearon: obtuvo una plaza.
notice-drawn-waitlisted = Las plazas de { $intake } de { $program } se sortearon: ocupa el { $position } lugar de la lista de espera, en el orden del sorteo. Una plaza que se libere pasa a la siguiente persona de la lista.

## Propuestas de programas

notice-proposal-submitted = { $proposer } propuso un programa: { $proposal }. Espera revisión en Propuestas de programas.
notice-proposal-resubmitted = { $proposer } volvió a enviar la propuesta { $proposal } con los cambios pedidos. Espera revisión en Propuestas de programas.
notice-proposal-approved = { $reviewer } aprobó su propuesta { $proposal }: ahora es un programa en borrador y usted es su responsable. Complétela en Mis programas (quién puede postularse, convocatorias, qué enviar al terminar) y luego pida a un administrador que lo publique.
notice-proposal-changes-requested = { $reviewer } pidió cambios en su propuesta { $proposal }. Lea el comentario en la propuesta, cámbiela y vuelva a enviarla.
notice-proposal-declined = { $reviewer } rechazó su propuesta { $proposal }. El motivo figura en la propuesta.
notice-publication-requested = { $owner } pide que se publique el programa en borrador { $program }. Revíselo en Programas y publíquelo cuando esté listo.
notice-proposal-published = { $program }, el programa que usted propuso, está publicado en el catálogo: ya se puede postular.

## Recordatorios, enlaces de acceso y el resumen diario

notice-an-employee = Una persona empleada
notice-digest = { $count ->
    [one] Su resumen diario: { $count } novedad
   *[other] Su resumen diario: { $count } novedades
}
notice-reminder = Recordatorio: la solicitud de { $applicant } a { $program } lleva { $count ->
    [one] { $count } día hábil
   *[other] { $count } días hábiles
} esperando su decisión.
notice-reminder-escalated = La solicitud de { $applicant } a { $program } lleva { $count ->
    [one] { $count } día hábil
   *[other] { $count } días hábiles
} esperando la decisión de { $approver }.
notice-reminder-escalated-no-approver = La solicitud de { $applicant } a { $program } lleva { $count ->
    [one] { $count } día hábil
   *[other] { $count } días hábiles
} esperando la decisión de su gerente.
notice-invited = { $inviter } le envió una invitación a Upskill, donde ve los programas de formación abiertos para usted y se postula a ellos. Elija su contraseña para ingresar con { $email }: el enlace funciona una vez, durante 7 días.
notice-invited-by-organisation = Su organización le envió una invitación a Upskill, donde ve los programas de formación abiertos para usted y se postula a ellos. Elija su contraseña para ingresar con { $email }: el enlace funciona una vez, durante 7 días.
notice-password-reset = Alguien, probablemente usted, pidió restablecer su contraseña de Upskill. Elija una nueva con el enlace de abajo: funciona una vez, durante 1 hora.

## El correo alrededor de una notificación

email-hello = Hola, { $name }:
email-digest-intro = Esto es lo que pasó en Upskill desde su último resumen.
email-open-application = Abrir la solicitud
email-choose-password = Elegir su contraseña
email-why-access = Recibe este correo porque un administrador le envió una invitación a Upskill o alguien pidió restablecer su contraseña de Upskill. Si no fue usted, ignore este correo: nada cambia sin el enlace.
email-why-notices = Recibe este correo por sus solicitudes y aprobaciones en Upskill.
email-choose = Elija entre un correo por cada novedad y un resumen diario:
email-account-page = la página de su cuenta
