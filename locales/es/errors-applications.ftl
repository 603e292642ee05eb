## Lo que rechazan los formularios de solicitud y de edición

# $what names the field (a term-… word).
apply-error-enter = Complete el campo «{ $what }».
# $what names the field, $max is the most characters it takes.
apply-error-shorten = Acorte el campo «{ $what }» a { $max } caracteres como máximo.
# $min is the fewest characters, $count how many were written.
apply-error-motivation-short = Cuéntenos en al menos { $min } caracteres por qué quiere hacer este programa (escribió { $count }).
# $max is the most characters, $count how many were written.
apply-error-motivation-long = Acorte su motivación a { $max } caracteres como máximo (escribió { $count }).
apply-error-choose-intake = Elija la convocatoria a la que quiere unirse.
apply-error-unknown-intake = Elija una de las convocatorias de este programa.
apply-error-intake-started = Esta convocatoria ya comenzó; elija una posterior.
# $date is the day the lottery's window opens.
apply-error-intake-not-open = Las solicitudes para esta convocatoria se abren el { $date }; elija otra o vuelva ese día.
# $date is the day the lottery's window closed.
apply-error-intake-drawn = Las solicitudes para esta convocatoria cerraron el { $date } y sus plazas se sortearon; elija otra convocatoria.
apply-error-term-missing = Escriba la fecha en que comienza el período.
apply-error-term-not-a-date = Escriba una fecha válida, por ejemplo 15 de enero de 2027.
apply-error-term-past = El período debe comenzar hoy o más adelante.
# $date is the last day a term may start.
apply-error-term-too-far = Solicite períodos que comiencen dentro de los próximos 12 meses (a más tardar el { $date }).
# $max is the largest amount, with its currency.
apply-error-amount-too-large = Una solicitud puede pedir como máximo { $max }.
apply-error-accept-terms = Marque la casilla para aceptar las condiciones del pago de la matrícula.
