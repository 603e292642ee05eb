# Los programas que proponen las personas: la lista de quien propone, el formulario, el
# retiro y en qué punto está una propuesta (templates/proposals/*).

proposals-title = Mis propuestas
proposals-breadcrumb = Ruta de navegación
proposals-programs = Programas
proposals-lead = Los programas que usted propuso y en qué punto está cada uno. Un administrador revisa cada propuesta; una propuesta aprobada se convierte en un borrador de programa del que usted es responsable y que completa antes de que un administrador lo publique.
proposals-propose = Proponer un programa
proposals-none = Todavía no propuso ningún programa.
proposals-caption = Sus propuestas, de la más reciente a la más antigua
proposals-program = Programa
proposals-kind = Tipo
proposals-status = Estado
proposals-last-change = Último cambio
# En qué punto está una propuesta, con su borrador de programa una vez aprobada.
proposals-the-program = El programa:
proposals-publication-asked = , con la publicación solicitada

## El formulario

proposals-change-title = Cambiar su propuesta: { $name }
proposals-change = Cambiar su propuesta
proposals-number = Propuesta { $count }
proposals-change-crumb = Cambiar
proposals-lead-changes-requested = Haga los cambios que pidió el administrador (su comentario está en la página de la propuesta) y vuelva a enviarla: regresa a los administradores para su revisión.
proposals-lead-waiting = La propuesta espera revisión: todavía puede cambiarla hasta que un administrador decida.
proposals-lead-new = ¿Conoce un curso, una certificación o una habilidad que ayudaría a sus colegas a dar el siguiente paso en su carrera? Descríbalo aquí. Un administrador lo revisa: si lo aprueba, se convierte en un borrador de programa del que usted es responsable — usted lo completa (quién puede postularse, convocatorias, qué enviar al final) y un administrador lo publica.
proposals-name = Nombre del programa
proposals-name-hint = De 3 a 120 caracteres, como lo mostraría el catálogo.
proposals-summary = Resumen
proposals-summary-hint = Una oración: qué aprende una persona y a dónde la lleva (de 10 a 300 caracteres).
proposals-description = Descripción
proposals-description-hint = Qué cubre el programa, cómo se enseña y cuánto dura (al menos 20 caracteres).
proposals-audience = A quién está dirigido
proposals-audience-hint = Los puestos, sitios o personas a los que ayudaría, por ejemplo «asociados de centros logísticos que quieren pasar a soporte de TI».
proposals-expected-cost = Costo previsto de la plaza de una persona (US$)
proposals-expected-cost-hint = En dólares, por ejemplo 1200 o 1,200.50; 0 si es gratuito.
proposals-experience = Su experiencia
proposals-experience-hint = Lo que sabe del tema, o lo que ya enseñó o dirigió (al menos 10 caracteres).
proposals-send-again = Volver a enviar la propuesta
proposals-save-changes = Guardar los cambios
proposals-send = Enviar la propuesta
proposals-cancel = Cancelar

## El retiro

proposals-withdraw-title = Retirar su propuesta: { $name }
proposals-withdraw-crumb = Retirar
proposals-withdraw-heading = ¿Retirar su propuesta { $name }?
proposals-withdraw-text = El retiro es definitivo: los administradores dejan de revisarla. Para proponer el programa más adelante, envíe una nueva propuesta.
proposals-withdraw-button = Retirar la propuesta
proposals-keep = Conservarla

## Después de enviar, cambiar o retirar

proposals-sent = Su propuesta se envió. Un administrador la revisa; recibirá una notificación cuando decida.
proposals-sent-again = Su propuesta se volvió a enviar. Un administrador la revisa; recibirá una notificación cuando decida.
proposals-saved = Sus cambios se guardaron. La propuesta sigue esperando revisión.
proposals-changed-meanwhile = La propuesta cambió mientras la editaba: ahora figura como «{ $status }». Sus cambios no se guardaron; vuelva a leerla abajo.
proposals-withdrawn = Su propuesta se retiró. Nadie la revisará.
proposals-decided-meanwhile = Mientras tanto se decidió sobre la propuesta: ahora figura como «{ $status }». No se retiró.
proposals-approved-not-editable = La propuesta está aprobada: cambie el borrador de programa en Mis programas.
proposals-withdrawn-not-editable = Usted retiró la propuesta: ya no puede cambiar.
proposals-decided-not-editable = Ya se decidió sobre la propuesta y no puede cambiar.
