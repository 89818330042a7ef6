<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CaseLens::AccountStatus</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>%1 of %2 calls this month</source>
        <translation>%1 von %2 Aufrufen in diesem Monat</translation>
    </message>
    <message>
        <source>%1 calls this month</source>
        <translation>%1 Aufrufe in diesem Monat</translation>
    </message>
    <message>
        <source>up to %1 calls a month</source>
        <translation>bis zu %1 Aufrufe im Monat</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>%1 pro Minute</translation>
    </message>
    <message>
        <source>You have used %1% of this month&apos;s API calls. When they run out, CaseLens cannot load tickets until the plan resets.</source>
        <translation>Sie haben %1 % der API-Aufrufe dieses Monats verbraucht. Wenn sie aufgebraucht sind, kann CaseLens keine Tickets laden, bis das Kontingent zurückgesetzt wird.</translation>
    </message>
    <message>
        <source>This month&apos;s API calls are used up: the server will refuse requests until the plan resets or is upgraded in Sweeppea.</source>
        <translation>Die API-Aufrufe dieses Monats sind aufgebraucht: Der Server lehnt Anfragen ab, bis das Kontingent zurückgesetzt oder der Tarif in Sweeppea hochgestuft wird.</translation>
    </message>
</context>
<context>
    <name>CaseLens::ApiClient</name>
    <message>
        <source>The server URL is not valid. Use e.g. https://api-v3.sweeppea.com.</source>
        <translation>Die Server-URL ist ungültig. Verwenden Sie z. B. https://api-v3.sweeppea.com.</translation>
    </message>
    <message>
        <source>CaseLens sends your API key only over https. Plain http is allowed only for this computer (localhost).</source>
        <translation>CaseLens sendet Ihren API-Schlüssel nur über https. Unverschlüsseltes http ist nur für diesen Computer (localhost) erlaubt.</translation>
    </message>
    <message>
        <source>The server URL must start with https://.</source>
        <translation>Die Server-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No API key is set. Add your Sweeppea API key in Settings.</source>
        <translation>Es ist kein API-Schlüssel festgelegt. Fügen Sie Ihren Sweeppea-API-Schlüssel in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <source>The ticket is too large to show (over %1 MB).</source>
        <translation>Das Ticket ist zu groß für die Anzeige (über %1 MB).</translation>
    </message>
    <message numerus="yes">
        <source>Announced size: %Ln byte(s)</source>
        <translation>
            <numerusform>Angekündigte Größe: %Ln Byte</numerusform>
            <numerusform>Angekündigte Größe: %Ln Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>The server tried to send CaseLens to another address (%1). CaseLens did not follow it, to keep your API key safe.</source>
        <translation>Der Server wollte CaseLens an eine andere Adresse (%1) umleiten. CaseLens ist dem nicht gefolgt, um Ihren API-Schlüssel zu schützen.</translation>
    </message>
    <message>
        <source>Redirect to %1 refused</source>
        <translation>Umleitung zu %1 abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>Received more than %Ln byte(s)</source>
        <translation>
            <numerusform>Mehr als %Ln Byte empfangen</numerusform>
            <numerusform>Mehr als %Ln Byte empfangen</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not connect to the server at %1 (connection refused). Check the server URL and your connection.</source>
        <translation>Keine Verbindung zum Server unter %1 möglich (Verbindung abgelehnt). Prüfen Sie die Server-URL und Ihre Verbindung.</translation>
    </message>
    <message>
        <source>The server %1 could not be found. Check your internet connection.</source>
        <translation>Der Server %1 wurde nicht gefunden. Prüfen Sie Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your connection and try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server closed the connection before its answer was complete. Try again.</source>
        <translation>Der Server hat die Verbindung getrennt, bevor seine Antwort vollständig war. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A network error stopped the request. Check your connection and try again.</source>
        <translation>Ein Netzwerkfehler hat die Anfrage abgebrochen. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>[your API key]</source>
        <translation>[Ihr API-Schlüssel]</translation>
    </message>
    <message>
        <source>Server busy</source>
        <translation>Server ausgelastet</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>%1, retrying in %2 s (attempt %3 of %4)</source>
        <translation>%1, neuer Versuch in %2 s (Versuch %3 von %4)</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s). Check your connection and try again.</source>
        <translation>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunde geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</numerusform>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunden geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(Gave up after %n attempt(s).)</source>
        <translation>
            <numerusform>(Nach %n Versuch aufgegeben.)</numerusform>
            <numerusform>(Nach %n Versuchen aufgegeben.)</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the server broke before its answer arrived. The change may or may not have been made.</source>
        <translation>Die Verbindung zum Server brach ab, bevor seine Antwort ankam. Die Änderung wurde vielleicht ausgeführt, vielleicht nicht.</translation>
    </message>
    <message>
        <source>Qt network error %1 (%2): %3</source>
        <translation>Qt-Netzwerkfehler %1 (%2): %3</translation>
    </message>
    <message>
        <source>Could not connect to the proxy at %1 (connection refused). Check the proxy in Settings → Network or in the system settings, or ask IT whether the proxy is running.</source>
        <translation>Keine Verbindung zum Proxy unter %1 möglich (Verbindung abgelehnt). Prüfen Sie den Proxy unter Einstellungen → Netzwerk oder in den Systemeinstellungen, oder fragen Sie Ihre IT, ob der Proxy läuft.</translation>
    </message>
    <message>
        <source>The proxy at %1 closed the connection before the server&apos;s answer arrived. The change may or may not have been made.</source>
        <translation>Der Proxy unter %1 hat die Verbindung getrennt, bevor die Antwort des Servers ankam. Die Änderung wurde vielleicht ausgeführt, vielleicht nicht.</translation>
    </message>
    <message>
        <source>The proxy at %1 closed the connection before the server&apos;s answer was complete. Try again; if it keeps happening, ask IT about the proxy.</source>
        <translation>Der Proxy unter %1 hat die Verbindung getrennt, bevor die Antwort des Servers vollständig war. Versuchen Sie es erneut; falls das öfter passiert, fragen Sie Ihre IT nach dem Proxy.</translation>
    </message>
    <message>
        <source>The proxy %1 could not be found. Check its name in Settings → Network or in the system settings.</source>
        <translation>Der Proxy %1 wurde nicht gefunden. Prüfen Sie seinen Namen unter Einstellungen → Netzwerk oder in den Systemeinstellungen.</translation>
    </message>
    <message>
        <source>The proxy at %1 did not answer in time. Check your connection, or ask IT about the proxy.</source>
        <translation>Der Proxy unter %1 hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Verbindung, oder fragen Sie Ihre IT nach dem Proxy.</translation>
    </message>
    <message>
        <source>The proxy at %1 failed the connection. Check the proxy in Settings → Network or in the system settings.</source>
        <translation>Der Proxy unter %1 konnte die Verbindung nicht herstellen. Prüfen Sie den Proxy unter Einstellungen → Netzwerk oder in den Systemeinstellungen.</translation>
    </message>
    <message>
        <source>The proxy at %1 rejected the user name or password. Try again and enter the right ones, or ask IT for them.</source>
        <translation>Der Proxy unter %1 hat den Benutzernamen oder das Passwort abgelehnt. Versuchen Sie es erneut und geben Sie die richtigen ein, oder fragen Sie Ihre IT danach.</translation>
    </message>
    <message>
        <source>The proxy at %1 rejected the user name or password. Correct them in https_proxy (http://user:password@host:port) or save them again in CaseLens (Settings → Network).</source>
        <translation>Der Proxy unter %1 hat den Benutzernamen oder das Passwort abgelehnt. Korrigieren Sie sie in https_proxy (http://benutzer:passwort@host:port), oder speichern Sie sie erneut in CaseLens (Einstellungen → Netzwerk).</translation>
    </message>
    <message>
        <source>The proxy at %1 needs a user name and password. Try again and enter them when CaseLens asks.</source>
        <translation>Der Proxy unter %1 verlangt einen Benutzernamen und ein Passwort. Versuchen Sie es erneut und geben Sie sie ein, wenn CaseLens danach fragt.</translation>
    </message>
    <message>
        <source>The proxy at %1 needs a user name and password. Put them in https_proxy (http://user:password@host:port) or save them once in CaseLens (Settings → Network).</source>
        <translation>Der Proxy unter %1 verlangt einen Benutzernamen und ein Passwort. Tragen Sie sie in https_proxy ein (http://benutzer:passwort@host:port), oder speichern Sie sie einmalig in CaseLens (Einstellungen → Netzwerk).</translation>
    </message>
</context>
<context>
    <name>CaseLens::ApiKeyProvider</name>
    <message>
        <source>No key set</source>
        <translation>Kein Schlüssel festgelegt</translation>
    </message>
    <message>
        <source>Environment variable %1 (unset it to stop using this key; CaseLens cannot forget it)</source>
        <translation>Umgebungsvariable %1 (entfernen Sie sie, um diesen Schlüssel nicht mehr zu verwenden; CaseLens kann ihn nicht vergessen)</translation>
    </message>
    <message>
        <source>This session only (memory) — not saved</source>
        <translation>Nur diese Sitzung (Arbeitsspeicher) – nicht gespeichert</translation>
    </message>
    <message>
        <source>Paste your API key first.</source>
        <translation>Fügen Sie zuerst Ihren API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>This key comes from the environment variable %1: unset it to stop using it.</source>
        <translation>Dieser Schlüssel stammt aus der Umgebungsvariable %1: Entfernen Sie sie, um ihn nicht mehr zu verwenden.</translation>
    </message>
</context>
<context>
    <name>CaseLens::CaseNumber</name>
    <message>
        <source>Enter a case number, e.g. HYXTNJV.</source>
        <translation>Geben Sie eine Fallnummer ein, z. B. HYXTNJV.</translation>
    </message>
    <message>
        <source>A case number has at most %1 letters or digits.</source>
        <translation>Eine Fallnummer hat höchstens %1 Buchstaben oder Ziffern.</translation>
    </message>
    <message>
        <source>A case number has only letters and digits, e.g. HYXTNJV.</source>
        <translation>Eine Fallnummer besteht nur aus Buchstaben und Ziffern, z. B. HYXTNJV.</translation>
    </message>
    <message>
        <source>This is not a CaseLens ticket link (%1): %2</source>
        <translation>Das ist kein CaseLens-Ticketlink (%1): %2</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>expected caselens://ticket/CASE</source>
        <translation>caselens://ticket/FALL erwartet</translation>
    </message>
    <message>
        <source>unexpected parts</source>
        <translation>unerwartete Bestandteile</translation>
    </message>
    <message>
        <source>expected one case number after ticket/</source>
        <translation>eine Fallnummer nach ticket/ erwartet</translation>
    </message>
</context>
<context>
    <name>CaseLens::CertificateReport</name>
    <message>
        <source>it was issued by a certificate authority this computer does not trust</source>
        <translation>es wurde von einer Zertifizierungsstelle ausgestellt, der dieser Computer nicht vertraut</translation>
    </message>
    <message>
        <source>it was issued by “%1”, a certificate authority this computer does not trust</source>
        <translation>es wurde von „%1“ ausgestellt, einer Zertifizierungsstelle, der dieser Computer nicht vertraut</translation>
    </message>
    <message>
        <source>it is self-signed: it vouches for itself, and this computer does not trust it</source>
        <translation>es ist selbstsigniert: Es bürgt nur für sich selbst, und dieser Computer vertraut ihm nicht</translation>
    </message>
    <message>
        <source>it expired on %1</source>
        <translation>es ist am %1 abgelaufen</translation>
    </message>
    <message>
        <source>it is not valid before %1</source>
        <translation>es ist erst ab %1 gültig</translation>
    </message>
    <message>
        <source>the certificate of “%1” in its chain expired on %2</source>
        <translation>das Zertifikat von „%1“ in seiner Kette ist am %2 abgelaufen</translation>
    </message>
    <message>
        <source>the certificate of “%1” in its chain is not valid before %2</source>
        <translation>das Zertifikat von „%1“ in seiner Kette ist erst ab %2 gültig</translation>
    </message>
    <message>
        <source>it names no host, so it is not for %1</source>
        <translation>es nennt keinen Host und gilt daher nicht für %1</translation>
    </message>
    <message>
        <source>it is for %1, not for %2</source>
        <translation>es gilt für %1, nicht für %2</translation>
    </message>
    <message>
        <source>its issuer has revoked it</source>
        <translation>sein Aussteller hat es widerrufen</translation>
    </message>
    <message>
        <source>its signature does not match its issuer (it may have been altered)</source>
        <translation>seine Signatur passt nicht zu seinem Aussteller (es wurde vielleicht verändert)</translation>
    </message>
    <message>
        <source>it is not meant to identify a server</source>
        <translation>es ist nicht dafür bestimmt, einen Server auszuweisen</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>der Server hat kein Zertifikat gesendet</translation>
    </message>
    <message>
        <source>CaseLens refused the certificate that %1 presented, and sent it nothing:</source>
        <translation>CaseLens hat das Zertifikat abgelehnt, das %1 vorgelegt hat, und nichts dorthin gesendet:</translation>
    </message>
    <message>
        <source>Issued by: itself (%1)</source>
        <translation>Ausgestellt von: sich selbst (%1)</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>Ausgestellt von: %1</translation>
    </message>
    <message>
        <source>Covers: %1</source>
        <translation>Gilt für: %1</translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation>Gültig vom %1 bis %2</translation>
    </message>
    <message>
        <source>Check the server address in Settings. If it is right, something between this computer and %1 (often a company proxy) answers in its place: tell IT which names the certificate covers.</source>
        <translation>Prüfen Sie die Serveradresse in den Einstellungen. Ist sie richtig, antwortet etwas zwischen diesem Computer und %1 (oft ein Firmen-Proxy) an dessen Stelle: Teilen Sie Ihrer IT mit, für welche Namen das Zertifikat gilt.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s date and time (it reads %1 now): a wrong clock makes good certificates look expired. If the clock is right, tell IT or the server&apos;s administrators that the certificate is out of date.</source>
        <translation>Prüfen Sie Datum und Uhrzeit dieses Computers (derzeit %1): Bei falsch gestellter Uhr wirken gültige Zertifikate abgelaufen. Stimmt die Uhr, teilen Sie Ihrer IT oder den Administratoren des Servers mit, dass das Zertifikat nicht mehr aktuell ist.</translation>
    </message>
    <message>
        <source>If your company inspects secure traffic, ask IT to install its certificate on this computer, or add it under Settings → Network → Company certificate.</source>
        <translation>Falls Ihr Unternehmen verschlüsselten Datenverkehr prüft, bitten Sie Ihre IT, das Firmenzertifikat auf diesem Computer zu installieren, oder fügen Sie es unter Einstellungen → Netzwerk → Firmenzertifikat hinzu.</translation>
    </message>
    <message>
        <source>Certificate %1 of %2 (the server&apos;s):</source>
        <translation>Zertifikat %1 von %2 (das des Servers):</translation>
    </message>
    <message>
        <source>Certificate %1 of %2:</source>
        <translation>Zertifikat %1 von %2:</translation>
    </message>
    <message>
        <source>  Subject: %1</source>
        <translation>  Inhaber: %1</translation>
    </message>
    <message>
        <source>  Issuer: %1</source>
        <translation>  Aussteller: %1</translation>
    </message>
    <message>
        <source>itself (%1)</source>
        <translation>sich selbst (%1)</translation>
    </message>
    <message>
        <source>  Names: %1</source>
        <translation>  Namen: %1</translation>
    </message>
    <message>
        <source>  Serial: %1</source>
        <translation>  Seriennummer: %1</translation>
    </message>
    <message>
        <source>  SHA-256: %1</source>
        <translation>  SHA-256: %1</translation>
    </message>
    <message>
        <source>  Valid from: %1</source>
        <translation>  Gültig ab: %1</translation>
    </message>
    <message>
        <source>  Valid until: %1</source>
        <translation>  Gültig bis: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
    <message>
        <source>The server at %1 did not answer with a secure connection: it may speak plain http on that port. Check the server URL in Settings (https:// and the port).</source>
        <translation>Der Server unter %1 hat nicht mit einer sicheren Verbindung geantwortet: Vielleicht spricht er auf diesem Port unverschlüsseltes http. Prüfen Sie die Server-URL in den Einstellungen (https:// und den Port).</translation>
    </message>
    <message>
        <source>The server at %1 and CaseLens share no secure protocol version or cipher, so no secure connection could be made. CaseLens accepts TLS 1.2 and 1.3 only. Tell IT or the server&apos;s administrators: the server, or a device between this computer and it, needs a current TLS setup.</source>
        <translation>Der Server unter %1 und CaseLens haben keine gemeinsame sichere Protokollversion oder Verschlüsselung, daher konnte keine sichere Verbindung aufgebaut werden. CaseLens akzeptiert nur TLS 1.2 und 1.3. Wenden Sie sich an Ihre IT oder die Administratoren des Servers: Der Server oder ein Gerät zwischen diesem Computer und dem Server braucht eine aktuelle TLS-Konfiguration.</translation>
    </message>
</context>
<context>
    <name>CaseLens::CompanyCa</name>
    <message>
        <source>The company certificate file %1 could not be used: %2 Choose it again under Settings → Network → Company certificate (caselens-cli: --ca-file or CASELENS_CA_FILE), or clear it.</source>
        <translation>Die Firmenzertifikatsdatei %1 konnte nicht verwendet werden: %2 Wählen Sie sie unter Einstellungen → Netzwerk → Firmenzertifikat erneut aus (caselens-cli: --ca-file oder CASELENS_CA_FILE), oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>Es handelt sich um einen Ordner.</translation>
    </message>
    <message>
        <source>it cannot be read (%1).</source>
        <translation>Die Datei kann nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>it is too large to be a certificate.</source>
        <translation>Die Datei ist zu groß für ein Zertifikat.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>its certificate could not be read.</source>
        <translation>Das Zertifikat darin konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>it holds no certificate in PEM format (text beginning with -----BEGIN CERTIFICATE-----). Ask IT for the certificate as a PEM file, or convert it with &quot;openssl x509 -inform der -in FILE -out company.pem&quot;.</source>
        <translation>Die Datei enthält kein Zertifikat im PEM-Format (Text, der mit -----BEGIN CERTIFICATE----- beginnt). Bitten Sie Ihre IT um das Zertifikat als PEM-Datei, oder konvertieren Sie es mit &quot;openssl x509 -inform der -in DATEI -out company.pem&quot;.</translation>
    </message>
</context>
<context>
    <name>CaseLens::CreateOutcome</name>
    <message>
        <source>The ticket was created: %1</source>
        <translation>Das Ticket wurde erstellt: %1</translation>
    </message>
    <message>
        <source>CaseLens could not tell whether the ticket was created. Check My tickets before trying again.</source>
        <translation>CaseLens konnte nicht feststellen, ob das Ticket erstellt wurde. Prüfen Sie „Meine Tickets“, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The ticket was not created. %1</source>
        <translation>Das Ticket wurde nicht erstellt. %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::CredentialStore</name>
    <message>
        <source>use the key for this session only</source>
        <translation>verwenden Sie den Schlüssel nur für diese Sitzung</translation>
    </message>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>the system keychain (GNOME Keyring or KWallet)</source>
        <translation>Systemschlüsselbund (GNOME Keyring oder KWallet)</translation>
    </message>
    <message>
        <source>The server URL is not valid, so it has no keychain entry.</source>
        <translation>Die Server-URL ist ungültig und hat daher keinen Eintrag im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The API key is empty.</source>
        <translation>Der API-Schlüssel ist leer.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access.</source>
        <translation>Der Schlüsselbund ist gesperrt oder hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>No keychain service is running.</source>
        <translation>Es läuft kein Schlüsselbunddienst.</translation>
    </message>
    <message>
        <source>No keychain service is running, or it could not be reached.</source>
        <translation>Es läuft kein Schlüsselbunddienst, oder er ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The keychain could not read the API key: %1</source>
        <translation>Der Schlüsselbund konnte den API-Schlüssel nicht lesen: %1</translation>
    </message>
    <message>
        <source>The keychain could not save the API key: %1</source>
        <translation>Der Schlüsselbund konnte den API-Schlüssel nicht speichern: %1</translation>
    </message>
    <message>
        <source>The keychain could not delete the API key: %1</source>
        <translation>Der Schlüsselbund konnte den API-Schlüssel nicht löschen: %1</translation>
    </message>
    <message>
        <source>Unlock your login keychain and allow CaseLens to use it, or %1.</source>
        <translation>Entsperren Sie Ihren Anmeldeschlüsselbund und erlauben Sie CaseLens den Zugriff, oder %1.</translation>
    </message>
    <message>
        <source>Check that Windows Credential Manager is available, or %1.</source>
        <translation>Prüfen Sie, ob die Windows-Anmeldeinformationsverwaltung verfügbar ist, oder %1.</translation>
    </message>
    <message>
        <source>Install and unlock GNOME Keyring or KWallet, or %1.</source>
        <translation>Installieren und entsperren Sie GNOME Keyring oder KWallet, oder %1.</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s. If it is asking for a password, unlock it and try again, or %2.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet. Falls er nach einem Passwort fragt, entsperren Sie ihn und versuchen Sie es erneut, oder %2.</translation>
    </message>
    <message>
        <source>Reading from the keychain failed: %1 (%2)</source>
        <translation>Lesen aus dem Schlüsselbund fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>Saving to the keychain failed: %1 (%2)</source>
        <translation>Speichern im Schlüsselbund fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>Deleting from the keychain failed: %1 (%2)</source>
        <translation>Löschen aus dem Schlüsselbund fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>Reading from the keychain timed out</source>
        <translation>Zeitüberschreitung beim Lesen aus dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Saving to the keychain timed out</source>
        <translation>Zeitüberschreitung beim Speichern im Schlüsselbund</translation>
    </message>
    <message>
        <source>Deleting from the keychain timed out</source>
        <translation>Zeitüberschreitung beim Löschen aus dem Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>CaseLens::Error</name>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>Servermeldung: %1</translation>
    </message>
    <message>
        <source>Error kind: %1</source>
        <translation>Fehlerart: %1</translation>
    </message>
    <message>
        <source>(Server: %1)</source>
        <translation>(Server: %1)</translation>
    </message>
    <message>
        <source>The server could not understand the request.</source>
        <translation>Der Server konnte die Anfrage nicht verstehen.</translation>
    </message>
    <message>
        <source>Your API key was rejected or is missing. Check the key in Settings.</source>
        <translation>Ihr API-Schlüssel wurde abgelehnt oder fehlt. Prüfen Sie den Schlüssel in den Einstellungen.</translation>
    </message>
    <message>
        <source>No such ticket for this API key.</source>
        <translation>Für diesen API-Schlüssel gibt es dieses Ticket nicht.</translation>
    </message>
    <message>
        <source>No ticket %1 for this API key.</source>
        <translation>Kein Ticket %1 für diesen API-Schlüssel.</translation>
    </message>
    <message>
        <source>The server is limiting requests right now. Try again in a minute.</source>
        <translation>Der Server begrenzt gerade die Anfragen. Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in a moment.</source>
        <translation>Der Server ist ausgelastet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). Try again later.</source>
        <translation>Auf dem Server ist ein Problem aufgetreten (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected status (HTTP %1).</source>
        <translation>Der Server hat mit einem unerwarteten Status geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <source>Your Sweeppea account is disabled or hibernating, so it refuses API calls. Contact Sweeppea support to reactivate it.</source>
        <translation>Ihr Sweeppea-Konto ist deaktiviert oder im Ruhezustand und lehnt daher API-Aufrufe ab. Wenden Sie sich an den Sweeppea-Support, um es wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>Your Sweeppea account accepts API calls only from its listed domains. In Sweeppea, open Settings → API and add * to the API domains.</source>
        <translation>Ihr Sweeppea-Konto nimmt API-Aufrufe nur von seinen eingetragenen Domains an. Öffnen Sie in Sweeppea Settings → API, und fügen Sie * zu den API-Domains hinzu.</translation>
    </message>
    <message>
        <source>Your plan&apos;s API calls are used up. Wait for the limit to reset, or upgrade the plan in Sweeppea.</source>
        <translation>Die API-Aufrufe Ihres Tarifs sind aufgebraucht. Warten Sie, bis das Kontingent zurückgesetzt wird, oder stufen Sie den Tarif in Sweeppea hoch.</translation>
    </message>
    <message>
        <source>Your API key was rejected: it is invalid or revoked. Check the key in Settings, or create a new one in Sweeppea.</source>
        <translation>Ihr API-Schlüssel wurde abgelehnt: Er ist ungültig oder wurde widerrufen. Prüfen Sie den Schlüssel in den Einstellungen, oder erstellen Sie in Sweeppea einen neuen.</translation>
    </message>
    <message>
        <source>A proxy server between this computer and the server wants a user name and password (HTTP 407). Set the proxy and its credentials under Settings → Network, or ask IT which proxy to use.</source>
        <translation>Ein Proxy-Server zwischen diesem Computer und dem Server verlangt einen Benutzernamen und ein Passwort (HTTP 407). Richten Sie den Proxy und seine Anmeldedaten unter Einstellungen → Netzwerk ein, oder fragen Sie Ihre IT, welcher Proxy zu verwenden ist.</translation>
    </message>
    <message>
        <source>The server stopped waiting for the request (HTTP 408): the connection was too slow or broke off. Try again.</source>
        <translation>Der Server hat nicht länger auf die Anfrage gewartet (HTTP 408): Die Verbindung war zu langsam oder ist abgebrochen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The request was too large for the server (HTTP 413). Shorten the text or remove pictures from it; if that does not help, a proxy on the way may limit request sizes: ask IT.</source>
        <translation>Die Anfrage war zu groß für den Server (HTTP 413). Kürzen Sie den Text oder entfernen Sie Bilder daraus; hilft das nicht, begrenzt vielleicht ein Proxy auf dem Weg die Größe von Anfragen: Fragen Sie Ihre IT.</translation>
    </message>
    <message>
        <source>The server is not allowed to answer this for legal reasons (HTTP 451). A company filter or the service&apos;s operator blocks it: ask IT or Sweeppea support.</source>
        <translation>Der Server darf diese Anfrage aus rechtlichen Gründen nicht beantworten (HTTP 451). Ein Firmenfilter oder der Betreiber des Dienstes sperrt sie: Fragen Sie Ihre IT oder den Sweeppea-Support.</translation>
    </message>
    <message>
        <source>A gateway between this computer and the server got no valid answer from it (HTTP 502). The service or a proxy on the way may be down. Try again in a moment.</source>
        <translation>Ein Gateway zwischen diesem Computer und dem Server hat vom Server keine gültige Antwort erhalten (HTTP 502). Der Dienst oder ein Proxy auf dem Weg ist vielleicht ausgefallen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>A gateway between this computer and the server gave up waiting for it (HTTP 504). The service may be slow or down. Try again in a moment.</source>
        <translation>Ein Gateway zwischen diesem Computer und dem Server hat nicht länger auf den Server gewartet (HTTP 504). Der Dienst ist vielleicht langsam oder ausgefallen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Export</name>
    <message>
        <source>unknown date</source>
        <translation>unbekanntes Datum</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Product area</source>
        <translation>Produktbereich</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>(no action)</source>
        <translation>(keine Aktion)</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notizen (%1)</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>No statistics.</source>
        <translation>Keine Statistik.</translation>
    </message>
    <message>
        <source>Exported from CaseLens on %1</source>
        <translation>Exportiert aus CaseLens am %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::FileDownload</name>
    <message numerus="yes">
        <source>The file&apos;s server sent nothing for %Ln second(s). Nothing was saved; try again later.</source>
        <translation>
            <numerusform>Der Server der Datei hat %Ln Sekunde lang nichts gesendet. Es wurde nichts gespeichert; versuchen Sie es später erneut.</numerusform>
            <numerusform>Der Server der Datei hat %Ln Sekunden lang nichts gesendet. Es wurde nichts gespeichert; versuchen Sie es später erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>This link is not a web address CaseLens can download.</source>
        <translation>Dieser Link ist keine Webadresse, von der CaseLens herunterladen kann.</translation>
    </message>
    <message>
        <source>CaseLens downloads files only over https, and this link uses plain http (anyone on the network could change the file). Ask the requester for an https link.</source>
        <translation>CaseLens lädt Dateien nur über https herunter, und dieser Link verwendet unverschlüsseltes http (jeder im Netzwerk könnte die Datei verändern). Bitten Sie den Anfragesteller um einen https-Link.</translation>
    </message>
    <message>
        <source>CaseLens downloads only https links.</source>
        <translation>CaseLens lädt nur https-Links herunter.</translation>
    </message>
    <message>
        <source>Download cancelled. Nothing was saved.</source>
        <translation>Download abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The file&apos;s server sent CaseLens on to %1, which is not https. CaseLens did not follow it. Use Open to get the file in your browser, or ask the requester for another link.</source>
        <translation>Der Server der Datei wollte CaseLens an %1 weiterleiten, eine Adresse ohne https. CaseLens ist dem nicht gefolgt. Laden Sie die Datei mit „Öffnen“ in Ihrem Browser, oder bitten Sie den Anfragesteller um einen anderen Link.</translation>
    </message>
    <message numerus="yes">
        <source>Announced size: %1 byte(s)</source>
        <translation>
            <numerusform>Angekündigte Größe: %1 Byte</numerusform>
            <numerusform>Angekündigte Größe: %1 Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>The file&apos;s server answered %1 %2. The link may have expired: refresh the ticket (F5) and try again.</source>
        <translation>Der Server der Datei hat mit %1 %2 geantwortet. Der Link ist vielleicht abgelaufen: Aktualisieren Sie das Ticket (F5) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file&apos;s server at %1 could not prove who it is (%2). Nothing was downloaded.</source>
        <translation>Der Server der Datei unter %1 konnte seine Identität nicht nachweisen (%2). Es wurde nichts heruntergeladen.</translation>
    </message>
    <message>
        <source>The file&apos;s server sent CaseLens from address to address. Use Open to get the file in your browser.</source>
        <translation>Der Server der Datei hat CaseLens immer wieder an eine andere Adresse weitergeleitet. Laden Sie die Datei mit „Öffnen“ in Ihrem Browser.</translation>
    </message>
    <message>
        <source>The file could not be downloaded from %1 (%2). Check your connection and try again.</source>
        <translation>Die Datei konnte nicht von %1 heruntergeladen werden (%2). Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>CaseLens could not write to %1 (%2). Choose another folder and try again.</source>
        <translation>CaseLens konnte nicht in %1 schreiben (%2). Wählen Sie einen anderen Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB, the most CaseLens saves. Nothing was saved; use Open to get it in your browser.</source>
        <translation>Die Datei ist größer als %1 MB, die Höchstgröße, die CaseLens speichert. Es wurde nichts gespeichert; laden Sie sie mit „Öffnen“ in Ihrem Browser.</translation>
    </message>
</context>
<context>
    <name>CaseLens::FileRisk</name>
    <message>
        <source>This is a program: opening it can run code on this computer.</source>
        <translation>Dies ist ein Programm: Beim Öffnen kann Code auf diesem Computer ausgeführt werden.</translation>
    </message>
    <message>
        <source>This is a script: opening it can run code on this computer.</source>
        <translation>Dies ist ein Skript: Beim Öffnen kann Code auf diesem Computer ausgeführt werden.</translation>
    </message>
    <message>
        <source>This is a shortcut: opening it can start a program or open another place.</source>
        <translation>Dies ist eine Verknüpfung: Beim Öffnen kann sie ein Programm starten oder einen anderen Ort öffnen.</translation>
    </message>
    <message>
        <source>This file changes system settings when it is opened.</source>
        <translation>Diese Datei ändert beim Öffnen Systemeinstellungen.</translation>
    </message>
    <message>
        <source>This document can carry macros: opening it can run code on this computer.</source>
        <translation>Dieses Dokument kann Makros enthalten: Beim Öffnen kann Code auf diesem Computer ausgeführt werden.</translation>
    </message>
    <message>
        <source>This is a disk image: it can hold programs that look like documents.</source>
        <translation>Dies ist ein Datenträgerabbild: Es kann Programme enthalten, die wie Dokumente aussehen.</translation>
    </message>
    <message>
        <source>Its name is not what it seems: do not trust what it appears to be.</source>
        <translation>Der Name täuscht: Verlassen Sie sich nicht darauf, wonach die Datei aussieht.</translation>
    </message>
    <message>
        <source>The name contains invisible characters that change how it reads.</source>
        <translation>Der Name enthält unsichtbare Zeichen, die verändern, wie er sich liest.</translation>
    </message>
    <message>
        <source>The name contains invisible characters that change how it reads; it really ends in “.%1”.</source>
        <translation>Der Name enthält unsichtbare Zeichen, die verändern, wie er sich liest; in Wirklichkeit endet er auf „.%1“.</translation>
    </message>
    <message>
        <source>The name shows “.%1” but really ends in “.%2”.</source>
        <translation>Der Name zeigt „.%1“, endet aber in Wirklichkeit auf „.%2“.</translation>
    </message>
    <message>
        <source>Spaces in the name push its real ending “.%1” out of sight.</source>
        <translation>Leerzeichen im Namen schieben seine echte Endung „.%1“ aus dem Sichtfeld.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::AboutDialog</name>
    <message>
        <source>About CaseLens</source>
        <translation>Über CaseLens</translation>
    </message>
    <message>
        <source>CaseLens icon</source>
        <translation>CaseLens-Symbol</translation>
    </message>
    <message>
        <source>Application name and version</source>
        <translation>Name und Version der Anwendung</translation>
    </message>
    <message>
        <source>A fast, safe viewer for Sweeppea support tickets.</source>
        <translation>Ein schneller, sicherer Betrachter für Sweeppea-Supporttickets.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>CaseLens %1</source>
        <translation>CaseLens %1</translation>
    </message>
    <message>
        <source>Version %1
Qt %2 (built with Qt %3)</source>
        <translation>Version %1
Qt %2 (erstellt mit Qt %3)</translation>
    </message>
    <message>
        <source>CaseLens: MIT License
Qt: GNU Lesser General Public License v3 (LGPLv3)
QtKeychain: BSD 3-Clause License</source>
        <translation>CaseLens: MIT-Lizenz
Qt: GNU Lesser General Public License v3 (LGPLv3)
QtKeychain: BSD-3-Clause-Lizenz</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::AccountStatusLabel</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ActivityChart</name>
    <message>
        <source>Activity chart</source>
        <translation>Aktivitätsdiagramm</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln action(s)</source>
        <translation>
            <numerusform>%1: %Ln Aktion</numerusform>
            <numerusform>%1: %Ln Aktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>No dated activity</source>
        <translation>Keine datierte Aktivität</translation>
    </message>
    <message>
        <source>Activity from %1 to %2: %3</source>
        <translation>Aktivität vom %1 bis %2: %3</translation>
    </message>
    <message>
        <source>No dated activity to chart</source>
        <translation>Keine datierte Aktivität für das Diagramm</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>pro Jahr</translation>
    </message>
    <message>
        <source>peak: %1 %2</source>
        <translation>Spitze: %1 %2</translation>
    </message>
    <message>
        <source>Click to list only these entries</source>
        <translation>Klicken, um nur diese Einträge aufzulisten</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::Appearance</name>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System</source>
        <comment>appearance: follow the desktop</comment>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::AppearanceSettingsPage</name>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Light and Dark do not depend on the desktop&apos;s theme.</source>
        <translation>Hell und Dunkel hängen nicht vom Farbschema des Desktops ab.</translation>
    </message>
    <message>
        <source>Th&amp;eme:</source>
        <translation>Fa&amp;rbschema:</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::CommandLine</name>
    <message>
        <source>CaseLens shows Sweeppea support tickets.

Environment:
  CASELENS_API_KEY   the Sweeppea API key for this session
  CASELENS_BASE_URL  the server URL (--base-url wins)</source>
        <translation>CaseLens zeigt Sweeppea-Supporttickets an.

Umgebung:
  CASELENS_API_KEY   der Sweeppea-API-Schlüssel für diese Sitzung
  CASELENS_BASE_URL  die Server-URL (--base-url hat Vorrang)</translation>
    </message>
    <message>
        <source>Server URL (default https://api-v3.sweeppea.com). https, or http to this computer only.</source>
        <translation>Server-URL (Standard: https://api-v3.sweeppea.com). https, oder http nur zu diesem Computer.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Show bundled demo tickets from a server inside the app.</source>
        <translation>Mitgelieferte Demo-Tickets von einem Server innerhalb der Anwendung anzeigen.</translation>
    </message>
    <message>
        <source>Case number to open, e.g. HYXTNJV, or a link such as caselens://ticket/HYXTNJV.</source>
        <translation>Zu öffnende Fallnummer, z. B. HYXTNJV, oder ein Link wie caselens://ticket/HYXTNJV.</translation>
    </message>
    <message>
        <source>expected at most one case number, got %1</source>
        <translation>höchstens eine Fallnummer erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>--demo and --base-url cannot be combined</source>
        <translation>--demo und --base-url können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>ignoring the link. %1</source>
        <translation>der Link wird ignoriert. %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::DesktopNotifier</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>The body of the grouped notification: %1 is the first case numbers (&quot;HYXTNJV, 7741209, 2650478&quot;), %n how many other tickets changed.</extracomment>
        <translation>
            <numerusform>%1 und %n weiteres</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tickets changed</source>
        <translation>
            <numerusform>%n Ticket geändert</numerusform>
            <numerusform>%n Tickets geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <extracomment>The action on a desktop notification about a ticket.</extracomment>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Details anzeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Fehlerdetails</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Details ausblenden</translation>
    </message>
    <message>
        <source>No API key set</source>
        <translation>Kein API-Schlüssel festgelegt</translation>
    </message>
    <message>
        <source>No ticket %1 for this API key</source>
        <translation>Kein Ticket %1 für diesen API-Schlüssel</translation>
    </message>
    <message>
        <source>Check the case number. Tickets of other accounts are not visible with your key.</source>
        <translation>Prüfen Sie die Fallnummer. Tickets anderer Konten sind mit Ihrem Schlüssel nicht sichtbar.</translation>
    </message>
    <message>
        <source>Could not reach the server</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>No secure connection to the server</source>
        <translation>Keine sichere Verbindung zum Server</translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation>%1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Fetch again</source>
        <translation>Erneut abrufen</translation>
    </message>
    <message>
        <source>Fetch %1 again</source>
        <translation>%1 erneut abrufen</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Edit case number</source>
        <translation>Fallnummer bearbeiten</translation>
    </message>
    <message>
        <source>Check your connection</source>
        <translation>Prüfen Sie Ihre Verbindung</translation>
    </message>
    <message>
        <source>• Is this computer online?
• Is the server address in Settings right?
• If your network needs a proxy, is it set in the system settings?
Then press Retry.</source>
        <translation>• Ist dieser Computer online?
• Ist die Serveradresse in den Einstellungen richtig?
• Falls Ihr Netzwerk einen Proxy benötigt: Ist er in den Systemeinstellungen eingerichtet?
Klicken Sie dann auf „Wiederholen“.</translation>
    </message>
    <message>
        <source>Your API key was rejected</source>
        <translation>Ihr API-Schlüssel wurde abgelehnt</translation>
    </message>
    <message>
        <source>Your Sweeppea account is not active</source>
        <translation>Ihr Sweeppea-Konto ist nicht aktiv</translation>
    </message>
    <message>
        <source>Your account does not allow API calls from CaseLens</source>
        <translation>Ihr Konto erlaubt keine API-Aufrufe von CaseLens</translation>
    </message>
    <message>
        <source>Your plan&apos;s API calls are used up</source>
        <translation>Die API-Aufrufe Ihres Tarifs sind aufgebraucht</translation>
    </message>
    <message>
        <source>Copy details for IT</source>
        <translation>Details für die IT kopieren</translation>
    </message>
    <message>
        <source>Copy the message and its technical details, to send to your IT department</source>
        <translation>Die Meldung und ihre technischen Details kopieren, um sie an Ihre IT-Abteilung zu senden</translation>
    </message>
    <message>
        <source>CaseLens %1, %2</source>
        <translation>CaseLens %1, %2</translation>
    </message>
    <message>
        <source>Try one of the demo tickets: %1</source>
        <translation>Probieren Sie eines der Demo-Tickets: %1</translation>
    </message>
    <message>
        <source>No demo ticket %1</source>
        <translation>Kein Demo-Ticket %1</translation>
    </message>
    <message>
        <source>Cancelled — press F5 to load %1 again</source>
        <translation>Abgebrochen – drücken Sie F5, um %1 erneut zu laden</translation>
    </message>
    <message>
        <source>Showing data from %1 — refresh failed</source>
        <translation>Daten von %1 werden angezeigt – Aktualisierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::FieldText</name>
    <message>
        <source>Case number</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <source>Case ID</source>
        <translation>Fall-ID</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Geschlossen von</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Größte Datei</translation>
    </message>
    <message>
        <source>Number of files</source>
        <translation>Anzahl der Dateien</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Product area</source>
        <translation>Produktbereich</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Benutzertyp</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Angesehen</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>Nicht mehr angeheftet</translation>
    </message>
    <message>
        <source>File added</source>
        <translation>Datei hinzugefügt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Unknown user (%1)</source>
        <extracomment>%1 is the start of a user token, as in &quot;Unknown user (0b8e9c4a…)&quot;</extracomment>
        <translation>Unbekannter Benutzer (%1)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::FilesModel</name>
    <message numerus="yes">
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 Byte</numerusform>
            <numerusform>%1 Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Only https links can be opened.</source>
        <translation>%1
Nur https-Links können geöffnet werden.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>%1

⚠ %2</source>
        <translation>%1

⚠ %2</translation>
    </message>
    <message>
        <source>%1. Warning: %2</source>
        <translation>%1. Warnung: %2</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::FilesTab</name>
    <message>
        <source>No files attached to this ticket</source>
        <translation>An dieses Ticket sind keine Dateien angehängt</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy &amp;Link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open the file&apos;s https link in your browser (Return)</source>
        <translation>Den https-Link der Datei in Ihrem Browser öffnen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Copy the file&apos;s link</source>
        <translation>Den Link der Datei kopieren</translation>
    </message>
    <message>
        <source>Save a copy of the file on this computer (https only, up to %1 MB)</source>
        <translation>Eine Kopie der Datei auf diesem Computer speichern (nur https, bis %1 MB)</translation>
    </message>
    <message>
        <source>Actions for This File</source>
        <translation>Aktionen für diese Datei</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Downloadfortschritt</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Open “%1”?</source>
        <translation>„%1“ öffnen?</translation>
    </message>
    <message>
        <source>Open it only if you expected this file from the requester.</source>
        <translation>Öffnen Sie sie nur, wenn Sie diese Datei vom Anfragesteller erwartet haben.</translation>
    </message>
    <message>
        <source>Save File</source>
        <translation>Datei speichern</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>„%1“ wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading “%1”… %2 of %3</source>
        <translation>„%1“ wird heruntergeladen… %2 von %3</translation>
    </message>
    <message>
        <source>Downloading “%1”… %2</source>
        <translation>„%1“ wird heruntergeladen… %2</translation>
    </message>
    <message>
        <source>Saved “%1” to %2.</source>
        <translation>„%1“ wurde in %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::HandoffActions</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>&amp;Export ticket…</source>
        <translation>Ticket e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Dr&amp;ucken…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close &amp;others</source>
        <translation>&amp;Andere schließen</translation>
    </message>
    <message>
        <source>Export ticket</source>
        <translation>Ticket exportieren</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>%1 drucken</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ItemViewLinks</name>
    <message>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::JsonArrayTableModel</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>You (%1)</source>
        <translation>Sie (%1)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::JsonTreeModel</name>
    <message>
        <source>Not provided</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln field(s)</source>
        <translation>
            <numerusform>%Ln Feld</numerusform>
            <numerusform>%Ln Felder</numerusform>
        </translation>
    </message>
    <message>
        <source>(more not shown)</source>
        <translation>(weitere nicht angezeigt)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element</numerusform>
            <numerusform>%Ln Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>(null)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <extracomment>The tooltip of a size in the Overview tree, %1 the byte count as sent</extracomment>
        <translation>%1 Byte</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::Language</name>
    <message>
        <source>System</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>English</source>
        <comment>The name of the language you translate into, in that language</comment>
        <translation>Deutsch</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::LoadingPane</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Stop fetching this ticket (Esc)</source>
        <translation>Abruf dieses Tickets abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>%1 wird abgerufen…</translation>
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
        <translation>Hinweis zu Demodaten</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Demo data — not a real Sweeppea account</source>
        <translation>Demodaten – kein echtes Sweeppea-Konto</translation>
    </message>
    <message>
        <source>Use my API key…</source>
        <translation>Meinen API-Schlüssel verwenden…</translation>
    </message>
    <message>
        <source>Use my API key</source>
        <translation>Meinen API-Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Leave demo</source>
        <translation>Demo beenden</translation>
    </message>
    <message>
        <source>Case number, e.g. HYXTNJV</source>
        <translation>Fallnummer, z. B. HYXTNJV</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <source>Type or paste a case number and press Enter (Ctrl+L)</source>
        <translation>Geben Sie eine Fallnummer ein oder fügen Sie sie ein und drücken Sie die Eingabetaste (Strg+L)</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <source>Fetch ticket</source>
        <translation>Ticket abrufen</translation>
    </message>
    <message>
        <source>Case number problem</source>
        <translation>Problem mit der Fallnummer</translation>
    </message>
    <message>
        <source>CaseLens icon</source>
        <translation>CaseLens-Symbol</translation>
    </message>
    <message>
        <source>Welcome to CaseLens</source>
        <translation>Willkommen bei CaseLens</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>Set API key…</source>
        <translation>API-Schlüssel festlegen…</translation>
    </message>
    <message>
        <source>Set API key</source>
        <translation>API-Schlüssel festlegen</translation>
    </message>
    <message>
        <source>Explore demo data</source>
        <translation>Demodaten erkunden</translation>
    </message>
    <message>
        <source>Case list title</source>
        <translation>Titel der Fallliste</translation>
    </message>
    <message>
        <source>Cases to open</source>
        <translation>Fälle zum Öffnen</translation>
    </message>
    <message>
        <source>Open tickets</source>
        <translation>Geöffnete Tickets</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Recent cases</source>
        <translation>Zuletzt &amp;geöffnete Fälle</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>&amp;Ticket</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Explore &amp;demo data</source>
        <translation>&amp;Demodaten erkunden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Find case…</source>
        <translation>Fall &amp;suchen…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>&amp;Next ticket</source>
        <translation>&amp;Nächstes Ticket</translation>
    </message>
    <message>
        <source>&amp;Previous ticket</source>
        <translation>Vor&amp;heriges Ticket</translation>
    </message>
    <message>
        <source>&amp;Close ticket</source>
        <translation>Ticket s&amp;chließen</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>C&amp;lear recent cases</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Cancel loading</source>
        <translation>Laden a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About CaseLens</source>
        <translation>Ü&amp;ber CaseLens</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Show ticket tab %1</source>
        <translation>Ticket-Registerkarte %1 anzeigen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>The demo server could not start on this computer.</source>
        <translation>Der Demo-Server konnte auf diesem Computer nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Go to the search bar</source>
        <translation>Zur Suchleiste wechseln</translation>
    </message>
    <message>
        <source>Fetch the case typed in the search bar</source>
        <translation>Den in der Suchleiste eingegebenen Fall abrufen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Back to the previous case</source>
        <translation>Zurück zum vorherigen Fall</translation>
    </message>
    <message>
        <source>Forward to the next case</source>
        <translation>Weiter zum nächsten Fall</translation>
    </message>
    <message>
        <source>Next open ticket</source>
        <translation>Nächstes geöffnetes Ticket</translation>
    </message>
    <message>
        <source>Previous open ticket</source>
        <translation>Vorheriges geöffnetes Ticket</translation>
    </message>
    <message>
        <source>Close the ticket</source>
        <translation>Ticket schließen</translation>
    </message>
    <message>
        <source>Show ticket tab 1 to 7 (Overview, Notes, …)</source>
        <translation>Ticket-Registerkarten 1 bis 7 anzeigen (Übersicht, Notizen, …)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (this list)</source>
        <translation>Tastenkombinationen (diese Liste)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>CaseLens (demo data)</source>
        <translation>CaseLens (Demodaten)</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>These sample tickets come from a small server inside CaseLens, so everything works as it does with a real Sweeppea account. Pick one, or type its case number above.</source>
        <translation>Diese Beispieltickets stammen von einem kleinen Server innerhalb von CaseLens, daher funktioniert alles wie mit einem echten Sweeppea-Konto. Wählen Sie eines aus oder geben Sie oben seine Fallnummer ein.</translation>
    </message>
    <message>
        <source>Demo tickets</source>
        <translation>Demo-Tickets</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>CaseLens shows Sweeppea support tickets: type or paste a case number and see the ticket, its conversation, its activity and who asked, at a glance.

To start, set your Sweeppea API key. Or explore CaseLens first with bundled demo tickets.</source>
        <translation>CaseLens zeigt Sweeppea-Supporttickets an: Geben Sie eine Fallnummer ein oder fügen Sie sie ein, und Sie sehen auf einen Blick das Ticket, seinen Verlauf, seine Aktivität und wer es angefragt hat.

Legen Sie zunächst Ihren Sweeppea-API-Schlüssel fest. Oder erkunden Sie CaseLens vorab mit den mitgelieferten Demo-Tickets.</translation>
    </message>
    <message>
        <source>Open a ticket</source>
        <translation>Ticket öffnen</translation>
    </message>
    <message>
        <source>Type or paste a case number above and press Enter. Ctrl+L takes you there from anywhere; several tickets can be open at once.</source>
        <translation>Geben Sie oben eine Fallnummer ein oder fügen Sie sie ein, und drücken Sie die Eingabetaste. Mit Strg+L gelangen Sie von überall dorthin; mehrere Tickets können gleichzeitig geöffnet sein.</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>Zuletzt geöffnete Fälle</translation>
    </message>
    <message>
        <source>Startup problem</source>
        <translation>Problem beim Start</translation>
    </message>
    <message>
        <source>Looking for your API key…</source>
        <translation>Ihr API-Schlüssel wird gesucht…</translation>
    </message>
    <message>
        <source>
In Settings you can use a key for this session only.</source>
        <translation>
In den Einstellungen können Sie einen Schlüssel nur für diese Sitzung verwenden.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;My tickets</source>
        <translation>&amp;Meine Tickets</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;My tickets panel</source>
        <translation>Bereich „&amp;Meine Tickets“</translation>
    </message>
    <message>
        <source>Go to my tickets (the queue)</source>
        <translation>Zu meinen Tickets wechseln (Warteschlange)</translation>
    </message>
    <message>
        <source>Refresh what has focus: my tickets, or the ticket</source>
        <translation>Aktualisieren, was den Fokus hat: meine Tickets oder das Ticket</translation>
    </message>
    <message>
        <source>&amp;Refresh my tickets</source>
        <translation>Meine Tickets &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Refresh ticket</source>
        <translation>Ticket &amp;aktualisieren</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>Copy the ticket&apos;s link</source>
        <translation>Link des Tickets kopieren</translation>
    </message>
    <message>
        <source>Print the ticket</source>
        <translation>Ticket drucken</translation>
    </message>
    <message>
        <source>Reopen closed &amp;tab</source>
        <translation>Geschlossene Registerkarte &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Leave demo mode?</source>
        <translation>Demomodus beenden?</translation>
    </message>
    <message numerus="yes">
        <source>Leaving demo mode closes the %n open demo ticket(s).</source>
        <translation>
            <numerusform>Beim Beenden des Demomodus wird %n geöffnetes Demo-Ticket geschlossen.</numerusform>
            <numerusform>Beim Beenden des Demomodus werden die %n geöffneten Demo-Tickets geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is too short for a case number: they have %2 letters or digits, e.g. HYXTNJV. Press Enter again to fetch it anyway.</source>
        <translation>%1 ist zu kurz für eine Fallnummer: Fallnummern haben %2 Buchstaben oder Ziffern, z. B. HYXTNJV. Drücken Sie erneut die Eingabetaste, um sie trotzdem abzurufen.</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Reopen the last closed ticket</source>
        <translation>Das zuletzt geschlossene Ticket wieder öffnen</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <source>No desktop notifications; changes are still marked in the window</source>
        <translation>Keine Desktop-Benachrichtigungen; Änderungen werden weiterhin im Fenster markiert</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <source>Desktop notifications are off (View → Do not disturb)</source>
        <translation>Desktop-Benachrichtigungen sind aus (Ansicht → Nicht stören)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NetworkSettingsPage</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
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
        <translation>Proxy-Einstellungen des Systems verwenden</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>Use this proxy</source>
        <translation>Diesen Proxy verwenden</translation>
    </message>
    <message>
        <source>Proxy type</source>
        <translation>Proxy-Typ</translation>
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
        <translation>Proxy-Host</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Proxy-Port</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Ask the server for its health through the proxy chosen here, before saving it</source>
        <translation>Den Server über den hier gewählten Proxy nach seinem Zustand fragen, bevor Sie den Proxy speichern</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Company &amp;certificate:</source>
        <translation>&amp;Firmenzertifikat:</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>Keines: nur die Zertifikate des Systems</translation>
    </message>
    <message>
        <source>Company certificate file</source>
        <translation>Firmenzertifikatsdatei</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear the company certificate</source>
        <translation>Firmenzertifikat entfernen</translation>
    </message>
    <message>
        <source>A PEM file from IT, trusted by CaseLens besides the system&apos;s certificates (for networks that inspect secure traffic).</source>
        <translation>Eine PEM-Datei von Ihrer IT, der CaseLens zusätzlich zu den Zertifikaten des Systems vertraut (für Netzwerke, die verschlüsselten Datenverkehr prüfen).</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Proxys ein.</translation>
    </message>
    <message>
        <source>Company certificate</source>
        <translation>Firmenzertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>Die Verbindung funktioniert.</translation>
    </message>
    <message>
        <source>The connection works (the server answered: %1)</source>
        <translation>Die Verbindung funktioniert (Antwort des Servers: %1)</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>Die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NoteDelegate</name>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <source>%1 (this link cannot be opened)</source>
        <translation>%1 (dieser Link kann nicht geöffnet werden)</translation>
    </message>
    <message>
        <source>New since you last looked</source>
        <translation>Neu seit Ihrem letzten Besuch</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NotesModel</name>
    <message>
        <source>New, %1</source>
        <translation>Neu, %1</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NotesTab</name>
    <message>
        <source>Filter notes</source>
        <translation>Notizen filtern</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Note order</source>
        <translation>Reihenfolge der Notizen</translation>
    </message>
    <message>
        <source>Number of notes shown</source>
        <translation>Anzahl angezeigter Notizen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Copy Note Text</source>
        <translation>Notiztext kopieren</translation>
    </message>
    <message>
        <source>No notes on this ticket</source>
        <translation>Dieses Ticket hat keine Notizen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln Notiz</numerusform>
            <numerusform>%Ln Notizen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln note(s)</source>
        <translation>
            <numerusform>%1 von %Ln Notiz</numerusform>
            <numerusform>%1 von %Ln Notizen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::OverviewTab</name>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>Keine Beschreibung</translation>
    </message>
    <message>
        <source>Ticket details</source>
        <translation>Ticketdetails</translation>
    </message>
    <message>
        <source>Notified users</source>
        <translation>Benachrichtigte Benutzer</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>GitHub issue</source>
        <translation>GitHub-Issue</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Umfrage</translation>
    </message>
    <message>
        <source>Attachment info</source>
        <translation>Anhangsinformationen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ProxyCredentialsDialog</name>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im &amp;Systemschlüsselbund speichern</translation>
    </message>
    <message>
        <source>Proxy sign-in</source>
        <translation>Proxy-Anmeldung</translation>
    </message>
    <message>
        <source>The proxy rejected the user name or password.</source>
        <translation>Der Proxy hat den Benutzernamen oder das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The proxy at %1 needs a user name and password.</source>
        <translation>Der Proxy unter %1 verlangt einen Benutzernamen und ein Passwort.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::QueueModel</name>
    <message>
        <source>This row is not as documented:</source>
        <translation>Diese Zeile entspricht nicht der Dokumentation:</translation>
    </message>
    <message>
        <source>Priority unknown</source>
        <translation>Priorität unbekannt</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>No product area</source>
        <translation>Kein Produktbereich</translation>
    </message>
    <message>
        <source>No case number</source>
        <translation>Keine Fallnummer</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Eröffnet %1</translation>
    </message>
    <message>
        <source>Open in a tab.</source>
        <translation>In einer Registerkarte geöffnet.</translation>
    </message>
    <message>
        <source>Not as documented: %1</source>
        <translation>Entspricht nicht der Dokumentation: %1</translation>
    </message>
    <message>
        <source>Page %1 could not be loaded: %2</source>
        <translation>Seite %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Page %1 of %2 came back empty; no more tickets are loaded.</source>
        <translation>Seite %1 von %2 kam leer zurück; es werden keine weiteren Tickets geladen.</translation>
    </message>
    <message>
        <source>The server answered page %1 when page %2 was asked for; no more tickets are loaded.</source>
        <translation>Der Server hat Seite %1 geliefert, obwohl Seite %2 angefordert wurde; es werden keine weiteren Tickets geladen.</translation>
    </message>
    <message>
        <source>The server sent page %1 of %2 pages; no more tickets are loaded.</source>
        <translation>Der Server hat Seite %1 von %2 Seiten gesendet; es werden keine weiteren Tickets geladen.</translation>
    </message>
    <message>
        <source>The server sent %1 tickets on a page of %2; no more tickets are loaded.</source>
        <translation>Der Server hat %1 Tickets auf einer Seite zu %2 gesendet; es werden keine weiteren Tickets geladen.</translation>
    </message>
    <message>
        <source>The server counted %1 tickets in %2 pages of %3; no more tickets are loaded.</source>
        <translation>Der Server hat %1 Tickets auf %2 Seiten zu je %3 gezählt; es werden keine weiteren Tickets geladen.</translation>
    </message>
    <message>
        <source>New.</source>
        <translation>Neu.</translation>
    </message>
    <message>
        <source>Unread changes.</source>
        <translation>Ungelesene Änderungen.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::QueuePanel</name>
    <message>
        <source>My tickets</source>
        <translation>Meine Tickets</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show open tickets</source>
        <translation>Offene Tickets anzeigen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Show closed tickets</source>
        <translation>Geschlossene Tickets anzeigen</translation>
    </message>
    <message>
        <source>Ticket count</source>
        <translation>Anzahl der Tickets</translation>
    </message>
    <message>
        <source>Search subject or description</source>
        <translation>Betreff oder Beschreibung durchsuchen</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>Tickets durchsuchen</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>Prioritätsfilter</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Alle Prioritäten</translation>
    </message>
    <message>
        <source>Product area filter</source>
        <translation>Produktbereichsfilter</translation>
    </message>
    <message>
        <source>All product areas</source>
        <translation>Alle Produktbereiche</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>Status der Warteschlange</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Retry loading tickets</source>
        <translation>Laden der Tickets wiederholen</translation>
    </message>
    <message>
        <source>Open in Background</source>
        <translation>Im Hintergrund öffnen</translation>
    </message>
    <message>
        <source>Copy Case Number</source>
        <translation>Fallnummer kopieren</translation>
    </message>
    <message>
        <source>Loading tickets…</source>
        <translation>Tickets werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n closed</source>
        <translation>
            <numerusform>%n geschlossen</numerusform>
            <numerusform>%n geschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message>
        <source>No tickets match these filters</source>
        <translation>Keine Tickets entsprechen diesen Filtern</translation>
    </message>
    <message>
        <source>No closed tickets</source>
        <translation>Keine geschlossenen Tickets</translation>
    </message>
    <message>
        <source>No open tickets</source>
        <translation>Keine offenen Tickets</translation>
    </message>
    <message>
        <source>Add your API key in Settings to see your tickets</source>
        <translation>Fügen Sie Ihren API-Schlüssel in den Einstellungen hinzu, um Ihre Tickets zu sehen</translation>
    </message>
    <message>
        <source>%1 The server said: %2</source>
        <translation>%1 Servermeldung: %2</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>status switch, beside Closed</comment>
        <translation>Offen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::RawTab</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Find in raw data</source>
        <translation>In den Rohdaten suchen</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <source>Copy raw data</source>
        <translation>Rohdaten kopieren</translation>
    </message>
    <message>
        <source>Copy the whole raw data to the clipboard</source>
        <translation>Alle Rohdaten in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Raw ticket data</source>
        <translation>Rohdaten des Tickets</translation>
    </message>
    <message>
        <source>No raw data</source>
        <translation>Keine Rohdaten</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::RequesterTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>User type</source>
        <translation>Benutzertyp</translation>
    </message>
    <message>
        <source>Sweepstakes</source>
        <translation>Gewinnspiele</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>User token</source>
        <translation>Benutzertoken</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>No requester information on this ticket</source>
        <translation>Dieses Ticket enthält keine Angaben zum Anfragesteller</translation>
    </message>
    <message>
        <source>Write to %1</source>
        <translation>E-Mail an %1 schreiben</translation>
    </message>
    <message>
        <source>Open map</source>
        <translation>Karte öffnen</translation>
    </message>
    <message>
        <source>Incomplete: %1, %2</source>
        <translation>Unvollständig: %1, %2</translation>
    </message>
    <message>
        <source>no latitude</source>
        <translation>kein Breitengrad</translation>
    </message>
    <message>
        <source>no longitude</source>
        <translation>kein Längengrad</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ResolveDialog</name>
    <message>
        <source>&amp;Resolve ticket</source>
        <translation>Ticket &amp;abschließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resolve %1</source>
        <translation>%1 abschließen</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Resolve %1 — %2?</source>
        <translation>%1 – %2 abschließen?</translation>
    </message>
    <message>
        <source>The ticket is closed for good: it cannot be reopened.</source>
        <translation>Das Ticket wird endgültig geschlossen: Es kann nicht wieder geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::SafeTextBrowser</name>
    <message>
        <source>%1 (this link cannot be opened)</source>
        <translation>%1 (dieser Link kann nicht geöffnet werden)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Your Sweeppea API key. CaseLens sends it only to the server below.</source>
        <translation>Ihr Sweeppea-API-Schlüssel. CaseLens sendet ihn nur an den unten angegebenen Server.</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>Fügen Sie Ihren API-Schlüssel ein</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>API-Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Schlüssel anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Schlüssel speichern</translation>
    </message>
    <message>
        <source>Save API key</source>
        <translation>API-Schlüssel speichern</translation>
    </message>
    <message>
        <source>Forget key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Forget API key</source>
        <translation>API-Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Where the key is kept</source>
        <translation>Wo der Schlüssel gespeichert ist</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Use the default server URL</source>
        <translation>Standard-Server-URL verwenden</translation>
    </message>
    <message>
        <source>Server URL problem</source>
        <translation>Problem mit der Server-URL</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Request timeout in seconds</source>
        <translation>Zeitlimit für Anfragen in Sekunden</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Hide API key</source>
        <translation>API-Schlüssel verbergen</translation>
    </message>
    <message>
        <source>Kept in: %1</source>
        <translation>Speicherort: %1</translation>
    </message>
    <message>
        <source>No key set. Paste your key above and press Save key.</source>
        <translation>Kein Schlüssel festgelegt. Fügen Sie Ihren Schlüssel oben ein und klicken Sie auf „Schlüssel speichern“.</translation>
    </message>
    <message>
        <source>API key status</source>
        <translation>Status des API-Schlüssels</translation>
    </message>
    <message>
        <source>Use a key for this session only</source>
        <translation>Schlüssel nur für diese Sitzung verwenden</translation>
    </message>
    <message>
        <source>Keep the key in memory until CaseLens exits; it is not saved, and CaseLens asks again next time.</source>
        <translation>Den Schlüssel bis zum Beenden von CaseLens im Arbeitsspeicher behalten; er wird nicht gespeichert, und CaseLens fragt beim nächsten Mal erneut.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>This session only — not saved. CaseLens asks again next time.</source>
        <translation>Nur diese Sitzung – nicht gespeichert. CaseLens fragt beim nächsten Mal erneut.</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Gespeichert in: %1</translation>
    </message>
    <message>
        <source>This session only — not saved</source>
        <translation>Nur diese Sitzung – nicht gespeichert</translation>
    </message>
    <message>
        <source>The key was forgotten.</source>
        <translation>Der Schlüssel wurde entfernt.</translation>
    </message>
    <message>
        <source>Forget the API key?</source>
        <translation>API-Schlüssel entfernen?</translation>
    </message>
    <message>
        <source>Delete the API key for %1 from %2? You will need to paste it again.</source>
        <translation>Den API-Schlüssel für %1 löschen (%2)? Sie müssen ihn danach erneut einfügen.</translation>
    </message>
    <message>
        <source>The key comes from the environment variable %1: unset it to stop using it.</source>
        <translation>Der Schlüssel stammt aus der Umgebungsvariable %1: Entfernen Sie sie, um ihn nicht mehr zu verwenden.</translation>
    </message>
    <message>
        <source>Looking for your API key…</source>
        <translation>Ihr API-Schlüssel wird gesucht…</translation>
    </message>
    <message>
        <source>Check key</source>
        <translation>Schlüssel prüfen</translation>
    </message>
    <message>
        <source>Check API key</source>
        <translation>API-Schlüssel prüfen</translation>
    </message>
    <message>
        <source>Ask the server whether this key works, and whose it is</source>
        <translation>Beim Server nachfragen, ob dieser Schlüssel funktioniert und wem er gehört</translation>
    </message>
    <message>
        <source>Signed-in account and plan usage</source>
        <translation>Angemeldetes Konto und Nutzung des Tarifs</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Schlüssel wird geprüft…</translation>
    </message>
    <message>
        <source>The key does not work: %1</source>
        <translation>Der Schlüssel funktioniert nicht: %1</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>Der Schlüssel funktioniert.</translation>
    </message>
    <message>
        <source>The key works. It belongs to %1.</source>
        <translation>Der Schlüssel funktioniert. Er gehört %1.</translation>
    </message>
    <message>
        <source>Request t&amp;imeout:</source>
        <translation>&amp;Zeitlimit für Anfragen:</translation>
    </message>
    <message>
        <source>Menus and dialogs change at once; an open ticket changes when you refresh it (F5).</source>
        <translation>Menüs und Dialoge wechseln sofort; ein offenes Ticket wechselt, wenn Sie es aktualisieren (F5).</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::Startup</name>
    <message>
        <source>Secure connections are not available: the TLS backend (OpenSSL) is missing. Install libssl3 / reinstall CaseLens.</source>
        <translation>Sichere Verbindungen sind nicht verfügbar: Das TLS-Backend (OpenSSL) fehlt. Installieren Sie libssl3 oder installieren Sie CaseLens neu.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::StatisticsModel</name>
    <message>
        <source>%1 (requester)</source>
        <translation>%1 (Anfragesteller)</translation>
    </message>
    <message>
        <source>%1 (collaborator)</source>
        <translation>%1 (Mitwirkender)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::StatisticsTab</name>
    <message>
        <source>Filter by date, person or action</source>
        <translation>Nach Datum, Person oder Aktion filtern</translation>
    </message>
    <message>
        <source>Filter activity</source>
        <translation>Aktivität filtern</translation>
    </message>
    <message>
        <source>Number of entries shown</source>
        <translation>Anzahl angezeigter Einträge</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>No activity recorded on this ticket</source>
        <translation>Für dieses Ticket ist keine Aktivität erfasst</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entry(s)</source>
        <translation>
            <numerusform>%1 von %Ln Eintrag</numerusform>
            <numerusform>%1 von %Ln Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Show views</source>
        <translation>Aufrufe anzeigen</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Count views in the chart (they often outnumber everything else)</source>
        <translation>Aufrufe im Diagramm mitzählen (sie sind oft zahlreicher als alles andere)</translation>
    </message>
    <message>
        <source>List the activity of every day again</source>
        <translation>Die Aktivität aller Tage wieder auflisten</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Showing %1 —</source>
        <extracomment>Above the activity table after a click on a chart bar; %1 is a day or a range of days</extracomment>
        <translation>Angezeigt: %1 –</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TabUnreadDot</name>
    <message>
        <source>Unread changes</source>
        <translation>Ungelesene Änderungen</translation>
    </message>
    <message>
        <source>%1, unread</source>
        <translation>%1, ungelesen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketCopy</name>
    <message>
        <source>Case &amp;number</source>
        <translation>&amp;Fallnummer</translation>
    </message>
    <message>
        <source>&amp;Link (caselens://)</source>
        <translation>&amp;Link (caselens://)</translation>
    </message>
    <message>
        <source>Case and &amp;subject (for chats)</source>
        <translation>Fall und &amp;Betreff (für Chats)</translation>
    </message>
    <message>
        <source>&amp;Markdown summary (for issue trackers)</source>
        <translation>&amp;Markdown-Zusammenfassung (für Issue-Tracker)</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketDocument</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketEditorDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>&amp;Create ticket</source>
        <translation>Ticket &amp;erstellen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>The description has links, lists or other formatting that CaseLens cannot edit: if you change the description, they become plain text.</source>
        <translation>Die Beschreibung enthält Links, Listen oder andere Formatierungen, die CaseLens nicht bearbeiten kann: Wenn Sie die Beschreibung ändern, werden sie zu reinem Text.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>B</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>I</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Zuweisen an</translation>
    </message>
    <message>
        <source>An admin&apos;s name or e-mail (optional)</source>
        <translation>Name oder E-Mail-Adresse eines Admins (optional)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>&amp;Assign to:</source>
        <translation>&amp;Zuweisen an:</translation>
    </message>
    <message>
        <source>The customer sees this change.</source>
        <translation>Der Kunde sieht diese Änderung.</translation>
    </message>
    <message>
        <source>The description is too long for Sweeppea (at most %L1 characters as sent, %L2 now). Shorten it and send again.</source>
        <translation>Die Beschreibung ist zu lang für Sweeppea (höchstens %L1 Zeichen beim Senden, derzeit %L2). Kürzen Sie sie und senden Sie erneut.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketHeader</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Closed:</source>
        <translation>Geschlossen:</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Completion:</source>
        <translation>Fortschritt:</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the case number</source>
        <translation>Die Fallnummer kopieren</translation>
    </message>
    <message>
        <source>Copy case number</source>
        <translation>Fallnummer kopieren</translation>
    </message>
    <message>
        <source>Show the parts of this ticket that could not be read</source>
        <translation>Teile dieses Tickets anzeigen, die nicht gelesen werden konnten</translation>
    </message>
    <message>
        <source>Ticket warnings</source>
        <translation>Ticket-Warnungen</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>Status unbekannt</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <source>Priority unknown</source>
        <translation>Priorität unbekannt</translation>
    </message>
    <message>
        <source>Product area: %1</source>
        <translation>Produktbereich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 view(s)</source>
        <translation>
            <numerusform>%1 Aufruf</numerusform>
            <numerusform>%1 Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Not pinned</source>
        <translation>Nicht angeheftet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>on %1 (%2)</source>
        <translation>am %1 (%2)</translation>
    </message>
    <message>
        <source>%1 after it was opened</source>
        <translation>%1 nach dem Öffnen</translation>
    </message>
    <message>
        <source>yes, no details</source>
        <translation>ja, ohne Details</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>%1% complete</source>
        <translation>zu %1 % abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln Warnung</numerusform>
            <numerusform>%Ln Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Abschließen…</translation>
    </message>
    <message>
        <source>Close this ticket for good</source>
        <translation>Dieses Ticket endgültig schließen</translation>
    </message>
    <message>
        <source>Resolve ticket</source>
        <translation>Ticket abschließen</translation>
    </message>
    <message>
        <source>Show the requester&apos;s details</source>
        <translation>Angaben zum Anfragesteller anzeigen</translation>
    </message>
    <message>
        <source>Requester: %1</source>
        <translation>Anfragesteller: %1</translation>
    </message>
    <message>
        <source>Survey: %1</source>
        <translation>Umfrage: %1</translation>
    </message>
    <message>
        <source>Satisfaction survey, as sent:
%1</source>
        <translation>Zufriedenheitsumfrage, wie gesendet:
%1</translation>
    </message>
    <message>
        <source>GitHub issue</source>
        <translation>GitHub-Issue</translation>
    </message>
    <message>
        <source>GitHub issue #%1</source>
        <translation>GitHub-Issue #%1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Eröffnet %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>Eröffnet: %1</translation>
    </message>
    <message>
        <source>No notes</source>
        <translation>Keine Notizen</translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>Noch keine Antwort</translation>
    </message>
    <message>
        <source>Last note %1</source>
        <translation>Letzte Notiz %1</translation>
    </message>
    <message>
        <source>Last note: %1</source>
        <translation>Letzte Notiz: %1</translation>
    </message>
    <message>
        <source>Open for %1</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <source>Long open</source>
        <translation>Lange offen</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <source>Loaded at %1. Press F5 to refresh.</source>
        <translation>Geladen um %1. Drücken Sie F5 zum Aktualisieren.</translation>
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
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>Refreshing %1…</source>
        <translation>%1 wird aktualisiert…</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>%1 wird abgerufen…</translation>
    </message>
    <message>
        <source>Trying again (attempt %1 of %2)…</source>
        <translation>Neuer Versuch (%1 von %2)…</translation>
    </message>
    <message>
        <source>Refresh cancelled — showing data from %1</source>
        <translation>Aktualisierung abgebrochen – Daten von %1 werden angezeigt</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketView</name>
    <message>
        <source>No collaborators on this ticket</source>
        <translation>Dieses Ticket hat keine Mitwirkenden</translation>
    </message>
    <message>
        <source>Collaborators</source>
        <translation>Mitwirkende</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Ticket sections</source>
        <translation>Ticket-Bereiche</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Rohdaten</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n month(s)</source>
        <translation>
            <numerusform>in %n Monat</numerusform>
            <numerusform>in %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n year(s)</source>
        <translation>
            <numerusform>in %n Jahr</numerusform>
            <numerusform>in %n Jahren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>vor %n Jahr</numerusform>
            <numerusform>vor %n Jahren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>Shortened to the first %1 characters to keep CaseLens responsive.</source>
        <translation>Auf die ersten %1 Zeichen gekürzt, damit CaseLens reaktionsschnell bleibt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 · %n new)</source>
        <translation>
            <numerusform>%1 (%2 · %n neu)</numerusform>
            <numerusform>%1 (%2 · %n neu)</numerusform>
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
        <translation>%1: neues Ticket, „%2“</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WatchSettingsPage</name>
    <message>
        <source>Watching</source>
        <translation>Beobachten</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Im Abstand von %n Minute</numerusform>
            <numerusform>Im Abstand von %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh open tickets in the background</source>
        <translation>Offene Tickets im Hintergrund aktualisieren</translation>
    </message>
    <message>
        <source>Open ticket tabs and your open-tickets list are refreshed in the background, within the plan&apos;s request limit. New notes and status changes are marked.</source>
        <translation>Geöffnete Ticket-Registerkarten und Ihre Liste offener Tickets werden im Hintergrund aktualisiert, innerhalb des Anfragelimits Ihres Tarifs. Neue Notizen und Statusänderungen werden markiert.</translation>
    </message>
    <message>
        <source>Announce changes found in the background on the desktop. The window&apos;s View menu has Do not disturb.</source>
        <translation>Im Hintergrund gefundene Änderungen auf dem Desktop melden. Im Menü „Ansicht“ des Fensters gibt es „Nicht stören“.</translation>
    </message>
    <message numerus="yes">
        <source>Set by %1: every %n second(s)</source>
        <translation>
            <numerusform>Festgelegt durch %1: im Abstand von %n Sekunde</numerusform>
            <numerusform>Festgelegt durch %1: im Abstand von %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Refresh:</source>
        <translation>&amp;Aktualisieren:</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WatchStatusLabel</name>
    <message numerus="yes">
        <source>Watching %n ticket(s)</source>
        <translation>
            <numerusform>%n Ticket wird beobachtet</numerusform>
            <numerusform>%n Tickets werden beobachtet</numerusform>
        </translation>
    </message>
    <message>
        <source>Watching needs an API key</source>
        <translation>Beobachten erfordert einen API-Schlüssel</translation>
    </message>
    <message>
        <source>Watching paused: no network</source>
        <translation>Beobachten pausiert: kein Netzwerk</translation>
    </message>
    <message>
        <source>Watching slowed: the server is busy</source>
        <translation>Beobachten verlangsamt: Der Server ist ausgelastet</translation>
    </message>
    <message>
        <source>Watching off</source>
        <translation>Beobachten aus</translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WriteActions</name>
    <message>
        <source>&amp;New ticket…</source>
        <translation>&amp;Neues Ticket…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>B&amp;earbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>Ab&amp;schließen…</translation>
    </message>
    <message>
        <source>Write a new ticket</source>
        <translation>Ein neues Ticket schreiben</translation>
    </message>
    <message>
        <source>Change the title or the description of this ticket</source>
        <translation>Titel oder Beschreibung dieses Tickets ändern</translation>
    </message>
    <message>
        <source>Close this ticket for good</source>
        <translation>Dieses Ticket endgültig schließen</translation>
    </message>
    <message>
        <source>Resolving %1…</source>
        <translation>%1 wird abgeschlossen…</translation>
    </message>
</context>
<context>
    <name>CaseLens::Language</name>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polnisch</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>Katalanisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinesisch</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Japanisch</translation>
    </message>
</context>
<context>
    <name>CaseLens::Markdown</name>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sweepstakes</source>
        <translation>Gewinnspiele</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notizen (%1)</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>Keine Notizen.</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>No statistics.</source>
        <translation>Keine Statistik.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Last %1 of %2 notes</source>
        <translation>Letzte %1 von %2 Notizen</translation>
    </message>
</context>
<context>
    <name>CaseLens::Platforms</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
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
        <translation>Website</translation>
    </message>
    <message>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <source>eNewsletter</source>
        <translation>E-Newsletter</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Soziale Medien</translation>
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
        <translation>MCP-Server</translation>
    </message>
    <message>
        <source>Sweeppea CLI</source>
        <translation>Sweeppea-CLI</translation>
    </message>
    <message>
        <source>n8n</source>
        <translation>n8n</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>CaseLens::ResolveOutcome</name>
    <message>
        <source>%1 is closed.</source>
        <translation>%1 ist geschlossen.</translation>
    </message>
    <message>
        <source>%1 was already closed.</source>
        <translation>%1 war bereits geschlossen.</translation>
    </message>
    <message>
        <source>%1 was not closed. Try again.</source>
        <translation>%1 wurde nicht geschlossen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 was not closed: there is no such ticket for this API key.</source>
        <translation>%1 wurde nicht geschlossen: Für diesen API-Schlüssel gibt es dieses Ticket nicht.</translation>
    </message>
    <message>
        <source>CaseLens could not tell whether %1 was closed. Check the ticket before trying again.</source>
        <translation>CaseLens konnte nicht feststellen, ob %1 geschlossen wurde. Prüfen Sie das Ticket, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>%1 was not closed. %2</source>
        <translation>%1 wurde nicht geschlossen. %2</translation>
    </message>
    <message>
        <source>Closed by %1 on %2.</source>
        <translation>Geschlossen von %1 am %2.</translation>
    </message>
    <message>
        <source>Closed by %1.</source>
        <translation>Geschlossen von %1.</translation>
    </message>
    <message>
        <source>Closed on %1.</source>
        <translation>Geschlossen am %1.</translation>
    </message>
</context>
<context>
    <name>CaseLens::Ticket</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
</context>
<context>
    <name>CaseLens::TicketChanges</name>
    <message numerus="yes">
        <source>%n new note(s)</source>
        <translation>
            <numerusform>%n neue Notiz</numerusform>
            <numerusform>%n neue Notizen</numerusform>
        </translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>closed by %1</source>
        <translation>geschlossen von %1</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>wieder geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n new change(s)</source>
        <translation>
            <numerusform>%n neue Änderung</numerusform>
            <numerusform>%n neue Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a ticket&apos;s changes</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Reopened since you last looked</source>
        <translation>Seit Ihrem letzten Besuch wieder geöffnet</translation>
    </message>
    <message>
        <source>Closed since you last looked</source>
        <translation>Seit Ihrem letzten Besuch geschlossen</translation>
    </message>
    <message>
        <source>Closed by %1 since you last looked</source>
        <translation>Seit Ihrem letzten Besuch von %1 geschlossen</translation>
    </message>
</context>
<context>
    <name>CaseLens::TicketList</name>
    <message>
        <source>No closed tickets</source>
        <translation>Keine geschlossenen Tickets</translation>
    </message>
    <message>
        <source>No open tickets</source>
        <translation>Keine offenen Tickets</translation>
    </message>
    <message numerus="yes">
        <source>%n closed ticket(s)</source>
        <translation>
            <numerusform>%n geschlossenes Ticket</numerusform>
            <numerusform>%n geschlossene Tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s)</source>
        <translation>
            <numerusform>%n offenes Ticket</numerusform>
            <numerusform>%n offene Tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages %1–%2 of %3</source>
        <translation>Seiten %1–%2 von %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
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
        <translation>%1: fehlt</translation>
    </message>
    <message>
        <source>%1: expected text, got %2</source>
        <translation>%1: Text erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1: expected a number, got %2</source>
        <translation>%1: Zahl erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1: expected true or false, got %2</source>
        <translation>%1: true oder false erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1: expected a date, got %2</source>
        <translation>%1: Datum erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation>%1: Objekt erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1: expected a list, got %2</source>
        <translation>%1: Liste erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1: expected text or a number, got %2</source>
        <translation>%1: Text oder Zahl erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1: value out of range, got %2</source>
        <translation>%1: Wert außerhalb des gültigen Bereichs, %2 erhalten</translation>
    </message>
    <message>
        <source>The server&apos;s answer is too large to show (%1 MB; CaseLens reads at most %2 MB).</source>
        <translation>Die Antwort des Servers ist zu groß für die Anzeige (%1 MB; CaseLens liest höchstens %2 MB).</translation>
    </message>
    <message>
        <source>%1 bytes received, limit %2 bytes.</source>
        <translation>%1 Byte empfangen, Grenze %2 Byte.</translation>
    </message>
    <message>
        <source>JSON error at byte %1: %2</source>
        <translation>JSON-Fehler bei Byte %1: %2</translation>
    </message>
    <message>
        <source>Expected a JSON object at the top level, got an array.</source>
        <translation>Auf oberster Ebene wurde ein JSON-Objekt erwartet, aber ein Array empfangen.</translation>
    </message>
    <message>
        <source>Content-Type: %1</source>
        <translation>Content-Type: %1</translation>
    </message>
    <message>
        <source>The answer was empty.</source>
        <translation>Die Antwort war leer.</translation>
    </message>
    <message>
        <source>The answer begins with: %1</source>
        <translation>Die Antwort beginnt mit: %1</translation>
    </message>
    <message>
        <source>The server sent a web page instead of ticket data.</source>
        <translation>Der Server hat eine Webseite statt Ticketdaten gesendet.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it was empty).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (sie war leer).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it was cut off).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (sie war abgeschnitten).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not ticket data).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (sie enthält keine Ticketdaten).</translation>
    </message>
    <message>
        <source>The server reported a problem but did not say what.</source>
        <translation>Der Server hat ein Problem gemeldet, aber nicht angegeben, welches.</translation>
    </message>
    <message>
        <source>The server reported a problem: %1</source>
        <translation>Der Server hat ein Problem gemeldet: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain a ticket.</source>
        <translation>Die Antwort des Servers enthielt kein Ticket.</translation>
    </message>
    <message>
        <source>CaseNumber: asked for %1, the server sent %2</source>
        <translation>CaseNumber: %1 angefordert, der Server hat %2 gesendet</translation>
    </message>
    <message>
        <source>The server sent a web page instead of a ticket list.</source>
        <translation>Der Server hat eine Webseite statt einer Ticketliste geschickt.</translation>
    </message>
    <message>
        <source>The server sent a web page instead of account data.</source>
        <translation>Der Server hat eine Webseite statt Kontodaten geschickt.</translation>
    </message>
    <message>
        <source>The server sent a web page instead of the result of the change.</source>
        <translation>Der Server hat eine Webseite statt des Ergebnisses der Änderung geschickt.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not a ticket list).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (sie ist keine Ticketliste).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not account data).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (sie enthält keine Kontodaten).</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read (it is not the result of the change).</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden (sie ist nicht das Ergebnis der Änderung).</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain a ticket list.</source>
        <translation>Die Antwort des Servers enthielt keine Ticketliste.</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain account data.</source>
        <translation>Die Antwort des Servers enthielt keine Kontodaten.</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not contain the result of the change.</source>
        <translation>Die Antwort des Servers enthielt nicht das Ergebnis der Änderung.</translation>
    </message>
    <message>
        <source>HTTP %1 with Response false and Code %2.</source>
        <translation>HTTP %1 mit Response false und Code %2.</translation>
    </message>
    <message>
        <source>HTTP %1 with Response false and no usable Code.</source>
        <translation>HTTP %1 mit Response false und ohne brauchbaren Code.</translation>
    </message>
    <message>
        <source>HTTP %1 without %2, with Code %3.</source>
        <translation>HTTP %1 ohne %2, mit Code %3.</translation>
    </message>
    <message>
        <source>The answer has no %1.</source>
        <translation>Die Antwort hat kein %1.</translation>
    </message>
    <message>
        <source>%1 is %2, not an object.</source>
        <translation>%1 ist %2, kein Objekt.</translation>
    </message>
</context>
<context>
    <name>CaseLens::UpdateOutcome</name>
    <message>
        <source>%1 was changed.</source>
        <translation>%1 wurde geändert.</translation>
    </message>
    <message>
        <source>%1 was not changed. Try again.</source>
        <translation>%1 wurde nicht geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>CaseLens could not tell whether %1 was changed. Check the ticket before trying again.</source>
        <translation>CaseLens konnte nicht feststellen, ob %1 geändert wurde. Prüfen Sie das Ticket, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>%1 was not changed. %2</source>
        <translation>%1 wurde nicht geändert. %2</translation>
    </message>
</context>
</TS>
