# La cola de aprobaciones, la página de revisión de una aprobación en bloque y la página
# del equipo de un gerente con sus delegaciones (templates/approvals/*, templates/team/team.html).

## La cola

approvals-title = Aprobaciones
approvals-title-error = Error: Aprobaciones
approvals-lead = { $count ->
    [0] Ninguna solicitud espera su decisión.
    [one] 1 solicitud espera su decisión.
   *[other] { $count } solicitudes esperan su decisión, de la más antigua a la más reciente.
}
approvals-filter-queue = Filtrar la cola
approvals-program = Programa
approvals-every-program = Todos los programas
approvals-filter = Filtrar
approvals-clear = Quitar filtro
approvals-empty-title = Nada espera su decisión
approvals-empty-text = Cuando alguien por quien usted decide se postule, su solicitud aparecerá aquí.
approvals-comment-not-sent = Su comentario no se envió: “{ $comment }”
approvals-queue-caption = Solicitudes que esperan su decisión
approvals-select = Seleccionar
approvals-person = Persona
approvals-intake-or-amount = Convocatoria o monto
approvals-waiting = En espera
approvals-stage = Etapa
# Alrededor del nombre: "Seleccionar la solicitud de NOMBRE", luego "a PROGRAMA".
approvals-select-application = Seleccionar la solicitud de { $name }
approvals-select-to = a { $program }
approvals-acting-for = usted, en nombre de { $name }
approvals-bulk-legend = Aprobar las solicitudes seleccionadas
approvals-bulk-comment = Comentario (opcional, se envía a cada solicitante)
approvals-bulk-hint = A continuación verá lo que haría la aprobación de cada una, y la confirmará.
approvals-bulk-review = Revisar las solicitudes seleccionadas…

## Una fila de la cola

approvals-starts = (empieza el { $date })
approvals-tuition = Matrícula de { $amount }
approvals-self-paced = A su ritmo
approvals-stage-program-team = Equipo del programa
approvals-stage-no-manager = Etapa del gerente (sin gerente)
approvals-stage-manager = Gerente
approvals-waited-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
approvals-waited-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
approvals-waited-less = menos de una hora
# "$X de $Y": lo que queda de un límite o de un presupuesto.
approvals-of-amount = de { $amount }
# $left es "$X de $Y", $count el año.
approvals-cap-left = Quedan { $left } para { $year }
approvals-program-budget-over = Presupuesto { $year }: excedido en { $amount }
approvals-program-budget-left = Presupuesto { $year }: quedan { $left }

## La página de revisión de una aprobación en bloque

approvals-confirm-title = { $count ->
    [one] ¿Aprobar { $count } solicitud?
   *[other] ¿Aprobar { $count } solicitudes?
}
approvals-confirm-title-error = { $count ->
    [one] Error: ¿Aprobar { $count } solicitud?
   *[other] Error: ¿Aprobar { $count } solicitudes?
}
approvals-breadcrumb = Ruta de navegación
approvals-review = Revisión
approvals-confirm-lead = Todavía no se decidió nada. Esto es lo que haría ahora la aprobación de cada solicitud seleccionada; abra una para leerla completa.
approvals-confirm-caption = Las solicitudes seleccionadas y lo que haría la aprobación de cada una
approvals-if-approved = Si aprueba ahora
approvals-your-decision = Su decisión
approvals-confirm-hint = { $count ->
    [one] Se envía al solicitante de arriba cuya solicitud se aprueba.
   *[other] Se envía a cada uno de los { $count } solicitantes de arriba cuya solicitud se aprueba, sea cual sea su programa.
}
approvals-comment-optional = Comentario (opcional)
approvals-none-can-be-approved = Ninguna de las solicitudes seleccionadas se puede aprobar ahora.
approvals-confirm-button = { $count ->
    [one] Aprobar { $count } solicitud
   *[other] Aprobar { $count } solicitudes
}
approvals-change-selection = Cambiar la selección

## La página del equipo

team-title = Mi equipo
team-reports = Colaboradores directos
team-no-reports = Nadie le reporta a usted
team-no-reports-text = Las personas aparecen aquí cuando Recursos Humanos lo registra a usted como su gerente.
team-caption = Sus colaboradores directos y sus solicitudes
team-person = Persona
team-applications = Solicitudes
team-no-applications = Sin solicitudes
team-whose-application = la solicitud de { $name }
team-away = Mientras usted no está
team-away-text = Designe a otro gerente o a un administrador de programas para que decida sobre las solicitudes de su equipo en su lugar.
# Alrededor del nombre de la persona delegada (en negrita, antes).
team-decides-for-you = decide por usted
team-from = desde el { $date }
team-to = hasta el { $date }
team-now = ahora
team-end = Terminar
team-delegate-email = Correo electrónico del trabajo de la persona delegada
team-first-day = Primer día
team-last-day = Último día
team-name-delegate = Designar a la persona delegada
team-delegation-ended = La delegación terminó.

## Decisiones: los mensajes tras decidir y los rechazos

approvals-application-of = la solicitud de { $name }
approvals-application-to = a { $program }
approvals-decided-manager-approved = Aprobó { $whose }; ahora decide el equipo del programa.
approvals-decided-approved = Aprobó { $whose }: la plaza está confirmada.
approvals-decided-waitlisted = Aprobó { $whose }; la convocatoria está llena, así que quedó en la lista de espera.
approvals-decided-in-draw = Aprobó { $whose }; participa en el sorteo de plazas de la convocatoria, que se hace cuando cierra el plazo de postulación.
approvals-decided-rejected = Rechazó { $whose }.
approvals-decided-changes = Pidió cambios en { $whose }.
# Después de la solicitud ("La solicitud de Fiona a X").
approvals-decided-now = ahora figura como { $status }.
approvals-promoted = { $count ->
    [one] { $count } solicitud en lista de espera obtuvo la plaza liberada.
   *[other] { $count } solicitudes en lista de espera obtuvieron las plazas liberadas.
}
# $count es el año; el monto que queda sigue entre paréntesis.
approvals-over-budget-beyond = esta plaza ({ $cost }) supera lo que queda del presupuesto del programa para { $year }
approvals-over-budget-spent = el presupuesto del programa para { $year } está agotado, y esta plaza compromete { $cost }
approvals-stale = Esta solicitud cambió desde que la abrió: ahora figura como { $status }. Revísela y vuelva a decidir.
approvals-over-cap = Aprobarla superaría el límite anual de matrícula del solicitante: le quedan { $left } para { $year }.
approvals-already-active = El solicitante ya tiene una solicitud activa en este programa.
approvals-over-budget-refused = { $reason }. Apruébela en su propia página, donde el equipo del programa puede confirmarla.
approvals-tick-exceed = Marque «Aprobar aunque supere el presupuesto» para aprobar por encima del presupuesto, o rechace la solicitud.

## Aprobación en bloque: lo que haría la aprobación, y el resumen

approvals-select-one = Seleccione al menos una solicitud para aprobar.
approvals-at-most = Apruebe como máximo { $max } solicitudes a la vez; seleccionó { $count }.
approvals-consequence-team-next = Aprobada por usted; ahora decide el equipo del programa.
approvals-consequence-approved = Aprobada: la plaza queda confirmada.
approvals-consequence-last-seat = Aprobada: la plaza queda confirmada y ocupa la última plaza de la convocatoria.
approvals-consequence-seats-left = { $count ->
    [one] Aprobada: la plaza queda confirmada; a la convocatoria le queda { $count } plaza después.
   *[other] Aprobada: la plaza queda confirmada; a la convocatoria le quedan { $count } plazas después.
}
approvals-consequence-waitlisted-full = En lista de espera: la convocatoria está llena, así que la solicitud pasa a su lista de espera.
approvals-consequence-waitlisted-taken = { $count ->
    [one] En lista de espera: a la convocatoria le queda { $count } plaza, y la ocupan solicitudes que están más arriba en esta lista.
   *[other] En lista de espera: a la convocatoria le quedan { $count } plazas, y las ocupan solicitudes que están más arriba en esta lista.
}
approvals-consequence-in-draw = Aprobada para el sorteo: las plazas de la convocatoria se sortean cuando cierra su plazo de postulación.
approvals-consequence-over-cap = No aprobada: supera el límite anual de matrícula del solicitante (le quedan { $left } para { $year }).
approvals-consequence-over-budget = No aprobada: { $reason }. Apruébela en su propia página para confirmarla.
approvals-consequence-refused = No aprobada: { $reason }
approvals-changed-meanwhile = Lo que haría la aprobación cambió desde que lo revisó (alguien decidió mientras tanto). No se aprobó nada: revise la lista otra vez y confirme.
approvals-problem-own = no puede decidir sobre su propia solicitud.
approvals-problem-not-in-queue = no está en su cola.
approvals-problem = solicitud { $count }: { $message }
approvals-bulk-approved = { $count ->
    [one] Se aprobó { $count } solicitud.
   *[other] Se aprobaron { $count } solicitudes.
}
approvals-bulk-waitlisted = { $count ->
    [one] { $count } de ellas pasó a la lista de espera: su convocatoria está llena.
   *[other] { $count } de ellas pasaron a la lista de espera: su convocatoria está llena.
}
approvals-bulk-skipped = { $count ->
    [one] { $count } no se pudo aprobar, como mostraba la lista.
   *[other] { $count } no se pudieron aprobar, como mostraba la lista.
}
approvals-bulk-not-approved = No aprobadas: { $problems }
