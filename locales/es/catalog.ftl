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

## Por qué alguien no puede postularse a un programa (una oración por motivo)
eligibility-not-published = Este programa aún no está publicado.
eligibility-archived = Este programa fue archivado y no recibe nuevas solicitudes.
# $date is the last day it took applications.
eligibility-closed = Las solicitudes cerraron el { $date }.
# $families lists the job families it is open to ($count of them), $yours is the reader's.
eligibility-job-family = Abierto a { $count ->
        [one] la familia de puestos
       *[other] las familias de puestos
    } { $families }; la suya es { $yours }.
# $sites lists the kinds of site it is open to ("a tech hub or a corporate office"), $yours the reader's.
eligibility-site-type = Abierto a quienes trabajan en { $sites }; usted trabaja en { $yours }.
eligibility-full-time-only = Abierto solo a empleados de tiempo completo.
# $count is the days of service it needs, $date the day the reader will have them.
eligibility-tenure = Requiere { $count ->
        [one] { $count } día de antigüedad; lo cumplirá
       *[other] { $count } días de antigüedad; los cumplirá
    } el { $date }.
# $closes is the last day it takes applications, $count the days of service it needs, $date the day the reader will have them.
eligibility-closes-before-tenure = Las solicitudes cierran el { $closes }, antes de que usted cumpla { $count ->
        [one] el { $count } día
       *[other] los { $count } días
    } de antigüedad que requiere (el { $date }).
