# Chart descriptions and figures in words: the dashboard, the conversion table, the budget forecast.

## El gráfico mensual del tablero, en palabras

chart-months-none = Todavía no hay solicitudes.
# Un mes: "En noviembre de 2026 hubo 1 solicitud: 0 completadas, 1 aprobada, …". $groups une las frases chart-months-<grupo> de abajo.
chart-months-one = En { $month } { $count ->
    [one] hubo { $count } solicitud
   *[other] hubo { $count } solicitudes
}: { $groups }.
# Varios meses, y el que tuvo más solicitudes ($busiest, con $most).
chart-months = De { $first } a { $last } { $count ->
    [one] hubo { $count } solicitud
   *[other] hubo { $count } solicitudes
}: { $groups }. El mes con más solicitudes fue { $busiest }, con { $most }.
# Cuántas solicitudes de los meses mostrados están hoy en cada grupo de estados.
chart-months-completed = { $count ->
    [one] { $count } completada
   *[other] { $count } completadas
}
chart-months-approved = { $count ->
    [one] { $count } aprobada
   *[other] { $count } aprobadas
}
chart-months-not-completed = { $count ->
    [one] { $count } no completada
   *[other] { $count } no completadas
}
chart-months-in-review = { $count } en revisión
chart-months-rejected = { $count ->
    [one] { $count } rechazada
   *[other] { $count } rechazadas
}
chart-months-withdrawn = { $count ->
    [one] { $count } retirada
   *[other] { $count } retiradas
}

## Los gráficos de barras del tablero, en palabras

# El embudo: $count enviadas; $placed aprobadas, $finished completadas, $moved con cambio de puesto; cada proporción es de las enviadas.
chart-funnel = { $count ->
    [one] { $count } solicitud enviada
   *[other] { $count } solicitudes enviadas
}; { $placed } ({ $placed_share }) { $placed ->
    [one] aprobada
   *[other] aprobadas
}, { $finished } ({ $finished_share }) { $finished ->
    [one] completada
   *[other] completadas
} y { $moved } ({ $moved_share }) con cambio a un nuevo puesto.
# Un gráfico de conteo: "Solicitudes por tipo de sede: Centro tecnológico (2) y Tienda (1)." $what es uno de chart-by-*; $counts une chart-counts-item.
chart-counts = Solicitudes por { $what }: { $counts }.
chart-counts-item = { $label } ({ $count })
chart-by-site-type = tipo de sede
chart-by-program = programa

## La previsión del presupuesto, en palabras

forecast-so-far = Hasta ahora hay { $committed } comprometidos ({ $share } del presupuesto de { $budget }) y { $paid } pagados.
forecast-passed = La fecha límite, el { $deadline }, ya pasó.
# Al ritmo de los últimos $days días: $committed y $paid son los totales previstos para la fecha límite; $share es la proporción del presupuesto que representa $committed.
forecast-pace = Al ritmo de los últimos { $days } días ({ $committed_daily } comprometidos y { $paid_daily } pagados por día), los compromisos llegarían a { $committed } en la fecha límite, el { $deadline } ({ $share } del presupuesto), y los pagos a { $paid }.
forecast-budget-reached = El presupuesto quedaría comprometido por completo el { $date }.

## Tablas

# "120 de 150": participantes comparados, de aquellos cuyo resultado se conoce.
conversion-of = { $part } de { $whole }
