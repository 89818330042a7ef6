<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CaseLens::AccountStatus</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>%1 of %2 calls this month</source>
        <translation>%1 de %2 llamadas este mes</translation>
    </message>
    <message>
        <source>%1 calls this month</source>
        <translation>%1 llamadas este mes</translation>
    </message>
    <message>
        <source>up to %1 calls a month</source>
        <translation>hasta %1 llamadas al mes</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>%1 por minuto</translation>
    </message>
    <message>
        <source>You have used %1% of this month&apos;s API calls. When they run out, CaseLens cannot load tickets until the plan resets.</source>
        <translation>Ha usado el %1 % de las llamadas a la API de este mes. Cuando se agoten, CaseLens no podrá cargar tickets hasta que se renueve el plan.</translation>
    </message>
    <message>
        <source>This month&apos;s API calls are used up: the server will refuse requests until the plan resets or is upgraded in Sweeppea.</source>
        <translation>Se agotaron las llamadas a la API de este mes: el servidor rechazará las solicitudes hasta que se renueve el plan o se mejore en Sweeppea.</translation>
    </message>
</context>
<context>
    <name>CaseLens::ApiClient</name>
    <message>
        <source>The server URL is not valid. Use e.g. https://api-v3.sweeppea.com.</source>
        <translation>La URL del servidor no es válida. Use, p. ej., https://api-v3.sweeppea.com.</translation>
    </message>
    <message>
        <source>CaseLens sends your API key only over https. Plain http is allowed only for this computer (localhost).</source>
        <translation>CaseLens solo envía su clave de API por https. El http sin cifrar solo se permite para este equipo (localhost).</translation>
    </message>
    <message>
        <source>The server URL must start with https://.</source>
        <translation>La URL del servidor debe empezar por https://.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>No API key is set. Add your Sweeppea API key in Settings.</source>
        <translation>No hay ninguna clave de API configurada. Agregue su clave de API de Sweeppea en Configuración.</translation>
    </message>
    <message>
        <source>The ticket is too large to show (over %1 MB).</source>
        <translation>El ticket es demasiado grande para mostrarlo (más de %1 MB).</translation>
    </message>
    <message numerus="yes">
        <source>Announced size: %Ln byte(s)</source>
        <translation>
            <numerusform>Tamaño anunciado: %Ln byte</numerusform>
            <numerusform>Tamaño anunciado: %Ln bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>The server tried to send CaseLens to another address (%1). CaseLens did not follow it, to keep your API key safe.</source>
        <translation>El servidor intentó redirigir CaseLens a otra dirección (%1). CaseLens no la siguió, para proteger su clave de API.</translation>
    </message>
    <message>
        <source>Redirect to %1 refused</source>
        <translation>Redirección a %1 rechazada</translation>
    </message>
    <message numerus="yes">
        <source>Received more than %Ln byte(s)</source>
        <translation>
            <numerusform>Se recibió más de %Ln byte</numerusform>
            <numerusform>Se recibieron más de %Ln bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not connect to the server at %1 (connection refused). Check the server URL and your connection.</source>
        <translation>No se pudo conectar con el servidor en %1 (conexión rechazada). Compruebe la URL del servidor y su conexión.</translation>
    </message>
    <message>
        <source>The server %1 could not be found. Check your internet connection.</source>
        <translation>No se encontró el servidor %1. Compruebe su conexión a internet.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your connection and try again.</source>
        <translation>El servidor no respondió a tiempo. Compruebe su conexión e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The server closed the connection before its answer was complete. Try again.</source>
        <translation>El servidor cerró la conexión antes de completar su respuesta. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>A network error stopped the request. Check your connection and try again.</source>
        <translation>Un error de red interrumpió la solicitud. Compruebe su conexión e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>[your API key]</source>
        <translation>[su clave de API]</translation>
    </message>
    <message>
        <source>Server busy</source>
        <translation>Servidor ocupado</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problema de conexión</translation>
    </message>
    <message>
        <source>%1, retrying in %2 s (attempt %3 of %4)</source>
        <translation>%1, reintentando en %2 s (intento %3 de %4)</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s). Check your connection and try again.</source>
        <translation>
            <numerusform>El servidor no respondió en %n segundo. Compruebe su conexión e inténtelo de nuevo.</numerusform>
            <numerusform>El servidor no respondió en %n segundos. Compruebe su conexión e inténtelo de nuevo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(Gave up after %n attempt(s).)</source>
        <translation>
            <numerusform>(Se abandonó tras %n intento.)</numerusform>
            <numerusform>(Se abandonó tras %n intentos.)</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the server broke before its answer arrived. The change may or may not have been made.</source>
        <translation>La conexión con el servidor se cortó antes de que llegara su respuesta. Puede que el cambio se haya hecho o no.</translation>
    </message>
    <message>
        <source>Qt network error %1 (%2): %3</source>
        <translation>Error de red de Qt %1 (%2): %3</translation>
    </message>
    <message>
        <source>Could not connect to the proxy at %1 (connection refused). Check the proxy in Settings → Network or in the system settings, or ask IT whether the proxy is running.</source>
        <translation>No se pudo conectar con el proxy en %1 (conexión rechazada). Compruebe el proxy en Configuración → Red o en los ajustes del sistema, o pregunte al departamento de TI si el proxy está en funcionamiento.</translation>
    </message>
    <message>
        <source>The proxy at %1 closed the connection before the server&apos;s answer arrived. The change may or may not have been made.</source>
        <translation>El proxy en %1 cerró la conexión antes de que llegara la respuesta del servidor. Puede que el cambio se haya hecho o no.</translation>
    </message>
    <message>
        <source>The proxy at %1 closed the connection before the server&apos;s answer was complete. Try again; if it keeps happening, ask IT about the proxy.</source>
        <translation>El proxy en %1 cerró la conexión antes de que se completara la respuesta del servidor. Inténtelo de nuevo; si vuelve a ocurrir, consulte al departamento de TI sobre el proxy.</translation>
    </message>
    <message>
        <source>The proxy %1 could not be found. Check its name in Settings → Network or in the system settings.</source>
        <translation>No se encontró el proxy %1. Compruebe su nombre en Configuración → Red o en los ajustes del sistema.</translation>
    </message>
    <message>
        <source>The proxy at %1 did not answer in time. Check your connection, or ask IT about the proxy.</source>
        <translation>El proxy en %1 no respondió a tiempo. Compruebe su conexión o consulte al departamento de TI sobre el proxy.</translation>
    </message>
    <message>
        <source>The proxy at %1 failed the connection. Check the proxy in Settings → Network or in the system settings.</source>
        <translation>La conexión a través del proxy en %1 falló. Compruebe el proxy en Configuración → Red o en los ajustes del sistema.</translation>
    </message>
    <message>
        <source>The proxy at %1 rejected the user name or password. Try again and enter the right ones, or ask IT for them.</source>
        <translation>El proxy en %1 rechazó el usuario o la contraseña. Inténtelo de nuevo con los datos correctos o pídaselos al departamento de TI.</translation>
    </message>
    <message>
        <source>The proxy at %1 rejected the user name or password. Correct them in https_proxy (http://user:password@host:port) or save them again in CaseLens (Settings → Network).</source>
        <translation>El proxy en %1 rechazó el usuario o la contraseña. Corríjalos en https_proxy (http://usuario:contraseña@host:puerto) o vuelva a guardarlos en CaseLens (Configuración → Red).</translation>
    </message>
    <message>
        <source>The proxy at %1 needs a user name and password. Try again and enter them when CaseLens asks.</source>
        <translation>El proxy en %1 requiere usuario y contraseña. Inténtelo de nuevo y escríbalos cuando CaseLens se los pida.</translation>
    </message>
    <message>
        <source>The proxy at %1 needs a user name and password. Put them in https_proxy (http://user:password@host:port) or save them once in CaseLens (Settings → Network).</source>
        <translation>El proxy en %1 requiere usuario y contraseña. Indíquelos en https_proxy (http://usuario:contraseña@host:puerto) o guárdelos una vez en CaseLens (Configuración → Red).</translation>
    </message>
</context>
<context>
    <name>CaseLens::ApiKeyProvider</name>
    <message>
        <source>No key set</source>
        <translation>No hay clave configurada</translation>
    </message>
    <message>
        <source>Environment variable %1 (unset it to stop using this key; CaseLens cannot forget it)</source>
        <translation>Variable de entorno %1 (elimínela para dejar de usar esta clave; CaseLens no puede olvidarla)</translation>
    </message>
    <message>
        <source>This session only (memory) — not saved</source>
        <translation>Solo esta sesión (memoria): no se guarda</translation>
    </message>
    <message>
        <source>Paste your API key first.</source>
        <translation>Primero pegue su clave de API.</translation>
    </message>
    <message>
        <source>This key comes from the environment variable %1: unset it to stop using it.</source>
        <translation>Esta clave proviene de la variable de entorno %1: elimínela para dejar de usarla.</translation>
    </message>
</context>
<context>
    <name>CaseLens::CaseNumber</name>
    <message>
        <source>Enter a case number, e.g. HYXTNJV.</source>
        <translation>Escriba un número de caso, p. ej., HYXTNJV.</translation>
    </message>
    <message>
        <source>A case number has at most %1 letters or digits.</source>
        <translation>Un número de caso tiene como máximo %1 letras o dígitos.</translation>
    </message>
    <message>
        <source>A case number has only letters and digits, e.g. HYXTNJV.</source>
        <translation>Un número de caso solo contiene letras y dígitos, p. ej., HYXTNJV.</translation>
    </message>
    <message>
        <source>This is not a CaseLens ticket link (%1): %2</source>
        <translation>Esto no es un enlace de ticket de CaseLens (%1): %2</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>mal formado</translation>
    </message>
    <message>
        <source>expected caselens://ticket/CASE</source>
        <translation>se esperaba caselens://ticket/CASO</translation>
    </message>
    <message>
        <source>unexpected parts</source>
        <translation>partes inesperadas</translation>
    </message>
    <message>
        <source>expected one case number after ticket/</source>
        <translation>se esperaba un número de caso después de ticket/</translation>
    </message>
</context>
<context>
    <name>CaseLens::CertificateReport</name>
    <message>
        <source>it was issued by a certificate authority this computer does not trust</source>
        <translation>lo emitió una autoridad de certificación en la que este equipo no confía</translation>
    </message>
    <message>
        <source>it was issued by “%1”, a certificate authority this computer does not trust</source>
        <translation>lo emitió “%1”, una autoridad de certificación en la que este equipo no confía</translation>
    </message>
    <message>
        <source>it is self-signed: it vouches for itself, and this computer does not trust it</source>
        <translation>está autofirmado: se avala a sí mismo, y este equipo no confía en él</translation>
    </message>
    <message>
        <source>it expired on %1</source>
        <translation>caducó el %1</translation>
    </message>
    <message>
        <source>it is not valid before %1</source>
        <translation>no es válido antes del %1</translation>
    </message>
    <message>
        <source>the certificate of “%1” in its chain expired on %2</source>
        <translation>el certificado de “%1” de su cadena caducó el %2</translation>
    </message>
    <message>
        <source>the certificate of “%1” in its chain is not valid before %2</source>
        <translation>el certificado de “%1” de su cadena no es válido antes del %2</translation>
    </message>
    <message>
        <source>it names no host, so it is not for %1</source>
        <translation>no indica ningún host, así que no es para %1</translation>
    </message>
    <message>
        <source>it is for %1, not for %2</source>
        <translation>es para %1, no para %2</translation>
    </message>
    <message>
        <source>its issuer has revoked it</source>
        <translation>su emisor lo ha revocado</translation>
    </message>
    <message>
        <source>its signature does not match its issuer (it may have been altered)</source>
        <translation>su firma no coincide con su emisor (puede haber sido alterado)</translation>
    </message>
    <message>
        <source>it is not meant to identify a server</source>
        <translation>no está pensado para identificar a un servidor</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>el servidor no envió ningún certificado</translation>
    </message>
    <message>
        <source>CaseLens refused the certificate that %1 presented, and sent it nothing:</source>
        <translation>CaseLens rechazó el certificado que presentó %1 y no le envió nada:</translation>
    </message>
    <message>
        <source>Issued by: itself (%1)</source>
        <translation>Emitido por: sí mismo (%1)</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Emitido por: %1</translation>
    </message>
    <message>
        <source>Covers: %1</source>
        <translation>Válido para: %1</translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation>Válido del %1 al %2</translation>
    </message>
    <message>
        <source>Check the server address in Settings. If it is right, something between this computer and %1 (often a company proxy) answers in its place: tell IT which names the certificate covers.</source>
        <translation>Compruebe la dirección del servidor en Configuración. Si es correcta, algo entre este equipo y %1 (a menudo un proxy de la empresa) responde en su lugar: indique al departamento de TI para qué nombres es válido el certificado.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s date and time (it reads %1 now): a wrong clock makes good certificates look expired. If the clock is right, tell IT or the server&apos;s administrators that the certificate is out of date.</source>
        <translation>Compruebe la fecha y la hora de este equipo (ahora indica %1): con un reloj incorrecto, los certificados válidos parecen caducados. Si el reloj es correcto, avise al departamento de TI o a los administradores del servidor de que el certificado no está vigente.</translation>
    </message>
    <message>
        <source>If your company inspects secure traffic, ask IT to install its certificate on this computer, or add it under Settings → Network → Company certificate.</source>
        <translation>Si su empresa inspecciona el tráfico seguro, pida al departamento de TI que instale su certificado en este equipo, o agréguelo en Configuración → Red → Certificado de la empresa.</translation>
    </message>
    <message>
        <source>Certificate %1 of %2 (the server&apos;s):</source>
        <translation>Certificado %1 de %2 (el del servidor):</translation>
    </message>
    <message>
        <source>Certificate %1 of %2:</source>
        <translation>Certificado %1 de %2:</translation>
    </message>
    <message>
        <source>  Subject: %1</source>
        <translation>  Sujeto: %1</translation>
    </message>
    <message>
        <source>  Issuer: %1</source>
        <translation>  Emisor: %1</translation>
    </message>
    <message>
        <source>itself (%1)</source>
        <translation>sí mismo (%1)</translation>
    </message>
    <message>
        <source>  Names: %1</source>
        <translation>  Nombres: %1</translation>
    </message>
    <message>
        <source>  Serial: %1</source>
        <translation>  Número de serie: %1</translation>
    </message>
    <message>
        <source>  SHA-256: %1</source>
        <translation>  SHA-256: %1</translation>
    </message>
    <message>
        <source>  Valid from: %1</source>
        <translation>  Válido desde: %1</translation>
    </message>
    <message>
        <source>  Valid until: %1</source>
        <translation>  Válido hasta: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>Error de TLS: %1</translation>
    </message>
    <message>
        <source>The server at %1 did not answer with a secure connection: it may speak plain http on that port. Check the server URL in Settings (https:// and the port).</source>
        <translation>El servidor en %1 no respondió con una conexión segura: puede que use http sin cifrar en ese puerto. Compruebe la URL del servidor en Configuración (https:// y el puerto).</translation>
    </message>
    <message>
        <source>The server at %1 and CaseLens share no secure protocol version or cipher, so no secure connection could be made. CaseLens accepts TLS 1.2 and 1.3 only. Tell IT or the server&apos;s administrators: the server, or a device between this computer and it, needs a current TLS setup.</source>
        <translation>El servidor en %1 y CaseLens no tienen en común ninguna versión del protocolo seguro ni ningún cifrado, así que no se pudo establecer una conexión segura. CaseLens solo acepta TLS 1.2 y 1.3. Avise al departamento de TI o a los administradores del servidor: el servidor, o un dispositivo entre este equipo y él, necesita una configuración de TLS actual.</translation>
    </message>
</context>
<context>
    <name>CaseLens::CompanyCa</name>
    <message>
        <source>The company certificate file %1 could not be used: %2 Choose it again under Settings → Network → Company certificate (caselens-cli: --ca-file or CASELENS_CA_FILE), or clear it.</source>
        <translation>No se pudo usar el archivo del certificado de la empresa %1: %2 Vuelva a seleccionarlo en Configuración → Red → Certificado de la empresa (caselens-cli: --ca-file o CASELENS_CA_FILE) o quítelo.</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>es una carpeta.</translation>
    </message>
    <message>
        <source>it cannot be read (%1).</source>
        <translation>no se puede leer (%1).</translation>
    </message>
    <message>
        <source>it is too large to be a certificate.</source>
        <translation>es demasiado grande para ser un certificado.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>its certificate could not be read.</source>
        <translation>no se pudo leer su certificado.</translation>
    </message>
    <message>
        <source>it holds no certificate in PEM format (text beginning with -----BEGIN CERTIFICATE-----). Ask IT for the certificate as a PEM file, or convert it with &quot;openssl x509 -inform der -in FILE -out company.pem&quot;.</source>
        <translation>no contiene ningún certificado en formato PEM (texto que empieza por -----BEGIN CERTIFICATE-----). Pida al departamento de TI el certificado como archivo PEM, o conviértalo con &quot;openssl x509 -inform der -in ARCHIVO -out empresa.pem&quot;.</translation>
    </message>
</context>
<context>
    <name>CaseLens::CreateOutcome</name>
    <message>
        <source>The ticket was created: %1</source>
        <translation>Se creó el ticket: %1</translation>
    </message>
    <message>
        <source>CaseLens could not tell whether the ticket was created. Check My tickets before trying again.</source>
        <translation>CaseLens no pudo saber si se creó el ticket. Revise Mis tickets antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The ticket was not created. %1</source>
        <translation>No se creó el ticket. %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::CredentialStore</name>
    <message>
        <source>use the key for this session only</source>
        <translation>use la clave solo para esta sesión</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>el llavero de macOS</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>el Administrador de credenciales de Windows</translation>
    </message>
    <message>
        <source>the system keychain (GNOME Keyring or KWallet)</source>
        <translation>el llavero del sistema (GNOME Keyring o KWallet)</translation>
    </message>
    <message>
        <source>The server URL is not valid, so it has no keychain entry.</source>
        <translation>La URL del servidor no es válida, así que no tiene entrada en el llavero.</translation>
    </message>
    <message>
        <source>The API key is empty.</source>
        <translation>La clave de API está vacía.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access.</source>
        <translation>El llavero está bloqueado o denegó el acceso.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Se denegó el acceso al llavero.</translation>
    </message>
    <message>
        <source>No keychain service is running.</source>
        <translation>No hay ningún servicio de llavero en ejecución.</translation>
    </message>
    <message>
        <source>No keychain service is running, or it could not be reached.</source>
        <translation>No hay ningún servicio de llavero en ejecución o no se pudo acceder a él.</translation>
    </message>
    <message>
        <source>The keychain could not read the API key: %1</source>
        <translation>El llavero no pudo leer la clave de API: %1</translation>
    </message>
    <message>
        <source>The keychain could not save the API key: %1</source>
        <translation>El llavero no pudo guardar la clave de API: %1</translation>
    </message>
    <message>
        <source>The keychain could not delete the API key: %1</source>
        <translation>El llavero no pudo eliminar la clave de API: %1</translation>
    </message>
    <message>
        <source>Unlock your login keychain and allow CaseLens to use it, or %1.</source>
        <translation>Desbloquee su llavero de inicio de sesión y permita que CaseLens lo use, o %1.</translation>
    </message>
    <message>
        <source>Check that Windows Credential Manager is available, or %1.</source>
        <translation>Compruebe que el Administrador de credenciales de Windows esté disponible, o %1.</translation>
    </message>
    <message>
        <source>Install and unlock GNOME Keyring or KWallet, or %1.</source>
        <translation>Instale y desbloquee GNOME Keyring o KWallet, o %1.</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s. If it is asking for a password, unlock it and try again, or %2.</source>
        <translation>El llavero no respondió en %1 s. Si le está pidiendo una contraseña, desbloquéelo e inténtelo de nuevo, o %2.</translation>
    </message>
    <message>
        <source>Reading from the keychain failed: %1 (%2)</source>
        <translation>La lectura del llavero falló: %1 (%2)</translation>
    </message>
    <message>
        <source>Saving to the keychain failed: %1 (%2)</source>
        <translation>El guardado en el llavero falló: %1 (%2)</translation>
    </message>
    <message>
        <source>Deleting from the keychain failed: %1 (%2)</source>
        <translation>El borrado del llavero falló: %1 (%2)</translation>
    </message>
    <message>
        <source>Reading from the keychain timed out</source>
        <translation>La lectura del llavero agotó el tiempo de espera</translation>
    </message>
    <message>
        <source>Saving to the keychain timed out</source>
        <translation>El guardado en el llavero agotó el tiempo de espera</translation>
    </message>
    <message>
        <source>Deleting from the keychain timed out</source>
        <translation>El borrado del llavero agotó el tiempo de espera</translation>
    </message>
</context>
<context>
    <name>CaseLens::Error</name>
    <message>
        <source>HTTP status: %1</source>
        <translation>Estado HTTP: %1</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>Mensaje del servidor: %1</translation>
    </message>
    <message>
        <source>Error kind: %1</source>
        <translation>Tipo de error: %1</translation>
    </message>
    <message>
        <source>(Server: %1)</source>
        <translation>(Servidor: %1)</translation>
    </message>
    <message>
        <source>The server could not understand the request.</source>
        <translation>El servidor no pudo entender la solicitud.</translation>
    </message>
    <message>
        <source>Your API key was rejected or is missing. Check the key in Settings.</source>
        <translation>Su clave de API fue rechazada o falta. Compruebe la clave en Configuración.</translation>
    </message>
    <message>
        <source>No such ticket for this API key.</source>
        <translation>No existe ese ticket para esta clave de API.</translation>
    </message>
    <message>
        <source>No ticket %1 for this API key.</source>
        <translation>No hay ningún ticket %1 para esta clave de API.</translation>
    </message>
    <message>
        <source>The server is limiting requests right now. Try again in a minute.</source>
        <translation>El servidor está limitando las solicitudes en este momento. Inténtelo de nuevo en un minuto.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>El servidor está ocupado. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). Try again later.</source>
        <translation>El servidor tuvo un problema (HTTP %1). Inténtelo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected status (HTTP %1).</source>
        <translation>El servidor respondió con un estado inesperado (HTTP %1).</translation>
    </message>
    <message>
        <source>Your Sweeppea account is disabled or hibernating, so it refuses API calls. Contact Sweeppea support to reactivate it.</source>
        <translation>Su cuenta de Sweeppea está desactivada o en hibernación, por lo que rechaza las llamadas a la API. Póngase en contacto con el soporte de Sweeppea para reactivarla.</translation>
    </message>
    <message>
        <source>Your Sweeppea account accepts API calls only from its listed domains. In Sweeppea, open Settings → API and add * to the API domains.</source>
        <translation>Su cuenta de Sweeppea solo acepta llamadas a la API desde sus dominios registrados. En Sweeppea, abra Settings → API y agregue * a los dominios de la API.</translation>
    </message>
    <message>
        <source>Your plan&apos;s API calls are used up. Wait for the limit to reset, or upgrade the plan in Sweeppea.</source>
        <translation>Se agotaron las llamadas a la API de su plan. Espere a que se restablezca el límite o mejore el plan en Sweeppea.</translation>
    </message>
    <message>
        <source>Your API key was rejected: it is invalid or revoked. Check the key in Settings, or create a new one in Sweeppea.</source>
        <translation>Su clave de API fue rechazada: no es válida o se revocó. Compruebe la clave en Configuración o cree una nueva en Sweeppea.</translation>
    </message>
    <message>
        <source>A proxy server between this computer and the server wants a user name and password (HTTP 407). Set the proxy and its credentials under Settings → Network, or ask IT which proxy to use.</source>
        <translation>Un servidor proxy entre este equipo y el servidor pide usuario y contraseña (HTTP 407). Configure el proxy y sus credenciales en Configuración → Red, o pregunte al departamento de TI qué proxy debe usar.</translation>
    </message>
    <message>
        <source>The server stopped waiting for the request (HTTP 408): the connection was too slow or broke off. Try again.</source>
        <translation>El servidor dejó de esperar la solicitud (HTTP 408): la conexión era demasiado lenta o se cortó. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The request was too large for the server (HTTP 413). Shorten the text or remove pictures from it; if that does not help, a proxy on the way may limit request sizes: ask IT.</source>
        <translation>La solicitud era demasiado grande para el servidor (HTTP 413). Acorte el texto o quítele las imágenes; si eso no ayuda, puede que un proxy intermedio limite el tamaño de las solicitudes: consulte al departamento de TI.</translation>
    </message>
    <message>
        <source>The server is not allowed to answer this for legal reasons (HTTP 451). A company filter or the service&apos;s operator blocks it: ask IT or Sweeppea support.</source>
        <translation>El servidor no puede responder a esto por motivos legales (HTTP 451). Lo bloquea un filtro de la empresa o el operador del servicio: consulte al departamento de TI o al soporte de Sweeppea.</translation>
    </message>
    <message>
        <source>A gateway between this computer and the server got no valid answer from it (HTTP 502). The service or a proxy on the way may be down. Try again in a moment.</source>
        <translation>Una pasarela entre este equipo y el servidor no recibió de él una respuesta válida (HTTP 502). Puede que el servicio o un proxy intermedio no estén disponibles. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>A gateway between this computer and the server gave up waiting for it (HTTP 504). The service may be slow or down. Try again in a moment.</source>
        <translation>Una pasarela entre este equipo y el servidor dejó de esperar su respuesta (HTTP 504). Puede que el servicio esté lento o no disponible. Inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Export</name>
    <message>
        <source>unknown date</source>
        <translation>fecha desconocida</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Product area</source>
        <translation>Área de producto</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>(no action)</source>
        <translation>(sin acción)</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notas (%1)</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>No statistics.</source>
        <translation>Sin estadísticas.</translation>
    </message>
    <message>
        <source>Exported from CaseLens on %1</source>
        <translation>Exportado desde CaseLens el %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::FileDownload</name>
    <message numerus="yes">
        <source>The file&apos;s server sent nothing for %Ln second(s). Nothing was saved; try again later.</source>
        <translation>
            <numerusform>El servidor del archivo no envió nada durante %Ln segundo. No se guardó nada; inténtelo de nuevo más tarde.</numerusform>
            <numerusform>El servidor del archivo no envió nada durante %Ln segundos. No se guardó nada; inténtelo de nuevo más tarde.</numerusform>
        </translation>
    </message>
    <message>
        <source>This link is not a web address CaseLens can download.</source>
        <translation>Este enlace no es una dirección web que CaseLens pueda descargar.</translation>
    </message>
    <message>
        <source>CaseLens downloads files only over https, and this link uses plain http (anyone on the network could change the file). Ask the requester for an https link.</source>
        <translation>CaseLens solo descarga archivos por https, y este enlace usa http sin cifrar (cualquiera en la red podría modificar el archivo). Pida al solicitante un enlace https.</translation>
    </message>
    <message>
        <source>CaseLens downloads only https links.</source>
        <translation>CaseLens solo descarga enlaces https.</translation>
    </message>
    <message>
        <source>Download cancelled. Nothing was saved.</source>
        <translation>Descarga cancelada. No se guardó nada.</translation>
    </message>
    <message>
        <source>The file&apos;s server sent CaseLens on to %1, which is not https. CaseLens did not follow it. Use Open to get the file in your browser, or ask the requester for another link.</source>
        <translation>El servidor del archivo redirigió CaseLens a %1, que no es https. CaseLens no siguió la redirección. Use Abrir para obtener el archivo en su navegador o pida otro enlace al solicitante.</translation>
    </message>
    <message numerus="yes">
        <source>Announced size: %1 byte(s)</source>
        <translation>
            <numerusform>Tamaño anunciado: %1 byte</numerusform>
            <numerusform>Tamaño anunciado: %1 bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>The file&apos;s server answered %1 %2. The link may have expired: refresh the ticket (F5) and try again.</source>
        <translation>El servidor del archivo respondió %1 %2. Puede que el enlace haya caducado: actualice el ticket (F5) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The file&apos;s server at %1 could not prove who it is (%2). Nothing was downloaded.</source>
        <translation>El servidor del archivo en %1 no pudo demostrar su identidad (%2). No se descargó nada.</translation>
    </message>
    <message>
        <source>The file&apos;s server sent CaseLens from address to address. Use Open to get the file in your browser.</source>
        <translation>El servidor del archivo redirigió CaseLens de una dirección a otra una y otra vez. Use Abrir para obtener el archivo en su navegador.</translation>
    </message>
    <message>
        <source>The file could not be downloaded from %1 (%2). Check your connection and try again.</source>
        <translation>No se pudo descargar el archivo de %1 (%2). Compruebe su conexión e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>CaseLens could not write to %1 (%2). Choose another folder and try again.</source>
        <translation>CaseLens no pudo escribir en %1 (%2). Elija otra carpeta e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB, the most CaseLens saves. Nothing was saved; use Open to get it in your browser.</source>
        <translation>El archivo supera los %1 MB, el máximo que guarda CaseLens. No se guardó nada; use Abrir para obtenerlo en su navegador.</translation>
    </message>
</context>
<context>
    <name>CaseLens::FileRisk</name>
    <message>
        <source>This is a program: opening it can run code on this computer.</source>
        <translation>Es un programa: abrirlo puede ejecutar código en este equipo.</translation>
    </message>
    <message>
        <source>This is a script: opening it can run code on this computer.</source>
        <translation>Es un script: abrirlo puede ejecutar código en este equipo.</translation>
    </message>
    <message>
        <source>This is a shortcut: opening it can start a program or open another place.</source>
        <translation>Es un acceso directo: abrirlo puede iniciar un programa o abrir otra ubicación.</translation>
    </message>
    <message>
        <source>This file changes system settings when it is opened.</source>
        <translation>Este archivo cambia los ajustes del sistema al abrirse.</translation>
    </message>
    <message>
        <source>This document can carry macros: opening it can run code on this computer.</source>
        <translation>Este documento puede contener macros: abrirlo puede ejecutar código en este equipo.</translation>
    </message>
    <message>
        <source>This is a disk image: it can hold programs that look like documents.</source>
        <translation>Es una imagen de disco: puede contener programas que parecen documentos.</translation>
    </message>
    <message>
        <source>Its name is not what it seems: do not trust what it appears to be.</source>
        <translation>Su nombre no es lo que parece: no se fíe de lo que aparenta ser.</translation>
    </message>
    <message>
        <source>The name contains invisible characters that change how it reads.</source>
        <translation>El nombre contiene caracteres invisibles que cambian cómo se lee.</translation>
    </message>
    <message>
        <source>The name contains invisible characters that change how it reads; it really ends in “.%1”.</source>
        <translation>El nombre contiene caracteres invisibles que cambian cómo se lee; en realidad termina en “.%1”.</translation>
    </message>
    <message>
        <source>The name shows “.%1” but really ends in “.%2”.</source>
        <translation>El nombre muestra “.%1”, pero en realidad termina en “.%2”.</translation>
    </message>
    <message>
        <source>Spaces in the name push its real ending “.%1” out of sight.</source>
        <translation>Los espacios del nombre ocultan su terminación real “.%1”.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::AboutDialog</name>
    <message>
        <source>About CaseLens</source>
        <translation>Acerca de CaseLens</translation>
    </message>
    <message>
        <source>CaseLens icon</source>
        <translation>Icono de CaseLens</translation>
    </message>
    <message>
        <source>Application name and version</source>
        <translation>Nombre y versión de la aplicación</translation>
    </message>
    <message>
        <source>A fast, safe viewer for Sweeppea support tickets.</source>
        <translation>Un visor rápido y seguro de tickets de soporte de Sweeppea.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
    <message>
        <source>CaseLens %1</source>
        <translation>CaseLens %1</translation>
    </message>
    <message>
        <source>Version %1
Qt %2 (built with Qt %3)</source>
        <translation>Versión %1
Qt %2 (compilado con Qt %3)</translation>
    </message>
    <message>
        <source>CaseLens: MIT License
Qt: GNU Lesser General Public License v3 (LGPLv3)
QtKeychain: BSD 3-Clause License</source>
        <translation>CaseLens: licencia MIT
Qt: GNU Lesser General Public License v3 (LGPLv3)
QtKeychain: licencia BSD de 3 cláusulas</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::AccountStatusLabel</name>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ActivityChart</name>
    <message>
        <source>Activity chart</source>
        <translation>Gráfico de actividad</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otros</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semana del %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln action(s)</source>
        <translation>
            <numerusform>%1: %Ln acción</numerusform>
            <numerusform>%1: %Ln acciones</numerusform>
        </translation>
    </message>
    <message>
        <source>No dated activity</source>
        <translation>No hay actividad con fecha</translation>
    </message>
    <message>
        <source>Activity from %1 to %2: %3</source>
        <translation>Actividad del %1 al %2: %3</translation>
    </message>
    <message>
        <source>No dated activity to chart</source>
        <translation>No hay actividad con fecha que mostrar</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>por día</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>por semana</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>por mes</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>por año</translation>
    </message>
    <message>
        <source>peak: %1 %2</source>
        <translation>máximo: %1 %2</translation>
    </message>
    <message>
        <source>Click to list only these entries</source>
        <translation>Haga clic para listar solo estas entradas</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::Appearance</name>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>System</source>
        <comment>appearance: follow the desktop</comment>
        <translation>Sistema</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::AppearanceSettingsPage</name>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Light and Dark do not depend on the desktop&apos;s theme.</source>
        <translation>Claro y Oscuro no dependen del tema del escritorio.</translation>
    </message>
    <message>
        <source>Th&amp;eme:</source>
        <translation>Te&amp;ma:</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::CommandLine</name>
    <message>
        <source>CaseLens shows Sweeppea support tickets.

Environment:
  CASELENS_API_KEY   the Sweeppea API key for this session
  CASELENS_BASE_URL  the server URL (--base-url wins)</source>
        <translation>CaseLens muestra tickets de soporte de Sweeppea.

Entorno:
  CASELENS_API_KEY   la clave de API de Sweeppea para esta sesión
  CASELENS_BASE_URL  la URL del servidor (--base-url tiene prioridad)</translation>
    </message>
    <message>
        <source>Server URL (default https://api-v3.sweeppea.com). https, or http to this computer only.</source>
        <translation>URL del servidor (predeterminada: https://api-v3.sweeppea.com). https, o http solo hacia este equipo.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Show bundled demo tickets from a server inside the app.</source>
        <translation>Mostrar los tickets de demostración incluidos, servidos desde dentro de la aplicación.</translation>
    </message>
    <message>
        <source>Case number to open, e.g. HYXTNJV, or a link such as caselens://ticket/HYXTNJV.</source>
        <translation>Número de caso que se abrirá, p. ej., HYXTNJV, o un enlace como caselens://ticket/HYXTNJV.</translation>
    </message>
    <message>
        <source>expected at most one case number, got %1</source>
        <translation>se esperaba como máximo un número de caso, se recibieron %1</translation>
    </message>
    <message>
        <source>--demo and --base-url cannot be combined</source>
        <translation>--demo y --base-url no se pueden combinar</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>ignoring the link. %1</source>
        <translation>se ignora el enlace. %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::DesktopNotifier</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>The body of the grouped notification: %1 is the first case numbers (&quot;HYXTNJV, 7741209, 2650478&quot;), %n how many other tickets changed.</extracomment>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tickets changed</source>
        <translation>
            <numerusform>%n ticket con cambios</numerusform>
            <numerusform>%n tickets con cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>The action on a desktop notification about a ticket.</extracomment>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Mostrar detalles</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Descartar este mensaje</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Detalles del error</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalles</translation>
    </message>
    <message>
        <source>No API key set</source>
        <translation>No hay ninguna clave de API configurada</translation>
    </message>
    <message>
        <source>No ticket %1 for this API key</source>
        <translation>No hay ningún ticket %1 para esta clave de API</translation>
    </message>
    <message>
        <source>Check the case number. Tickets of other accounts are not visible with your key.</source>
        <translation>Compruebe el número de caso. Con su clave no se ven los tickets de otras cuentas.</translation>
    </message>
    <message>
        <source>Could not reach the server</source>
        <translation>No se pudo conectar con el servidor</translation>
    </message>
    <message>
        <source>No secure connection to the server</source>
        <translation>No hay conexión segura con el servidor</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>No se pudo cargar %1</translation>
    </message>
    <message>
        <source>Fetch again</source>
        <translation>Volver a obtener</translation>
    </message>
    <message>
        <source>Fetch %1 again</source>
        <translation>Volver a obtener %1</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Abrir configuración</translation>
    </message>
    <message>
        <source>Edit case number</source>
        <translation>Editar número de caso</translation>
    </message>
    <message>
        <source>Check your connection</source>
        <translation>Compruebe su conexión</translation>
    </message>
    <message>
        <source>• Is this computer online?
• Is the server address in Settings right?
• If your network needs a proxy, is it set in the system settings?
Then press Retry.</source>
        <translation>• ¿Este equipo está conectado a internet?
• ¿Es correcta la dirección del servidor en Configuración?
• Si su red necesita un proxy, ¿está configurado en los ajustes del sistema?
Luego pulse Reintentar.</translation>
    </message>
    <message>
        <source>Your API key was rejected</source>
        <translation>Su clave de API fue rechazada</translation>
    </message>
    <message>
        <source>Your Sweeppea account is not active</source>
        <translation>Su cuenta de Sweeppea no está activa</translation>
    </message>
    <message>
        <source>Your account does not allow API calls from CaseLens</source>
        <translation>Su cuenta no permite llamadas a la API desde CaseLens</translation>
    </message>
    <message>
        <source>Your plan&apos;s API calls are used up</source>
        <translation>Se agotaron las llamadas a la API de su plan</translation>
    </message>
    <message>
        <source>Copy details for IT</source>
        <translation>Copiar detalles para TI</translation>
    </message>
    <message>
        <source>Copy the message and its technical details, to send to your IT department</source>
        <translation>Copiar el mensaje y sus detalles técnicos para enviarlos a su departamento de TI</translation>
    </message>
    <message>
        <source>CaseLens %1, %2</source>
        <translation>CaseLens %1, %2</translation>
    </message>
    <message>
        <source>Try one of the demo tickets: %1</source>
        <translation>Pruebe uno de los tickets de demostración: %1</translation>
    </message>
    <message>
        <source>No demo ticket %1</source>
        <translation>No hay ningún ticket de demostración %1</translation>
    </message>
    <message>
        <source>Cancelled — press F5 to load %1 again</source>
        <translation>Cancelado: pulse F5 para volver a cargar %1</translation>
    </message>
    <message>
        <source>Showing data from %1 — refresh failed</source>
        <translation>Se muestran datos de %1: no se pudo actualizar</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::FieldText</name>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Case ID</source>
        <translation>ID del caso</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Cerrado por</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Archivo más grande</translation>
    </message>
    <message>
        <source>Number of files</source>
        <translation>Número de archivos</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Product area</source>
        <translation>Área de producto</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Apodo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Tipo de usuario</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierto</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijado</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>Desfijado</translation>
    </message>
    <message>
        <source>File added</source>
        <translation>Archivo agregado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Unknown user (%1)</source>
        <extracomment>%1 is the start of a user token, as in &quot;Unknown user (0b8e9c4a…)&quot;</extracomment>
        <translation>Usuario desconocido (%1)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::FilesModel</name>
    <message numerus="yes">
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Only https links can be opened.</source>
        <translation>%1
Solo se pueden abrir enlaces https.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>%1

⚠ %2</source>
        <translation>%1

⚠ %2</translation>
    </message>
    <message>
        <source>%1. Warning: %2</source>
        <translation>%1. Advertencia: %2</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::FilesTab</name>
    <message>
        <source>No files attached to this ticket</source>
        <translation>Este ticket no tiene archivos adjuntos</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Copy &amp;Link</source>
        <translation>Copiar &amp;enlace</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Open the file&apos;s https link in your browser (Return)</source>
        <translation>Abrir el enlace https del archivo en su navegador (Retorno)</translation>
    </message>
    <message>
        <source>Copy the file&apos;s link</source>
        <translation>Copiar el enlace del archivo</translation>
    </message>
    <message>
        <source>Save a copy of the file on this computer (https only, up to %1 MB)</source>
        <translation>Guardar una copia del archivo en este equipo (solo https, hasta %1 MB)</translation>
    </message>
    <message>
        <source>Actions for This File</source>
        <translation>Acciones para este archivo</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Abrir archivo</translation>
    </message>
    <message>
        <source>Open “%1”?</source>
        <translation>¿Abrir “%1”?</translation>
    </message>
    <message>
        <source>Open it only if you expected this file from the requester.</source>
        <translation>Ábralo solo si esperaba este archivo del solicitante.</translation>
    </message>
    <message>
        <source>Save File</source>
        <translation>Guardar archivo</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>Descargando “%1”…</translation>
    </message>
    <message>
        <source>Downloading “%1”… %2 of %3</source>
        <translation>Descargando “%1”… %2 de %3</translation>
    </message>
    <message>
        <source>Downloading “%1”… %2</source>
        <translation>Descargando “%1”… %2</translation>
    </message>
    <message>
        <source>Saved “%1” to %2.</source>
        <translation>Se guardó “%1” en %2.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::HandoffActions</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>Página HTML (*.html)</translation>
    </message>
    <message>
        <source>&amp;Export ticket…</source>
        <translation>&amp;Exportar ticket…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>C&amp;opiar</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Copiar &amp;enlace</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close &amp;others</source>
        <translation>Cerrar los &amp;demás</translation>
    </message>
    <message>
        <source>Export ticket</source>
        <translation>Exportar ticket</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>Se exportó %1 a %2</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>Imprimir %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ItemViewLinks</name>
    <message>
        <source>Open Link</source>
        <translation>Abrir enlace</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::JsonArrayTableModel</name>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>You (%1)</source>
        <translation>Usted (%1)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::JsonTreeModel</name>
    <message>
        <source>Not provided</source>
        <translation>No proporcionado</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln field(s)</source>
        <translation>
            <numerusform>%Ln campo</numerusform>
            <numerusform>%Ln campos</numerusform>
        </translation>
    </message>
    <message>
        <source>(more not shown)</source>
        <translation>(hay más, no se muestran)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln elemento</numerusform>
            <numerusform>%Ln elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>(nulo)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <extracomment>The tooltip of a size in the Overview tree, %1 the byte count as sent</extracomment>
        <translation>%1 bytes</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::Language</name>
    <message>
        <source>System</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>English</source>
        <comment>The name of the language you translate into, in that language</comment>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::LoadingPane</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Cancelar la carga</translation>
    </message>
    <message>
        <source>Stop fetching this ticket (Esc)</source>
        <translation>Dejar de obtener este ticket (Escape)</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>Obteniendo %1…</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::MainWindow</name>
    <message>
        <source>CaseLens</source>
        <translation>CaseLens</translation>
    </message>
    <message>
        <source>Demo data notice</source>
        <translation>Aviso de datos de demostración</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Demo data — not a real Sweeppea account</source>
        <translation>Datos de demostración: no es una cuenta real de Sweeppea</translation>
    </message>
    <message>
        <source>Use my API key…</source>
        <translation>Usar mi clave de API…</translation>
    </message>
    <message>
        <source>Use my API key</source>
        <translation>Usar mi clave de API</translation>
    </message>
    <message>
        <source>Leave demo</source>
        <translation>Salir de la demostración</translation>
    </message>
    <message>
        <source>Case number, e.g. HYXTNJV</source>
        <translation>Número de caso, p. ej., HYXTNJV</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Type or paste a case number and press Enter (Ctrl+L)</source>
        <translation>Escriba o pegue un número de caso y pulse Intro (Control+L)</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Obtener</translation>
    </message>
    <message>
        <source>Fetch ticket</source>
        <translation>Obtener ticket</translation>
    </message>
    <message>
        <source>Case number problem</source>
        <translation>Problema con el número de caso</translation>
    </message>
    <message>
        <source>CaseLens icon</source>
        <translation>Icono de CaseLens</translation>
    </message>
    <message>
        <source>Welcome to CaseLens</source>
        <translation>Le damos la bienvenida a CaseLens</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Qué hacer a continuación</translation>
    </message>
    <message>
        <source>Set API key…</source>
        <translation>Configurar clave de API…</translation>
    </message>
    <message>
        <source>Set API key</source>
        <translation>Configurar clave de API</translation>
    </message>
    <message>
        <source>Explore demo data</source>
        <translation>Explorar datos de demostración</translation>
    </message>
    <message>
        <source>Case list title</source>
        <translation>Título de la lista de casos</translation>
    </message>
    <message>
        <source>Cases to open</source>
        <translation>Casos para abrir</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Tickets abiertos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Recent cases</source>
        <translation>Casos &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>&amp;Ticket</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Explore &amp;demo data</source>
        <translation>Explorar datos de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Find case…</source>
        <translation>&amp;Buscar caso…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>&amp;Next ticket</source>
        <translation>Ticket &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous ticket</source>
        <translation>Ticket a&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Close ticket</source>
        <translation>&amp;Cerrar ticket</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>C&amp;lear recent cases</source>
        <translation>&amp;Borrar casos recientes</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Cancel loading</source>
        <translation>&amp;Cancelar la carga</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About CaseLens</source>
        <translation>&amp;Acerca de CaseLens</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Prioridad: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Show ticket tab %1</source>
        <translation>Mostrar la pestaña %1 del ticket</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>The demo server could not start on this computer.</source>
        <translation>El servidor de demostración no pudo iniciarse en este equipo.</translation>
    </message>
    <message>
        <source>Go to the search bar</source>
        <translation>Ir a la barra de búsqueda</translation>
    </message>
    <message>
        <source>Fetch the case typed in the search bar</source>
        <translation>Obtener el caso escrito en la barra de búsqueda</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Cancelar la carga</translation>
    </message>
    <message>
        <source>Back to the previous case</source>
        <translation>Volver al caso anterior</translation>
    </message>
    <message>
        <source>Forward to the next case</source>
        <translation>Avanzar al caso siguiente</translation>
    </message>
    <message>
        <source>Next open ticket</source>
        <translation>Siguiente ticket abierto</translation>
    </message>
    <message>
        <source>Previous open ticket</source>
        <translation>Ticket abierto anterior</translation>
    </message>
    <message>
        <source>Close the ticket</source>
        <translation>Cerrar el ticket</translation>
    </message>
    <message>
        <source>Show ticket tab 1 to 7 (Overview, Notes, …)</source>
        <translation>Mostrar las pestañas 1 a 7 del ticket (Resumen, Notas, …)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (this list)</source>
        <translation>Atajos de teclado (esta lista)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>CaseLens (demo data)</source>
        <translation>CaseLens (datos de demostración)</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
    <message>
        <source>These sample tickets come from a small server inside CaseLens, so everything works as it does with a real Sweeppea account. Pick one, or type its case number above.</source>
        <translation>Estos tickets de ejemplo provienen de un pequeño servidor integrado en CaseLens, así que todo funciona igual que con una cuenta real de Sweeppea. Elija uno o escriba su número de caso arriba.</translation>
    </message>
    <message>
        <source>Demo tickets</source>
        <translation>Tickets de demostración</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>CaseLens shows Sweeppea support tickets: type or paste a case number and see the ticket, its conversation, its activity and who asked, at a glance.

To start, set your Sweeppea API key. Or explore CaseLens first with bundled demo tickets.</source>
        <translation>CaseLens muestra tickets de soporte de Sweeppea: escriba o pegue un número de caso y vea de un vistazo el ticket, su conversación, su actividad y quién lo solicitó.

Para empezar, configure su clave de API de Sweeppea. O explore primero CaseLens con los tickets de demostración incluidos.</translation>
    </message>
    <message>
        <source>Open a ticket</source>
        <translation>Abrir un ticket</translation>
    </message>
    <message>
        <source>Type or paste a case number above and press Enter. Ctrl+L takes you there from anywhere; several tickets can be open at once.</source>
        <translation>Escriba o pegue un número de caso arriba y pulse Intro. Control+L le lleva allí desde cualquier lugar; puede tener varios tickets abiertos a la vez.</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>Casos recientes</translation>
    </message>
    <message>
        <source>Startup problem</source>
        <translation>Problema al iniciar</translation>
    </message>
    <message>
        <source>Looking for your API key…</source>
        <translation>Buscando su clave de API…</translation>
    </message>
    <message>
        <source>
In Settings you can use a key for this session only.</source>
        <translation>
En Configuración puede usar una clave solo para esta sesión.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;My tickets</source>
        <translation>&amp;Mis tickets</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;My tickets panel</source>
        <translation>Panel de &amp;mis tickets</translation>
    </message>
    <message>
        <source>Go to my tickets (the queue)</source>
        <translation>Ir a mis tickets (la cola)</translation>
    </message>
    <message>
        <source>Refresh what has focus: my tickets, or the ticket</source>
        <translation>Actualizar lo que tiene el foco: mis tickets o el ticket</translation>
    </message>
    <message>
        <source>&amp;Refresh my tickets</source>
        <translation>&amp;Actualizar mis tickets</translation>
    </message>
    <message>
        <source>&amp;Refresh ticket</source>
        <translation>&amp;Actualizar ticket</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Nuevo ticket</translation>
    </message>
    <message>
        <source>Copy the ticket&apos;s link</source>
        <translation>Copiar el enlace del ticket</translation>
    </message>
    <message>
        <source>Print the ticket</source>
        <translation>Imprimir el ticket</translation>
    </message>
    <message>
        <source>Reopen closed &amp;tab</source>
        <translation>Reabrir &amp;pestaña cerrada</translation>
    </message>
    <message>
        <source>Leave demo mode?</source>
        <translation>¿Salir del modo de demostración?</translation>
    </message>
    <message numerus="yes">
        <source>Leaving demo mode closes the %n open demo ticket(s).</source>
        <translation>
            <numerusform>Al salir del modo de demostración se cierra el ticket de demostración abierto.</numerusform>
            <numerusform>Al salir del modo de demostración se cierran los %n tickets de demostración abiertos.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is too short for a case number: they have %2 letters or digits, e.g. HYXTNJV. Press Enter again to fetch it anyway.</source>
        <translation>%1 es demasiado corto para un número de caso: estos tienen %2 letras o dígitos, p. ej., HYXTNJV. Pulse Intro otra vez para obtenerlo de todos modos.</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apariencia</translation>
    </message>
    <message>
        <source>Reopen the last closed ticket</source>
        <translation>Volver a abrir el último ticket cerrado</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;No molestar</translation>
    </message>
    <message>
        <source>No desktop notifications; changes are still marked in the window</source>
        <translation>Sin notificaciones de escritorio; los cambios se siguen marcando en la ventana</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>No molestar</translation>
    </message>
    <message>
        <source>Desktop notifications are off (View → Do not disturb)</source>
        <translation>Las notificaciones de escritorio están desactivadas (Ver → No molestar)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NetworkSettingsPage</name>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>Usar los ajustes de proxy del sistema</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Sin proxy</translation>
    </message>
    <message>
        <source>Use this proxy</source>
        <translation>Usar este proxy</translation>
    </message>
    <message>
        <source>Proxy type</source>
        <translation>Tipo de proxy</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Host del proxy</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Puerto del proxy</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Probar co&amp;nexión</translation>
    </message>
    <message>
        <source>Ask the server for its health through the proxy chosen here, before saving it</source>
        <translation>Consultar el estado del servidor a través del proxy elegido aquí, antes de guardarlo</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado de la prueba de conexión</translation>
    </message>
    <message>
        <source>Company &amp;certificate:</source>
        <translation>Certificado de la &amp;empresa:</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>Ninguno: solo los certificados del sistema</translation>
    </message>
    <message>
        <source>Company certificate file</source>
        <translation>Archivo del certificado de la empresa</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Seleccionar…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Clear the company certificate</source>
        <translation>Quitar el certificado de la empresa</translation>
    </message>
    <message>
        <source>A PEM file from IT, trusted by CaseLens besides the system&apos;s certificates (for networks that inspect secure traffic).</source>
        <translation>Un archivo PEM del departamento de TI, en el que CaseLens confía además de en los certificados del sistema (para redes que inspeccionan el tráfico seguro).</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name or address.</source>
        <translation>Escriba el nombre de host o la dirección del proxy.</translation>
    </message>
    <message>
        <source>Company certificate</source>
        <translation>Certificado de la empresa</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>La conexión funciona.</translation>
    </message>
    <message>
        <source>The connection works (the server answered: %1)</source>
        <translation>La conexión funciona (el servidor respondió: %1)</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>La conexión falló: %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NoteDelegate</name>
    <message>
        <source>(no text)</source>
        <translation>(sin texto)</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
    <message>
        <source>%1 (this link cannot be opened)</source>
        <translation>%1 (este enlace no se puede abrir)</translation>
    </message>
    <message>
        <source>New since you last looked</source>
        <translation>Nueva desde su última consulta</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NotesModel</name>
    <message>
        <source>New, %1</source>
        <translation>Nueva, %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NotesTab</name>
    <message>
        <source>Filter notes</source>
        <translation>Filtrar notas</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Más antiguas primero</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <source>Note order</source>
        <translation>Orden de las notas</translation>
    </message>
    <message>
        <source>Number of notes shown</source>
        <translation>Número de notas mostradas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Copy Note Text</source>
        <translation>Copiar texto de la nota</translation>
    </message>
    <message>
        <source>No notes on this ticket</source>
        <translation>Este ticket no tiene notas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln nota</numerusform>
            <numerusform>%Ln notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln note(s)</source>
        <translation>
            <numerusform>%1 de %Ln nota</numerusform>
            <numerusform>%1 de %Ln notas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::OverviewTab</name>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>Sin descripción</translation>
    </message>
    <message>
        <source>Ticket details</source>
        <translation>Detalles del ticket</translation>
    </message>
    <message>
        <source>Notified users</source>
        <translation>Usuarios notificados</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentación</translation>
    </message>
    <message>
        <source>GitHub issue</source>
        <translation>Incidencia de GitHub</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message>
        <source>Attachment info</source>
        <translation>Información del adjunto</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ProxyCredentialsDialog</name>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Recordar en el llavero del sistema</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>Inicio de sesión en el proxy</translation>
    </message>
    <message>
        <source>The proxy rejected the user name or password.</source>
        <translation>El proxy rechazó el usuario o la contraseña.</translation>
    </message>
    <message>
        <source>The proxy at %1 needs a user name and password.</source>
        <translation>El proxy en %1 requiere usuario y contraseña.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Usuario del proxy</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Contraseña del proxy</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::QueueModel</name>
    <message>
        <source>This row is not as documented:</source>
        <translation>Esta fila no se ajusta a la documentación:</translation>
    </message>
    <message>
        <source>Priority unknown</source>
        <translation>Prioridad desconocida</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Prioridad: %1</translation>
    </message>
    <message>
        <source>No product area</source>
        <translation>Sin área de producto</translation>
    </message>
    <message>
        <source>No case number</source>
        <translation>Sin número de caso</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Abierto %1</translation>
    </message>
    <message>
        <source>Open in a tab.</source>
        <translation>Abierto en una pestaña.</translation>
    </message>
    <message>
        <source>Not as documented: %1</source>
        <translation>No se ajusta a la documentación: %1</translation>
    </message>
    <message>
        <source>Page %1 could not be loaded: %2</source>
        <translation>No se pudo cargar la página %1: %2</translation>
    </message>
    <message>
        <source>Page %1 of %2 came back empty; no more tickets are loaded.</source>
        <translation>La página %1 de %2 llegó vacía; no se cargan más tickets.</translation>
    </message>
    <message>
        <source>The server answered page %1 when page %2 was asked for; no more tickets are loaded.</source>
        <translation>El servidor respondió con la página %1 cuando se pidió la página %2; no se cargan más tickets.</translation>
    </message>
    <message>
        <source>The server sent page %1 of %2 pages; no more tickets are loaded.</source>
        <translation>El servidor envió la página %1 de %2 páginas; no se cargan más tickets.</translation>
    </message>
    <message>
        <source>The server sent %1 tickets on a page of %2; no more tickets are loaded.</source>
        <translation>El servidor envió %1 tickets en una página de %2; no se cargan más tickets.</translation>
    </message>
    <message>
        <source>The server counted %1 tickets in %2 pages of %3; no more tickets are loaded.</source>
        <translation>El servidor contó %1 tickets en %2 páginas de %3; no se cargan más tickets.</translation>
    </message>
    <message>
        <source>New.</source>
        <translation>Nuevo.</translation>
    </message>
    <message>
        <source>Unread changes.</source>
        <translation>Cambios sin leer.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::QueuePanel</name>
    <message>
        <source>My tickets</source>
        <translation>Mis tickets</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Show open tickets</source>
        <translation>Mostrar tickets abiertos</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrados</translation>
    </message>
    <message>
        <source>Show closed tickets</source>
        <translation>Mostrar tickets cerrados</translation>
    </message>
    <message>
        <source>Ticket count</source>
        <translation>Número de tickets</translation>
    </message>
    <message>
        <source>Search subject or description</source>
        <translation>Buscar en asunto o descripción</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>Buscar tickets</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>Filtro de prioridad</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Cualquier prioridad</translation>
    </message>
    <message>
        <source>Product area filter</source>
        <translation>Filtro de área de producto</translation>
    </message>
    <message>
        <source>All product areas</source>
        <translation>Todas las áreas</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>Estado de la cola</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry loading tickets</source>
        <translation>Reintentar la carga de tickets</translation>
    </message>
    <message>
        <source>Open in Background</source>
        <translation>Abrir en segundo plano</translation>
    </message>
    <message>
        <source>Copy Case Number</source>
        <translation>Copiar número de caso</translation>
    </message>
    <message>
        <source>Loading tickets…</source>
        <translation>Cargando tickets…</translation>
    </message>
    <message numerus="yes">
        <source>%n closed</source>
        <translation>
            <numerusform>%n cerrado</numerusform>
            <numerusform>%n cerrados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n abierto</numerusform>
            <numerusform>%n abiertos</numerusform>
        </translation>
    </message>
    <message>
        <source>No tickets match these filters</source>
        <translation>Ningún ticket coincide con estos filtros</translation>
    </message>
    <message>
        <source>No closed tickets</source>
        <translation>No hay tickets cerrados</translation>
    </message>
    <message>
        <source>No open tickets</source>
        <translation>No hay tickets abiertos</translation>
    </message>
    <message>
        <source>Add your API key in Settings to see your tickets</source>
        <translation>Agregue su clave de API en Configuración para ver sus tickets</translation>
    </message>
    <message>
        <source>%1 The server said: %2</source>
        <translation>%1 El servidor indicó: %2</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>status switch, beside Closed</comment>
        <translation>Abiertos</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::RawTab</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Find in raw data</source>
        <translation>Buscar en los datos brutos</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Resultado de la búsqueda</translation>
    </message>
    <message>
        <source>Copy raw data</source>
        <translation>Copiar datos brutos</translation>
    </message>
    <message>
        <source>Copy the whole raw data to the clipboard</source>
        <translation>Copiar todos los datos brutos al portapapeles</translation>
    </message>
    <message>
        <source>Raw ticket data</source>
        <translation>Datos brutos del ticket</translation>
    </message>
    <message>
        <source>No raw data</source>
        <translation>No hay datos brutos</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::RequesterTab</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Tipo de usuario</translation>
    </message>
    <message>
        <source>Sweepstakes</source>
        <translation>Sorteos</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Dirección IP</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Agente de usuario</translation>
    </message>
    <message>
        <source>User token</source>
        <translation>Token de usuario</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>No requester information on this ticket</source>
        <translation>Este ticket no tiene información del solicitante</translation>
    </message>
    <message>
        <source>Write to %1</source>
        <translation>Escribir a %1</translation>
    </message>
    <message>
        <source>Open map</source>
        <translation>Abrir mapa</translation>
    </message>
    <message>
        <source>Incomplete: %1, %2</source>
        <translation>Incompleta: %1, %2</translation>
    </message>
    <message>
        <source>no latitude</source>
        <translation>sin latitud</translation>
    </message>
    <message>
        <source>no longitude</source>
        <translation>sin longitud</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ResolveDialog</name>
    <message>
        <source>&amp;Resolve ticket</source>
        <translation>&amp;Resolver ticket</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Resolve %1</source>
        <translation>Resolver %1</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <source>Resolve %1 — %2?</source>
        <translation>¿Resolver %1 — %2?</translation>
    </message>
    <message>
        <source>The ticket is closed for good: it cannot be reopened.</source>
        <translation>El ticket se cerrará definitivamente: no se podrá volver a abrir.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::SafeTextBrowser</name>
    <message>
        <source>%1 (this link cannot be opened)</source>
        <translation>%1 (este enlace no se puede abrir)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Your Sweeppea API key. CaseLens sends it only to the server below.</source>
        <translation>Su clave de API de Sweeppea. CaseLens solo la envía al servidor indicado abajo.</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>Pegue su clave de API</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>Mostrar clave de API</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Mostrar u ocultar la clave</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Guardar clave</translation>
    </message>
    <message>
        <source>Save API key</source>
        <translation>Guardar clave de API</translation>
    </message>
    <message>
        <source>Forget key</source>
        <translation>Olvidar clave</translation>
    </message>
    <message>
        <source>Forget API key</source>
        <translation>Olvidar clave de API</translation>
    </message>
    <message>
        <source>Where the key is kept</source>
        <translation>Dónde se guarda la clave</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL del servidor:</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL del servidor</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminada</translation>
    </message>
    <message>
        <source>Use the default server URL</source>
        <translation>Usar la URL predeterminada del servidor</translation>
    </message>
    <message>
        <source>Server URL problem</source>
        <translation>Problema con la URL del servidor</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Request timeout in seconds</source>
        <translation>Tiempo de espera de las solicitudes, en segundos</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Hide API key</source>
        <translation>Ocultar clave de API</translation>
    </message>
    <message>
        <source>Kept in: %1</source>
        <translation>Guardada en %1</translation>
    </message>
    <message>
        <source>No key set. Paste your key above and press Save key.</source>
        <translation>No hay clave configurada. Pegue su clave arriba y pulse Guardar clave.</translation>
    </message>
    <message>
        <source>API key status</source>
        <translation>Estado de la clave de API</translation>
    </message>
    <message>
        <source>Use a key for this session only</source>
        <translation>Usar una clave solo para esta sesión</translation>
    </message>
    <message>
        <source>Keep the key in memory until CaseLens exits; it is not saved, and CaseLens asks again next time.</source>
        <translation>Mantener la clave en memoria hasta que se cierre CaseLens; no se guarda y CaseLens la volverá a pedir la próxima vez.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>This session only — not saved. CaseLens asks again next time.</source>
        <translation>Solo esta sesión: no se guarda. CaseLens la volverá a pedir la próxima vez.</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Guardada en %1</translation>
    </message>
    <message>
        <source>This session only — not saved</source>
        <translation>Solo esta sesión: no se guarda</translation>
    </message>
    <message>
        <source>The key was forgotten.</source>
        <translation>Se olvidó la clave.</translation>
    </message>
    <message>
        <source>Forget the API key?</source>
        <translation>¿Olvidar la clave de API?</translation>
    </message>
    <message>
        <source>Delete the API key for %1 from %2? You will need to paste it again.</source>
        <translation>¿Eliminar la clave de API de %1? Se borrará de: %2. Tendrá que volver a pegarla.</translation>
    </message>
    <message>
        <source>The key comes from the environment variable %1: unset it to stop using it.</source>
        <translation>La clave proviene de la variable de entorno %1: elimínela para dejar de usarla.</translation>
    </message>
    <message>
        <source>Looking for your API key…</source>
        <translation>Buscando su clave de API…</translation>
    </message>
    <message>
        <source>Check key</source>
        <translation>Comprobar clave</translation>
    </message>
    <message>
        <source>Check API key</source>
        <translation>Comprobar clave de API</translation>
    </message>
    <message>
        <source>Ask the server whether this key works, and whose it is</source>
        <translation>Preguntar al servidor si esta clave funciona y a quién pertenece</translation>
    </message>
    <message>
        <source>Signed-in account and plan usage</source>
        <translation>Cuenta con sesión iniciada y uso del plan</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Comprobando la clave…</translation>
    </message>
    <message>
        <source>The key does not work: %1</source>
        <translation>La clave no funciona: %1</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>La clave funciona.</translation>
    </message>
    <message>
        <source>The key works. It belongs to %1.</source>
        <translation>La clave funciona. Pertenece a %1.</translation>
    </message>
    <message>
        <source>Request t&amp;imeout:</source>
        <translation>&amp;Tiempo de espera:</translation>
    </message>
    <message>
        <source>Menus and dialogs change at once; an open ticket changes when you refresh it (F5).</source>
        <translation>Los menús y los diálogos cambian al instante; un ticket abierto cambia cuando lo actualiza (F5).</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::Startup</name>
    <message>
        <source>Secure connections are not available: the TLS backend (OpenSSL) is missing. Install libssl3 / reinstall CaseLens.</source>
        <translation>No hay conexiones seguras disponibles: falta el backend TLS (OpenSSL). Instale libssl3 o reinstale CaseLens.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::StatisticsModel</name>
    <message>
        <source>%1 (requester)</source>
        <translation>%1 (solicitante)</translation>
    </message>
    <message>
        <source>%1 (collaborator)</source>
        <translation>%1 (colaborador)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::StatisticsTab</name>
    <message>
        <source>Filter by date, person or action</source>
        <translation>Filtrar por fecha, persona o acción</translation>
    </message>
    <message>
        <source>Filter activity</source>
        <translation>Filtrar actividad</translation>
    </message>
    <message>
        <source>Number of entries shown</source>
        <translation>Número de entradas mostradas</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Registro de actividad</translation>
    </message>
    <message>
        <source>No activity recorded on this ticket</source>
        <translation>No hay actividad registrada en este ticket</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln entrada</numerusform>
            <numerusform>%Ln entradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entry(s)</source>
        <translation>
            <numerusform>%1 de %Ln entrada</numerusform>
            <numerusform>%1 de %Ln entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Show views</source>
        <translation>Mostrar visualizaciones</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Count views in the chart (they often outnumber everything else)</source>
        <translation>Contar las visualizaciones en el gráfico (a menudo superan a todo lo demás)</translation>
    </message>
    <message>
        <source>List the activity of every day again</source>
        <translation>Volver a listar la actividad de todos los días</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>Showing %1 —</source>
        <extracomment>Above the activity table after a click on a chart bar; %1 is a day or a range of days</extracomment>
        <translation>Se muestra %1 —</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TabUnreadDot</name>
    <message>
        <source>Unread changes</source>
        <translation>Cambios sin leer</translation>
    </message>
    <message>
        <source>%1, unread</source>
        <translation>%1, sin leer</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketCopy</name>
    <message>
        <source>Case &amp;number</source>
        <translation>&amp;Número de caso</translation>
    </message>
    <message>
        <source>&amp;Link (caselens://)</source>
        <translation>&amp;Enlace (caselens://)</translation>
    </message>
    <message>
        <source>Case and &amp;subject (for chats)</source>
        <translation>Caso y &amp;asunto (para chats)</translation>
    </message>
    <message>
        <source>&amp;Markdown summary (for issue trackers)</source>
        <translation>Resumen en &amp;Markdown (para gestores de incidencias)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketDocument</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketEditorDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Nuevo ticket</translation>
    </message>
    <message>
        <source>&amp;Create ticket</source>
        <translation>&amp;Crear ticket</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Guardar cambios</translation>
    </message>
    <message>
        <source>The description has links, lists or other formatting that CaseLens cannot edit: if you change the description, they become plain text.</source>
        <translation>La descripción tiene enlaces, listas u otro formato que CaseLens no puede editar: si cambia la descripción, se convertirán en texto sin formato.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>B</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>I</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursiva</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Asignar a</translation>
    </message>
    <message>
        <source>An admin&apos;s name or e-mail (optional)</source>
        <translation>Nombre o correo electrónico de un administrador (opcional)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioridad:</translation>
    </message>
    <message>
        <source>&amp;Assign to:</source>
        <translation>&amp;Asignar a:</translation>
    </message>
    <message>
        <source>The customer sees this change.</source>
        <translation>El cliente verá este cambio.</translation>
    </message>
    <message>
        <source>The description is too long for Sweeppea (at most %L1 characters as sent, %L2 now). Shorten it and send again.</source>
        <translation>La descripción es demasiado larga para Sweeppea (como máximo %L1 caracteres tal como se envía; ahora tiene %L2). Acórtela y vuelva a enviarla.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketHeader</name>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Closed:</source>
        <translation>Cerrado:</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Completion:</source>
        <translation>Progreso:</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Número de caso</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the case number</source>
        <translation>Copiar el número de caso</translation>
    </message>
    <message>
        <source>Copy case number</source>
        <translation>Copiar número de caso</translation>
    </message>
    <message>
        <source>Show the parts of this ticket that could not be read</source>
        <translation>Mostrar las partes de este ticket que no se pudieron leer</translation>
    </message>
    <message>
        <source>Ticket warnings</source>
        <translation>Advertencias del ticket</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijado</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Creado:</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>Estado desconocido</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Prioridad: %1</translation>
    </message>
    <message>
        <source>Priority unknown</source>
        <translation>Prioridad desconocida</translation>
    </message>
    <message>
        <source>Product area: %1</source>
        <translation>Área de producto: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 view(s)</source>
        <translation>
            <numerusform>%1 vista</numerusform>
            <numerusform>%1 vistas</numerusform>
        </translation>
    </message>
    <message>
        <source>Not pinned</source>
        <translation>No fijado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>on %1 (%2)</source>
        <translation>el %1 (%2)</translation>
    </message>
    <message>
        <source>%1 after it was opened</source>
        <translation>%1 después de abrirse</translation>
    </message>
    <message>
        <source>yes, no details</source>
        <translation>sí, sin detalles</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>%1% complete</source>
        <translation>%1 % completado</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln advertencia</numerusform>
            <numerusform>%Ln advertencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Close this ticket for good</source>
        <translation>Cerrar este ticket definitivamente</translation>
    </message>
    <message>
        <source>Resolve ticket</source>
        <translation>Resolver ticket</translation>
    </message>
    <message>
        <source>Show the requester&apos;s details</source>
        <translation>Mostrar los datos del solicitante</translation>
    </message>
    <message>
        <source>Requester: %1</source>
        <translation>Solicitante: %1</translation>
    </message>
    <message>
        <source>Survey: %1</source>
        <translation>Encuesta: %1</translation>
    </message>
    <message>
        <source>Satisfaction survey, as sent:
%1</source>
        <translation>Encuesta de satisfacción, tal como se envió:
%1</translation>
    </message>
    <message>
        <source>GitHub issue</source>
        <translation>Incidencia de GitHub</translation>
    </message>
    <message>
        <source>GitHub issue #%1</source>
        <translation>Incidencia de GitHub n.º %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Abrir %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Abierto %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>Abierto: %1</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Sin notas</translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>Aún sin respuesta</translation>
    </message>
    <message>
        <source>Last note %1</source>
        <translation>Última nota %1</translation>
    </message>
    <message>
        <source>Last note: %1</source>
        <translation>Última nota: %1</translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation>Abierto desde hace %1</translation>
    </message>
    <message>
        <source>Long open</source>
        <translation>Abierto hace mucho</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado %1</translation>
    </message>
    <message>
        <source>Loaded at %1. Press F5 to refresh.</source>
        <translation>Cargado el %1. Pulse F5 para actualizar.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketPage</name>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Actualizando</translation>
    </message>
    <message>
        <source>Refreshing %1…</source>
        <translation>Actualizando %1…</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>Obteniendo %1…</translation>
    </message>
    <message>
        <source>Trying again (attempt %1 of %2)…</source>
        <translation>Reintentando (intento %1 de %2)…</translation>
    </message>
    <message>
        <source>Refresh cancelled — showing data from %1</source>
        <translation>Actualización cancelada: se muestran datos de %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketView</name>
    <message>
        <source>No collaborators on this ticket</source>
        <translation>Este ticket no tiene colaboradores</translation>
    </message>
    <message>
        <source>Collaborators</source>
        <translation>Colaboradores</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Ticket sections</source>
        <translation>Secciones del ticket</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Datos brutos</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Control+%1</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>en %n minuto</numerusform>
            <numerusform>en %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>hace %n minuto</numerusform>
            <numerusform>hace %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>en %n hora</numerusform>
            <numerusform>en %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>hace %n hora</numerusform>
            <numerusform>hace %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>en %n día</numerusform>
            <numerusform>en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n month(s)</source>
        <translation>
            <numerusform>en %n mes</numerusform>
            <numerusform>en %n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>hace %n mes</numerusform>
            <numerusform>hace %n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n year(s)</source>
        <translation>
            <numerusform>en %n año</numerusform>
            <numerusform>en %n años</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>hace %n año</numerusform>
            <numerusform>hace %n años</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>justo ahora</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>menos de un minuto</translation>
    </message>
    <message>
        <source>true</source>
        <translation>verdadero</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falso</translation>
    </message>
    <message>
        <source>Shortened to the first %1 characters to keep CaseLens responsive.</source>
        <translation>Se muestran solo los primeros %1 caracteres para que CaseLens siga respondiendo.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 · %n new)</source>
        <translation>
            <numerusform>%1 (%2 · %n nueva)</numerusform>
            <numerusform>%1 (%2 · %n nuevas)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>accessible name of a value: its title and its value</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WatchController</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: new ticket, “%2”</source>
        <translation>%1: nuevo ticket, “%2”</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WatchSettingsPage</name>
    <message>
        <source>Watching</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Cada minuto</numerusform>
            <numerusform>Cada %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh open tickets in the background</source>
        <translation>Actualizar los tickets abiertos en segundo plano</translation>
    </message>
    <message>
        <source>Open ticket tabs and your open-tickets list are refreshed in the background, within the plan&apos;s request limit. New notes and status changes are marked.</source>
        <translation>Las pestañas de tickets abiertas y su lista de tickets abiertos se actualizan en segundo plano, dentro del límite de solicitudes del plan. Las notas nuevas y los cambios de estado se marcan.</translation>
    </message>
    <message>
        <source>Announce changes found in the background on the desktop. The window&apos;s View menu has Do not disturb.</source>
        <translation>Avisar en el escritorio de los cambios encontrados en segundo plano. El menú Ver de la ventana tiene No molestar.</translation>
    </message>
    <message numerus="yes">
        <source>Set by %1: every %n second(s)</source>
        <translation>
            <numerusform>Definido por %1: cada segundo</numerusform>
            <numerusform>Definido por %1: cada %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Mostrar notificaciones &amp;de escritorio</translation>
    </message>
    <message>
        <source>&amp;Refresh:</source>
        <translation>&amp;Actualizar:</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WatchStatusLabel</name>
    <message numerus="yes">
        <source>Watching %n ticket(s)</source>
        <translation>
            <numerusform>Siguiendo %n ticket</numerusform>
            <numerusform>Siguiendo %n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>Watching needs an API key</source>
        <translation>El seguimiento necesita una clave de API</translation>
    </message>
    <message>
        <source>Watching paused: no network</source>
        <translation>Seguimiento en pausa: sin red</translation>
    </message>
    <message>
        <source>Watching slowed: the server is busy</source>
        <translation>Seguimiento ralentizado: el servidor está ocupado</translation>
    </message>
    <message>
        <source>Watching off</source>
        <translation>Seguimiento desactivado</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WriteActions</name>
    <message>
        <source>&amp;New ticket…</source>
        <translation>&amp;Nuevo ticket…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>&amp;Resolver…</translation>
    </message>
    <message>
        <source>Write a new ticket</source>
        <translation>Escribir un ticket nuevo</translation>
    </message>
    <message>
        <source>Change the title or the description of this ticket</source>
        <translation>Cambiar el título o la descripción de este ticket</translation>
    </message>
    <message>
        <source>Close this ticket for good</source>
        <translation>Cerrar este ticket definitivamente</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>Resolviendo %1…</translation>
    </message>
</context>
<context>
    <name>CaseLens::Language</name>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Neerlandés</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>Catalán</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japonés</translation>
    </message>
</context>
<context>
    <name>CaseLens::Markdown</name>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Sweepstakes</source>
        <translation>Sorteos</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notas (%1)</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Sin notas.</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>No statistics.</source>
        <translation>Sin estadísticas.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Last %1 of %2 notes</source>
        <translation>Últimas %1 de %2 notas</translation>
    </message>
</context>
<context>
    <name>CaseLens::Platforms</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Renaissance</source>
        <translation>Renaissance</translation>
    </message>
    <message>
        <source>Overture</source>
        <translation>Overture</translation>
    </message>
    <message>
        <source>Winners</source>
        <translation>Winners</translation>
    </message>
    <message>
        <source>Soprano</source>
        <translation>Soprano</translation>
    </message>
    <message>
        <source>Symphony</source>
        <translation>Symphony</translation>
    </message>
    <message>
        <source>Sonata</source>
        <translation>Sonata</translation>
    </message>
    <message>
        <source>Papyrus</source>
        <translation>Papyrus</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <source>eNewsletter</source>
        <translation>Boletín electrónico</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>AWS</source>
        <translation>AWS</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Instakes</source>
        <translation>Instakes</translation>
    </message>
    <message>
        <source>MCP server</source>
        <translation>Servidor MCP</translation>
    </message>
    <message>
        <source>Sweeppea CLI</source>
        <translation>CLI de Sweeppea</translation>
    </message>
    <message>
        <source>n8n</source>
        <translation>n8n</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>CaseLens::ResolveOutcome</name>
    <message>
        <source>%1 is closed.</source>
        <translation>%1 está cerrado.</translation>
    </message>
    <message>
        <source>%1 was already closed.</source>
        <translation>%1 ya estaba cerrado.</translation>
    </message>
    <message>
        <source>%1 was not closed. Try again.</source>
        <translation>%1 no se cerró. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>%1 was not closed: there is no such ticket for this API key.</source>
        <translation>%1 no se cerró: no existe ese ticket para esta clave de API.</translation>
    </message>
    <message>
        <source>CaseLens could not tell whether %1 was closed. Check the ticket before trying again.</source>
        <translation>CaseLens no pudo saber si %1 se cerró. Revise el ticket antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>%1 was not closed. %2</source>
        <translation>%1 no se cerró. %2</translation>
    </message>
    <message>
        <source>Closed by %1 on %2.</source>
        <translation>Cerrado por %1 el %2.</translation>
    </message>
    <message>
        <source>Closed by %1.</source>
        <translation>Cerrado por %1.</translation>
    </message>
    <message>
        <source>Closed on %1.</source>
        <translation>Cerrado el %1.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Ticket</name>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
</context>
<context>
    <name>CaseLens::TicketChanges</name>
    <message numerus="yes">
        <source>%n new note(s)</source>
        <translation>
            <numerusform>%n nota nueva</numerusform>
            <numerusform>%n notas nuevas</numerusform>
        </translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>closed by %1</source>
        <translation>cerrado por %1</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>reabierto</translation>
    </message>
    <message numerus="yes">
        <source>%n new change(s)</source>
        <translation>
            <numerusform>%n cambio nuevo</numerusform>
            <numerusform>%n cambios nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a ticket&apos;s changes</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Reopened since you last looked</source>
        <translation>Reabierto desde su última consulta</translation>
    </message>
    <message>
        <source>Closed since you last looked</source>
        <translation>Cerrado desde su última consulta</translation>
    </message>
    <message>
        <source>Closed by %1 since you last looked</source>
        <translation>Cerrado por %1 desde su última consulta</translation>
    </message>
</context>
<context>
    <name>CaseLens::TicketList</name>
    <message>
        <source>No closed tickets</source>
        <translation>No hay tickets cerrados</translation>
    </message>
    <message>
        <source>No open tickets</source>
        <translation>No hay tickets abiertos</translation>
    </message>
    <message numerus="yes">
        <source>%n closed ticket(s)</source>
        <translation>
            <numerusform>%n ticket cerrado</numerusform>
            <numerusform>%n tickets cerrados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s)</source>
        <translation>
            <numerusform>%n ticket abierto</numerusform>
            <numerusform>%n tickets abiertos</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages %1–%2 of %3</source>
        <translation>Páginas %1–%2 de %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>&quot;Page 1 of 2 · 23 open tickets&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>CaseLens::TicketParser</name>
    <message>
        <source>%1: missing</source>
        <translation>%1: falta</translation>
    </message>
    <message>
        <source>%1: expected text, got %2</source>
        <translation>%1: se esperaba texto, se recibió %2</translation>
    </message>
    <message>
        <source>%1: expected a number, got %2</source>
        <translation>%1: se esperaba un número, se recibió %2</translation>
    </message>
    <message>
        <source>%1: expected true or false, got %2</source>
        <translation>%1: se esperaba true o false, se recibió %2</translation>
    </message>
    <message>
        <source>%1: expected a date, got %2</source>
        <translation>%1: se esperaba una fecha, se recibió %2</translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation>%1: se esperaba un objeto, se recibió %2</translation>
    </message>
    <message>
        <source>%1: expected a list, got %2</source>
        <translation>%1: se esperaba una lista, se recibió %2</translation>
    </message>
    <message>
        <source>%1: expected text or a number, got %2</source>
        <translation>%1: se esperaba texto o un número, se recibió %2</translation>
    </message>
    <message>
        <source>%1: value out of range, got %2</source>
        <translation>%1: valor fuera de rango, se recibió %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is too large to show (%1 MB; CaseLens reads at most %2 MB).</source>
        <translation>La respuesta del servidor es demasiado grande para mostrarla (%1 MB; CaseLens lee como máximo %2 MB).</translation>
    </message>
    <message>
        <source>%1 bytes received, limit %2 bytes.</source>
        <translation>%1 bytes recibidos, límite de %2 bytes.</translation>
    </message>
    <message>
        <source>JSON error at byte %1: %2</source>
        <translation>Error de JSON en el byte %1: %2</translation>
    </message>
    <message>
        <source>Expected a JSON object at the top level, got an array.</source>
        <translation>Se esperaba un objeto JSON en el nivel superior, pero se recibió un array.</translation>
    </message>
    <message>
        <source>Content-Type: %1</source>
        <translation>Content-Type: %1</translation>
    </message>
    <message>
        <source>The answer was empty.</source>
        <translation>La respuesta estaba vacía.</translation>
    </message>
    <message>
        <source>The answer begins with: %1</source>
        <translation>La respuesta empieza por: %1</translation>
    </message>
    <message>
        <source>The server sent a web page instead of ticket data.</source>
        <translation>El servidor envió una página web en lugar de los datos del ticket.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it was empty).</source>
        <translation>No se pudo leer la respuesta del servidor (estaba vacía).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it was cut off).</source>
        <translation>No se pudo leer la respuesta del servidor (estaba cortada).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not ticket data).</source>
        <translation>No se pudo leer la respuesta del servidor (no son datos de un ticket).</translation>
    </message>
    <message>
        <source>The server reported a problem but did not say what.</source>
        <translation>El servidor informó de un problema, pero no indicó cuál.</translation>
    </message>
    <message>
        <source>The server reported a problem: %1</source>
        <translation>El servidor informó de un problema: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain a ticket.</source>
        <translation>La respuesta del servidor no contenía ningún ticket.</translation>
    </message>
    <message>
        <source>CaseNumber: asked for %1, the server sent %2</source>
        <translation>CaseNumber: se pidió %1, el servidor envió %2</translation>
    </message>
    <message>
        <source>The server sent a web page instead of a ticket list.</source>
        <translation>El servidor envió una página web en lugar de una lista de tickets.</translation>
    </message>
    <message>
        <source>The server sent a web page instead of account data.</source>
        <translation>El servidor envió una página web en lugar de los datos de la cuenta.</translation>
    </message>
    <message>
        <source>The server sent a web page instead of the result of the change.</source>
        <translation>El servidor envió una página web en lugar del resultado del cambio.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not a ticket list).</source>
        <translation>No se pudo leer la respuesta del servidor (no es una lista de tickets).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not account data).</source>
        <translation>No se pudo leer la respuesta del servidor (no son datos de la cuenta).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not the result of the change).</source>
        <translation>No se pudo leer la respuesta del servidor (no es el resultado del cambio).</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain a ticket list.</source>
        <translation>La respuesta del servidor no contenía una lista de tickets.</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain account data.</source>
        <translation>La respuesta del servidor no contenía datos de la cuenta.</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain the result of the change.</source>
        <translation>La respuesta del servidor no contenía el resultado del cambio.</translation>
    </message>
    <message>
        <source>HTTP %1 with Response false and Code %2.</source>
        <translation>HTTP %1 con Response false y Code %2.</translation>
    </message>
    <message>
        <source>HTTP %1 with Response false and no usable Code.</source>
        <translation>HTTP %1 con Response false y sin un Code utilizable.</translation>
    </message>
    <message>
        <source>HTTP %1 without %2, with Code %3.</source>
        <translation>HTTP %1 sin %2, con Code %3.</translation>
    </message>
    <message>
        <source>The answer has no %1.</source>
        <translation>La respuesta no tiene %1.</translation>
    </message>
    <message>
        <source>%1 is %2, not an object.</source>
        <translation>%1 es %2, no un objeto.</translation>
    </message>
</context>
<context>
    <name>CaseLens::UpdateOutcome</name>
    <message>
        <source>%1 was changed.</source>
        <translation>%1 se modificó.</translation>
    </message>
    <message>
        <source>%1 was not changed. Try again.</source>
        <translation>%1 no se modificó. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>CaseLens could not tell whether %1 was changed. Check the ticket before trying again.</source>
        <translation>CaseLens no pudo saber si %1 se modificó. Revise el ticket antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>%1 was not changed. %2</source>
        <translation>%1 no se modificó. %2</translation>
    </message>
</context>
</TS>
