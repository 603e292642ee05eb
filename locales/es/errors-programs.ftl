## Lo que dicen las reglas sobre el formulario de programa y el de convocatoria de los administradores

# Words that name a field of the program form in a message several fields share ($what).
term-program-summary = resumen
term-program-provider = proveedor
term-program-duration-weeks = duración en semanas
term-program-min-tenure-days = días de antigüedad
term-program-tuition-percent = porcentaje de la matrícula

# A text field of the program form: $what names the field (a term above or in errors.ftl);
# $min and $max are the fewest and most characters it takes, $length how many it has.
program-error-text-empty = Complete el campo «{ $what }».
program-error-text-too-short = El campo «{ $what }» necesita al menos { $min } caracteres.
program-error-text-too-long = Acorte el campo «{ $what }» a { $max } caracteres como máximo (tiene { $length }).

# A choice that is not one of the list: the list names the choices.
program-error-kind = Elija el tipo: { program-kind-cohort }, { program-kind-self-paced }, { program-kind-tuition }.
program-error-category = Elija la categoría: { category-technical }, { category-non-technical }.
program-error-format = Elija el formato: { format-on-site }, { format-online }, { format-hybrid }.

# A number field: $what names the field; $min and $max are the smallest and largest numbers accepted.
program-error-number = En el campo «{ $what }», escriba un número entero de { $min } a { $max }.

# $max: the largest yearly tuition cap accepted, an amount of money.
program-error-cap-too-large = Un tope anual puede ser de { $max } como máximo.
program-error-date = Escriba una fecha real, por ejemplo 15 de enero de 2027, o deje el campo vacío.
program-error-slug = Use de 3 a 60 letras minúsculas, dígitos y guiones, por ejemplo data-analytics-bootcamp.
program-error-job-families = Marque familias de puestos de la lista.
program-error-site-types = Marque tipos de centro de la lista.
program-error-tuition-percent = Un programa de tipo «Matrícula» paga una parte de la matrícula: escriba un porcentaje de 1 a 100.
program-error-cap-full-time = Escriba el tope anual para empleados de tiempo completo.
program-error-closes-before-opens = Las solicitudes deben cerrarse el mismo día en que se abren o después.
program-error-completion-evidence = Elija lo que envía quien termina.
program-error-verified-by = Elija quién confirma una finalización.
program-error-auto-needs-credential = Solo los datos de una credencial se pueden aceptar automáticamente: elija al equipo del programa o pida los datos de la credencial.
# $max: the most characters the note on what to send takes.
program-error-note-too-long = Acorte la nota a { $max } caracteres como máximo.
# $max: the most job-title keywords a program names.
program-error-too-many-keywords = Indique { $max } palabras clave como máximo.
# $max: the most characters one job-title keyword takes.
program-error-keyword-too-long = Limite cada palabra clave a { $max } caracteres como máximo y sepárelas con comas.

# A web address that is refused (where to start a course, a credential's verification page).
program-error-url-not-https = Escriba una dirección que empiece por https://, por ejemplo https://skillbuilder.aws/.
program-error-url-not-web = Escriba una dirección web: una que empiece por https:// o http://.
# $max: the most characters an address takes.
program-error-url-too-long = Acorte la dirección a { $max } caracteres como máximo.
program-error-url-characters = La dirección no puede contener espacios, comillas ni signos de menor o mayor que.
program-error-url-credentials = Quite de la dirección el nombre de usuario y la contraseña.
program-error-url-host = Escriba la dirección de un sitio web, por ejemplo https://skillbuilder.aws/.

## El formulario de convocatoria (/admin/programs/{slug}/intakes)

# $max: the most working days an offered seat waits for its answer.
intake-error-offer-days = Escriba un número de días hábiles de 1 a { $max }.
intake-error-freed-seats = Elija cómo pasa a la lista de espera una plaza que se libera.
intake-error-name = Escriba un nombre de 2 a 120 caracteres, por ejemplo “Grupo de primavera 2027”.
intake-error-starts-not-after-today = Una convocatoria nueva debe comenzar después de hoy.
intake-error-starts-on = Escriba una fecha de inicio real, por ejemplo 1 de marzo de 2027.
# $max: the most seats an intake may have.
intake-error-seats = Escriba un número de plazas de 0 a { $max }.
intake-error-allocation = Elija cómo se asignan las plazas.
intake-error-opens-on = Escriba el primer día en que se reciben solicitudes, por ejemplo 1 de febrero de 2027.
intake-error-closes-on = Escriba el último día en que se reciben solicitudes, por ejemplo 14 de febrero de 2027.
intake-error-closes-before-opens = El plazo se cierra el mismo día en que se abre o después.
intake-error-closes-not-before-start = El plazo se cierra antes de que comience la convocatoria, para que las plazas se sorteen a tiempo.
intake-error-closes-before-today = Un sorteo nuevo se cierra hoy o más adelante.
intake-error-priority = Elija quién tiene prioridad en el sorteo.
