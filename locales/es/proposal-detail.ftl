## La página de una propuesta (templates/proposals/detail.html): qué dice, en qué punto
## está, su historial y la decisión de los administradores, con lo que se les dice después.

# El título y el encabezado de la página; $name es el nombre de la propuesta.
proposal-detail-title-own = Su propuesta: { $name }
# $proposer es el nombre de quien la propuso, $name el nombre de la propuesta.
proposal-detail-title-other = Propuesta de { $proposer }: { $name }
# El último paso de la ruta de navegación; $id es el número de la propuesta.
proposal-detail-crumb = Propuesta { $id }

## Lo que sigue, después del estado de la propuesta

proposal-detail-next-submitted-own = Un administrador la revisa; recibirá una notificación cuando decida. Todavía puede cambiarla.
proposal-detail-next-submitted-other = Espera la decisión de un administrador.
proposal-detail-next-changes-own = Lea el comentario de abajo, cambie la propuesta y vuelva a enviarla.
proposal-detail-next-changes-other = Se le pidió a quien la propuso que la cambie y la vuelva a enviar.
proposal-detail-next-published = El programa que surgió de ella está en el catálogo.
proposal-detail-next-draft-own = Ahora es un borrador de programa del que usted es responsable: complételo y luego pida a un administrador que lo publique.
proposal-detail-next-draft-other = Ahora es un borrador de programa.
proposal-detail-next-declined = El motivo está en el historial de abajo.
proposal-detail-next-withdrawn-own = Usted la retiró: nadie la revisará.
proposal-detail-next-withdrawn-other = Quien la propuso la retiró.

## La propuesta y su historial

proposal-detail-heading = La propuesta
proposal-detail-proposed-by = Propuesta por
proposal-detail-expected-cost = Costo previsto de una plaza
proposal-detail-proposer-experience = La experiencia de quien la propuso
proposal-detail-timeline = Historial

## Lo que puede hacer quien la ve

proposal-detail-your-decision = Su decisión
proposal-detail-what-you-can-do = Lo que puede hacer
proposal-detail-decision = Decisión
proposal-detail-approve = Aprobar: se crea un borrador de programa a partir de ella, a cargo de quien la propuso
proposal-detail-request-changes = Pedir cambios: quien la propuso la cambia y la vuelve a enviar
proposal-detail-decline = Rechazar: la propuesta termina aquí
proposal-detail-comment = Comentario
proposal-detail-comment-hint = Quien la propuso lo lee. Es obligatorio para pedir cambios (qué cambiar) o para rechazar (por qué).
proposal-detail-record = Registrar la decisión
# Lo siguen el nombre del programa y, entre paréntesis, su estado.
proposal-detail-program-made = El programa que surgió de esta propuesta:
proposal-detail-see-in-catalog = Verlo en el catálogo
proposal-detail-complete-program = Completar el programa
proposal-detail-open-program = Abrir el programa
proposal-detail-change-and-send = Cambiarla y volver a enviarla
proposal-detail-change = Cambiar la propuesta
proposal-detail-withdraw = Retirar la propuesta…
proposal-detail-nothing-more = Nada más: ya se decidió sobre la propuesta.
proposal-detail-back-own = Volver a mis propuestas
proposal-detail-back-admin = Volver a las propuestas

## Después de una decisión

proposal-detail-withdrawn-meanwhile = Quien la propuso retiró la propuesta: no se decidió nada.
# $status es el estado actual de la propuesta.
proposal-detail-decided-meanwhile = Otro administrador decidió mientras tanto: ahora la propuesta figura como «{ $status }». No se cambió nada.
# $name es el nombre de la propuesta, $slug el nombre del borrador de programa en su dirección.
proposal-detail-approved = Se aprobó la propuesta { $name }: ahora es un borrador de programa ({ $slug }) a cargo de quien la propuso, que lo completa y pide que se publique.
# $name es el nombre de la propuesta.
proposal-detail-changes-requested = Se pidieron cambios en la propuesta { $name }: se le avisó a quien la propuso, que puede volver a enviarla.
# $name es el nombre de la propuesta.
proposal-detail-declined = Se rechazó la propuesta { $name }: se le comunicó el motivo a quien la propuso.
