# Iniciar y cerrar sesión, elegir una contraseña desde un enlace, los avisos del inicio de
# sesión único y el formulario guardado cuando terminó una sesión (templates/auth/*).

## La página de inicio de sesión

auth-sign-in = Iniciar sesión
auth-login-title-ended = Su sesión terminó — Iniciar sesión
auth-login-lead = Use su dirección de correo electrónico del trabajo y su contraseña de Upskill.
auth-work-email = Correo electrónico del trabajo
auth-password = Contraseña
auth-forgot-link = ¿Olvidó su contraseña o nunca tuvo una?
auth-demo-title = Cuentas de demostración
auth-demo-hint = Todas las cuentas de demostración tienen la contraseña que se mostró al iniciar el servidor.
auth-demo-role-admin = administrador
auth-demo-role-manager = gerente
auth-demo-role-employee = empleado
auth-wrong-credentials = El correo electrónico o la contraseña no son correctos.
auth-too-many-attempts = Demasiados intentos de inicio de sesión. Espere unos minutos y vuelva a intentarlo.
auth-welcome = Le damos la bienvenida, { $name }.
auth-signed-out = Cerró la sesión.
auth-session-ended-kept = Su sesión terminó antes de que se enviara su formulario. Inicie sesión para continuar: lo que escribió se guarda durante 15 minutos y podrá enviarlo entonces.
auth-session-ended-lost = Su sesión terminó antes de que se enviara su formulario, y era demasiado largo para guardarlo. Inicie sesión para continuar y vuelva a completarlo.

## Una contraseña olvidada

auth-forgot-title = ¿Olvidó su contraseña?
auth-forgot-title-sent = Revise su correo electrónico — ¿Olvidó su contraseña?
auth-forgot-no-mail = Este servidor de Upskill no envía correos electrónicos, así que no puede enviarle un enlace.
auth-forgot-ask-admin = Pídaselo a un administrador de Upskill: puede darle un enlace para elegir una contraseña (desde su ficha en Administración › Personas), tanto si olvidó la suya como si nunca tuvo una.
auth-back-to-sign-in = Volver a iniciar sesión
# Alrededor de la dirección a la que se envió el enlace (en negrita entre ambos).
auth-forgot-sent-before = Si
auth-forgot-sent-after = es la dirección de alguien de Upskill, allí le llegará un enlace para elegir una nueva contraseña. Funciona una sola vez, durante 1 hora.
auth-forgot-sent-help = ¿No le llegó nada en unos minutos? Busque en su carpeta de correo no deseado, revise la dirección o vuelva a pedirlo: el enlace más reciente es el que funciona. ¿Sus datos vinieron de Recursos Humanos y nunca inició sesión? El mismo enlace le permite elegir su primera contraseña.
auth-forgot-lead = Escriba su dirección de correo electrónico del trabajo: le enviaremos un enlace para elegir una nueva contraseña. También sirve si nunca tuvo una contraseña de Upskill.
auth-send-link = Envíenme un enlace
auth-forgot-not-an-address = Escriba su dirección de correo electrónico del trabajo, como nombre@example.com.

## Elegir una contraseña desde una invitación o un enlace de restablecimiento

auth-invitation-heading = Le damos la bienvenida a Upskill
auth-reset-heading = Elija una nueva contraseña
auth-invitation-lead = Hola, { $name }. Elija la contraseña con la que iniciará sesión; después verá los programas a los que puede postularse.
auth-reset-lead = Hola, { $name }. Elija la contraseña con la que iniciará sesión a partir de ahora.
auth-account-email = Correo electrónico del trabajo (con él inicia sesión)
auth-new-password = Nueva contraseña
auth-new-password-hint = { $count ->
    [one] Al menos { $count } carácter, el que quiera. Unas cuantas palabras que pueda recordar, con espacios, forman una buena contraseña; las contraseñas muy comunes se rechazan.
   *[other] Al menos { $count } caracteres, los que quiera. Unas cuantas palabras que pueda recordar, con espacios, forman una buena contraseña; las contraseñas muy comunes se rechazan.
}
auth-password-again = La misma contraseña otra vez
auth-save-password = Guardar la contraseña e iniciar sesión
auth-passwords-differ = Las dos contraseñas son distintas. Escriba la misma contraseña dos veces.
auth-password-set-welcome = Su contraseña quedó guardada. Le damos la bienvenida a Upskill, { $name }.
auth-password-reset-done = Su nueva contraseña quedó guardada y ya inició sesión. En cualquier otro navegador deberá iniciar sesión de nuevo.

## Un enlace que ya no funciona

auth-link-gone-title = Este enlace ya no funciona
auth-link-gone-rules = Un enlace para elegir una contraseña funciona una sola vez y solo durante un tiempo: una invitación, 7 días; un restablecimiento de contraseña, 1 hora. Un enlace más reciente del mismo tipo reemplaza al anterior.
auth-link-gone-next = Si ya eligió su contraseña, inicie sesión con ella. Si no, pida un enlace nuevo: le llegará por correo electrónico de inmediato.
auth-send-new-link = Envíenme un enlace nuevo

## El formulario guardado cuando terminó la sesión

auth-resume-title = Enviar el formulario en el que terminó su sesión
auth-resume-heading = ¿Enviar el formulario en el que terminó su sesión?
auth-resume-lead = Su sesión terminó antes de que se enviara este formulario, así que no se guardó nada. Esto es lo que escribió: envíelo ahora o déjelo. Si algo no está bien, la página que lo recibe le indicará qué corregir, con lo que escribió ya completado.
auth-resume-typed = Lo que escribió
auth-resume-send = Enviarlo ahora
auth-resume-leave = Dejarlo

## Inicio de sesión único: rechazos, la página de inicio de sesión del modo de encabezado, cerrar sesión

auth-sso-retry = Iniciar sesión con su cuenta de la empresa
auth-sso-untrusted-title = Abra Upskill a través del inicio de sesión de la empresa
auth-sso-untrusted-text = Upskill inicia la sesión de las personas a través del inicio de sesión de la empresa, y esta solicitud no pasó por él. Abra Upskill desde su dirección habitual.
auth-sso-unknown-title = Upskill no pudo saber quién es usted
auth-sso-unreadable-text = El inicio de sesión de la empresa no envió una dirección de correo electrónico que Upskill pueda leer. Comuníquese con la mesa de ayuda de TI.
auth-sso-not-in-upskill-title = Todavía no está en Upskill
auth-sso-not-in-upskill-text = Inició sesión con su cuenta de la empresa como { $email }, pero todavía no hay nadie con esa dirección de correo electrónico en Upskill.
auth-sso-not-in-upskill-ask = Pida a Recursos Humanos que le den de alta en Upskill; podrá iniciar sesión en cuanto lo hagan.
auth-sso-deactivated-title = Su cuenta de Upskill está cerrada
auth-sso-deactivated-text = El inicio de sesión de la empresa funcionó, pero Recursos Humanos desactivó su cuenta de Upskill. Si es un error, pida a Recursos Humanos que la reactive.
auth-sso-unverified-title = Su dirección de correo electrónico no está verificada
auth-sso-unverified-text = La dirección de correo electrónico de su cuenta de la empresa no está verificada, así que Upskill no puede saber qué persona de la empresa es usted. Verifíquela en su cuenta de la empresa o comuníquese con la mesa de ayuda de TI.
auth-sso-no-email-text = El inicio de sesión de la empresa no le indicó a Upskill su dirección de correo electrónico. Comuníquese con la mesa de ayuda de TI.
auth-sso-password-off-title = El inicio de sesión con contraseña está desactivado
auth-sso-password-off-text = Upskill inicia su sesión con su cuenta de la empresa: no hay ninguna contraseña de Upskill que escribir.
auth-sso-cancelled-title = Se canceló el inicio de sesión
auth-sso-cancelled-text = El inicio de sesión de la empresa no le permitió entrar, o se canceló el inicio de sesión. Puede volver a intentarlo.
auth-sso-provider-error-title = Falló el inicio de sesión de la empresa
auth-sso-provider-error-text = El inicio de sesión de la empresa respondió con un error. Vuelva a intentarlo; si sigue ocurriendo, comuníquese con la mesa de ayuda de TI.
auth-sso-stale-title = Este inicio de sesión venció
auth-sso-stale-text = Este inicio de sesión no se comenzó en este navegador, ya se usó o tardó demasiado. Vuelva a empezar.
auth-sso-unavailable-title = El inicio de sesión de la empresa no está disponible
auth-sso-unavailable-text = Upskill no puede comunicarse con el inicio de sesión de la empresa en este momento. No se cambió nada; vuelva a intentarlo en un minuto.
auth-sso-invalid-answer-title = No se pudo completar el inicio de sesión
auth-sso-invalid-answer-text = No se pudo aceptar la respuesta del inicio de sesión de la empresa. Vuelva a intentarlo; si sigue ocurriendo, comuníquese con la mesa de ayuda de TI.
auth-sso-header-title = Inicie sesión con su cuenta de la empresa
auth-sso-header-text = Upskill inicia su sesión a través de su cuenta de la empresa, pero el inicio de sesión de la empresa no llegó a Upskill.
auth-sso-header-next = Vuelva a cargar la página o abra Upskill desde su dirección habitual. Si sigue ocurriendo, comuníquese con la mesa de ayuda de TI.
auth-sso-header-open = Abrir Upskill
auth-sso-signed-out-title = Cerró la sesión de Upskill
auth-sso-signed-out-text = Su cuenta de la empresa sigue con la sesión iniciada: para cerrarla también, cierre el navegador o cierre la sesión de su cuenta de la empresa.
auth-sso-signed-out-open = Volver a abrir Upskill
