## La vista previa de una importación de empleados (templates/admin/import_preview.html):
## lo que el archivo cambiaría, sus errores y la confirmación; los rechazos del archivo
## subido y los mensajes de la confirmación (src/web/admin/import.rs).

import-preview-title = Vista previa de la importación
# $file es el nombre del archivo subido.
import-preview-title-file = Vista previa de la importación: { $file }
import-preview-breadcrumb = Ruta de navegación
import-preview-crumb = Vista previa
# $count es el número de personas leídas del archivo.
import-preview-lead = { $count ->
    [one] { $count } persona en el archivo.
   *[other] { $count } personas en el archivo.
}
# Las etiquetas bajo los conteos (el número se muestra antes de cada una, aparte);
# $count es ese número (de personas, o de líneas en la última).
import-preview-count-new = { $count ->
    [one] nueva
   *[other] nuevas
}
import-preview-count-updated = { $count ->
    [one] actualizada
   *[other] actualizadas
}
import-preview-count-unchanged = { $count ->
    [one] sin cambios
   *[other] sin cambios
}
import-preview-count-errors = { $count ->
    [one] línea con errores
   *[other] líneas con errores
}

## Los errores
import-preview-errors = Errores
import-preview-errors-intro = No se puede importar nada hasta que estos errores se corrijan en el archivo. Los números de línea cuentan el encabezado como la línea 1, tal como los numera un editor de texto o una hoja de cálculo.
import-preview-errors-caption = Errores por línea
import-preview-line = Línea
import-preview-email = Correo electrónico
import-preview-column = Columna
import-preview-problem = Problema
# $count es cuántos errores se listan, $more cuántos más tiene el archivo (un número ya
# escrito como el idioma escribe los números).
import-preview-errors-more = { $count ->
    [one] Se muestra el primer error, y { $more } más.
   *[other] Se muestran los primeros { $count } errores, y { $more } más.
}

## Las personas nuevas y modificadas
import-preview-changes = Personas nuevas y modificadas
import-preview-person = Persona
import-preview-what = Tipo
import-preview-details = Detalles
import-preview-kind-new = Nueva
import-preview-kind-update = Actualización
# Un valor vacío del archivo, antes o después de un cambio.
import-preview-none = (vacío)
# $count es cuántas personas se listan, $more cuántas más se importarían (un número ya
# escrito como el idioma escribe los números).
import-preview-changes-more = { $count ->
    [one] Se muestra la primera persona nueva o modificada, y { $more } más; al confirmar se importan todas.
   *[other] Se muestran las primeras { $count } personas nuevas y modificadas, y { $more } más; al confirmar se importan todas.
}

## La confirmación
import-preview-commit-intro = Al confirmar, todo esto se escribe de una sola vez. Antes se vuelve a revisar el archivo, contra el directorio tal como esté en ese momento.
import-preview-commit = Confirmar la importación
import-preview-cancel = Cancelar
import-preview-upload-corrected = Subir un archivo corregido
import-preview-already-committed = Esta importación ya se confirmó o fue reemplazada por un archivo subido después. Vuelva a subir el archivo para importarlo.
import-preview-directory-changed = El directorio cambió desde la vista previa y ahora el archivo tiene errores: no se importó nada. Corrija el archivo y vuelva a subirlo.
# $summary es lo que hizo la importación: import-preview-summary y luego cada uno de los
# demás import-preview-summary-… que corresponda, separados por "; ".
import-preview-imported = Importación realizada: { $summary }.
# $new, $updated y $unchanged son números de personas.
import-preview-summary = { $new ->
        [one] { $new } persona nueva
       *[other] { $new } personas nuevas
    }, { $updated ->
        [one] { $updated } actualizada
       *[other] { $updated } actualizadas
    }, { $unchanged } sin cambios
# $count es el número de personas que se fueron.
import-preview-summary-left = { $count ->
    [one] { $count } dada de baja
   *[other] { $count } dadas de baja
}
# $managers es el número de personas que cambiaron de gerente, $moved el de solicitudes
# pendientes que pasaron con ellas.
import-preview-summary-managers = { $managers ->
        [one] { $managers } cambio de gerente
       *[other] { $managers } cambios de gerente
    }, { $moved ->
        [one] { $moved } solicitud pendiente pasó a la cola del nuevo gerente
       *[other] { $moved } solicitudes pendientes pasaron a la cola del nuevo gerente
    }
# $people es una lista de direcciones de correo electrónico.
import-preview-summary-admins-given = se otorgaron derechos de administrador a { $people }
import-preview-summary-admins-taken = se retiraron los derechos de administrador a { $people }
# $list son las primeras direcciones de correo electrónico, $count cuántas más hay.
import-preview-summary-more = { $list } y { $count } más

## Los rechazos del archivo subido
# $mib es el tamaño máximo aceptado, en MiB.
import-preview-too-large = El archivo pesa más de { $mib } MiB. Impórtelo por partes, por ejemplo un sitio o un departamento a la vez, o use la línea de comandos (upskill import-employees).
import-preview-no-file = Elija el archivo CSV que desea importar (no debe estar vacío).
