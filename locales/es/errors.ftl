## Lo que dicen las reglas sobre los valores de un formulario, comunes a todos

# Words that name a field in a message several fields share ($what below).
term-name = nombre
term-comment = comentario
term-reason = motivo
term-motivation = motivación
term-job-title = puesto
term-description = descripción
term-title-keywords = palabras clave del puesto
term-completion-note = nota sobre qué enviar
term-search = búsqueda
term-institution = nombre de la escuela o universidad
term-course-title = nombre del curso
term-invoice-number = número de factura
term-reference = referencia

# A text that can't be stored or shown as typed; $what names the field.
text-nul = El campo «{ $what }» contiene un carácter NUL, que no se puede guardar: quítelo.
text-line-break = El campo «{ $what }» debe caber en una sola línea: quite los saltos de línea.
text-control = El campo «{ $what }» no puede contener tabulaciones ni otros caracteres de control.
text-invisible = El campo «{ $what }» contiene un carácter invisible (como un espacio de ancho cero o una marca de dirección del texto): escríbalo de nuevo sin él.

# An amount of money that does not read as one.
money-empty = Escriba un monto en dólares, por ejemplo 1234.50.
money-not-a-number = Escriba el monto como un número de dólares, por ejemplo 1234.50.
money-too-many-decimals = Use como máximo dos dígitos para los centavos, por ejemplo 1234.50.
money-not-positive = El monto debe ser mayor que cero.
money-too-large = El monto es demasiado grande.

# A new password the rules refuse.
password-error-missing = Escriba una contraseña nueva.
# $min is the fewest characters a password takes.
password-error-too-short = Use al menos { $min } caracteres. Unas cuantas palabras que pueda recordar, con espacios, son una buena contraseña.
# $max is the most characters a password takes.
password-error-too-long = Use como máximo { $max } caracteres.
password-error-common = Es una de las contraseñas más comunes, que son las primeras que se adivinan. Elija otra.
password-error-common-with-additions = Es una contraseña común con dígitos o símbolos agregados, que se adivina pronto. Elija otra.
password-error-one-character = Use más de un carácter, no el mismo repetido.
password-error-same-as-email = Elija una contraseña que no sea su dirección de correo electrónico.
