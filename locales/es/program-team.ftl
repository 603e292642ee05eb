## El equipo de un programa: quién lo dirige, y el buscador de personas con el que los
## administradores nombran a sus responsables y coordinadores (templates/admin/program_team.html).

# $program: el nombre del programa.
program-team-title = Equipo de { $program }
program-team-lead = El equipo dirige el programa: edita el programa y sus convocatorias, decide las aprobaciones que corresponden al equipo del programa, revisa los comprobantes de finalización, registra los pagos y ve las solicitudes del programa, pero nada de otros programas. Los responsables responden por el programa; los coordinadores ayudan a dirigirlo. Los administradores designan a los integrantes del equipo.

## Quién forma parte del equipo

program-team-members = En el equipo
program-team-none = Todavía no hay nadie en el equipo de este programa. Mientras no haya nadie, lo que le corresponde al equipo del programa (aprobaciones, comprobantes, recordatorios) les llega a todos los administradores.
program-team-caption = El equipo del programa, primero los responsables
program-team-name = Nombre
program-team-email = Correo electrónico
program-team-role = Rol
program-team-change = Cambiar
# Bajo el nombre de alguien que dejó la empresa.
program-team-left = Ya no trabaja en la empresa
# Un botón; $role: el nombre del rol, en minúsculas ("responsable"). Los lectores de pantalla leen después el nombre de la persona.
program-team-make = Nombrar { $role }
program-team-remove = Quitar
# Lo leen los lectores de pantalla después de "Quitar"; $name: el nombre de la persona.
program-team-remove-context = a { $name } del equipo

## Agregar a alguien (administradores)

program-team-add = Agregar a alguien
program-team-find-label = Buscar personas para agregar
program-team-name-or-email = Nombre o correo electrónico
program-team-name-or-email-hint = Parte del nombre, o el comienzo de la dirección de correo electrónico.
program-team-find = Buscar
# $search: lo que se escribió.
program-team-found-none = Ningún nombre ni correo electrónico coincide con “{ $search }”.
# Coinciden más personas de las que muestra la lista; $count: cuántas muestra, $search: lo que se escribió.
program-team-found-more = { $count ->
    [one] La primera coincidencia con “{ $search }”; escriba más del nombre para acotar la búsqueda.
   *[other] Las primeras { $count } coincidencias con “{ $search }”; escriba más del nombre para acotar la búsqueda.
}
# $count: cuántas personas coinciden, $search: lo que se escribió.
program-team-found = { $count ->
    [one] { $count } coincidencia con “{ $search }”.
   *[other] { $count } coincidencias con “{ $search }”.
}
# Una persona encontrada que dejó la empresa.
program-team-left-sentence = Ya no trabaja en la empresa.
# $role: el nombre del rol, en minúsculas ("responsable").
program-team-on-team-as = Forma parte del equipo como { $role }.
# Un botón; $role: el nombre del rol, en minúsculas ("coordinador"). Los lectores de pantalla leen después el nombre de la persona.
program-team-add-as = Agregar como { $role }

## Lo que hizo un cambio en el equipo (un mensaje en la página siguiente)

# $name: el nombre de la persona.
program-team-cannot-join = { $name } ya no trabaja en la empresa y no puede unirse al equipo.
# $name: el nombre de la persona, $role: el nombre del rol, en minúsculas ("coordinador").
program-team-added = { $name } ahora forma parte del equipo como { $role }.
# $name: el nombre de la persona, $role: el nombre del rol, en minúsculas ("responsable").
program-team-role-changed = { $name } es ahora { $role } del equipo.
# $name: el nombre de la persona, $role: el nombre del rol, en minúsculas ("responsable").
program-team-unchanged = { $name } ya era { $role } del equipo.
# $name: el nombre de la persona.
program-team-removed = { $name } ya no forma parte del equipo.
# $name: el nombre de la persona.
program-team-not-member = { $name } no formaba parte del equipo.
