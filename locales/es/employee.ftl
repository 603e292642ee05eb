# Las páginas de una persona empleada: inicio, cuenta, la página de un programa, su sorteo,
# las notificaciones, el historial de formación y los enlaces de página de las listas largas.

# Enlaces de página debajo de una lista larga (templates/_pagination.html).
paging-label = Páginas
# El rastro de enlaces sobre el título de una página.
paging-breadcrumb = Ruta de navegación
paging-previous = Anterior
paging-next = Siguiente
paging-position = Página { $page } de { $count }

# La página de inicio (/).
home-title = Inicio
home-hello = Hola, { $name }
home-lead = Desarrolle sus habilidades con programas pagados por la empresa.
# Debajo de un número que se muestra aparte, arriba de las palabras.
home-open-programs = { $count ->
    [one] programa abierto para usted
   *[other] programas abiertos para usted
}
home-unread = { $count ->
    [one] notificación sin leer
   *[other] notificaciones sin leer
}
home-awaiting = en espera de su decisión
home-my-applications = Mis solicitudes
home-none-title = Todavía no tiene solicitudes
# "Explore el [catálogo de programas] para ver a qué puede postularse."
home-none-before = Explore el
home-none-link = catálogo de programas
home-none-after = para ver a qué puede postularse.
home-recent-caption = Sus solicitudes más recientes
home-column-program = Programa
home-column-status = Estado
home-column-submitted = Fecha de envío
# Una plaza aprobada cuya convocatoria ya comenzó.
home-all-applications = Todas mis solicitudes

# La página de la cuenta (/account) y la de su contraseña (/account/password).
account-title = Su cuenta
account-profile-title = Cómo lo conoce Upskill
account-name = Nombre
account-email = Correo electrónico del trabajo
account-job-title = Puesto
account-site = Tipo de sede
account-manager = Gerente
account-no-manager = Ninguno: el equipo del programa decide sus solicitudes
account-profile-hint = Estos datos vienen del sistema de Recursos Humanos. Si algo no es correcto, pida a Recursos Humanos que lo corrija allí.
account-learning-text = Los programas que completó, con sus fechas y credenciales, para conservarlos o compartirlos.
account-email-title = Correo electrónico
account-email-off = Por el momento Upskill no envía correos electrónicos; su elección se aplicará cuando lo haga.
account-email-question = ¿Cómo quiere enterarse de las solicitudes y las aprobaciones?
account-email-each = Un correo por cada novedad
account-email-digest = Un resumen diario
account-email-digest-hint = Se envía cada día a las { $hour }:00 de su huso horario ({ $zone }) con todo lo ocurrido desde el anterior, recordatorios incluidos.
account-email-save = Guardar la elección de correo
account-email-saved-digest = Guardado: ahora recibirá sus correos en un solo resumen diario.
account-email-saved-each = Guardado: ahora recibirá un correo por cada novedad.
account-password-short-title = Contraseña
account-password-text = Usted inicia sesión con su dirección de correo electrónico del trabajo y su contraseña de Upskill.
account-password-title = Cambiar su contraseña
account-sessions-title = Dónde tiene la sesión iniciada
account-sessions-this-one = Solo en este navegador.
account-sessions-many = En { $count } navegadores, incluido este.
account-sign-out-everywhere = Cerrar sesión en todas partes
account-sign-out-everywhere-hint = Todos los navegadores donde tiene la sesión iniciada, también este, le pedirán que vuelva a iniciar sesión.
account-signed-out-everywhere = Cerró sesión en todas partes: todos los navegadores deberán volver a iniciar sesión.
account-feed-title = Calendario suscrito
account-feed-address = La dirección de su calendario
account-feed-address-hint = Cópiela ahora en su aplicación de calendario («Suscribirse a un calendario» o «Agregar calendario desde una URL»): Upskill la muestra solo esta vez. Manténgala en privado: cualquier persona que la tenga ve sus plazas.
account-feed-on = Su calendario está activo (dirección creada el { $date }). Las aplicaciones de calendario suscritas a él muestran el inicio de cada convocatoria en la que tiene una plaza.
account-feed-replace = Reemplazar la dirección
account-feed-replace-hint = Si la dirección se compartió o se perdió: recibe una nueva y la anterior deja de funcionar.
account-feed-turn-off = Desactivar el calendario
account-feed-turn-off-hint = La dirección deja de funcionar; las aplicaciones de calendario suscritas a ella ya no reciben nada.
account-feed-offer = Suscríbase a sus plazas desde su aplicación de calendario (Outlook, Google Calendar, Apple Calendar): mostrará el inicio de cada convocatoria en la que tiene una plaza y se mantendrá al día cuando sus plazas cambien.
account-feed-create = Crear una dirección de calendario
account-feed-create-hint = Una dirección privada para su aplicación de calendario, que se le muestra una sola vez.
account-feed-created = Su calendario está activo. Copie su dirección ahora: se muestra una sola vez.
account-feed-replaced = Su calendario tiene una nueva dirección y la anterior ya no funciona. Copie la nueva ahora: se muestra una sola vez.
account-feed-turned-off = Su calendario está desactivado: su dirección ya no funciona.
account-feed-already-off = Su calendario ya estaba desactivado.
account-password-current = Contraseña actual
account-password-new = Nueva contraseña
account-password-new-hint = Al menos { $count } caracteres, los que quiera. Unas cuantas palabras que vaya a recordar, con espacios, forman una buena contraseña; las contraseñas muy comunes se rechazan.
account-password-again = Repita la nueva contraseña
account-password-others-hint = Todos los demás navegadores donde tiene la sesión iniciada deberán volver a iniciar sesión; este seguirá con la sesión iniciada.
account-password-save = Cambiar la contraseña
account-cancel = Cancelar
account-password-not-current = Esta no es su contraseña actual.
account-password-differ = Las dos contraseñas nuevas no coinciden. Escriba la misma contraseña dos veces.
account-password-same = Elija una contraseña distinta de la actual.
account-password-changed = Se cambió su contraseña.
account-password-changed-elsewhere = { $count ->
    [one] Se cambió su contraseña y se cerró su sesión en { $count } navegador más.
   *[other] Se cambió su contraseña y se cerró su sesión en { $count } navegadores más.
}

# El historial de formación (/account/learning-record) y su tabla en la ficha de una persona.
record-title = Su historial de formación
record-short-title = Historial de formación
record-download = Descargar como CSV
record-lead = Todos los programas que completó, confirmados por su equipo del programa o aceptados con su credencial.
record-caption = Programas que completó, del más reciente al más antiguo
record-empty = Todavía no hay ningún programa completado. Un programa aparece aquí una vez que se confirma que lo completó.
record-column-program = Programa
record-column-completed = Completado el
record-column-credential = Credencial
record-credential-id = ID { $id }
record-verify = Verificar

# Las notificaciones (/notifications).
notifications-title = Notificaciones
notifications-mark-all = Marcar todas como leídas
notifications-none-title = Todavía no hay nada
notifications-none-text = Cuando ocurra algo con sus solicitudes, o algo espere su decisión, aparecerá aquí.
notifications-new = Nueva
notifications-open-application = Abrir la solicitud
notifications-mark-read = Marcar como leída
notifications-quoted = «{ $text }»
notifications-already-read = Esa notificación ya estaba leída.
notifications-marked = Marcada como leída.
notifications-nothing-unread = No había nada sin leer.
notifications-marked-count = { $count ->
    [one] { $count } notificación marcada como leída.
   *[other] { $count } notificaciones marcadas como leídas.
}

# La página de un programa (/programs/<slug>).
program-about = Acerca del programa
program-provider = Proveedor
program-duration = Duración
program-weeks = { $count ->
    [one] { $count } semana
   *[other] { $count } semanas
}
program-approval = Aprobación
program-approval-manager-then-team = Su gerente aprueba y luego el equipo del programa confirma su plaza.
program-approval-manager = Su gerente aprueba.
program-approval-team = El equipo del programa aprueba.
program-approval-none = No se necesita aprobación: su plaza se confirma cuando se postula.
program-who-can-apply = Quién puede postularse
program-rule-tenure = { $count ->
    [one] Al menos { $count } día de antigüedad.
   *[other] Al menos { $count } días de antigüedad.
}
program-rule-job-families = Familias de puestos: { $names }.
program-rule-sites = Sedes: { $names }.
program-rule-full-time = Solo personal de tiempo completo.
program-rule-everyone = Todo el personal.
program-window = Período de solicitudes
program-window-opens = Las solicitudes se abren el { $date }.
program-window-closes = Las solicitudes se cierran el { $date }.
program-window-from = Solicitudes abiertas del { $date }
program-date-to = al { $date }.
program-when-you-finish = Al terminar
program-funding = Financiamiento
program-funding-full-time = La empresa paga el { $count } % de la matrícula, hasta { $cap } por año calendario para el personal de tiempo completo
program-funding-part-time = y { $cap } para el personal de tiempo parcial.
program-funding-left = Le quedan { $left }
program-funding-left-of = de { $cap } para { $year }.
program-funding-hint = Para un período que comienza en ese año, después de sus solicitudes aprobadas y de las que aún esperan una decisión.
program-free = Gratis para usted: la empresa cubre el costo del programa.
program-intakes = Convocatorias
program-no-intakes-title = No hay convocatorias programadas
program-no-intakes-text = El equipo del programa todavía no programó la próxima convocatoria.
program-intakes-caption = Convocatorias de { $program }
program-column-intake = Convocatoria
program-column-starts = Inicio
program-column-seats = Plazas
program-column-seats-left = Plazas libres
program-full = Completa: lista de espera
program-lottery-from = Plazas asignadas por sorteo; solicitudes del { $date }
program-your-application = Su solicitud
program-can-i-apply = ¿Puedo postularme?
program-apply = Postularse a { $program }

# El sorteo de plazas de una convocatoria por sorteo (/programs/<slug>/intakes/<id>/draw).
draw-title = Sorteo de plazas de { $intake }
draw-how = { $count ->
    [one] Cómo se asigna la única plaza
   *[other] Cómo se asignan las { $count } plazas
}
draw-rules-drawn-from = Las solicitudes se recibieron del { $date }
draw-rules-drawn = al { $date }, y todas las solicitudes aprobadas hasta entonces entraron en el sorteo. El día siguiente al cierre, las plazas se sortearon una sola vez: las primeras solicitudes en el orden del sorteo obtuvieron las plazas y las demás forman la lista de espera en ese orden
draw-rules-from = Las solicitudes se reciben del { $date }
draw-rules = al { $date }, y todas las solicitudes aprobadas hasta entonces entran en el sorteo. El día siguiente al cierre, las plazas se sortean una sola vez: las primeras solicitudes en el orden del sorteo obtienen las plazas y las demás forman la lista de espera en ese orden
draw-rules-first-time = , primero las de quienes no completaron ningún programa en los 12 meses anteriores al cierre y luego las demás, cada grupo en el orden del sorteo
draw-yours-waiting = Su solicitud está en el sorteo.
draw-yours-seat = Su solicitud es la número { $count } en el orden del sorteo: obtuvo una plaza.
draw-yours-waitlist = Su solicitud es la número { $count } en el orden del sorteo: quedó en la lista de espera.
draw-drawn = Fecha del sorteo
draw-in-draw = En el sorteo
draw-applications = { $count ->
    [one] { $count } solicitud
   *[other] { $count } solicitudes
}
draw-seed = Semilla
draw-check-title = Compruébelo usted mismo
draw-check-seed = La semilla es el SHA-256 de los números de solicitud que figuran abajo, ordenados de menor a mayor y separados por comas, seguidos de
draw-check-closing-date = y la fecha de cierre
draw-check-generator = Es la clave del generador ChaCha20 cuyos números barajan la lista ordenada (Fisher–Yates, desde la última posición hasta la segunda). Los operadores de Upskill ejecutan
draw-check-command = que rehace el sorteo a partir de estos datos e indica si coincide.
draw-not-yet = { $count ->
    [one] Todavía no se hizo el sorteo: por ahora hay { $count } solicitud aprobada en el sorteo. La semilla y el orden del sorteo aparecerán aquí el día siguiente al { $date }.
   *[other] Todavía no se hizo el sorteo: por ahora hay { $count } solicitudes aprobadas en el sorteo. La semilla y el orden del sorteo aparecerán aquí el día siguiente al { $date }.
}
draw-order = El orden del sorteo
draw-order-caption = Solicitudes en el orden del sorteo, con el resultado de cada una; sin nombres
draw-column-position = Posición
draw-column-application = N.º de solicitud
draw-column-employee = N.º de empleado
draw-column-completed-recently = Completó un programa en los últimos 12 meses
draw-column-result = Resultado
draw-you = (usted)
draw-yes = Sí
draw-no = No
draw-result-seat = Una plaza
draw-result-waitlist = Lista de espera
