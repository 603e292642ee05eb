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
