# The words of records: periods, an employee's job history, the import's line-by-line problems, waitlist reasons.

## El período del panel (src/domain/period.rs): meses completos, con cualquiera de los extremos abierto.
# $from, $to y $month son un mes y su año, "marzo de 2026".
period-all-time = todo el tiempo
period-from = desde { $from }
period-until = hasta { $to }
period-one-month = en { $month }
period-between = de { $from } a { $to }

## El historial laboral de un empleado, una oración por cambio (src/domain/history.rs).
# La primera fila: $title es el cargo (o term-history-no-job-title), $family, $site y
# $employment se nombran con los vocabularios, $manager es un nombre (o
# term-history-no-manager).
history-first = Primer registro: { $title }, { $family }, { $site }, { $employment }; gerente: { $manager }
# Lo mismo, para alguien registrado como que ya dejó la empresa: $left es history-left o history-left-for.
history-first-and-left = Primer registro: { $title }, { $family }, { $site }, { $employment }; gerente: { $manager }; { $left }
# Un valor que cambió: $old antes, $new después.
history-job-title = Cargo: { $old } → { $new }
history-job-family = Familia de puestos: { $old } → { $new }
history-site-type = Tipo de sede: { $old } → { $new }
history-employment-type = Tipo de empleo: { $old } → { $new }
history-manager = Gerente: { $old } → { $new }
# $date es el día en que se fue; $reason el tipo de salida ("voluntaria").
history-left = Dejó la empresa el { $date }
history-left-for = Dejó la empresa el { $date } (tipo de salida: { $reason })
history-rejoined = Volvió a la empresa el { $date }
# Dos filas iguales (entre ellas no se registró un cambio y su reversión).
history-no-change = Sin cambios en el puesto
term-history-no-job-title = (sin cargo)
term-history-no-manager = sin gerente

## Los problemas de la importación de empleados con una línea del archivo (src/domain/import/).
# Un problema y dónde está: $line es el número de línea del archivo, $column el nombre de
# la columna tal como lo escribe el archivo, $problem uno de los mensajes siguientes.
import-line-at = línea { $line }: { $problem }
import-line-at-column = línea { $line }, { $column }: { $problem }
import-line-email-missing = Falta la dirección de correo electrónico.
import-line-name-empty = El nombre está vacío.
# $what nombra el campo (term-name, term-job-title), $max es el máximo de caracteres.
import-line-too-long = El campo «{ $what }» tiene más de { $max } caracteres.
# $allowed son los valores que el archivo puede escribir; $value es lo que escribió.
import-line-job-family-missing = Falta la familia de puestos; use uno de estos valores: { $allowed }.
import-line-job-family-unknown = «{ $value }» no es una familia de puestos; use uno de estos valores: { $allowed }.
import-line-site-type-missing = Falta el tipo de sede; use uno de estos valores: { $allowed }.
import-line-site-type-unknown = «{ $value }» no es un tipo de sede; use uno de estos valores: { $allowed }.
import-line-employment-type-missing = Falta el tipo de empleo; use uno de estos valores: { $allowed }.
import-line-employment-type-unknown = «{ $value }» no es un tipo de empleo; use uno de estos valores: { $allowed }.
import-line-leaving-reason-missing = Falta el motivo de salida; use uno de estos valores: { $allowed }.
import-line-leaving-reason-unknown = «{ $value }» no es un motivo de salida; use uno de estos valores: { $allowed }.
import-line-flag = «{ $value }» no es sí ni no; escriba true, false, yes, no, 1 o 0, o déjelo vacío (no).
import-line-hire-date-missing = Falta la fecha de contratación; escríbala como AAAA-MM-DD.
# $date es la fecha escrita, $today la de hoy (ambas como AAAA-MM-DD, como las escribe el archivo).
import-line-hire-date-future = { $date } es una fecha futura: la fecha de contratación no puede ser posterior a hoy ({ $today }).
import-line-effective-date-future = { $date } es una fecha futura: la fecha de entrada en vigor no puede ser posterior a hoy ({ $today }).
import-line-left-on-future = { $date } es una fecha futura: la fecha de salida no puede ser posterior a hoy ({ $today }).
import-line-not-a-date = «{ $value }» no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2021-03-05.
import-line-left-on-missing = Falta la fecha de salida: un motivo de salida requiere el día en que la persona se fue.
import-line-own-manager = Una persona no puede ser su propio gerente.
# $count es cuántos valores tiene la línea.
import-line-too-few-values = { $count ->
    [one] Esta línea tiene { $count } valor, pero el encabezado nombra más columnas; revise sus comas y comillas.
   *[other] Esta línea tiene { $count } valores, pero el encabezado nombra más columnas; revise sus comas y comillas.
}
# $error es la descripción del error que da el lector de CSV (en inglés).
import-line-not-csv = Esta línea no se puede leer como CSV ({ $error }).
# $line es la línea donde aparece la dirección por primera vez.
import-line-email-twice = Esta dirección de correo electrónico ya aparece en la línea { $line }.
# $circle son las direcciones de correo electrónico, cada una seguida de la de su gerente ("a → b → a").
import-line-circle = Estas personas serían gerentes unas de otras en un círculo: { $circle }.
# Lo mismo para un círculo largo: $circle son sus primeras direcciones, $count cuántas personas tiene.
import-line-circle-cut = Estas personas serían gerentes unas de otras en un círculo: { $circle } → … ({ $count } personas).
# $manager es la dirección de correo electrónico del gerente.
import-line-manager-inactive = { $manager } ya no trabaja aquí (su cuenta está inactiva), así que no puede ser gerente.
import-line-manager-unknown = Nadie con la dirección { $manager } está en el archivo ni en Upskill.
import-line-own-admin-rights = No puede quitarse sus propios derechos de administrador con una importación; pídaselo a otro administrador.
import-line-own-departure = No puede registrar su propia salida con una importación; pídaselo a otro administrador.

## Los problemas del archivo de la importación en su conjunto: no se importa nada.
# $size es el tamaño de la línea de encabezado en KB, $columns las columnas que lee la
# importación, $max el máximo de KB que puede tener un encabezado.
import-refused-header-too-long = La línea de encabezado mide { $size } KB; la primera línea de una exportación de RR. HH. nombra sus columnas ({ $columns }) en mucho menos de { $max } KB. Compruebe que sea el archivo correcto.
# $columns es el encabezado que necesita el archivo.
import-refused-empty = El archivo está vacío: necesita una línea de encabezado ({ $columns }).
# $error es la descripción del error que da el lector de CSV (en inglés).
import-refused-header-not-csv = La línea de encabezado no se puede leer como CSV ({ $error }).
# $count es cuántas columnas tiene el encabezado, $needed cuántas lee la importación
# ($columns), $max el máximo que puede tener un encabezado.
import-refused-too-many-columns = La línea de encabezado tiene { $count } columnas; una exportación de RR. HH. tiene las { $needed } columnas { $columns } y como máximo { $max } en total. Compruebe que sea el archivo correcto.
import-refused-column-twice = La columna { $column } aparece dos veces en el encabezado.
# $count es cuántas columnas faltan, $missing sus nombres, $columns todas las columnas que se leen.
import-refused-columns-missing = { $count ->
    [one] Al encabezado le falta la columna { $missing }. La primera línea debe nombrar las columnas { $columns }.
   *[other] Al encabezado le faltan las columnas { $missing }. La primera línea debe nombrar las columnas { $columns }.
}
import-refused-nobody = El archivo tiene encabezado, pero ninguna persona.
# $email es la dirección del administrador que importa el archivo.
import-refused-importer-missing = Usted ({ $email }) no está en el archivo, así que la importación registraría su salida; un archivo completo de RR. HH. incluye a todas las personas que trabajan aquí.
# $count es cuántas personas saldrían, $active cuántas están activas, $percent el máximo
# que puede salir sin --force.
import-refused-too-many-leave = { $count ->
    [one] { $count } de las { $active } personas activas saldría de la empresa (más del { $percent }%): compruebe que sea el archivo completo de RR. HH., o impórtelo con --force.
   *[other] { $count } de las { $active } personas activas saldrían de la empresa (más del { $percent }%): compruebe que sea el archivo completo de RR. HH., o impórtelo con --force.
}
import-refused-no-admin = Con este archivo, Upskill se quedaría sin administrador: marque al menos a una persona con is_admin=true.
import-refused-not-utf8 = El archivo no es texto UTF-8. Expórtelo desde el sistema de RR. HH. como "CSV UTF-8" y vuelva a subirlo.
# $line es la línea que tiene el carácter NUL.
import-refused-nul = El archivo contiene un carácter NUL (en la línea { $line }): no es un archivo de texto CSV. Expórtelo desde el sistema de RR. HH. como "CSV UTF-8" y vuelva a subirlo.

## Lo que la importación señala sin detenerse.
# $count es cuántas columnas se ignoran; $columns las nombra (import-note-column,
# import-note-unnamed-column, y luego import-note-more-columns cuando son muchas).
import-note-ignored = { $count ->
    [one] La columna { $columns } no se usa y se ignoró.
   *[other] Las columnas { $columns } no se usan y se ignoraron.
}
# El nombre de una columna tal como lo escribe el archivo.
import-note-column = { $column }
# $position cuenta las columnas desde 1.
import-note-unnamed-column = (columna { $position }, sin nombre)
# $count es cuántas columnas ignoradas más hay, además de las nombradas.
import-note-more-columns = { $count } más

## El motivo para mover a alguien en una lista de espera (src/domain/waitlist.rs).
waitlist-reason-too-short = Explique el motivo en pocas palabras: la persona lo leerá y quedará en el registro de auditoría.
# $max es el máximo de caracteres, $count cuántos tiene el motivo.
waitlist-reason-too-long = Limite el motivo a { $max } caracteres; tiene { $count }.
