# Las palabras de todas las páginas: el diseño, el selector de idioma, las páginas de
# error y los nombres de los vocabularios (tipo, categoría y formato de un programa,
# estado de una solicitud). Se trata a la persona de usted.

site-name = Upskill
skip-to-main = Ir al contenido principal
nav-main = Principal
nav-home = Inicio
nav-programs = Programas
nav-applications = Mis solicitudes
nav-notifications = Notificaciones
nav-unread = { $count } sin leer
nav-approvals = Aprobaciones
nav-waiting = { $shown } en espera
nav-team = Equipo
nav-admin = Administración
nav-my-programs = Mis programas
account-link = { $name }, su cuenta
sign-out = Cerrar sesión
footer-about = Upskill: programas, solicitudes y aprobaciones del compromiso de formación.
footer-language = Idioma
footer-language-save = Mostrar Upskill en este idioma
language-own-name = Español

error-400-title = No se pudo leer la solicitud
error-400-message = Algo en la solicitud no es lo que esta página espera. Vuelva atrás e inténtelo de nuevo.
error-403-title = No puede hacer eso
error-403-message = No tiene permiso para esta página o acción. Si el formulario estuvo abierto mucho tiempo, vuelva a cargarlo e inténtelo de nuevo.
error-404-title = Página no encontrada
error-404-message = Aquí no hay nada, o no le corresponde verlo. Revise la dirección o vuelva a empezar desde la página de inicio.
error-405-title = Eso no funciona aquí
error-405-message = Esta dirección existe, pero no para ese tipo de solicitud. Use los enlaces y botones de la propia página.
error-413-title = Era demasiado grande
error-413-message = El formulario envió más datos de los que esta página acepta.
error-415-title = No se pudo leer la solicitud
error-415-message = Esta página lee formularios enviados desde ella misma, no datos de otro tipo.
error-429-title = Demasiados intentos
error-429-message = Hubo demasiados intentos de inicio de sesión. Espere unos minutos y vuelva a intentarlo.
error-503-title = Upskill no está disponible
error-503-message = Upskill no puede acceder a su base de datos ni escribir en ella en este momento. No se guardó nada de lo que envió; inténtelo de nuevo en un minuto.
error-500-title = Algo salió mal
error-500-message = Un error inesperado detuvo esta página. Quedó registrado; inténtelo de nuevo en un momento.
error-reference = Referencia:
error-reference-quote = Indíquela si se comunica con soporte.
error-home = Ir a la página de inicio


language-saved = Upskill ahora le habla en español, en todos sus navegadores.

account-language-title = Idioma
account-language-question = ¿En qué idioma quiere que le hable Upskill?
account-language-browser = Como lo pida mi navegador
account-language-save = Guardar idioma
account-zone-title = Huso horario
account-zone-text = Las horas de estas páginas y de sus correos se muestran en su huso horario; sus recordatorios y su resumen diario siguen ese reloj. Las fechas, como el inicio de una convocatoria, no cambian.
account-zone-label = Su huso horario
account-zone-default = El de la organización: { $zone }
# $zone es un nombre IANA con espacios ("America/Los Angeles"), $offset su diferencia con UTC ahora ("UTC-08:00").
account-zone-option = { $zone } ({ $offset })
account-zone-save = Guardar huso horario
# $zone: el nombre del huso horario ("America/Los_Angeles"); $time: la hora allí ahora, con su abreviatura.
zone-saved = Las horas ahora se muestran en { $zone } (ahora: { $time }).

# Un instante en el reloj de quien lee: $time es "26 de noviembre de 2026, 6:05 a.m.", $zone la abreviatura del huso horario ("PST", "CET", "-03").
time-in-zone = { $time } { $zone }
# An amount of money: $amount is the number as the language writes it, "1,234.50".
money = US${ $amount }
# Una proporción: $value es "12.5" o "2,000".
percent = { $value }%
# Una proporción demasiado pequeña para mostrarse como 0.1% (nunca "0%").
percent-tiny = menos del 0.1%
