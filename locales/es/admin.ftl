# Las páginas de la administración: su navegación, el tablero del compromiso y las cifras
# de un programa, el recuento de elegibles, los presupuestos, las solicitudes, las
# personas, el registro de auditoría, el archivo, la configuración del compromiso, la
# importación de empleados y las invitaciones. Se trata a la persona de usted.

## navegación de la administración
admin-nav-administration = Administración
admin-nav-my-programs = Mis programas
admin-nav-dashboard = Tablero
admin-nav-programs = Programas
admin-nav-programs-more = para administrar
admin-nav-people = Personas
admin-nav-proposals = Propuestas
admin-nav-applications = Solicitudes
admin-nav-payments = Pagos
admin-nav-verification = Verificación
admin-nav-verification-waiting = ({ $shown } en espera)
admin-nav-audit = Registro de auditoría
admin-nav-settings = Configuración

## el tablero del compromiso: seguimiento
dashboard-title = Tablero del compromiso
dashboard-settings = Configuración del compromiso
dashboard-lead-target = Avance hacia el compromiso: formar a { $target } empleados
dashboard-lead-budget = con { $budget }
dashboard-lead-deadline = antes del { $deadline }.
dashboard-tracker = Seguimiento del compromiso
dashboard-participants = Empleados formados
dashboard-of = de
dashboard-of-target = de la meta
dashboard-target-reached = : meta alcanzada
dashboard-participants-note = Empleados que completaron al menos un programa.
dashboard-funding = Fondos comprometidos
dashboard-of-budget = del presupuesto.
dashboard-funding-note = La matrícula que cubre la empresa y el costo por plaza de las plazas aprobadas, menos lo que devolvieron los retiros (el gráfico de abajo, mes a mes).
dashboard-paid-so-far = pagados hasta ahora a las instituciones
dashboard-paid-link = pagos de matrícula
dashboard-deadline = Fecha límite

## el tablero del compromiso: el dinero frente al presupuesto
dashboard-forecast-heading = El dinero frente al presupuesto
dashboard-forecast-hint = Lo comprometido cuenta la matrícula cubierta y el costo por plaza de las plazas aprobadas cada mes (el dinero que devuelve un retiro sale de ahí); lo pagado cuenta los pagos de matrícula registrados. Después de este mes, las líneas punteadas siguen al ritmo de los últimos 90 días hasta la fecha límite.
dashboard-forecast-title = Dinero comprometido y pagado frente al presupuesto del compromiso, con la previsión hasta la fecha límite
dashboard-legend = Leyenda
dashboard-forecast-figures = Las cifras, mes a mes
dashboard-forecast-caption = Dinero comprometido y pagado al final de cada mes
dashboard-forecast-mark = (previsión)
dashboard-line-committed = Comprometido
dashboard-line-paid = Pagado
dashboard-line-forecast = Previsión al ritmo de los últimos 90 días
dashboard-line-budget = Presupuesto
dashboard-series-committed = comprometido
dashboard-series-paid = pagado
dashboard-series-committed-forecast = comprometido (previsión)
dashboard-series-paid-forecast = pagado (previsión)
dashboard-budget-line = Presupuesto { $amount }

## el tablero del compromiso: período
dashboard-period = Período
dashboard-period-hint = Los gráficos de abajo cuentan las solicitudes hechas en estos meses y lo que pasó con ellas desde entonces. El seguimiento del compromiso de arriba cuenta todo el período.
dashboard-period-from = Primer mes
dashboard-period-from-hint = Año y mes, por ejemplo 2026-01.
dashboard-period-to = Último mes
dashboard-period-show = Mostrar
dashboard-period-years = Años calendario:
dashboard-all-time = todo el período

## el tablero del compromiso: solicitudes
dashboard-applications = Solicitudes
dashboard-in-total = en total
dashboard-made-in = hechas { $period }
dashboard-months-heading = Solicitudes por mes según su estado
dashboard-months-hint = Cada columna es un mes de solicitud, dividida según dónde están hoy sus solicitudes.
dashboard-month = Mes
dashboard-total = Total
dashboard-all-months = Todos los meses mostrados
dashboard-none-title = Todavía no hay solicitudes
dashboard-none-text = Los gráficos de solicitudes por mes, etapa, tipo de sede y programa aparecen aquí en cuanto los empleados se postulen a programas.
dashboard-none-period-title = No hay solicitudes en este período
dashboard-none-period = Nadie se postuló { $period }. Elija otros meses o
dashboard-none-period-link = vea todo el período
# Dónde están hoy las solicitudes, en la leyenda y la tabla del gráfico mensual.
dashboard-group-in-review = En revisión
dashboard-group-approved = Aprobadas
dashboard-group-completed = Completadas
dashboard-group-not-completed = No completadas
dashboard-group-rejected = Rechazadas
dashboard-group-withdrawn = Retiradas
# Lo mismo, después de un número en el título de una columna: "marzo de 2026: 3 en revisión".
dashboard-series-in-review = en revisión
dashboard-series-approved = aprobadas
dashboard-series-completed = completadas
dashboard-series-not-completed = no completadas
dashboard-series-rejected = rechazadas
dashboard-series-withdrawn = retiradas

## el tablero del compromiso: gráficos de barras
dashboard-funnel-heading = De la solicitud a un nuevo puesto
dashboard-funnel-intro = Cuántas solicitudes llegaron a cada etapa: todas las solicitudes se enviaron; aprobadas cuenta las aprobadas o completadas desde entonces; con cambio de puesto cuenta las finalizaciones cuyo participante trabaja hoy en otro puesto que antes de completar.
dashboard-funnel-caption = Solicitudes por etapa alcanzada
dashboard-stage = Etapa
dashboard-share-of-submitted = Proporción de las enviadas
dashboard-moved-into-new-role = Con cambio a un nuevo puesto
dashboard-sites-heading = Participación por tipo de sede
dashboard-sites-intro = Solicitudes según dónde trabajaban los solicitantes cuando se postularon.
dashboard-sites-caption = Solicitudes por tipo de sede
dashboard-share = Proporción
dashboard-programs-heading = Participación por programa
dashboard-programs-intro = Solicitudes a cada programa publicado, y a cualquier otro programa que tenga alguna.
dashboard-programs-caption = Solicitudes por programa

## el tablero del compromiso: resultados y el grupo de comparación
dashboard-outcomes-heading = A qué llevaron las finalizaciones
dashboard-outcomes-hint = Para cada finalización verificada, el historial laboral del participante indica dónde estaba { $months } meses después de completar: en un puesto al que lleva el programa (sus puestos objetivo), en otro puesto, fuera de la empresa o en el mismo puesto que antes. Un nuevo gerente o una nueva sede por sí solos no son un nuevo puesto. Los participantes que completaron hace menos tiempo se cuentan como aún no conocidos.
dashboard-outcomes-all-horizons = 6, 12 y 24
dashboard-horizons = Meses después de completar
dashboard-horizon-months = { $count ->
    [one] { $count } mes
   *[other] { $count } meses
}
dashboard-outcomes-caption = { $count ->
    [one] Resultados { $count } mes después de completar, por programa
   *[other] Resultados { $count } meses después de completar, por programa
}
dashboard-program = Programa
dashboard-site-type = Tipo de sede
dashboard-outcome-known = Resultado conocido
dashboard-not-yet-known = Aún no conocido
dashboard-outcomes-shares = Las proporciones son de los participantes cuyo resultado se conoce. Una fila por participante y finalización:
dashboard-download-csv = descargar como CSV
dashboard-or = o
dashboard-as-json = como JSON
dashboard-comparison-heading = Comparados con colegas que no participaron
dashboard-comparison-hint = Cada participante cuyo resultado a 12 meses se conoce se pone junto a los empleados que nunca tuvieron una plaza en un programa y que, cuando el participante empezó, trabajaban en el mismo tipo de sede y la misma familia de puestos con la misma antigüedad (menos de 1 año, 1–3, 3–5, 5 o más). Para esos colegas contamos quiénes seguían trabajando aquí y quiénes trabajaban en otro puesto, desde el mes en que el participante empezó hasta 12 meses después de completar. Se dejan fuera los participantes con menos de 5 colegas así. Esto compara; no demuestra que el programa haya causado la diferencia: quienes eligen formarse pueden diferir de quienes no lo hacen en aspectos que los registros no muestran.
dashboard-comparison-not-computed = La comparación se calcula una vez al día y todavía no se ha calculado.
dashboard-comparison-none = Ningún participante completó hace 12 meses o más todavía.
dashboard-comparison-none-period = Ningún participante que se postuló { $period } completó hace 12 meses o más todavía.
dashboard-comparison-caption = Participantes y colegas comparables 12 meses después de completar, por programa
dashboard-comparison-computed = Se calcula una vez al día; la última vez el { $computed }.
dashboard-comparison-colleagues = con { $colleagues } colegas
dashboard-outcomes-none = Todavía no se ha verificado ninguna finalización.
dashboard-outcomes-none-period = Todavía no se ha verificado ninguna finalización de las solicitudes hechas { $period }.
dashboard-outcomes-none-after = Los resultados aparecen aquí desde la primera.

## el tablero del compromiso: de la solicitud a un nuevo puesto, y su costo
dashboard-funnel-tables-heading = De la solicitud a un nuevo puesto, por programa y tipo de sede
dashboard-funnel-all = Todas las solicitudes
dashboard-funnel-period = Las solicitudes hechas { $period }
dashboard-funnel-hint = cuántas recibieron una plaza, cuántas de ellas se completaron y cuántos de quienes completaron trabajan hoy en otro puesto que antes (con cambio de puesto). Cada etapa es una proporción de la anterior: aprobadas de enviadas, completadas de aprobadas, con cambio de puesto de completadas. La mediana del tiempo hasta el cambio cuenta meses enteros desde la finalización hasta el primer día en el nuevo puesto.
dashboard-funnel-by-program = El embudo por programa
dashboard-funnel-by-site = El embudo por tipo de sede
dashboard-submitted = Enviadas
dashboard-approved = Aprobadas
dashboard-completed = Completadas
dashboard-moved = Con cambio de puesto
dashboard-median-to-move = Mediana del tiempo hasta el cambio
dashboard-compared = Comparados
dashboard-still-here = Siguen aquí
dashboard-colleagues-still-here = Colegas que siguen aquí
dashboard-in-new-role = En un nuevo puesto
dashboard-colleagues-in-new-role = Colegas en un nuevo puesto
dashboard-costs-heading = Costo por persona formada
dashboard-costs-hint = Lo que cada programa gastó en estas solicitudes (la matrícula pagada y, en un programa por cohortes, su costo por plaza por cada plaza otorgada), dividido entre las personas que lo completaron y entre las que pasaron a un nuevo puesto.
dashboard-costs-none = No se pagó matrícula ni se otorgó ninguna plaza con costo en estas solicitudes.
dashboard-costs-caption = Costo por persona formada, por programa
dashboard-spent = Gastado
dashboard-per-completion = Por finalización
dashboard-per-move = Por cambio de puesto
dashboard-committed = Comprometido
dashboard-paid = Pagado

## presupuestos por programa (el tablero y las cifras de un programa)
budgets-heading = Presupuestos por programa
budgets-hint = El año presupuestario es el año calendario, del 1 de enero al 31 de diciembre de { $year }. Comprometido: por cada plaza aprobada este año y que se mantiene (completada o no), la matrícula cubierta y, en los programas por cohortes, el costo por plaza. Pagado: los pagos de matrícula registrados este año.
budgets-caption = Presupuesto, comprometido y pagado por programa en { $year }
budgets-budget = Presupuesto
budgets-left = Disponible
budgets-share-used = Proporción usada
budgets-over-by = Excedido en { $amount }
budgets-none-set = Sin presupuesto definido

## las cifras de un programa
figures-title = Cifras de { $program }
figures-breadcrumb = Ruta de navegación
figures-figures = Cifras
figures-funnel-hint = Todas las solicitudes al programa hasta ahora: cuántas recibieron una plaza, cuántas de ellas se completaron y cuántos de quienes completaron trabajan hoy en otro puesto que antes (con cambio de puesto). Cada etapa es una proporción de la anterior. La mediana del tiempo hasta el cambio cuenta meses enteros desde la finalización hasta el primer día en el nuevo puesto.
figures-funnel-caption = El embudo de { $program }
figures-funnel-none = Nadie se ha postulado a este programa todavía.
figures-cost-spent = { $spent } gastados (matrícula pagada y el costo de cada plaza otorgada):
figures-cost-per-completion = { $amount } por persona que completó
figures-cost-per-move = { $amount } por persona que cambió de puesto
figures-cost-none = Todavía no se pagó matrícula ni se otorgó ninguna plaza con costo.
figures-pledge-elsewhere = El compromiso en su conjunto (participantes, dinero frente a su presupuesto, la previsión y el grupo de comparación) está en el tablero de los administradores.

## el recuento de elegibles del formulario de un programa
headcount-title = Quién es elegible
headcount-intro-today = Cuántos empleados activos hacen elegibles las reglas escritas abajo hoy ({ $today })
headcount-intro-later = y dentro de 90 días ({ $later }).
headcount-intro-after = El recuento dentro de 90 días toma a las personas de hoy con la antigüedad que tendrán entonces. No se guarda nada.
headcount-today-after = hoy,
headcount-later-after = dentro de 90 días
headcount-by-site = Empleados activos elegibles por tipo de sede
headcount-site-type = Tipo de sede
headcount-all-sites = Todos los tipos de sede
headcount-by-family = Empleados activos elegibles por familia de puestos
headcount-job-family = Familia de puestos
headcount-all-families = Todas las familias de puestos
headcount-change-rules = Cambiar quién puede postularse
headcount-new-draft = Un programa nuevo empieza como borrador: la vista previa cuenta a las personas como si estuviera publicado.
headcount-draft = Este programa es un borrador: la vista previa cuenta a las personas como si estuviera publicado.
headcount-archived = Este programa está archivado: la vista previa cuenta a las personas como si estuviera publicado.
headcount-rule = La regla
headcount-rule-as-edited = La regla editada
headcount-rule-saved = La regla guardada
headcount-edited-today = Editada, hoy
headcount-edited-later = Editada, dentro de 90 días
headcount-saved-today = Guardada, hoy
headcount-saved-later = Guardada, dentro de 90 días
headcount-today = Hoy
headcount-later = Dentro de 90 días

## palabras que comparten varias páginas de la administración
admin-filter = Filtrar
admin-clear = Borrar filtros
admin-pages = Páginas

## las solicitudes, como las lista la administración
admin-applications-title = Solicitudes — administración
admin-applications-download = Descargar un CSV de esta selección
admin-applications-filters = Filtrar solicitudes
admin-applications-status = Estado
admin-applications-any-status = Cualquier estado
admin-applications-any-program = Cualquier programa
admin-applications-any-site = Cualquier sede
admin-applications-from = Solicitadas desde
admin-applications-to = Solicitadas hasta
admin-applications-none = No hay solicitudes
admin-applications-none-match = Nada coincide con estos filtros.
admin-applications-correct = Corrija los filtros de arriba.
admin-applications-caption = Solicitudes, las más recientes primero
admin-applications-application = Solicitud
admin-applications-applied = Fecha de solicitud
admin-applications-person = Persona
admin-applications-site = Sede
admin-applications-detail = Convocatoria o monto
admin-applications-newest = Más recientes
admin-applications-older = Anteriores
admin-applications-choose-status = Elija un estado de la lista.
admin-applications-choose-program = Elija un programa de la lista.
admin-applications-choose-site = Elija un tipo de sede de la lista.
admin-applications-real-date = Escriba una fecha real, por ejemplo 31 de enero de 2026.
admin-applications-range = El final del rango debe ser igual o posterior a su inicio.

## las personas: el directorio y la página de una persona
people-title = Personas — administración
people-import = Importar desde un CSV
people-invite-all = Invitar a todos los que no tienen contraseña
people-provisioning = Aprovisionamiento (SCIM)
people-search-label = Buscar personas
people-name-or-email = Nombre o correo electrónico
people-search = Buscar
people-none = No se encontró a nadie
people-none-import = Importe la exportación de Recursos Humanos para llenar el directorio.
people-none-match = Ningún nombre ni correo electrónico coincide con “{ $query }”.
people-caption = Personas, por nombre
people-name = Nombre
people-email = Correo electrónico
people-job-title-short = Cargo
people-manager = Gerente
people-admin = Administrador
people-active = Activo
people-yes = Sí
people-no = No
people-first-page = Primera página
people-next-page = Siguiente
people-person-title = { $name } — personas
people-job-title = Cargo
people-employment = Tipo de empleo
people-hire-date = Fecha de contratación
people-manager-email = Correo electrónico laboral del gerente
people-manager-email-hint = Vacío si no tiene gerente (entonces decide el equipo del programa). Al cambiarlo, las solicitudes pendientes de esta persona pasan al nuevo gerente.
people-is-admin = Administrador de programas
people-is-active = Activo (al desmarcarlo se cierran sus sesiones y lo que espera su decisión pasa a su gerente)
people-save = Guardar
people-cancel = Cancelar
people-signing-in = Inicio de sesión
people-has-password = { $name } tiene una contraseña. Una nueva invitación le permite elegir otra (si olvidó la suya, también puede pedir un enlace en la página de inicio de sesión).
people-no-password = { $name } todavía no tiene contraseña, así que no puede iniciar sesión. Una invitación le envía por correo electrónico un enlace para elegir una.
people-send-invitation = Enviar invitación
people-invite-hint = El enlace funciona una vez, durante 7 días; una invitación anterior deja de funcionar.
people-sessions = Sesiones
people-signed-in-nowhere = { $name } no tiene ninguna sesión iniciada.
people-signed-in = { $count ->
    [one] { $name } tiene una sesión iniciada en un navegador.
   *[other] { $name } tiene sesiones iniciadas en { $count } navegadores.
}
people-end-sessions = Cerrar las sesiones de esta persona
people-learning = Historial de aprendizaje
people-download-csv = Descargar como CSV
people-learning-caption = Programas que completó { $name }, los más recientes primero
people-history = Historial laboral
people-history-none = No hay historial laboral registrado para { $name }.
people-history-label = Historial laboral de { $name }, lo más reciente primero
people-history-source = Origen: { $source }
people-refuse-self = No puede desactivarse a sí mismo; pídaselo a otro administrador.
people-saved = { $count ->
    [0] Se guardó el registro.
    [one] Se guardó el registro. Se retiró su lugar en una lista de espera.
   *[other] Se guardó el registro. Se retiraron sus lugares en { $count } listas de espera.
}
people-refuse-last-admin = Es el último administrador activo: nombre primero a otro.
people-refuse-unknown-manager = Nadie en la empresa tiene esta dirección de correo electrónico.
people-refuse-own-manager = Una persona no puede ser su propio gerente.
people-refuse-cycle = Esa persona depende de este empleado: un gerente no puede depender de alguien a su cargo.
people-refuse-inactive-manager = Esa persona ya no trabaja aquí.
people-sessions-ended = { $count ->
    [0] { $email } no tenía sesiones que cerrar.
    [one] Se cerró 1 sesión de { $email }: deberá iniciar sesión de nuevo.
   *[other] Se cerraron { $count } sesiones de { $email }: deberá iniciar sesión de nuevo en todas partes.
}

## el registro de auditoría
audit-title = Registro de auditoría — administración
audit-lead = Cada cambio hecho por un administrador, los más recientes primero. Las entradas no se pueden modificar ni borrar.
audit-filters = Filtrar el registro de auditoría
audit-what = Qué
audit-subject-contains = El asunto contiene
audit-none = No hay nada registrado
audit-none-text = Los cambios de los administradores aparecen aquí.
audit-caption = Entradas del registro de auditoría, las más recientes primero
audit-column-when = Cuándo
audit-column-who = Quién
audit-column-action = Acción
audit-column-subject = Asunto
audit-column-what-changed = Qué cambió
audit-older = Entradas anteriores
audit-command-line = Upskill (línea de comandos)
audit-filter-programs = Programas
audit-filter-proposals = Propuestas de programas
audit-filter-intakes = Convocatorias
audit-filter-people = Personas e importaciones
audit-filter-settings = Configuración
audit-filter-delegations = Delegaciones
audit-filter-everything = Todo

## la configuración del compromiso
settings-lead = El compromiso que sigue el tablero: cuántos empleados formar, con cuánto dinero y para cuándo.
settings-target = Empleados a formar
settings-target-hint = Un número entero de 1 a 10,000,000. Un empleado cuenta en cuanto completa un programa.
settings-budget = Presupuesto en dólares
settings-budget-hint = Por ejemplo 700000000, como máximo 100,000,000,000. La matrícula aprobada y completada se descuenta de él.
settings-deadline-hint = El último día del compromiso.
settings-save = Guardar la configuración
settings-back = Volver al tablero

## archivar un programa
archive-title = ¿Archivar { $program }?
archive-archive = Archivar
archive-already = { $program } ya está archivado: no aparece en el catálogo.
archive-back = Volver a los programas
archive-explain = Al archivarlo, { $program } sale del catálogo: ya nadie podrá encontrarlo ni postularse.
archive-in-progress = { $count ->
    [0] No hay ninguna solicitud en curso.
    [one] La solicitud en curso se conserva y sigue como antes.
   *[other] Las { $count } solicitudes en curso se conservan y siguen como antes.
}
archive-publish-again = Puede volver a publicar el programa más adelante.
archive-confirm = Archivar el programa
archive-keep = Mantenerlo en el catálogo

## invitar a todos los que no tienen contraseña
invite-title = Invitar a todos los que no tienen contraseña — personas
invite-invitations = Invitaciones
invite-none = Todos tienen contraseña
invite-none-text = Todas las personas activas ya pueden iniciar sesión. Las personas que importe más adelante aparecerán aquí hasta que elijan una contraseña.
invite-back = Volver a personas
invite-count = { $count ->
    [one] Una persona activa no tiene contraseña, así que todavía no puede iniciar sesión.
   *[other] { $count } personas activas no tienen contraseña, así que todavía no pueden iniciar sesión.
}
invite-explain = Cada una recibe un correo electrónico con un enlace para elegirla: funciona una vez, durante 7 días, y reemplaza cualquier invitación anterior.
invite-no-mail-before = Upskill no envía correos electrónicos en este servidor, así que no puede enviar estas invitaciones. En su lugar, ejecute
invite-no-mail-after = en el servidor: imprime el enlace de cada persona para que usted lo entregue.
invite-who = A quién se invita
invite-more = … y { $count } más.
invite-send = { $count ->
    [one] Enviar la invitación
   *[other] Enviar { $count } invitaciones
}

## importar empleados
import-title = Importar empleados
import-lead = Suba la exportación CSV del sistema de Recursos Humanos. Verá lo que cambiaría antes de que se escriba nada, y no se escribe nada mientras el archivo tenga errores.
import-format = Qué contiene el archivo
import-columns = La primera línea nombra las columnas, en cualquier orden:
import-columns-after = Las demás columnas se ignoran. Luego, una persona por línea.
import-job-family = fulfillment, operations, corporate, technical, retail o transportation
import-site-type = fulfillment_center, corporate_office, tech_hub, retail_store o transportation_network
import-employment-type = full_time o part_time
import-hire-date = AAAA-MM-DD, no posterior a hoy
import-manager-email = alguien del archivo o que ya está en Upskill; vacío si no tiene gerente
import-is-admin = true, false, yes, no, 1 o 0; vacío significa no
import-matching = Las personas se identifican por su dirección de correo electrónico. Las que no están en el archivo quedan como están; las nuevas se agregan sin contraseña. Cuando alguien cambia de gerente, sus solicitudes que esperan la decisión de un gerente pasan a la cola del nuevo gerente.
import-file = Archivo CSV
import-file-hint = Texto UTF-8, como máximo { $mib } MiB.
import-preview = Vista previa de la importación

## cuánto falta para la fecha límite del compromiso
dashboard-days-left = { $count ->
        [one] Queda { $count } día.
       *[other] Quedan { $count } días.
    }
dashboard-deadline-today = La fecha límite es hoy.
dashboard-deadline-passed = { $count ->
        [one] La fecha límite pasó hace { $count } día.
       *[other] La fecha límite pasó hace { $count } días.
    }

## las tablas del embudo y del costo
conversion-all = Todos
conversion-nobody-moved = nadie cambió de puesto todavía
conversion-no-completion = ninguna finalización todavía
conversion-under-a-month = menos de un mes
conversion-months = { $count ->
        [one] { $count } mes
       *[other] { $count } meses
    }
