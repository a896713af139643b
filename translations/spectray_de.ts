<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>About Spectray</source>
        <translation>Über Spectray</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectray %1&lt;/b&gt;&lt;br&gt;The sound your computer plays, as a spectrum: in the tray, on the desktop and in any browser on your network.</source>
        <translation>&lt;b&gt;Spectray %1&lt;/b&gt;&lt;br&gt;Der Klang Ihres Computers als Spektrum: im Infobereich, auf dem Desktop und in jedem Browser in Ihrem Netzwerk.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Spectray Settings</source>
        <translation>Spectray-Einstellungen</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Analysis profile:</source>
        <translation>Analyseprofil:</translation>
    </message>
    <message>
        <source>Frames per second:</source>
        <translation>Bilder pro Sekunde:</translation>
    </message>
    <message>
        <source>Bands:</source>
        <translation>Bänder:</translation>
    </message>
    <message>
        <source>Lowest frequency:</source>
        <translation>Niedrigste Frequenz:</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Highest frequency:</source>
        <translation>Höchste Frequenz:</translation>
    </message>
    <message>
        <source>Start capturing when Spectray starts</source>
        <translation>Aufnahme beim Start von Spectray beginnen</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Stil:</translation>
    </message>
    <message>
        <source>Level meter:</source>
        <translation>Pegelanzeige:</translation>
    </message>
    <message>
        <source>Pulse the background with the bass</source>
        <translation>Hintergrund mit dem Bass pulsieren lassen</translation>
    </message>
    <message>
        <source>Accent colour:</source>
        <translation>Akzentfarbe:</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Eigene…</translation>
    </message>
    <message>
        <source>Show peak caps</source>
        <translation>Spitzenmarken anzeigen</translation>
    </message>
    <message>
        <source>Peak hold:</source>
        <translation>Spitzen halten:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Peak fall time:</source>
        <translation>Fallzeit der Spitzen:</translation>
    </message>
    <message>
        <source>Attack:</source>
        <translation>Anstieg:</translation>
    </message>
    <message>
        <source>Release:</source>
        <translation>Abfall:</translation>
    </message>
    <message>
        <source>Background opacity:</source>
        <translation>Deckkraft des Hintergrunds:</translation>
    </message>
    <message>
        <source>Keep the window above other windows</source>
        <translation>Fenster über anderen Fenstern halten</translation>
    </message>
    <message>
        <source>Click-through: the mouse passes to the windows below</source>
        <translation>Durchklickbar: Die Maus wirkt auf die Fenster darunter</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Serve the spectrum to web browsers</source>
        <translation>Spektrum an Webbrowser ausliefern</translation>
    </message>
    <message>
        <source>Allow access from the local network</source>
        <translation>Zugriff aus dem lokalen Netzwerk erlauben</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation>Bindeadresse:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugangstoken:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Maximum clients:</source>
        <translation>Maximale Clients:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Start Spectray when I log in</source>
        <translation>Spectray bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language is used after Spectray restarts.</source>
        <translation>Eine neue Sprache gilt nach dem Neustart von Spectray.</translation>
    </message>
</context>
<context>
    <name>spectray</name>
    <message>
        <source>unknown profile &quot;%1&quot;</source>
        <translation>unbekanntes Profil „%1“</translation>
    </message>
    <message>
        <source>%1: the file is truncated (%2 of %3 frames could be read)</source>
        <translation>%1: Die Datei ist abgeschnitten (%2 von %3 Frames lesbar)</translation>
    </message>
    <message>
        <source>%1: too short to analyse (%2 frames; at least %3 are needed for one analysis window)</source>
        <translation>%1: zu kurz für die Analyse (%2 Frames; für ein Analysefenster werden mindestens %3 benötigt)</translation>
    </message>
    <message>
        <source>could not write the output</source>
        <translation>die Ausgabe konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 muss eine ganze Zahl von %2 bis %3 sein (erhalten: „%4“)</translation>
    </message>
    <message>
        <source>--%1 must be a number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 muss eine Zahl von %2 bis %3 sein (erhalten: „%4“)</translation>
    </message>
    <message>
        <source>Spectray shows what your computer is playing as a live spectrum: in the tray, in a floating window, and on any browser on your network.</source>
        <translation>Spectray zeigt, was Ihr Computer abspielt, als Live-Spektrum: im Infobereich, in einem schwebenden Fenster und in jedem Browser in Ihrem Netzwerk.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>List capture sources and exit.</source>
        <translation>Aufnahmequellen auflisten und beenden.</translation>
    </message>
    <message>
        <source>With --list-devices: print JSON.</source>
        <translation>Mit --list-devices: JSON ausgeben.</translation>
    </message>
    <message>
        <source>Capture from SOURCE: a device id, part of a device name, &quot;default-output&quot;, &quot;demo&quot; or &quot;file:PATH&quot;.</source>
        <translation>Aufnahme von SOURCE: eine Geräte-ID, ein Teil eines Gerätenamens, „default-output“, „demo“ oder „file:PFAD“.</translation>
    </message>
    <message>
        <source>Print live frames as JSON lines on stdout.</source>
        <translation>Live-Frames als JSON-Zeilen auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>With --print-frames: stop after N frames.</source>
        <translation>Mit --print-frames: nach N Frames anhalten.</translation>
    </message>
    <message>
        <source>Analyse an audio file (WAV, FLAC, Ogg) and print JSON lines.</source>
        <translation>Eine Audiodatei (WAV, FLAC, Ogg) analysieren und JSON-Zeilen ausgeben.</translation>
    </message>
    <message>
        <source>Analysis profile: default or seed.</source>
        <translation>Analyseprofil: default oder seed.</translation>
    </message>
    <message>
        <source>Frames per second (1-240).</source>
        <translation>Bilder pro Sekunde (1–240).</translation>
    </message>
    <message>
        <source>Number of bands (8-256).</source>
        <translation>Anzahl der Bänder (8–256).</translation>
    </message>
    <message>
        <source>Main FFT size (power of two, 256-65536).</source>
        <translation>Größe der Haupt-FFT (Zweierpotenz, 256–65536).</translation>
    </message>
    <message>
        <source>Lowest frequency shown (10-1000).</source>
        <translation>Niedrigste angezeigte Frequenz (10–1000).</translation>
    </message>
    <message>
        <source>Highest frequency shown (1000-24000).</source>
        <translation>Höchste angezeigte Frequenz (1000–24000).</translation>
    </message>
    <message>
        <source>Run capture and the LAN server without any window.</source>
        <translation>Aufnahme und LAN-Server ohne Fenster ausführen.</translation>
    </message>
    <message>
        <source>LAN server port.</source>
        <translation>Port des LAN-Servers.</translation>
    </message>
    <message>
        <source>LAN server bind address (e.g. 0.0.0.0 or 127.0.0.1).</source>
        <translation>Bindeadresse des LAN-Servers (z. B. 0.0.0.0 oder 127.0.0.1).</translation>
    </message>
    <message>
        <source>Show the spectrum window (also asks a running instance to show it).</source>
        <translation>Das Spektrumfenster anzeigen (bittet auch eine laufende Instanz darum).</translation>
    </message>
    <message>
        <source>User interface language (en, ru, de).</source>
        <translation>Sprache der Benutzeroberfläche (en, ru, de).</translation>
    </message>
    <message>
        <source>Read and write settings in FILE instead of the user&apos;s settings.</source>
        <translation>Einstellungen in FILE statt in den Benutzereinstellungen lesen und schreiben.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see --help)</source>
        <translation>Unerwartetes Argument „%1“ (siehe --help)</translation>
    </message>
    <message>
        <source>--list-devices, --print-frames, --analyze and --headless cannot be combined</source>
        <translation>--list-devices, --print-frames, --analyze und --headless können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>--json goes with --list-devices</source>
        <translation>--json gehört zu --list-devices</translation>
    </message>
    <message>
        <source>--frames goes with --print-frames</source>
        <translation>--frames gehört zu --print-frames</translation>
    </message>
    <message>
        <source>--source needs a value (see --list-devices)</source>
        <translation>--source braucht einen Wert (siehe --list-devices)</translation>
    </message>
    <message>
        <source>--analyze needs a file name</source>
        <translation>--analyze braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>--fft-size must be a power of two (got %1)</source>
        <translation>--fft-size muss eine Zweierpotenz sein (erhalten: %1)</translation>
    </message>
    <message>
        <source>--profile must be &quot;default&quot; or &quot;seed&quot; (got &quot;%1&quot;)</source>
        <translation>--profile muss „default“ oder „seed“ sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>--lang must be en, ru or de (got &quot;%1&quot;)</source>
        <translation>--lang muss en, ru oder de sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <source>--max-hz (%1) must be above --min-hz (%2)</source>
        <translation>--max-hz (%1) muss über --min-hz (%2) liegen</translation>
    </message>
    <message>
        <source>the capture engine did not answer</source>
        <translation>die Aufnahme-Engine hat nicht geantwortet</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address</source>
        <translation>--bind: „%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>Spectray is streaming on port %1. Open one of these in a browser:</source>
        <translation>Spectray sendet auf Port %1. Öffnen Sie eine dieser Adressen im Browser:</translation>
    </message>
    <message>
        <source>Scan to open on a phone on the same network:</source>
        <translation>Scannen, um es auf einem Telefon im selben Netzwerk zu öffnen:</translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation>Zum Beenden Strg+C drücken.</translation>
    </message>
    <message>
        <source>Start without capturing (use the tray menu to start).</source>
        <translation>Ohne Aufnahme starten (die Aufnahme lässt sich über das Tray-Menü starten).</translation>
    </message>
</context>
<context>
    <name>spectray::CaptureWorker</name>
    <message>
        <source>Default output (follows system)</source>
        <translation>Standardausgabe (folgt dem System)</translation>
    </message>
    <message>
        <source>Demo signal (synthetic)</source>
        <translation>Demosignal (synthetisch)</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>Analysis settings rejected: %1</source>
        <translation>Analyseeinstellungen abgelehnt: %1</translation>
    </message>
    <message>
        <source>unknown profile &quot;%1&quot;</source>
        <translation>unbekanntes Profil „%1“</translation>
    </message>
    <message>
        <source>No system audio capture on this platform — choose the demo or a file</source>
        <translation>Keine Systemaudio-Aufnahme auf dieser Plattform — Demo oder Datei wählen</translation>
    </message>
    <message>
        <source>No audio server</source>
        <translation>Kein Audioserver</translation>
    </message>
    <message>
        <source>Audio server went away — reconnecting</source>
        <translation>Audioserver verschwunden — neue Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <source>Cannot analyse this stream: %1</source>
        <translation>Dieser Datenstrom kann nicht analysiert werden: %1</translation>
    </message>
    <message>
        <source>Source is silent</source>
        <translation>Quelle ist stumm</translation>
    </message>
</context>
<context>
    <name>spectray::DesktopApp</name>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Bass pulse</source>
        <translation>Basspuls</translation>
    </message>
    <message>
        <source>Spectray</source>
        <translation>Spectray</translation>
    </message>
    <message>
        <source>No system tray was found. The spectrum window is Spectray&apos;s main window: right-click it for the menu; closing it quits Spectray.</source>
        <translation>Kein Infobereich gefunden. Das Spektrumfenster ist das Hauptfenster von Spectray: Rechtsklick öffnet das Menü, Schließen beendet Spectray.</translation>
    </message>
</context>
<context>
    <name>spectray::DesktopServer</name>
    <message>
        <source>Spectray</source>
        <translation>Spectray</translation>
    </message>
    <message>
        <source>Open Spectray on another device</source>
        <translation>Spectray auf einem anderen Gerät öffnen</translation>
    </message>
    <message>
        <source>Scan with a phone on the same network, or open:
%1</source>
        <translation>Mit einem Telefon im selben Netzwerk scannen oder öffnen:
%1</translation>
    </message>
</context>
<context>
    <name>spectray::Engine</name>
    <message>
        <source>Source &quot;%1&quot; not found — using the default output</source>
        <translation>Quelle „%1“ nicht gefunden — Standardausgabe wird verwendet</translation>
    </message>
</context>
<context>
    <name>spectray::gui::AccentPreset</name>
    <message>
        <source>Sky</source>
        <translation>Himmel</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Minze</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Bernstein</translation>
    </message>
    <message>
        <source>Magenta</source>
        <translation>Magenta</translation>
    </message>
    <message>
        <source>Coral</source>
        <translation>Koralle</translation>
    </message>
</context>
<context>
    <name>spectray::gui::DesktopActions</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Show spectrum window</source>
        <translation>Spektrumfenster anzeigen</translation>
    </message>
    <message>
        <source>Always on top</source>
        <translation>Immer im Vordergrund</translation>
    </message>
    <message>
        <source>Click-through (mouse passes to windows below)</source>
        <translation>Durchklickbar (Maus wirkt auf Fenster darunter)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>About Spectray</source>
        <translation>Über Spectray</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Web clients</source>
        <translation>Web-Clients</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <source>Show QR code…</source>
        <translation>QR-Code anzeigen…</translation>
    </message>
    <message>
        <source>Allow LAN access</source>
        <translation>LAN-Zugriff erlauben</translation>
    </message>
    <message>
        <source>Regenerate access token</source>
        <translation>Zugangstoken neu erzeugen</translation>
    </message>
    <message>
        <source>Default output (follows system)</source>
        <translation>Standardausgabe (folgt dem System)</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Stop capture</source>
        <translation>Aufnahme stoppen</translation>
    </message>
    <message>
        <source>Start capture</source>
        <translation>Aufnahme starten</translation>
    </message>
    <message>
        <source>Clients connected: %1</source>
        <translation>Verbundene Clients: %1</translation>
    </message>
</context>
<context>
    <name>spectray::gui::SettingsDialog</name>
    <message>
        <source>Balanced (better bass resolution)</source>
        <translation>Ausgewogen (bessere Bassauflösung)</translation>
    </message>
    <message>
        <source>Classic (like the original service)</source>
        <translation>Klassisch (wie der ursprüngliche Dienst)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Balken</translation>
    </message>
    <message>
        <source>Needle</source>
        <translation>Zeiger</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Custom %1</source>
        <translation>Eigene %1</translation>
    </message>
    <message>
        <source>Default output (follows system)</source>
        <translation>Standardausgabe (folgt dem System)</translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation>Eingang: %1</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Akzentfarbe</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>spectray::gui::SpectrumWindow</name>
    <message>
        <source>Spectray spectrum</source>
        <translation>Spectray-Spektrum</translation>
    </message>
</context>
<context>
    <name>spectray::gui::Style</name>
    <message>
        <source>Mirrored bars</source>
        <translation>Gespiegelte Balken</translation>
    </message>
    <message>
        <source>Filled curve</source>
        <translation>Gefüllte Kurve</translation>
    </message>
    <message>
        <source>LED segments</source>
        <translation>LED-Segmente</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Balken</translation>
    </message>
</context>
<context>
    <name>spectray::gui::TrayController</name>
    <message>
        <source>Spectray</source>
        <translation>Spectray</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation>Aufnahme läuft</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Stille</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Neue Verbindung…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Spectray — %1</source>
        <translation>Spectray — %1</translation>
    </message>
    <message>
        <source>%1 frames per second</source>
        <translation>%1 Bilder pro Sekunde</translation>
    </message>
    <message>
        <source>Web clients: %1</source>
        <translation>Web-Clients: %1</translation>
    </message>
</context>
<context>
    <name>spectray::main</name>
    <message>
        <source>no display found — running headless (capture and LAN server only)</source>
        <translation>keine Anzeige gefunden — Betrieb ohne Fenster (nur Aufnahme und LAN-Server)</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address</source>
        <translation>--bind: „%1“ ist keine IP-Adresse</translation>
    </message>
</context>
<context>
    <name>spectray::net::HttpFront</name>
    <message>
        <source>it is already in use by another program</source>
        <translation>er wird bereits von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <source>Cannot listen on port %1 (%2): %3. Choose another port with --port N or in Settings &gt; LAN server.</source>
        <translation>Port %1 (%2) kann nicht geöffnet werden: %3. Wählen Sie einen anderen Port mit --port N oder unter Einstellungen &gt; LAN-Server.</translation>
    </message>
</context>
<context>
    <name>spectray::net::StreamServer</name>
    <message>
        <source>Too many failed attempts from this address; try again later.</source>
        <translation>Zu viele Fehlversuche von dieser Adresse; bitte später erneut versuchen.</translation>
    </message>
    <message>
        <source>This page&apos;s origin may not connect.</source>
        <translation>Der Ursprung dieser Seite darf sich nicht verbinden.</translation>
    </message>
    <message>
        <source>Missing or wrong access token: open the URL Spectray prints, with its #t=... part.</source>
        <translation>Zugangstoken fehlt oder ist falsch: Öffnen Sie die von Spectray ausgegebene URL samt ihrem #t=...-Teil.</translation>
    </message>
    <message>
        <source>Server full: at most %1 clients.</source>
        <translation>Server voll: höchstens %1 Clients.</translation>
    </message>
    <message>
        <source>Spectray is shutting down.</source>
        <translation>Spectray wird beendet.</translation>
    </message>
    <message>
        <source>The access token was changed.</source>
        <translation>Das Zugangstoken wurde geändert.</translation>
    </message>
    <message>
        <source>Binary messages are not accepted; send JSON text.</source>
        <translation>Binäre Nachrichten werden nicht angenommen; bitte JSON-Text senden.</translation>
    </message>
    <message>
        <source>Too many invalid messages.</source>
        <translation>Zu viele ungültige Nachrichten.</translation>
    </message>
    <message>
        <source>Messages must be JSON objects.</source>
        <translation>Nachrichten müssen JSON-Objekte sein.</translation>
    </message>
    <message>
        <source>Unknown format; use &quot;json&quot; or &quot;binary&quot;.</source>
        <translation>Unbekanntes Format; „json“ oder „binary“ verwenden.</translation>
    </message>
    <message>
        <source>Unknown message type &quot;%1&quot;.</source>
        <translation>Unbekannter Nachrichtentyp „%1“.</translation>
    </message>
</context>
</TS>
