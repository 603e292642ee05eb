## Lo que rechazan los formularios de administradores y gerentes: la ficha de una persona, una delegación, el presupuesto de un programa, el compromiso, una propuesta y la decisión sobre ella

## la ficha de una persona (/admin/people)

# Words that name a field in a shared message ($what of text-invisible).
term-person-email = dirección de correo electrónico
person-error-email-empty = Escriba una dirección de correo electrónico.
# $address is the address as typed (cut short when long).
person-error-email-invalid = «{ $address }» no es una dirección de correo electrónico.
person-error-name = Escriba el nombre de la persona (120 caracteres como máximo).
person-error-job-title-long = Acorte el puesto a 120 caracteres como máximo.
# The choices are the names of the vocabulary (vocabulary.ftl).
person-error-job-family = Elija una de estas opciones: { job-family-fulfillment }, { job-family-operations }, { job-family-corporate }, { job-family-technical }, { job-family-retail }, { job-family-transportation }.
# The choices are the names of the vocabulary (vocabulary.ftl).
person-error-site-type = Elija una de estas opciones: { site-type-fulfillment-center }, { site-type-corporate-office }, { site-type-tech-hub }, { site-type-retail-store }, { site-type-transportation-network }.
# The choices are the names of the vocabulary (vocabulary.ftl).
person-error-employment-type = Elija una de estas opciones: { employment-type-full-time }, { employment-type-part-time }.
person-error-hire-date-future = La fecha de contratación no puede ser posterior a hoy.
person-error-hire-date-invalid = Escriba una fecha de contratación válida, por ejemplo 1 de abril de 2021.

## la delegación de un gerente (/team)

# The two dates of a delegation ($what of the date messages below).
term-delegation-first-day = primer día
term-delegation-last-day = último día
# $what is the date (a term-delegation-… word).
delegation-error-date-missing = Escriba el { $what } de la delegación.
# $what is the date (a term-delegation-… word).
delegation-error-date-invalid = Escriba el { $what } como una fecha válida, por ejemplo 15 de enero de 2027.
delegation-error-start-past = La delegación no puede comenzar en el pasado.
delegation-error-end-before-start = El último día debe ser el mismo que el primero o posterior.
delegation-error-too-long = Una delegación puede durar como máximo un año.
delegation-error-unknown-address = Nadie en la empresa tiene esta dirección de correo electrónico.
delegation-error-self = Elija a otra persona que no sea usted.
delegation-error-left = Esta persona ya no trabaja aquí.
delegation-error-not-a-decider = Elija a otro gerente o a un administrador de programas.

## los campos del presupuesto de un programa (el formulario del programa)

# The kinds of program as budget-error-seats-cohort-only names them ($kind: "for a tuition program").
term-budget-kind-cohort = por cohortes
term-budget-kind-self-paced = a su ritmo
term-budget-kind-tuition = de matrícula
budget-error-annual-not-positive = El presupuesto debe ser mayor que cero: escríbalo en dólares, por ejemplo 250000, o déjelo vacío si no hay presupuesto.
# $max is the largest yearly budget, with its currency.
budget-error-annual-too-large = El presupuesto anual de un programa puede ser como máximo de { $max }: revise el monto.
budget-error-self-paced = Un programa a su ritmo no compromete matrícula ni plazas, así que un presupuesto no contaría nada: déjelo vacío.
budget-error-seat-not-positive = El costo por plaza debe ser mayor que cero: escríbalo en dólares, por ejemplo 12000, o déjelo vacío.
# $max is the largest cost of one seat, with its currency.
budget-error-seat-too-large = Una plaza puede costar como máximo { $max }: revise el monto.
# $kind is the program's kind (a term-budget-kind-… word).
budget-error-seats-cohort-only = Solo los programas por cohortes tienen plazas: deje vacío el costo por plaza en un programa { $kind }.
budget-error-seat-cost-missing = Escriba el costo de una plaza: el presupuesto de un programa por cohortes cuenta sus plazas a ese costo.

## la configuración del compromiso (/admin/settings)

pledge-error-target-missing = Escriba cuántos empleados forma el compromiso, por ejemplo 100000.
pledge-error-target-not-whole = Escriba un número entero de empleados, por ejemplo 100000.
pledge-error-target-too-small = La meta debe ser de al menos 1 empleado.
# $max is the largest target, a number of employees.
pledge-error-target-too-large = La meta puede ser como máximo de { $max } empleados.
pledge-error-budget-missing = Escriba el presupuesto en dólares, por ejemplo 700000000.
pledge-error-budget-not-a-number = Escriba el presupuesto como un número de dólares, por ejemplo 700000000.
pledge-error-budget-too-many-decimals = Use como máximo dos dígitos para los centavos, por ejemplo 700000000.50.
pledge-error-budget-not-positive = El presupuesto debe ser mayor que cero.
# $max is the largest budget, with its currency.
pledge-error-budget-too-large = El presupuesto puede ser como máximo de { $max }.
pledge-error-deadline-missing = Escriba la fecha límite.
pledge-error-deadline-out-of-range = Escriba una fecha límite entre los años 2000 y 2100.
pledge-error-deadline-invalid = Escriba una fecha válida, por ejemplo 31 de diciembre de 2025.

## la propuesta de un programa y la decisión de los administradores sobre ella

# Words that name a field of the proposal form in a shared message ($what).
term-proposal-summary = resumen
term-proposal-kind = tipo
term-proposal-audience = descripción de a quién está dirigido
term-proposal-experience = descripción de su experiencia
proposal-error-cost-missing = Escriba cuánto costaría la plaza de una persona, en dólares: 0 si es gratuita.
# $max is the largest expected cost of one place, with its currency.
proposal-error-cost-too-large = Escriba como máximo { $max } por la plaza de una persona.
# $max is the most characters a comment takes.
proposal-error-comment-long = Acorte el comentario a { $max } caracteres como máximo.
proposal-error-changes-need-comment = Indique qué debería cambiar quien hizo la propuesta.
proposal-error-decline-needs-reason = Indique el motivo del rechazo: quien hizo la propuesta lo leerá.
proposal-error-choose-decision = Elija una decisión: aprobar, pedir cambios o rechazar.

## La búsqueda de una persona para el equipo del programa
# $max is the most characters a search takes.
team-error-search-length = Escriba como máximo { $max } caracteres.
team-error-search-characters = Escriba un nombre o una dirección de correo electrónico, sin caracteres de control.
