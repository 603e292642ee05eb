# Las palabras que comparten todos los formularios (templates/_forms.html): la lista de los
# campos por corregir, la nota sobre los campos obligatorios y el comienzo del título de la
# página cuando se rechazó un formulario.

forms-correct = { $count ->
    [one] Corrija { $count } campo:
   *[other] Corrija { $count } campos:
}
forms-required-note = Todos los campos son obligatorios, salvo los marcados como (opcional).
# Antes del título de la página (le sigue un espacio).
forms-error-title = Error:
