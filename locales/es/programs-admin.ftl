# La gestión de los programas: la lista y el formulario de programas, el equipo de un
# programa, sus convocatorias y las plazas en ellas, los pagos de matrícula, la
# verificación de finalizaciones, los tokens de aprovisionamiento y las propuestas de
# programas.

## La lista de programas (/admin/programs)
admin-programs-title = Programas — administración
admin-programs-heading = Programas
admin-programs-mine = Mis programas
admin-programs-new = Nuevo programa
admin-programs-mine-lead = Los programas de cuyo equipo forma parte. Usted los edita junto con sus convocatorias, decide las aprobaciones que corresponden al equipo del programa, revisa los comprobantes de finalización y registra los pagos; un administrador los publica y los archiva.
admin-programs-none = Todavía no hay programas
admin-programs-none-before = Cree el primero, o ejecute
admin-programs-none-after = para los seis programas estándar.
admin-programs-caption-all = Todos los programas con sus solicitudes por estado
admin-programs-caption-mine = Sus programas con sus solicitudes por estado
admin-programs-program = Programa
admin-programs-status = Estado
admin-programs-actions = Acciones
admin-programs-in-review = En revisión
admin-programs-approved = Aprobadas
admin-programs-waitlisted = En lista de espera
admin-programs-completed = Finalizadas
admin-programs-not-completed = No finalizadas
admin-programs-closed = Cerradas
# El rol de quien mira en el equipo del programa, en minúsculas ("usted: responsable").
admin-programs-your-role = usted: { $role }
admin-programs-edit = Editar
admin-programs-intakes = Convocatorias
admin-programs-team = Equipo
admin-programs-figures = Cifras
admin-programs-applications = Solicitudes
# Lo leen los lectores de pantalla tras la etiqueta de un enlace: "Convocatorias de Associate2Tech".
admin-programs-of = de { $program }
admin-programs-applications-to = a { $program }
admin-programs-publish = Publicar
admin-programs-archive = Archivar…
admin-programs-created = El programa se creó como borrador. Publíquelo cuando esté listo.
admin-programs-saved = El programa se guardó. Las solicitudes existentes no se ven afectadas.
admin-programs-admin-publishes = Como administrador, publique el programa usted mismo.
admin-programs-publication-asked = Se pidió a los administradores que publiquen { $program }. Recibirá una notificación cuando se publique.
admin-programs-publication-already-asked = Ya lo pidió: un administrador publica el programa cuando lo haya revisado.
admin-programs-not-a-draft = { $program } ya no es un borrador: no hay nada que pedir.
admin-programs-fix-before-publishing = Corrija las reglas del programa antes de publicarlo.
admin-programs-archived = { $program } está archivado: salió del catálogo; sus solicitudes se conservan.
admin-programs-published = { $program } está publicado en el catálogo.

## El formulario de programa (/admin/programs/new, /admin/programs/{slug}/edit)
program-form-new = Nuevo programa
program-form-edit = Editar { $program }
program-form-preview-title = Quién cumple los requisitos: { $heading }
program-form-slug-taken = Otro programa ya usa este identificador; elija otro.
program-form-status = Estado:
program-form-rules-note = Cambiar las reglas nunca afecta a las solicitudes existentes.
program-form-link-team = El equipo del programa
program-form-link-figures = Las cifras del programa
program-form-link-applications = Solicitudes a este programa
program-form-link-approvals = Aprobaciones pendientes en este programa
program-form-publishing = Publicar este borrador
program-form-from-proposal-before = Se creó a partir de
program-form-from-proposal-link = una propuesta de programa
program-form-from-proposal-after = , donde se conserva su historia.
program-form-check-then-publish = Revise las reglas, las convocatorias y lo que envía quien termina, y luego publíquelo: aparece en el catálogo y las personas pueden postularse.
# $when: el día y la hora en que se pidió la publicación.
program-form-owner-asked = Su responsable pidió publicarlo el { $when }.
program-form-publish = Publicar
program-form-you-asked = Usted pidió publicarlo el { $when }. Un administrador lo revisa y lo publica; entonces recibirá una notificación. Mientras tanto, puede seguir mejorándolo.
program-form-owner-asks-cohort = Solo los administradores publican. Cuando el programa esté completo (quién puede postularse, sus convocatorias, lo que envía quien termina), pídales que lo publiquen.
program-form-owner-asks = Solo los administradores publican. Cuando el programa esté completo (quién puede postularse, lo que envía quien termina), pídales que lo publiquen.
program-form-ask-to-publish = Pedir a un administrador que lo publique
program-form-only-admins-publish = Solo los administradores publican; el responsable del programa se lo pide cuando está completo.
program-form-the-program = El programa
program-form-slug = Identificador (la dirección del programa)
program-form-slug-hint = Letras minúsculas, dígitos y guiones. No se puede cambiar después.
program-form-name = Nombre
program-form-summary = Resumen (una oración para el catálogo)
program-form-provider = Proveedor
program-form-description = Descripción (párrafos separados por una línea vacía)
program-form-kind = Tipo
program-form-category = Categoría
program-form-format = Formato
program-form-duration = Duración en semanas (opcional)
program-form-who-can-apply = Quién puede postularse
program-form-tenure = Días de antigüedad necesarios
program-form-job-families = Familias de puestos (ninguna marcada: todas las familias)
program-form-site-types = Tipos de centro (ninguno marcado: todos los centros)
program-form-full-time-only = Solo empleados de tiempo completo
program-form-funding = Financiamiento
program-form-tuition-percent = Parte de la matrícula que se paga, en porcentaje (0 para programas sin matrícula)
program-form-cap-full-time = Tope anual para empleados de tiempo completo, en dólares
program-form-cap-part-time = Tope anual para empleados de medio tiempo, en dólares
program-form-budget = Presupuesto
program-form-annual-budget = Presupuesto anual, en dólares (opcional)
program-form-annual-budget-hint = Lo que el programa puede comprometer en un año calendario: la matrícula que cubre y sus plazas al costo por plaza, cada una contada en el año en que se aprueba. Se avisa al equipo del programa antes de una aprobación que lo superaría. Vacío: sin presupuesto.
program-form-seat-cost = Costo de una plaza, en dólares (programas en grupo, opcional)
program-form-seat-cost-hint = Lo que le cuesta a la empresa una plaza en una convocatoria.
program-form-approval-window = Aprobación y plazo de solicitud
program-form-manager-approves = El gerente aprueba
program-form-team-approves = El equipo del programa aprueba
program-form-opens-on = Las solicitudes se abren el (opcional)
program-form-closes-on = Las solicitudes se cierran el (opcional)
program-form-completion = Finalización
program-form-evidence = Lo que envía quien termina
program-form-verified-by = Quién confirma una finalización
program-form-completion-note = Qué enviar exactamente (opcional)
program-form-completion-note-hint = Se muestra en la página del programa y en la solicitud de comprobante; por ejemplo, “Su informe de calificaciones o certificado de estudios del periodo.”
program-form-leads-to = A qué conduce
program-form-targets-hint = Los puestos que cuentan como “pasó a un puesto objetivo” en el panel, 6, 12 y 24 meses después de una finalización.
program-form-target-families = Familias de los puestos a los que conduce (ninguna marcada: cualquier puesto nuevo)
program-form-title-keywords = Palabras clave del cargo (opcional)
program-form-title-keywords-hint = Separadas por comas; por ejemplo, “software, desarrollador”. Cuenta un cargo nuevo que contenga cualquiera de ellas; ninguna: cualquier cargo de las familias marcadas.
program-form-starting = Empezar el curso
program-form-start-url = Dirección de “Empezar el curso” (opcional)
program-form-start-url-hint = Una dirección https. Las personas con una plaza confirmada encuentran el enlace en su solicitud.
program-form-preview-hint = “Ver quién cumple los requisitos” cuenta los empleados activos a los que estas reglas hacen elegibles, hoy y dentro de 90 días, y no guarda nada.
program-form-create = Crear borrador
program-form-save = Guardar
program-form-preview = Ver quién cumple los requisitos
program-form-cancel = Cancelar

## Compartido por las páginas de un programa: la ruta de vuelta a la lista de programas
admin-programs-breadcrumb = Ruta de navegación
# Lo leen los lectores de pantalla tras "Programas" en la ruta de navegación.
admin-programs-to-administer = para administrar

## Las convocatorias de un programa (/admin/programs/{slug}/intakes)
intakes-title = Convocatorias de { $program }
intakes-name = Nombre
intakes-starts-on = Comienza el
intakes-seats = Plazas
intakes-allocation = Cómo se asignan las plazas
intakes-allocation-hint = Un sorteo recibe solicitudes durante un plazo; el día después de que cierra, las plazas se sortean entre las solicitudes aprobadas, y cualquier participante del sorteo puede verificarlo.
intakes-lottery = Sorteo
intakes-lottery-fields = El plazo y la prioridad de un sorteo
intakes-for-a-lottery = Para un sorteo
intakes-opens-on = Las solicitudes se abren el
intakes-closes-on = Las solicitudes se cierran el (último día)
intakes-closes-on-hint = Antes de que comience la convocatoria. Las plazas se sortean al día siguiente.
intakes-priority = Quién tiene prioridad en el sorteo
intakes-priority-first-time = Las personas que no finalizaron ningún programa en los últimos 12 meses
intakes-freed-seats = Cuando se libera una plaza
intakes-freed-at-once = Pasa de inmediato a la siguiente persona de la lista
intakes-freed-offer = Se ofrece a la siguiente persona de la lista, que la acepta o la rechaza
intakes-offer-days = Días hábiles para responder a una oferta
intakes-offer-days-hint = Cuando se acaba el plazo, la plaza se ofrece a la siguiente persona de la lista.
intakes-none = Todavía no hay convocatorias
intakes-none-hint = Agregue la primera convocatoria más abajo; las personas eligen una al postularse.
intakes-starts = Comienza el { $date }
intakes-seat-count = { $count ->
    [one] { $count } plaza
   *[other] { $count } plazas
}
intakes-taken = { $count ->
    [one] { $count } ocupada
   *[other] { $count } ocupadas
}
intakes-waiting = { $count } en espera.
intakes-draw-link = El sorteo publicado
# Lo leen los lectores de pantalla tras la etiqueta de un enlace.
intakes-for = de { $intake }
intakes-holders = Titulares de plaza
intakes-nobody-yet = Nadie todavía.
intakes-offered = Plazas ofrecidas
intakes-answer-by = con respuesta antes del final del { $day }
intakes-waitlist = Lista de espera, en orden
intakes-freed-offered = { $count ->
    [one] Una plaza liberada se ofrece a la primera persona de la lista, que tiene { $count } día hábil para aceptarla.
   *[other] Una plaza liberada se ofrece a la primera persona de la lista, que tiene { $count } días hábiles para aceptarla.
}
intakes-freed-given = Una plaza liberada pasa de inmediato a la primera persona de la lista.
intakes-open-place = Abra la plaza de una persona para moverla en la lista o a otra convocatoria.
intakes-nobody-waiting = Nadie está en espera.
intakes-edit = Editar { $intake }
intakes-save = Guardar convocatoria
intakes-add-heading = Agregar una convocatoria
intakes-add = Agregar convocatoria
# El plazo de una convocatoria por sorteo: "solicitudes del 1 May 2026" "al 15 May 2026".
intakes-window-from = solicitudes del { $date }
intakes-window-to = al { $date }
intakes-lottery-drawn = Plazas sorteadas el { $when }
intakes-lottery-due = Plazas sorteadas: el sorteo corresponde ahora ({ $window }).
intakes-lottery-pending = { $count ->
    [one] Las plazas se sortean el día después de que cierra el plazo ({ $window }); por ahora, { $count } solicitud aprobada participa en el sorteo.
   *[other] Las plazas se sortean el día después de que cierra el plazo ({ $window }); por ahora, { $count } solicitudes aprobadas participan en el sorteo.
}
intakes-added = Se agregó la convocatoria “{ $intake }”.
intakes-saved = { $count ->
    [one] La convocatoria se guardó con { $count } plaza.
   *[other] La convocatoria se guardó con { $count } plazas.
}
intakes-saved-with = { $count ->
    [one] La convocatoria se guardó con { $count } plaza
   *[other] La convocatoria se guardó con { $count } plazas
}
intakes-promoted = { $count ->
    [one] { $count } solicitud de la lista de espera obtuvo una plaza.
   *[other] { $count } solicitudes de la lista de espera obtuvieron una plaza.
}
intakes-seats-below-taken = { $count ->
    [one] { $count } plaza está ocupada: la convocatoria no puede tener menos.
   *[other] { $count } plazas están ocupadas: la convocatoria no puede tener menos.
}
intakes-drawn-already = Las plazas ya se sortearon: la forma de asignarlas, el plazo y la prioridad quedan como en el sorteo.
intakes-draw-waiting = { $count ->
    [one] { $count } solicitud aprobada espera el sorteo: la convocatoria sigue siendo por sorteo hasta que se realice.
   *[other] { $count } solicitudes aprobadas esperan el sorteo: la convocatoria sigue siendo por sorteo hasta que se realice.
}

## La plaza de una persona en una convocatoria (/admin/programs/{slug}/places/{id})
# El título son las dos partes juntas: "Plaza de Ana Lima" "en Mayo 2026".
place-title-owner = Plaza de { $owner }
place-title-intake = en { $intake }
place-where = Dónde está
# $position: un lugar en la lista ("3.º"); $count: cuántas personas hay en ella.
place-line = { $position } de { $count }
place-on-waitlist-of = en la lista de espera de { $intake }.
# Le sigue el nombre de la persona.
place-offered = Se ofrece una plaza de { $intake } a
place-answer-by = para aceptarla o rechazarla antes del final del { $day }
place-in-draw = Aprobada, en el sorteo de plazas de { $intake }.
# Tras el estado de la solicitud: "Aprobada, en Mayo 2026."
place-in-intake = en { $intake }.
place-intake-starts = La convocatoria comienza el { $date }.
place-application-link = La solicitud y su historial
place-own = Esta es su propia solicitud: la mueve otra persona del equipo del programa.
place-move-in-line = Mover en la lista
place-others-keep-order = Las demás personas conservan su orden.
place-told = Se informa a { $owner } del cambio y de su motivo, que quedan en el historial y en el registro de auditoría.
place-position = Lugar en la lista
# Tras el lugar actual en la lista: "3.º (actual)".
place-now = actual
place-reason = Motivo
place-line-reason-hint = Por ejemplo: “Acordado con RR. HH.: regresa de una licencia parental.”
place-move-intake = Mover a otra convocatoria
place-move-hint = La solicitud conserva sus aprobaciones. En la otra convocatoria ocupa una plaza libre, o pasa al final de su lista de espera, o entra en su sorteo de plazas mientras un sorteo recibe solicitudes.
place-seat-freed = La plaza que ocupa aquí pasa a la siguiente persona de la lista.
place-intake = Convocatoria
place-choose-intake = Elija una convocatoria
place-move-reason-hint = Por ejemplo: “Pidió empezar más tarde por un cambio de equipo.”
place-move-to-intake = Mover a esta convocatoria
place-nothing-to-change = Aquí no hay nada que cambiar:
place-nobody-else = no hay nadie más en la lista, y
place-no-other-intake = el programa no tiene otra convocatoria que no haya comenzado
place-stays-in-intake = una solicitud en estado “{ $status }” se queda en su convocatoria
# Otra convocatoria a la que mover: "Mayo 2026, comienza el 4 May 2026: una plaza (3 libres)".
place-starts = comienza el { $date }
place-gets-draw = su sorteo de plazas
place-gets-seat = { $count ->
    [one] una plaza ({ $count } libre)
   *[other] una plaza ({ $count } libres)
}
place-gets-waitlist-after-draw = su lista de espera después del sorteo
place-gets-waitlist-end = el final de su lista de espera
place-stale = Esta solicitud cambió mientras la página estaba abierta; ahora está en estado “{ $status }”. Revise la página e inténtelo de nuevo.
place-choose-position = Elija el lugar en la lista.
place-choose-target = Elija la convocatoria a la que mover la solicitud.
place-choose-other-intake = Elija otra convocatoria de este programa.
# Tras el nombre de la persona: "Ana Lima sigue en el 3.º lugar de la lista."
place-stays = sigue en el { $position } lugar de la lista.
# Tras el nombre de la persona: "Ana Lima pasó del 3.º lugar" "al 1.º de la lista; se le explicó el motivo."
place-moved-from = pasó del { $position } lugar
place-moved-to = al { $position } de la lista; se le explicó el motivo.
# Le siguen el nombre de la otra convocatoria y dónde queda la solicitud en ella.
place-moved-application = La solicitud de { $owner } ahora está en
place-moved-to-waitlist = al final de su lista de espera; se le explicó el motivo.
place-moved-to-draw = en su sorteo de plazas; se le explicó el motivo.
place-moved-to-seat = con una plaza; se le explicó el motivo.

## Comprobantes de finalización que esperan revisión (/admin/verification)
verification-title = Verificación — administración
verification-heading = Verificación
verification-none-waiting = Ningún comprobante espera revisión.
verification-waiting = { $count ->
    [one] { $count } envío espera revisión.
   *[other] { $count } envíos esperan revisión, primero los que más tiempo llevan esperando.
}
verification-nothing = Nada que revisar
verification-nothing-hint = Cuando alguien envíe el comprobante de haber finalizado un programa que revisa el equipo del programa, aparecerá aquí.
verification-caption = Comprobantes de finalización que esperan revisión, primero los que más tiempo llevan esperando
verification-person = Persona
verification-program = Programa
verification-evidence = Comprobante
verification-completed-on = Finalizado el
verification-sent = Enviado
# Lo leen los lectores de pantalla tras el nombre de la persona.
verification-check = revisar el comprobante
verification-credential = Credencial
verification-file = Archivo

## Pagos de matrícula (/admin/payments)
# El título de la página: "Matrícula pendiente" ", filtrada" "— pagos — administración".
admin-payments-title-due = Matrícula pendiente
admin-payments-title-paid = Matrícula pagada
admin-payments-title-filtered = , con filtros
admin-payments-title-end = — pagos — administración
admin-payments-heading = Pagos de matrícula
admin-payments-download = Descargar CSV de esta selección
admin-payments-view = Vista de pagos
admin-payments-due = Pendiente
admin-payments-paid = Pagado
admin-payments-due-hint = Solicitudes de matrícula con plaza cuyo importe cubierto no está pagado por completo, primero la aprobación más antigua.
admin-payments-paid-hint = Todos los pagos registrados, primero los más recientes.
admin-payments-filter-label = Filtrar pagos
admin-payments-program = Programa
admin-payments-any-program = Cualquier programa con matrícula
admin-payments-approved-from = Aprobadas desde
admin-payments-approved-until = Aprobadas hasta
admin-payments-employee = Empleado
admin-payments-employee-hint = Parte del nombre, o el comienzo de la dirección de correo electrónico.
admin-payments-paid-from = Pagados desde
admin-payments-paid-until = Pagados hasta
admin-payments-employee-or-invoice = Empleado o factura
admin-payments-employee-or-invoice-hint = Parte del nombre, o el comienzo de la dirección de correo electrónico o del número de factura.
admin-payments-filter = Filtrar
admin-payments-clear = Quitar filtros
admin-payments-none-shown = No se muestran pagos
admin-payments-correct-filters = Corrija los filtros de arriba.
admin-payments-nothing-matches = Nada coincide
admin-payments-no-due-matches = Ninguna matrícula pendiente coincide con estos filtros.
admin-payments-no-payment-matches = Ningún pago coincide con estos filtros.
admin-payments-clear-filters = Quite los filtros
admin-payments-nothing-due = No hay nada pendiente
admin-payments-nothing-due-hint = Todas las solicitudes de matrícula aprobadas están pagadas por completo.
admin-payments-none-yet = Todavía no hay pagos
admin-payments-none-yet-hint = Los pagos aparecen aquí cuando el equipo del programa los registra en la página de una solicitud.
admin-payments-totals = Totales de esta selección
admin-payments-applications = Solicitudes
admin-payments-covered = Cubierto
admin-payments-left = Por pagar
admin-payments-payments = Pagos
admin-payments-due-caption = Matrícula pendiente, primero la aprobación más antigua
admin-payments-approved-on = Aprobada el
admin-payments-paid-caption = Pagos de matrícula, primero los más recientes
admin-payments-paid-on = Pagado el
admin-payments-invoice = Factura
admin-payments-amount = Importe
admin-payments-recorded-by = Registrado por
admin-payments-choose-view = Elija lo pendiente o los pagos realizados.
admin-payments-choose-program = Elija un programa de la lista.
admin-payments-real-date = Ingrese una fecha válida, por ejemplo, 31 de enero de 2026.
admin-payments-range = El final del rango debe ser igual o posterior a su comienzo.
admin-payments-search-length = { $count ->
    [one] Busque con { $count } carácter como máximo.
   *[other] Busque con { $count } caracteres como máximo.
}
# $count: cuántas personas puede nombrar una búsqueda como máximo.
admin-payments-too-broad-due = Más de { $count } personas coinciden con “{ $search }”: escriba más del nombre, o el comienzo de la dirección de correo electrónico.
admin-payments-too-broad-paid = Más de { $count } personas o facturas coinciden con “{ $search }”: escriba más del nombre, o el comienzo de la dirección de correo electrónico o del número de factura.

## Tokens de aprovisionamiento para SCIM (/admin/provisioning)
provisioning-title = Aprovisionamiento
provisioning-people = Personas
provisioning-lead = El proveedor de identidad de la empresa (Okta, Microsoft Entra ID) crea, actualiza y desactiva personas en Upskill mediante SCIM 2.0, con un token creado aquí.
# Le sigue la dirección base de SCIM.
provisioning-base-address = Su dirección base es
provisioning-copy-now = Copie ahora el token “{ $token }”
provisioning-paste = Péguelo en la configuración SCIM del proveedor de identidad como token de portador (token de API, token secreto). Upskill solo guarda una huella de él: cuando salga de esta página, nadie podrá volver a mostrarlo.
provisioning-token = Token
provisioning-tokens = Tokens
provisioning-none = Todavía no hay ningún token: el proveedor de identidad no puede aprovisionar a nadie. Cree uno más abajo.
provisioning-caption = Tokens de aprovisionamiento, primero los más recientes
provisioning-name = Nombre
provisioning-created = Creado
provisioning-created-by = Creado por
provisioning-last-used = Último uso
provisioning-status = Estado
provisioning-revoked-on = Revocado el { $when }
provisioning-revoke = Revocar
provisioning-new-token = Nuevo token
provisioning-name-hint = Quién lo usa, por ejemplo “Okta producción”. Como máximo 80 caracteres.
provisioning-create = Crear el token
provisioning-command-line = Upskill (línea de comandos)
provisioning-never = Nunca
provisioning-revoked = El token “{ $token }” quedó revocado: el proveedor de identidad ya no puede usarlo.
provisioning-already-revoked = El token “{ $token }” ya estaba revocado.
provisioning-revoke-title = ¿Revocar el token { $token }?
provisioning-revoke-name = Revocar { $token }
provisioning-revoke-heading = ¿Revocar el token “{ $token }”?
provisioning-was-revoked = Este token se revocó el { $when }.
provisioning-back = Volver a aprovisionamiento
provisioning-revoke-effect = El proveedor de identidad que lo usa será rechazado de inmediato: ya no se crean, actualizan ni desactivan personas a través de él hasta que reciba un token nuevo. No cambia nadie que ya esté en Upskill.
# "Creado el 3 May 2026 at 10:00 UTC" "por Ada Admin;" "último uso: Nunca."
provisioning-created-on = Creado el { $when }
provisioning-by = por { $name };
provisioning-last-used-on = último uso: { $when }.
provisioning-revoke-token = Revocar el token
provisioning-keep = Conservarlo

## La revisión de las propuestas de programas por los administradores (/admin/proposals)
admin-proposals-title = Propuestas de programas
admin-proposals-lead = Programas que proponen los empleados. Aprobar una crea un programa en borrador cuyo responsable es quien lo propuso, que lo completa y pide que se publique; pedir cambios le permite editarla y enviarla de nuevo; rechazarla le pone fin. Nadie decide sobre su propia propuesta.
admin-proposals-to-publish = Borradores que esperan publicación
admin-proposals-to-publish-hint = Sus responsables los completaron y piden que se publiquen. Revise cada programa y luego publíquelo desde su página o desde la lista de programas.
admin-proposals-asked = pedido el { $when }
admin-proposals-by-status = Propuestas por estado
admin-proposals-none-waiting = Ninguna propuesta espera revisión.
# $status: el estado de una propuesta, en minúsculas.
admin-proposals-none = Ninguna propuesta está en estado “{ $status }”.
admin-proposals-caption-oldest = Propuestas: { $status }, primero las más antiguas
admin-proposals-caption-newest = Propuestas: { $status }, primero las más recientes
admin-proposals-program = Programa
admin-proposals-proposed-by = Propuesta por
admin-proposals-kind = Tipo
admin-proposals-cost = Costo de una plaza
admin-proposals-status = Estado
admin-proposals-last-change = Último cambio
