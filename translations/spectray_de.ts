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
    <message>
        <source>Amplitude scale:</source>
        <translation>Amplitudenskala:</translation>
    </message>
    <message>
        <source>Dynamic range:</source>
        <translation>Dynamikbereich:</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Weighting:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>Band layout:</source>
        <translation>Bandaufteilung:</translation>
    </message>
    <message>
        <source>Bands per octave:</source>
        <translation>Bänder pro Oktave:</translation>
    </message>
    <message>
        <source>Extra host names:</source>
        <translation>Weitere Hostnamen:</translation>
    </message>
    <message>
        <source>e.g. spectray.home.arpa (space separated)</source>
        <translation>z. B. spectray.home.arpa (durch Leerzeichen getrennt)</translation>
    </message>
    <message>
        <source>Names besides this machine&apos;s own that browsers may use to reach the server</source>
        <translation>Namen neben dem eigenen Namen dieses Computers, unter denen Browser den Server erreichen dürfen</translation>
    </message>
    <message>
        <source>Show frequency labels under the bands</source>
        <translation>Frequenzen unter den Bändern zeigen</translation>
    </message>
    <message>
        <source>Show a dB grid (dB amplitude)</source>
        <translation>dB-Raster zeigen (Amplitude in dB)</translation>
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
    <message>
        <source>--%1 must be %2 (got &quot;%3&quot;)</source>
        <translation>--%1 muss %2 sein (erhalten: „%3“)</translation>
    </message>
    <message>
        <source>db or linear</source>
        <translation>db oder linear</translation>
    </message>
    <message>
        <source>flat, a, tilt3 or tilt4.5</source>
        <translation>flat, a, tilt3 oder tilt4.5</translation>
    </message>
    <message>
        <source>log or octave</source>
        <translation>log oder octave</translation>
    </message>
    <message>
        <source>--bands-per-octave must be 1, 2, 3, 6, 12 or 24 (got %1)</source>
        <translation>--bands-per-octave muss 1, 2, 3, 6, 12 oder 24 sein (erhalten: %1)</translation>
    </message>
    <message>
        <source>Band amplitude scale: db or linear.</source>
        <translation>Amplitudenskala der Bänder: db oder linear.</translation>
    </message>
    <message>
        <source>With --amplitude db: the dB span shown (40-90).</source>
        <translation>Mit --amplitude db: angezeigter dB-Bereich (40–90).</translation>
    </message>
    <message>
        <source>Weighting before the scale: flat, a, tilt3 or tilt4.5.</source>
        <translation>Bewertung vor der Skala: flat, a, tilt3 oder tilt4.5.</translation>
    </message>
    <message>
        <source>Band layout: log (--bands geometric bands) or octave.</source>
        <translation>Bandaufteilung: log (--bands geometrisch verteilte Bänder) oder octave.</translation>
    </message>
    <message>
        <source>With --layout octave: 1, 2, 3, 6, 12 or 24.</source>
        <translation>Mit --layout octave: 1, 2, 3, 6, 12 oder 24.</translation>
    </message>
    <message>
        <source>LAN server port for this run (0: any free port). Overrides the stored setting without changing it.</source>
        <translation>Port des LAN-Servers für diesen Lauf (0: beliebiger freier Port). Überschreibt die gespeicherte Einstellung, ohne sie zu ändern.</translation>
    </message>
    <message>
        <source>LAN server address for this run: 0.0.0.0 (all IPv4), :: (all IPv6), 127.0.0.1 (this computer only) or one of this computer&apos;s addresses. Overrides the stored settings, LAN access included, without changing them.</source>
        <translation>Adresse des LAN-Servers für diesen Lauf: 0.0.0.0 (alle IPv4), :: (alle IPv6), 127.0.0.1 (nur dieser Computer) oder eine der Adressen dieses Computers. Überschreibt die gespeicherten Einstellungen einschließlich LAN-Zugriff, ohne sie zu ändern.</translation>
    </message>
    <message>
        <source>the LAN server is turned off in the settings (server/enabled in %1); use --print-frames for output without a server</source>
        <translation>der LAN-Server ist in den Einstellungen ausgeschaltet (server/enabled in %1); für eine Ausgabe ohne Server --print-frames verwenden</translation>
    </message>
    <message>
        <source>--wled-interface: no network interface named &quot;%1&quot;</source>
        <translation>--wled-interface: keine Netzwerkschnittstelle namens „%1“</translation>
    </message>
    <message>
        <source>--mqtt-ca: cannot read the certificate file &quot;%1&quot;</source>
        <translation>--mqtt-ca: Zertifikatsdatei „%1“ nicht lesbar</translation>
    </message>
    <message>
        <source>--mqtt-rate must be a whole number from %1 to %2 (got &quot;%3&quot;)</source>
        <translation>--mqtt-rate muss eine ganze Zahl von %1 bis %2 sein (erhalten: „%3“)</translation>
    </message>
    <message>
        <source>[TARGET...] Send WLED Audio Sync packets in this run (LED strips; docs/wled.md). Targets: multicast (default, 239.0.0.1), broadcast, a multicast group, or device addresses or names, each with an optional :PORT (default 11988). Overrides the stored LED sync settings without changing them.</source>
        <translation>[ZIEL...] In diesem Lauf WLED-Audio-Sync-Pakete senden (LED-Streifen; docs/wled.md). Ziele: multicast (Standard, 239.0.0.1), broadcast, eine Multicast-Gruppe oder Geräteadressen bzw. -namen, jeweils mit optionalem :PORT (Standard 11988). Ersetzt die gespeicherten LED-Sync-Einstellungen, ohne sie zu ändern.</translation>
    </message>
    <message>
        <source>With --wled: multicast TTL (1-255, default 1: this network only).</source>
        <translation>Mit --wled: Multicast-TTL (1-255, Standard 1: nur dieses Netz).</translation>
    </message>
    <message>
        <source>With --wled: send multicast on this network interface only.</source>
        <translation>Mit --wled: Multicast nur über diese Netzwerkschnittstelle senden.</translation>
    </message>
    <message>
        <source>Publish to an MQTT broker in this run (docs/mqtt.md): mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT][/PREFIX]. Overrides the stored MQTT settings without changing them.</source>
        <translation>In diesem Lauf an einen MQTT-Broker veröffentlichen (docs/mqtt.md): mqtt[s]://[BENUTZER[:PASSWORT]@]HOST[:PORT][/PRÄFIX]. Ersetzt die gespeicherten MQTT-Einstellungen, ohne sie zu ändern.</translation>
    </message>
    <message>
        <source>For mqtts://: the CA certificate that signed the broker&apos;s.</source>
        <translation>Für mqtts://: das CA-Zertifikat, das das des Brokers signiert hat.</translation>
    </message>
    <message>
        <source>MQTT frames per second (1-60, default 30).</source>
        <translation>MQTT-Frames pro Sekunde (1-60, Standard 30).</translation>
    </message>
    <message>
        <source>--%1 must be a whole number of ms from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 muss eine ganze Zahl in ms von %2 bis %3 sein (erhalten: „%4“)</translation>
    </message>
    <message>
        <source>LED sync A/V offset in ms (-500..500): packets go out when the audio is heard plus this.</source>
        <translation>A/V-Versatz für LED-Sync in ms (-500..500): Pakete gehen raus, wenn der Ton zu hören ist, plus dieser Wert.</translation>
    </message>
    <message>
        <source>MQTT A/V offset in ms (-500..500), added to the frames&apos; play time.</source>
        <translation>A/V-Versatz für MQTT in ms (-500..500), wird zur Wiedergabezeit der Frames addiert.</translation>
    </message>
    <message>
        <source>Shortest FFT of the analysis ladder (power of two, 256-65536).</source>
        <translation>Kürzeste FFT der Analyseleiter (Zweierpotenz, 256–65536).</translation>
    </message>
</context>
<context>
    <name>spectray::CaptureWorker</name>
    <message>
        <source>Analysis settings rejected: %1</source>
        <translation>Analyseeinstellungen abgelehnt: %1</translation>
    </message>
    <message>
        <source>No system audio capture on this platform — choose the demo or a file</source>
        <translation>Keine Systemaudio-Aufnahme auf dieser Plattform — Demo oder Datei wählen</translation>
    </message>
    <message>
        <source>Cannot analyse this stream: %1</source>
        <translation>Dieser Datenstrom kann nicht analysiert werden: %1</translation>
    </message>
</context>
<context>
    <name>spectray::Console</name>
    <message>
        <source>retrying in the background (the wait grows to %1 s) and will say when it is back; to run without an audio server use --source demo</source>
        <translation>neuer Versuch im Hintergrund (die Wartezeit wächst bis %1 s); eine Meldung folgt, sobald die Quelle zurück ist; ohne Audioserver: --source demo</translation>
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
    <message>
        <source>Other devices cannot connect: LAN access is off or no network was found.</source>
        <translation>Andere Geräte können sich nicht verbinden: LAN-Zugriff ist aus oder kein Netzwerk gefunden.</translation>
    </message>
    <message>
        <source>Frequency axis</source>
        <translation>Frequenzachse</translation>
    </message>
    <message>
        <source>dB grid</source>
        <translation>dB-Raster</translation>
    </message>
    <message>
        <source>LED sync &amp;&amp; MQTT</source>
        <translation>LED-Sync &amp;&amp; MQTT</translation>
    </message>
    <message>
        <source>Send to WLED devices</source>
        <translation>An WLED-Geräte senden</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>Ziele: %1</translation>
    </message>
    <message>
        <source>%1 packets per second</source>
        <translation>%1 Pakete pro Sekunde</translation>
    </message>
    <message>
        <source>Idle: no sound</source>
        <translation>Leerlauf: kein Ton</translation>
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
    <name>spectray::LiveCommands</name>
    <message numerus="yes">
        <source>%n frame(s) not printed: stdout was not read fast enough</source>
        <translation>
            <numerusform>%n Frame nicht ausgegeben: stdout wurde nicht schnell genug gelesen</numerusform>
            <numerusform>%n Frames nicht ausgegeben: stdout wurde nicht schnell genug gelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectray::Settings</name>
    <message>
        <source>Settings file %1 %2: not opened; using defaults for this run, nothing is saved.</source>
        <translation>Einstellungsdatei %1 %2: nicht geöffnet; für diesen Lauf gelten Standardwerte, nichts wird gespeichert.</translation>
    </message>
    <message>
        <source>Settings file %1 needs repair but no copy of it could be made (%2): it is left as it is; changes are kept for this run only.</source>
        <translation>Die Einstellungsdatei %1 muss repariert werden, aber es ließ sich keine Kopie anlegen (%2): Sie bleibt unverändert; Änderungen gelten nur für diesen Lauf.</translation>
    </message>
    <message>
        <source>Settings file %1 had values or lines Spectray could not use; it is rewritten now and the original is kept at %2.</source>
        <translation>Die Einstellungsdatei %1 enthielt Werte oder Zeilen, die Spectray nicht verwenden konnte; sie wird jetzt neu geschrieben, das Original bleibt unter %2 erhalten.</translation>
    </message>
    <message>
        <source>Settings cannot be saved to %1 (read-only file or folder?): changes are kept for this run only.</source>
        <translation>Einstellungen können nicht in %1 gespeichert werden (Datei oder Ordner schreibgeschützt?): Änderungen gelten nur für diesen Lauf.</translation>
    </message>
    <message>
        <source>is a link to nothing</source>
        <translation>ist ein Verweis ins Leere</translation>
    </message>
    <message>
        <source>is a directory</source>
        <translation>ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>is not a regular file (a device, FIFO or socket)</source>
        <translation>ist keine reguläre Datei (ein Gerät, FIFO oder Socket)</translation>
    </message>
</context>
<context>
    <name>spectray::SourceId</name>
    <message>
        <source>Demo signal (synthetic)</source>
        <translation>Demosignal (synthetisch)</translation>
    </message>
    <message>
        <source>Default output (follows system)</source>
        <translation>Standardausgabe (folgt dem System)</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Datei %1</translation>
    </message>
    <message>
        <source>Application %1</source>
        <translation>Anwendung %1</translation>
    </message>
    <message>
        <source>Everything except %1</source>
        <translation>Alles außer %1</translation>
    </message>
</context>
<context>
    <name>spectray::StatusMachine</name>
    <message>
        <source>No audio server</source>
        <translation>Kein Audioserver</translation>
    </message>
    <message>
        <source>Source is silent</source>
        <translation>Quelle ist still</translation>
    </message>
    <message>
        <source>Audio server went away — reconnecting</source>
        <translation>Audioserver getrennt — neue Verbindung</translation>
    </message>
    <message>
        <source>Source is back</source>
        <translation>Quelle ist wieder da</translation>
    </message>
    <message>
        <source>Nothing else is playing (everything except %1)</source>
        <translation>Sonst spielt nichts (alles außer %1)</translation>
    </message>
    <message>
        <source>%1 is not playing</source>
        <translation>%1 spielt gerade nicht</translation>
    </message>
    <message>
        <source>Output latency %1 ms (reported by the audio server)</source>
        <translation>Ausgabelatenz %1 ms (vom Audioserver gemeldet)</translation>
    </message>
    <message>
        <source>No output latency figure from the audio server: A/V sync uses your offsets only</source>
        <translation>Der Audioserver meldet keine Ausgabelatenz: die A/V-Synchronisation nutzt nur Ihre Versätze</translation>
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
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
</context>
<context>
    <name>spectray::gui::AvOffset</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Shifts the picture against the sound: positive shows it later (if it runs ahead of what you hear), negative earlier. Added to the output latency the audio server reports.</source>
        <translation>Verschiebt das Bild gegenüber dem Ton: positiv zeigt es später (wenn es dem Gehörten vorausläuft), negativ früher. Wird zur vom Audioserver gemeldeten Ausgabelatenz addiert.</translation>
    </message>
</context>
<context>
    <name>spectray::gui::AxisOverlay</name>
    <message>
        <source>%1 dB</source>
        <translation>%1 dB</translation>
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
    <message>
        <source>Everything except</source>
        <translation>Alles außer</translation>
    </message>
    <message>
        <source>Dock to screen edge</source>
        <translation>Am Bildschirmrand andocken</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
</context>
<context>
    <name>spectray::gui::DockEdge</name>
    <message>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Off (floating window)</source>
        <translation>Aus (schwebendes Fenster)</translation>
    </message>
</context>
<context>
    <name>spectray::gui::DockSettingsPage</name>
    <message>
        <source>Whole edge</source>
        <translation>Ganze Kante</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Turns the spectrum window into a bar along one edge of a monitor. Maximised windows stop at the bar.</source>
        <translation>Macht das Spektrumfenster zu einer Leiste an einer Monitorkante. Maximierte Fenster enden an der Leiste.</translation>
    </message>
    <message>
        <source>Edge:</source>
        <translation>Kante:</translation>
    </message>
    <message>
        <source>Monitor:</source>
        <translation>Monitor:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Thickness:</source>
        <translation>Dicke:</translation>
    </message>
    <message>
        <source>Primary monitor</source>
        <translation>Hauptmonitor</translation>
    </message>
    <message>
        <source>%1 (%2×%3)</source>
        <translation>%1 (%2×%3)</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht verbunden)</translation>
    </message>
</context>
<context>
    <name>spectray::gui::OutputsPages</name>
    <message>
        <source>LED sync</source>
        <translation>LED-Sync</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>Send the analysis to WLED devices (Audio Sync)</source>
        <translation>Analyse an WLED-Geräte senden (Audio Sync)</translation>
    </message>
    <message>
        <source>multicast, broadcast, a multicast group, or device addresses and names, separated by spaces; each may end in :PORT (default 11988)</source>
        <translation>multicast, broadcast, eine Multicast-Gruppe oder Geräteadressen und -namen, durch Leerzeichen getrennt; jeweils optional mit :PORT (Standard 11988)</translation>
    </message>
    <message>
        <source>All network interfaces</source>
        <translation>Alle Netzwerkschnittstellen</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Ziele:</translation>
    </message>
    <message>
        <source>Multicast TTL:</source>
        <translation>Multicast-TTL:</translation>
    </message>
    <message>
        <source>Interface:</source>
        <translation>Schnittstelle:</translation>
    </message>
    <message>
        <source>In WLED: Config → Usermods → AudioReactive → Sync: receive (port 11988). Packets go to the whole local network 50 times a second while sound plays.</source>
        <translation>In WLED: Config → Usermods → AudioReactive → Sync: receive (Port 11988). Solange Ton läuft, gehen 50 Pakete pro Sekunde an das ganze lokale Netz.</translation>
    </message>
    <message>
        <source>Publish to an MQTT broker</source>
        <translation>An einen MQTT-Broker veröffentlichen</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>From the URL, or spectray/HOSTNAME</source>
        <translation>Aus der URL oder spectray/HOSTNAME</translation>
    </message>
    <message>
        <source>Broker URL:</source>
        <translation>Broker-URL:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>CA certificate (mqtts):</source>
        <translation>CA-Zertifikat (mqtts):</translation>
    </message>
    <message>
        <source>Topic prefix:</source>
        <translation>Topic-Präfix:</translation>
    </message>
    <message>
        <source>Frames per second:</source>
        <translation>Frames pro Sekunde:</translation>
    </message>
    <message>
        <source>Level messages per second:</source>
        <translation>Pegelnachrichten pro Sekunde:</translation>
    </message>
    <message>
        <source>Topics: PREFIX/frame, layout, status, level and availability. The password is stored in the settings file in plain text.</source>
        <translation>Topics: PRÄFIX/frame, layout, status, level und availability. Das Passwort steht im Klartext in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A/V offset:</source>
        <translation>A/V-Versatz:</translation>
    </message>
</context>
<context>
    <name>spectray::gui::QrDialog</name>
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
    <message>
        <source>Decibels (like the ear)</source>
        <translation>Dezibel (wie das Gehör)</translation>
    </message>
    <message>
        <source>Linear (power)</source>
        <translation>Linear (Leistung)</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Keine (linear)</translation>
    </message>
    <message>
        <source>A-weighting</source>
        <translation>A-Bewertung</translation>
    </message>
    <message>
        <source>Tilt +3 dB per octave</source>
        <translation>Neigung +3 dB pro Oktave</translation>
    </message>
    <message>
        <source>Tilt +4.5 dB per octave</source>
        <translation>Neigung +4,5 dB pro Oktave</translation>
    </message>
    <message>
        <source>Logarithmic (number of bands)</source>
        <translation>Logarithmisch (Anzahl Bänder)</translation>
    </message>
    <message>
        <source>Fractional octaves (IEC 61260-1)</source>
        <translation>Bruchteiloktaven (IEC 61260-1)</translation>
    </message>
    <message>
        <source>1 (octaves)</source>
        <translation>1 (Oktaven)</translation>
    </message>
    <message>
        <source>1/%1 octave</source>
        <translation>1/%1 Oktave</translation>
    </message>
    <message>
        <source>Docked strip</source>
        <translation>Angedockte Leiste</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>Anwendung: %1</translation>
    </message>
    <message>
        <source>A/V offset:</source>
        <translation>A/V-Versatz:</translation>
    </message>
    <message>
        <source>Web pages&apos; A/V offset:</source>
        <translation>A/V-Versatz der Webseiten:</translation>
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
    <message>
        <source>Spectrogram</source>
        <translation>Spektrogramm</translation>
    </message>
    <message>
        <source>Radial</source>
        <translation>Radial</translation>
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
    <name>spectray::gui::dock::XcbEdgeReservation</name>
    <message>
        <source>This session does not let applications reserve a screen edge (Wayland); the strip is shown as an ordinary window. Start Spectray through XWayland (QT_QPA_PLATFORM=xcb) to dock it.</source>
        <translation>Diese Sitzung lässt Anwendungen keine Bildschirmkante reservieren (Wayland); die Leiste erscheint als gewöhnliches Fenster. Zum Andocken Spectray über XWayland starten (QT_QPA_PLATFORM=xcb).</translation>
    </message>
    <message>
        <source>The strip is on an edge between two monitors: X11 reserves space only along the outer edges of the desktop, so other windows may cover it.</source>
        <translation>Die Leiste liegt an einer Kante zwischen zwei Monitoren: X11 reserviert Platz nur an den Außenkanten des Desktops, andere Fenster können sie also verdecken.</translation>
    </message>
</context>
<context>
    <name>spectray::main</name>
    <message>
        <source>no display found — running headless (capture and LAN server only)</source>
        <translation>keine Anzeige gefunden — Betrieb ohne Fenster (nur Aufnahme und LAN-Server)</translation>
    </message>
    <message>
        <source>Spectray settings</source>
        <translation>Spectray-Einstellungen</translation>
    </message>
    <message>
        <source>this program has no window (that is spectray) — running headless</source>
        <translation>dieses Programm hat kein Fenster (das hat spectray) — läuft ohne Fenster</translation>
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
    <message>
        <source>WebSocket needs HTTP/1.1.</source>
        <translation>WebSocket erfordert HTTP/1.1.</translation>
    </message>
    <message>
        <source>Missing Host header.</source>
        <translation>Host-Header fehlt.</translation>
    </message>
    <message>
        <source>Missing &quot;Connection: Upgrade&quot;.</source>
        <translation>„Connection: Upgrade“ fehlt.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key must be 16 bytes in base64.</source>
        <translation>Sec-WebSocket-Key muss 16 Bytes in Base64 umfassen.</translation>
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
</context>
<context>
    <name>spectray::outputs</name>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: expected mqtt://[user[:password]@]host[:port][/prefix] or mqtts://...</source>
        <translation>ungültige MQTT-URL „%1“: erwartet mqtt://[user[:password]@]host[:port][/prefix] oder mqtts://...</translation>
    </message>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: no broker host</source>
        <translation>ungültige MQTT-URL „%1“: kein Broker-Host</translation>
    </message>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: unexpected &apos;?&apos; or &apos;#&apos;</source>
        <translation>ungültige MQTT-URL „%1“: unerwartetes „?“ oder „#“</translation>
    </message>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: port out of range</source>
        <translation>ungültige MQTT-URL „%1“: Port außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>invalid MQTT topic prefix &apos;%1&apos;: no &apos;+&apos;, &apos;#&apos; or empty levels</source>
        <translation>ungültiges MQTT-Topic-Präfix „%1“: „+“, „#“ und leere Ebenen sind nicht erlaubt</translation>
    </message>
    <message>
        <source>invalid port &apos;%1&apos; (1-65535)</source>
        <translation>ungültiger Port „%1“ (1–65535)</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: missing &apos;]&apos;</source>
        <translation>ungültiges WLED-Ziel „%1“: „]“ fehlt</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;</source>
        <translation>ungültiges WLED-Ziel „%1“</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: write IPv6 addresses as [ADDRESS]:PORT</source>
        <translation>ungültiges WLED-Ziel „%1“: IPv6-Adressen als [ADRESSE]:PORT schreiben</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: %2</source>
        <translation>ungültiges WLED-Ziel „%1“: %2</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: not an address packets can be sent to</source>
        <translation>ungültiges WLED-Ziel „%1“: an diese Adresse lassen sich keine Pakete senden</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: expected multicast, broadcast, an address or a host name</source>
        <translation>ungültiges WLED-Ziel „%1“: erwartet multicast, broadcast, eine Adresse oder einen Hostnamen</translation>
    </message>
    <message>
        <source>invalid multicast TTL &apos;%1&apos; (1-255)</source>
        <translation>ungültige Multicast-TTL „%1“ (1–255)</translation>
    </message>
</context>
<context>
    <name>spectray::outputs::MqttPublisher</name>
    <message>
        <source>MQTT: invalid topic prefix &apos;%1&apos;</source>
        <translation>MQTT: ungültiges Topic-Präfix „%1“</translation>
    </message>
    <message>
        <source>MQTT: no broker host</source>
        <translation>MQTT: kein Broker-Host angegeben</translation>
    </message>
    <message>
        <source>MQTT: cannot read the CA file &apos;%1&apos;</source>
        <translation>MQTT: CA-Datei „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>MQTT: cannot start the network thread: %1</source>
        <translation>MQTT: Netzwerk-Thread kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>MQTT: connecting to %1:%2</source>
        <translation>MQTT: Verbindung zu %1:%2 wird hergestellt</translation>
    </message>
    <message>
        <source>MQTT: cannot create a client (out of memory)</source>
        <translation>MQTT: Client kann nicht erstellt werden (kein Speicher)</translation>
    </message>
    <message>
        <source>MQTT: TLS setup failed: %1</source>
        <translation>MQTT: TLS-Einrichtung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>MQTT: off</source>
        <translation>MQTT: aus</translation>
    </message>
    <message>
        <source>MQTT: connected to %1:%2</source>
        <translation>MQTT: verbunden mit %1:%2</translation>
    </message>
    <message>
        <source>MQTT: broker %1:%2 refused the connection: %3 (retrying)</source>
        <translation>MQTT: Broker %1:%2 hat die Verbindung abgelehnt: %3 (neuer Versuch)</translation>
    </message>
    <message>
        <source>MQTT: connection to %1:%2 lost, reconnecting</source>
        <translation>MQTT: Verbindung zu %1:%2 verloren, neuer Verbindungsaufbau</translation>
    </message>
    <message>
        <source>MQTT: cannot reach broker %1:%2 (retrying)</source>
        <translation>MQTT: Broker %1:%2 nicht erreichbar (neuer Versuch)</translation>
    </message>
    <message>
        <source>MQTT: %1 has no function %2</source>
        <translation>MQTT: %1 hat keine Funktion %2</translation>
    </message>
    <message>
        <source>MQTT: cannot load libmosquitto (%1); install it to publish to a broker</source>
        <translation>MQTT: libmosquitto lässt sich nicht laden (%1); zum Veröffentlichen an einen Broker installieren</translation>
    </message>
</context>
<context>
    <name>spectray::outputs::OutputService</name>
    <message>
        <source>LED sync: off</source>
        <translation>LED-Sync: aus</translation>
    </message>
    <message>
        <source>LED sync: sending to %1 (%2 packets/s now)</source>
        <translation>LED-Sync: sendet an %1 (jetzt %2 Pakete/s)</translation>
    </message>
    <message>
        <source>MQTT: off</source>
        <translation>MQTT: aus</translation>
    </message>
    <message>
        <source>LED sync: %1 (setting %2)</source>
        <translation>LED-Sync: %1 (Einstellung %2)</translation>
    </message>
</context>
<context>
    <name>spectray::outputs::WledSender</name>
    <message>
        <source>LED sync cannot open a UDP socket: %1</source>
        <translation>LED-Sync kann keinen UDP-Socket öffnen: %1</translation>
    </message>
    <message>
        <source>LED sync: no network interface named &apos;%1&apos;</source>
        <translation>LED-Sync: keine Netzwerkschnittstelle namens „%1“</translation>
    </message>
    <message>
        <source>only IPv4 multicast groups are supported (WLED listens on 239.0.0.1)</source>
        <translation>nur IPv4-Multicast-Gruppen werden unterstützt (WLED lauscht auf 239.0.0.1)</translation>
    </message>
    <message>
        <source>unknown host (%1)</source>
        <translation>unbekannter Host (%1)</translation>
    </message>
    <message>
        <source>LED sync to %1: %2</source>
        <translation>LED-Sync zu %1: %2</translation>
    </message>
    <message>
        <source>cannot open an IPv6 socket</source>
        <translation>IPv6-Socket kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>spectray::web</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Stille</translation>
    </message>
    <message>
        <source>Capture stopped</source>
        <translation>Aufnahme gestoppt</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Capture error</source>
        <translation>Aufnahmefehler</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Server gestoppt</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>Neue Verbindung in %1 s</translation>
    </message>
    <message>
        <source>This link has no access token.</source>
        <translation>Dieser Link enthält kein Zugangstoken.</translation>
    </message>
    <message>
        <source>Access refused: the link&apos;s token is wrong or out of date.</source>
        <translation>Zugriff verweigert: Das Token des Links ist falsch oder veraltet.</translation>
    </message>
    <message>
        <source>Ask for a new link or scan the QR code again.</source>
        <translation>Fordern Sie einen neuen Link an oder scannen Sie den QR-Code erneut.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Peak caps</source>
        <translation>Spitzenmarken</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>Bildrate</translation>
    </message>
    <message>
        <source>Frequency labels</source>
        <translation>Frequenzbeschriftung</translation>
    </message>
    <message>
        <source>Follow the desktop style</source>
        <translation>Wie auf dem Desktop</translation>
    </message>
    <message>
        <source>A/V offset (ms)</source>
        <translation>A/V-Versatz (ms)</translation>
    </message>
    <message>
        <source>Limit flashes (photosensitivity)</source>
        <translation>Blitze begrenzen (Lichtempfindlichkeit)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Gering</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>As sent</source>
        <translation>Wie gesendet</translation>
    </message>
    <message>
        <source>dB grid</source>
        <translation>dB-Raster</translation>
    </message>
</context>
</TS>
