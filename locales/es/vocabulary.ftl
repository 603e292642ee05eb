# Los nombres de los vocabularios cerrados del modelo de datos (src/domain/enums.rs), un
# mensaje por valor guardado: <vocabulario>-<nombre guardado, con - en lugar de _>.

## job family
job-family-fulfillment = Centros logísticos
job-family-operations = Operaciones
job-family-corporate = Corporativo
job-family-technical = Técnico
job-family-retail = Tiendas
job-family-transportation = Transporte

## site type
site-type-fulfillment-center = Centro logístico
site-type-corporate-office = Oficina corporativa
site-type-tech-hub = Centro tecnológico
site-type-retail-store = Tienda
site-type-transportation-network = Red de transporte

## a site type as a sentence names the place someone works at ("you work at …")
site-at-fulfillment-center = un centro logístico
site-at-corporate-office = una oficina corporativa
site-at-tech-hub = un centro tecnológico
site-at-retail-store = una tienda
site-at-transportation-network = la red de transporte

## employment type
employment-type-full-time = Tiempo completo
employment-type-part-time = Tiempo parcial

## source of a change
history-source-import = Importación de RR. HH.
history-source-scim = Aprovisionamiento SCIM
history-source-admin = Administrador
history-source-provision = Primer inicio de sesión

## leaving reason
leaving-reason-voluntary = voluntaria
leaving-reason-involuntary = involuntaria
leaving-reason-retirement = jubilación
leaving-reason-other = otra

## outcome
outcome-moved-target = Pasó a un puesto objetivo
outcome-moved-other = Pasó a otro puesto
outcome-left-voluntary = Dejó la empresa (voluntariamente)
outcome-left-other = Dejó la empresa (otros motivos)
outcome-same-role = Mismo puesto
outcome-pending = Aún no se sabe

## tenure band
tenure-band-under-1-year = Menos de 1 año
tenure-band-1-to-3-years = De 1 a 3 años
tenure-band-3-to-5-years = De 3 a 5 años
tenure-band-5-years-or-more = 5 años o más

## seat allocation
allocation-first-come = Por orden de llegada
allocation-lottery = Sorteo al cerrar el plazo de solicitud

## draw priority
draw-priority-none = Todos por igual
draw-priority-first-time = Primero quienes participan por primera vez

## program kind
program-kind-cohort = Grupo
program-kind-self-paced = A su ritmo
program-kind-tuition = Matrícula

## category
category-technical = Técnico
category-non-technical = No técnico

## format
format-on-site = Presencial
format-online = En línea
format-hybrid = Híbrido

## program status
program-status-draft = Borrador
program-status-published = Publicado
program-status-archived = Archivado

## application status
application-status-submitted = Enviada
application-status-changes-requested = Cambios solicitados
application-status-manager-approved = Aprobada por el gerente
application-status-approved = Aprobada
application-status-waitlisted = En lista de espera
application-status-in-draw = En el sorteo de plazas
application-status-offered = Plaza ofrecida
application-status-rejected = Rechazada
application-status-withdrawn = Retirada
application-status-completed = Completada
application-status-completion-submitted = Comprobante enviado
application-status-completion-returned = Comprobante devuelto
application-status-not-completed = No completada

## timeline event
event-submitted = Enviada
event-approved-at-once = Aprobada de inmediato
event-resubmitted = Reenviada
event-manager-approved = Aprobada por el gerente
event-approved = Aprobada
event-waitlisted = En lista de espera
event-rejected = Rechazada
event-changes-requested = Cambios solicitados
event-withdrawn = Retirada
event-completed = Completada
event-promoted = Promovida desde la lista de espera
event-entered-draw = Aprobada: en el sorteo de plazas
event-drawn-place = Sorteo: una plaza
event-drawn-waitlist = Sorteo: en la lista de espera
event-reassigned = Reasignada
event-withdrawn-left = Retirada: la persona se fue
event-file-attached = Archivo adjuntado
event-payment-recorded = Pago de matrícula registrado
event-completion-submitted = Comprobante de finalización enviado
event-completion-accepted = Finalización aceptada automáticamente
event-completion-verified = Finalización verificada
event-completion-returned = Se pidieron cambios en el comprobante
event-not-completed = No completada
event-offered = Plaza ofrecida
event-offer-accepted = Plaza ofrecida aceptada
event-offer-declined = Plaza ofrecida rechazada
event-offer-lapsed = Plaza ofrecida vencida
event-waitlist-reordered = Movida en la lista de espera
event-intake-changed = Movida a otra convocatoria

## kind of e-mail
mail-kind-notice = Aviso
mail-kind-reminder = Recordatorio
mail-kind-digest = Resumen diario
mail-kind-access = Enlace de inicio de sesión

## kind of sign-in link
access-link-purpose-invitation = Invitación
access-link-purpose-reset = Restablecimiento de contraseña

## kind of attempt count
attempt-scope-failures-account-address = Contraseñas incorrectas para una cuenta desde una dirección
attempt-scope-failures-account = Contraseñas incorrectas para una cuenta
attempt-scope-failures-address = Contraseñas incorrectas desde una dirección
attempt-scope-resets-account = Solicitudes de restablecimiento de contraseña para una dirección
attempt-scope-resets-address = Solicitudes de restablecimiento de contraseña desde un cliente

## audit action
audit-action-program-created = Programa creado
audit-action-program-updated = Programa actualizado
audit-action-program-published = Programa publicado
audit-action-program-archived = Programa archivado
audit-action-program-team-member-added = Agregado al equipo de un programa
audit-action-program-team-member-removed = Quitado del equipo de un programa
audit-action-program-publication-requested = Se pidió publicar un programa
audit-action-proposal-submitted = Programa propuesto
audit-action-proposal-edited = Propuesta de programa editada
audit-action-proposal-approved = Propuesta de programa aprobada
audit-action-proposal-changes-requested = Se pidieron cambios en una propuesta de programa
audit-action-proposal-declined = Propuesta de programa rechazada
audit-action-proposal-withdrawn = Propuesta de programa retirada
audit-action-intake-created = Convocatoria creada
audit-action-intake-updated = Convocatoria actualizada
audit-action-intake-drawn = Plazas de la convocatoria sorteadas
audit-action-application-waitlist-reordered = Lugar en una lista de espera cambiado
audit-action-application-intake-changed = Solicitud movida a otra convocatoria
audit-action-employee-updated = Persona actualizada
audit-action-employee-manager-changed = Gerente cambiado
audit-action-employee-provisioned = Persona creada en su primer inicio de sesión
audit-action-employee-admin-created = Administrador creado (línea de comandos)
audit-action-employee-admin-granted = Derechos de administrador otorgados (línea de comandos)
audit-action-employee-password-reset = Contraseña restablecida (línea de comandos)
audit-action-employees-imported = Personas importadas
audit-action-employee-invited = Invitación enviada
audit-action-account-password-chosen = Contraseña elegida desde un enlace
audit-action-account-password-changed = Contraseña cambiada
audit-action-employee-scim-created = Persona creada por aprovisionamiento (SCIM)
audit-action-employee-scim-deleted = Persona eliminada por aprovisionamiento (SCIM)
audit-action-scim-token-created = Token de aprovisionamiento creado
audit-action-scim-token-revoked = Token de aprovisionamiento revocado
audit-action-person-sessions-ended = Sesiones cerradas
audit-action-delegation-created = Delegación creada
audit-action-delegation-ended = Delegación terminada
audit-action-application-approved = Solicitud aprobada
audit-action-application-rejected = Solicitud rechazada
audit-action-application-changes-requested = Se pidieron cambios
audit-action-application-payment-recorded = Pago de matrícula registrado
audit-action-application-completed = Finalización confirmada
audit-action-application-completion-returned = Se pidieron cambios en el comprobante de finalización
audit-action-application-not-completed = Marcada como no completada
audit-action-settings-changed = Configuración cambiada
audit-action-account-email-preference = Preferencia de correo cambiada
audit-action-account-language = Idioma elegido
audit-action-account-time-zone = Huso horario elegido
audit-action-account-signed-out-everywhere = Sesión cerrada en todas partes
audit-action-account-calendar-feed-created = Dirección del calendario creada
audit-action-account-calendar-feed-replaced = Dirección del calendario reemplazada
audit-action-account-calendar-feed-turned-off = Calendario desactivado
audit-action-application-file-attached = Archivo adjuntado a una solicitud
audit-action-application-file-infected = Archivo rechazado por el antivirus

## proposal status
proposal-status-submitted = En espera de revisión
proposal-status-changes-requested = Se pidieron cambios
proposal-status-approved = Aprobada
proposal-status-declined = Rechazada
proposal-status-withdrawn = Retirada

## proposal step
proposal-event-kind-submitted = propuso el programa
proposal-event-kind-edited = editó la propuesta
proposal-event-kind-resubmitted = volvió a enviar la propuesta con cambios
proposal-event-kind-changes-requested = pidió cambios
proposal-event-kind-approved = aprobó la propuesta: el programa es un borrador
proposal-event-kind-declined = rechazó la propuesta
proposal-event-kind-withdrawn = retiró la propuesta
proposal-event-kind-publication-requested = pidió a los administradores que publicaran el programa
proposal-event-kind-published = publicó el programa

## program team role
team-role-owner = Responsable
team-role-coordinator = Coordinador

## kind of completion evidence
completion-evidence-none = Nada: el equipo del programa registra la finalización
completion-evidence-file = Un archivo, como un informe de calificaciones o un certificado de estudios
completion-evidence-credential = Datos de la credencial: un certificado o una certificación

## completion verifier
completion-verifier-program-team = El equipo del programa revisa cada uno
completion-verifier-auto = Se acepta automáticamente cuando los datos de la credencial están completos

## file type
file-type-pdf = PDF
file-type-png = Imagen PNG
file-type-jpeg = Imagen JPEG
