# El catálogo de programas (/programs).

catalog-title = Programas
catalog-propose = Proponer un programa
catalog-total = { $count ->
    [one] { $count } programa pagado por la empresa.
   *[other] { $count } programas pagados por la empresa.
}
catalog-total-hint = Cada tarjeta indica si puede postularse.
catalog-filters = Filtrar programas
catalog-search = Buscar
catalog-search-placeholder = Nombre, proveedor o tema
catalog-kind = Tipo
catalog-any-kind = Cualquier tipo
catalog-category = Categoría
catalog-any-category = Cualquier categoría
catalog-format = Formato
catalog-any-format = Cualquier formato
catalog-eligible-only = Solo programas a los que puedo postularme
catalog-filter = Filtrar
catalog-clear = Quitar filtros
catalog-shown = { $count ->
    [one] { $count } programa mostrado
   *[other] { $count } programas mostrados
}
catalog-none-title = Ningún programa coincide
catalog-none-before = Pruebe con otros filtros o
catalog-none-link = muestre todos los programas
catalog-missing-title = ¿Falta algún programa?
catalog-missing-before = Si conoce un curso o una certificación que ayudaría a sus colegas a dar el siguiente paso en su carrera,
catalog-missing-link = propóngalo
catalog-missing-middle = : un administrador lo revisa, y usted puede dirigirlo como responsable.
catalog-missing-proposals = Sus propuestas
catalog-missing-after = muestran en qué punto está cada una.
catalog-your-application = Ir a su solicitud
catalog-your-application-to = a { $program }

eligibility-eligible = Cumple los requisitos
eligibility-from = Puede postularse a partir del { $date }
eligibility-ineligible = No cumple los requisitos

badge-submitted = Solicitud enviada el { $date }
badge-changes-requested = Se solicitaron cambios: le toca a usted
badge-manager-approved = Aprobada por su gerente: ahora decide el equipo del programa
badge-approved = Aprobada: su plaza está confirmada
badge-waitlisted = En lista de espera
