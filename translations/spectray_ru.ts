<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>QObject</name>
    <message>
        <source>About Spectray</source>
        <translation>О программе Spectray</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spectray %1&lt;/b&gt;&lt;br&gt;The sound your computer plays, as a spectrum: in the tray, on the desktop and in any browser on your network.</source>
        <translation>&lt;b&gt;Spectray %1&lt;/b&gt;&lt;br&gt;Звук, который играет ваш компьютер, в виде спектра: в трее, на рабочем столе и в любом браузере вашей сети.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Spectray Settings</source>
        <translation>Настройки Spectray</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Звук</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Analysis profile:</source>
        <translation>Профиль анализа:</translation>
    </message>
    <message>
        <source>Frames per second:</source>
        <translation>Кадров в секунду:</translation>
    </message>
    <message>
        <source>Bands:</source>
        <translation>Полос:</translation>
    </message>
    <message>
        <source>Lowest frequency:</source>
        <translation>Наименьшая частота:</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Гц</translation>
    </message>
    <message>
        <source>Highest frequency:</source>
        <translation>Наибольшая частота:</translation>
    </message>
    <message>
        <source>Start capturing when Spectray starts</source>
        <translation>Начинать захват при запуске Spectray</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Отображение</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Стиль:</translation>
    </message>
    <message>
        <source>Level meter:</source>
        <translation>Индикатор уровня:</translation>
    </message>
    <message>
        <source>Pulse the background with the bass</source>
        <translation>Пульсировать фоном в такт басам</translation>
    </message>
    <message>
        <source>Accent colour:</source>
        <translation>Акцентный цвет:</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Свой…</translation>
    </message>
    <message>
        <source>Show peak caps</source>
        <translation>Показывать пики</translation>
    </message>
    <message>
        <source>Peak hold:</source>
        <translation>Удержание пиков:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Peak fall time:</source>
        <translation>Время спада пиков:</translation>
    </message>
    <message>
        <source>Attack:</source>
        <translation>Атака:</translation>
    </message>
    <message>
        <source>Release:</source>
        <translation>Спад:</translation>
    </message>
    <message>
        <source>Background opacity:</source>
        <translation>Непрозрачность фона:</translation>
    </message>
    <message>
        <source>Keep the window above other windows</source>
        <translation>Держать окно поверх других окон</translation>
    </message>
    <message>
        <source>Click-through: the mouse passes to the windows below</source>
        <translation>Сквозные щелчки: мышь проходит к окнам ниже</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Serve the spectrum to web browsers</source>
        <translation>Отдавать спектр веб-браузерам</translation>
    </message>
    <message>
        <source>Allow access from the local network</source>
        <translation>Разрешить доступ из локальной сети</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation>Адрес привязки:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Токен доступа:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Создать новый</translation>
    </message>
    <message>
        <source>Maximum clients:</source>
        <translation>Максимум клиентов:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Start Spectray when I log in</source>
        <translation>Запускать Spectray при входе в систему</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>A new language is used after Spectray restarts.</source>
        <translation>Новый язык будет применён после перезапуска Spectray.</translation>
    </message>
    <message>
        <source>Amplitude scale:</source>
        <translation>Шкала амплитуды:</translation>
    </message>
    <message>
        <source>Dynamic range:</source>
        <translation>Динамический диапазон:</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> дБ</translation>
    </message>
    <message>
        <source>Weighting:</source>
        <translation>Взвешивание:</translation>
    </message>
    <message>
        <source>Band layout:</source>
        <translation>Раскладка полос:</translation>
    </message>
    <message>
        <source>Bands per octave:</source>
        <translation>Полос на октаву:</translation>
    </message>
    <message>
        <source>Extra host names:</source>
        <translation>Доп. имена хоста:</translation>
    </message>
    <message>
        <source>e.g. spectray.home.arpa (space separated)</source>
        <translation>напр. spectray.home.arpa (через пробел)</translation>
    </message>
    <message>
        <source>Names besides this machine&apos;s own that browsers may use to reach the server</source>
        <translation>Имена помимо собственного имени компьютера, по которым браузеры могут обращаться к серверу</translation>
    </message>
    <message>
        <source>Show frequency labels under the bands</source>
        <translation>Показывать частоты под полосами</translation>
    </message>
    <message>
        <source>Show a dB grid (dB amplitude)</source>
        <translation>Показывать сетку дБ (амплитуда в дБ)</translation>
    </message>
</context>
<context>
    <name>spectray</name>
    <message>
        <source>unknown profile &quot;%1&quot;</source>
        <translation>неизвестный профиль «%1»</translation>
    </message>
    <message>
        <source>%1: the file is truncated (%2 of %3 frames could be read)</source>
        <translation>%1: файл обрезан (прочитано %2 из %3 кадров)</translation>
    </message>
    <message>
        <source>%1: too short to analyse (%2 frames; at least %3 are needed for one analysis window)</source>
        <translation>%1: слишком короткий для анализа (%2 кадров; для одного окна анализа нужно не меньше %3)</translation>
    </message>
    <message>
        <source>could not write the output</source>
        <translation>не удалось записать вывод</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 должно быть целым числом от %2 до %3 (получено «%4»)</translation>
    </message>
    <message>
        <source>--%1 must be a number from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 должно быть числом от %2 до %3 (получено «%4»)</translation>
    </message>
    <message>
        <source>Spectray shows what your computer is playing as a live spectrum: in the tray, in a floating window, and on any browser on your network.</source>
        <translation>Spectray показывает то, что играет ваш компьютер, в виде живого спектра: в трее, в плавающем окне и в любом браузере вашей сети.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Показать эту справку и выйти.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Показать версию и выйти.</translation>
    </message>
    <message>
        <source>List capture sources and exit.</source>
        <translation>Показать источники захвата и выйти.</translation>
    </message>
    <message>
        <source>With --list-devices: print JSON.</source>
        <translation>С --list-devices: вывести JSON.</translation>
    </message>
    <message>
        <source>Capture from SOURCE: a device id, part of a device name, &quot;default-output&quot;, &quot;demo&quot; or &quot;file:PATH&quot;.</source>
        <translation>Захватывать из SOURCE: идентификатор устройства, часть его имени, «default-output», «demo» или «file:ПУТЬ».</translation>
    </message>
    <message>
        <source>Print live frames as JSON lines on stdout.</source>
        <translation>Выводить живые кадры строками JSON в stdout.</translation>
    </message>
    <message>
        <source>With --print-frames: stop after N frames.</source>
        <translation>С --print-frames: остановиться после N кадров.</translation>
    </message>
    <message>
        <source>Analyse an audio file (WAV, FLAC, Ogg) and print JSON lines.</source>
        <translation>Проанализировать аудиофайл (WAV, FLAC, Ogg) и вывести строки JSON.</translation>
    </message>
    <message>
        <source>Analysis profile: default or seed.</source>
        <translation>Профиль анализа: default или seed.</translation>
    </message>
    <message>
        <source>Frames per second (1-240).</source>
        <translation>Кадров в секунду (1–240).</translation>
    </message>
    <message>
        <source>Number of bands (8-256).</source>
        <translation>Число полос (8–256).</translation>
    </message>
    <message>
        <source>Lowest frequency shown (10-1000).</source>
        <translation>Наименьшая показываемая частота (10–1000).</translation>
    </message>
    <message>
        <source>Highest frequency shown (1000-24000).</source>
        <translation>Наибольшая показываемая частота (1000–24000).</translation>
    </message>
    <message>
        <source>Run capture and the LAN server without any window.</source>
        <translation>Запустить захват и сервер LAN без окон.</translation>
    </message>
    <message>
        <source>Show the spectrum window (also asks a running instance to show it).</source>
        <translation>Показать окно спектра (также просит уже запущенный экземпляр показать его).</translation>
    </message>
    <message>
        <source>User interface language (en, ru, de).</source>
        <translation>Язык интерфейса (en, ru, de).</translation>
    </message>
    <message>
        <source>Read and write settings in FILE instead of the user&apos;s settings.</source>
        <translation>Читать и записывать настройки в FILE вместо настроек пользователя.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot; (see --help)</source>
        <translation>Неожиданный аргумент «%1» (см. --help)</translation>
    </message>
    <message>
        <source>--list-devices, --print-frames, --analyze and --headless cannot be combined</source>
        <translation>--list-devices, --print-frames, --analyze и --headless нельзя сочетать</translation>
    </message>
    <message>
        <source>--json goes with --list-devices</source>
        <translation>--json используется вместе с --list-devices</translation>
    </message>
    <message>
        <source>--frames goes with --print-frames</source>
        <translation>--frames используется вместе с --print-frames</translation>
    </message>
    <message>
        <source>--source needs a value (see --list-devices)</source>
        <translation>--source требует значение (см. --list-devices)</translation>
    </message>
    <message>
        <source>--analyze needs a file name</source>
        <translation>--analyze требует имя файла</translation>
    </message>
    <message>
        <source>--fft-size must be a power of two (got %1)</source>
        <translation>--fft-size должно быть степенью двойки (получено %1)</translation>
    </message>
    <message>
        <source>--profile must be &quot;default&quot; or &quot;seed&quot; (got &quot;%1&quot;)</source>
        <translation>--profile должно быть «default» или «seed» (получено «%1»)</translation>
    </message>
    <message>
        <source>--lang must be en, ru or de (got &quot;%1&quot;)</source>
        <translation>--lang должно быть en, ru или de (получено «%1»)</translation>
    </message>
    <message>
        <source>--max-hz (%1) must be above --min-hz (%2)</source>
        <translation>--max-hz (%1) должно быть больше --min-hz (%2)</translation>
    </message>
    <message>
        <source>the capture engine did not answer</source>
        <translation>модуль захвата не ответил</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address</source>
        <translation>--bind: «%1» не является IP-адресом</translation>
    </message>
    <message>
        <source>Spectray is streaming on port %1. Open one of these in a browser:</source>
        <translation>Spectray передаёт на порту %1. Откройте в браузере один из адресов:</translation>
    </message>
    <message>
        <source>Scan to open on a phone on the same network:</source>
        <translation>Отсканируйте, чтобы открыть на телефоне в той же сети:</translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation>Нажмите Ctrl+C для остановки.</translation>
    </message>
    <message>
        <source>Start without capturing (use the tray menu to start).</source>
        <translation>Запустить без захвата звука (запустить можно из меню в трее).</translation>
    </message>
    <message>
        <source>--%1 must be %2 (got &quot;%3&quot;)</source>
        <translation>--%1 должно быть %2 (получено «%3»)</translation>
    </message>
    <message>
        <source>db or linear</source>
        <translation>db или linear</translation>
    </message>
    <message>
        <source>flat, a, tilt3 or tilt4.5</source>
        <translation>flat, a, tilt3 или tilt4.5</translation>
    </message>
    <message>
        <source>log or octave</source>
        <translation>log или octave</translation>
    </message>
    <message>
        <source>--bands-per-octave must be 1, 2, 3, 6, 12 or 24 (got %1)</source>
        <translation>--bands-per-octave должно быть 1, 2, 3, 6, 12 или 24 (получено %1)</translation>
    </message>
    <message>
        <source>Band amplitude scale: db or linear.</source>
        <translation>Шкала амплитуды полос: db или linear.</translation>
    </message>
    <message>
        <source>With --amplitude db: the dB span shown (40-90).</source>
        <translation>С --amplitude db: показываемый диапазон в дБ (40–90).</translation>
    </message>
    <message>
        <source>Weighting before the scale: flat, a, tilt3 or tilt4.5.</source>
        <translation>Взвешивание перед шкалой: flat, a, tilt3 или tilt4.5.</translation>
    </message>
    <message>
        <source>Band layout: log (--bands geometric bands) or octave.</source>
        <translation>Раскладка полос: log (--bands полос с геометрическим шагом) или octave.</translation>
    </message>
    <message>
        <source>With --layout octave: 1, 2, 3, 6, 12 or 24.</source>
        <translation>С --layout octave: 1, 2, 3, 6, 12 или 24.</translation>
    </message>
    <message>
        <source>LAN server port for this run (0: any free port). Overrides the stored setting without changing it.</source>
        <translation>Порт сервера LAN для этого запуска (0: любой свободный). Заменяет сохранённую настройку, не изменяя её.</translation>
    </message>
    <message>
        <source>LAN server address for this run: 0.0.0.0 (all IPv4), :: (all IPv6), 127.0.0.1 (this computer only) or one of this computer&apos;s addresses. Overrides the stored settings, LAN access included, without changing them.</source>
        <translation>Адрес сервера LAN для этого запуска: 0.0.0.0 (все IPv4), :: (все IPv6), 127.0.0.1 (только этот компьютер) или один из адресов этого компьютера. Заменяет сохранённые настройки, включая доступ из локальной сети, не изменяя их.</translation>
    </message>
    <message>
        <source>the LAN server is turned off in the settings (server/enabled in %1); use --print-frames for output without a server</source>
        <translation>сервер LAN выключен в настройках (server/enabled в %1); для вывода без сервера используйте --print-frames</translation>
    </message>
    <message>
        <source>--wled-interface: no network interface named &quot;%1&quot;</source>
        <translation>--wled-interface: нет сетевого интерфейса «%1»</translation>
    </message>
    <message>
        <source>--mqtt-ca: cannot read the certificate file &quot;%1&quot;</source>
        <translation>--mqtt-ca: не удаётся прочитать файл сертификата «%1»</translation>
    </message>
    <message>
        <source>--mqtt-rate must be a whole number from %1 to %2 (got &quot;%3&quot;)</source>
        <translation>--mqtt-rate должно быть целым числом от %1 до %2 (получено «%3»)</translation>
    </message>
    <message>
        <source>[TARGET...] Send WLED Audio Sync packets in this run (LED strips; docs/wled.md). Targets: multicast (default, 239.0.0.1), broadcast, a multicast group, or device addresses or names, each with an optional :PORT (default 11988). Overrides the stored LED sync settings without changing them.</source>
        <translation>[ЦЕЛЬ...] Отправлять пакеты WLED Audio Sync в этом запуске (светодиодные ленты; docs/wled.md). Цели: multicast (по умолчанию, 239.0.0.1), broadcast, группа multicast или адреса либо имена устройств, каждая с необязательным :ПОРТ (по умолчанию 11988). Заменяет сохранённые настройки LED-синхронизации, не изменяя их.</translation>
    </message>
    <message>
        <source>With --wled: multicast TTL (1-255, default 1: this network only).</source>
        <translation>С --wled: TTL для multicast (1-255, по умолчанию 1: только эта сеть).</translation>
    </message>
    <message>
        <source>With --wled: send multicast on this network interface only.</source>
        <translation>С --wled: отправлять multicast только через этот сетевой интерфейс.</translation>
    </message>
    <message>
        <source>Publish to an MQTT broker in this run (docs/mqtt.md): mqtt[s]://[USER[:PASSWORD]@]HOST[:PORT][/PREFIX]. Overrides the stored MQTT settings without changing them.</source>
        <translation>Публиковать в брокер MQTT в этом запуске (docs/mqtt.md): mqtt[s]://[ПОЛЬЗОВАТЕЛЬ[:ПАРОЛЬ]@]ХОСТ[:ПОРТ][/ПРЕФИКС]. Заменяет сохранённые настройки MQTT, не изменяя их.</translation>
    </message>
    <message>
        <source>For mqtts://: the CA certificate that signed the broker&apos;s.</source>
        <translation>Для mqtts://: сертификат УЦ, подписавшего сертификат брокера.</translation>
    </message>
    <message>
        <source>MQTT frames per second (1-60, default 30).</source>
        <translation>Кадров MQTT в секунду (1-60, по умолчанию 30).</translation>
    </message>
    <message>
        <source>--%1 must be a whole number of ms from %2 to %3 (got &quot;%4&quot;)</source>
        <translation>--%1 должно быть целым числом мс от %2 до %3 (получено «%4»)</translation>
    </message>
    <message>
        <source>LED sync A/V offset in ms (-500..500): packets go out when the audio is heard plus this.</source>
        <translation>Сдвиг A/V для LED-синхронизации в мс (-500..500): пакеты уходят в момент, когда звук слышен, плюс это значение.</translation>
    </message>
    <message>
        <source>MQTT A/V offset in ms (-500..500), added to the frames&apos; play time.</source>
        <translation>Сдвиг A/V для MQTT в мс (-500..500), прибавляется ко времени воспроизведения кадров.</translation>
    </message>
    <message>
        <source>Shortest FFT of the analysis ladder (power of two, 256-65536).</source>
        <translation>Наименьшее БПФ в лестнице анализа (степень двойки, 256–65536).</translation>
    </message>
</context>
<context>
    <name>spectray::CaptureWorker</name>
    <message>
        <source>Analysis settings rejected: %1</source>
        <translation>Настройки анализа отклонены: %1</translation>
    </message>
    <message>
        <source>No system audio capture on this platform — choose the demo or a file</source>
        <translation>Захват системного звука на этой платформе недоступен — выберите демо или файл</translation>
    </message>
    <message>
        <source>Cannot analyse this stream: %1</source>
        <translation>Невозможно проанализировать этот поток: %1</translation>
    </message>
</context>
<context>
    <name>spectray::Console</name>
    <message>
        <source>retrying in the background (the wait grows to %1 s) and will say when it is back; to run without an audio server use --source demo</source>
        <translation>повторяю попытки в фоне (пауза растёт до %1 с) и сообщу, когда источник вернётся; чтобы работать без аудиосервера, используйте --source demo</translation>
    </message>
</context>
<context>
    <name>spectray::DesktopApp</name>
    <message>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <source>Bass pulse</source>
        <translation>Пульсация басов</translation>
    </message>
    <message>
        <source>Spectray</source>
        <translation>Spectray</translation>
    </message>
    <message>
        <source>No system tray was found. The spectrum window is Spectray&apos;s main window: right-click it for the menu; closing it quits Spectray.</source>
        <translation>Системный трей не найден. Окно спектра — главное окно Spectray: щёлкните по нему правой кнопкой, чтобы открыть меню; его закрытие завершает Spectray.</translation>
    </message>
    <message>
        <source>Other devices cannot connect: LAN access is off or no network was found.</source>
        <translation>Другие устройства не могут подключиться: доступ из локальной сети выключен или сеть не найдена.</translation>
    </message>
    <message>
        <source>Frequency axis</source>
        <translation>Ось частот</translation>
    </message>
    <message>
        <source>dB grid</source>
        <translation>Сетка дБ</translation>
    </message>
    <message>
        <source>LED sync &amp;&amp; MQTT</source>
        <translation>LED-синхронизация &amp;&amp; MQTT</translation>
    </message>
    <message>
        <source>Send to WLED devices</source>
        <translation>Отправлять на устройства WLED</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>Цели: %1</translation>
    </message>
    <message>
        <source>%1 packets per second</source>
        <translation>%1 пакетов в секунду</translation>
    </message>
    <message>
        <source>Idle: no sound</source>
        <translation>Ожидание: нет звука</translation>
    </message>
</context>
<context>
    <name>spectray::Engine</name>
    <message>
        <source>Source &quot;%1&quot; not found — using the default output</source>
        <translation>Источник «%1» не найден — используется выход по умолчанию</translation>
    </message>
</context>
<context>
    <name>spectray::LiveCommands</name>
    <message numerus="yes">
        <source>%n frame(s) not printed: stdout was not read fast enough</source>
        <translation>
            <numerusform>%n кадр не выведен: stdout читался недостаточно быстро</numerusform>
            <numerusform>%n кадра не выведено: stdout читался недостаточно быстро</numerusform>
            <numerusform>%n кадров не выведено: stdout читался недостаточно быстро</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spectray::Settings</name>
    <message>
        <source>Settings file %1 %2: not opened; using defaults for this run, nothing is saved.</source>
        <translation>Файл настроек %1 %2: не открыт; в этом запуске используются значения по умолчанию, ничего не сохраняется.</translation>
    </message>
    <message>
        <source>Settings file %1 needs repair but no copy of it could be made (%2): it is left as it is; changes are kept for this run only.</source>
        <translation>Файл настроек %1 требует исправления, но сделать его копию не удалось (%2): он оставлен как есть; изменения действуют только в этом запуске.</translation>
    </message>
    <message>
        <source>Settings file %1 had values or lines Spectray could not use; it is rewritten now and the original is kept at %2.</source>
        <translation>В файле настроек %1 были значения или строки, которые Spectray не смог использовать; файл перезаписывается, оригинал сохранён в %2.</translation>
    </message>
    <message>
        <source>Settings cannot be saved to %1 (read-only file or folder?): changes are kept for this run only.</source>
        <translation>Не удаётся сохранить настройки в %1 (файл или папка только для чтения?): изменения действуют только в этом запуске.</translation>
    </message>
    <message>
        <source>is a link to nothing</source>
        <translation>— ссылка в никуда</translation>
    </message>
    <message>
        <source>is a directory</source>
        <translation>— это каталог</translation>
    </message>
    <message>
        <source>is not a regular file (a device, FIFO or socket)</source>
        <translation>— не обычный файл (устройство, FIFO или сокет)</translation>
    </message>
</context>
<context>
    <name>spectray::SourceId</name>
    <message>
        <source>Demo signal (synthetic)</source>
        <translation>Демо-сигнал (синтетический)</translation>
    </message>
    <message>
        <source>Default output (follows system)</source>
        <translation>Выход по умолчанию (как в системе)</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Файл %1</translation>
    </message>
    <message>
        <source>Application %1</source>
        <translation>Приложение %1</translation>
    </message>
    <message>
        <source>Everything except %1</source>
        <translation>Всё, кроме %1</translation>
    </message>
</context>
<context>
    <name>spectray::StatusMachine</name>
    <message>
        <source>No audio server</source>
        <translation>Нет аудиосервера</translation>
    </message>
    <message>
        <source>Source is silent</source>
        <translation>Источник молчит</translation>
    </message>
    <message>
        <source>Audio server went away — reconnecting</source>
        <translation>Аудиосервер пропал — переподключение</translation>
    </message>
    <message>
        <source>Source is back</source>
        <translation>Источник снова доступен</translation>
    </message>
    <message>
        <source>Nothing else is playing (everything except %1)</source>
        <translation>Больше ничего не играет (всё, кроме %1)</translation>
    </message>
    <message>
        <source>%1 is not playing</source>
        <translation>%1 сейчас не играет</translation>
    </message>
    <message>
        <source>Output latency %1 ms (reported by the audio server)</source>
        <translation>Задержка вывода %1 мс (по данным аудиосервера)</translation>
    </message>
    <message>
        <source>No output latency figure from the audio server: A/V sync uses your offsets only</source>
        <translation>Аудиосервер не сообщает задержку вывода: синхронизация A/V использует только ваши сдвиги</translation>
    </message>
</context>
<context>
    <name>spectray::gui::AccentPreset</name>
    <message>
        <source>Sky</source>
        <translation>Небо</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Мята</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Янтарь</translation>
    </message>
    <message>
        <source>Magenta</source>
        <translation>Пурпур</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Высокий контраст</translation>
    </message>
</context>
<context>
    <name>spectray::gui::AvOffset</name>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Shifts the picture against the sound: positive shows it later (if it runs ahead of what you hear), negative earlier. Added to the output latency the audio server reports.</source>
        <translation>Сдвигает изображение относительно звука: положительное значение показывает его позже (если оно опережает то, что вы слышите), отрицательное — раньше. Прибавляется к задержке вывода, о которой сообщает аудиосервер.</translation>
    </message>
</context>
<context>
    <name>spectray::gui::AxisOverlay</name>
    <message>
        <source>%1 dB</source>
        <translation>%1 дБ</translation>
    </message>
</context>
<context>
    <name>spectray::gui::DesktopActions</name>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Show spectrum window</source>
        <translation>Показать окно спектра</translation>
    </message>
    <message>
        <source>Always on top</source>
        <translation>Поверх всех окон</translation>
    </message>
    <message>
        <source>Click-through (mouse passes to windows below)</source>
        <translation>Сквозные щелчки (мышь проходит к окнам ниже)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>About Spectray</source>
        <translation>О программе Spectray</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Web clients</source>
        <translation>Веб-клиенты</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Открыть в браузере</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>Копировать адрес</translation>
    </message>
    <message>
        <source>Show QR code…</source>
        <translation>Показать QR-код…</translation>
    </message>
    <message>
        <source>Allow LAN access</source>
        <translation>Разрешить доступ из локальной сети</translation>
    </message>
    <message>
        <source>Regenerate access token</source>
        <translation>Создать новый токен доступа</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Входы</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Stop capture</source>
        <translation>Остановить захват</translation>
    </message>
    <message>
        <source>Start capture</source>
        <translation>Начать захват</translation>
    </message>
    <message>
        <source>Clients connected: %1</source>
        <translation>Подключено клиентов: %1</translation>
    </message>
    <message>
        <source>Everything except</source>
        <translation>Всё, кроме</translation>
    </message>
    <message>
        <source>Dock to screen edge</source>
        <translation>Закрепить у края экрана</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Приложения</translation>
    </message>
</context>
<context>
    <name>spectray::gui::DockEdge</name>
    <message>
        <source>Top</source>
        <translation>Сверху</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Снизу</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Справа</translation>
    </message>
    <message>
        <source>Off (floating window)</source>
        <translation>Выкл. (плавающее окно)</translation>
    </message>
</context>
<context>
    <name>spectray::gui::DockSettingsPage</name>
    <message>
        <source>Whole edge</source>
        <translation>Весь край</translation>
    </message>
    <message>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <source>Turns the spectrum window into a bar along one edge of a monitor. Maximised windows stop at the bar.</source>
        <translation>Превращает окно спектра в полосу вдоль края монитора. Развёрнутые окна не заходят на эту полосу.</translation>
    </message>
    <message>
        <source>Edge:</source>
        <translation>Край:</translation>
    </message>
    <message>
        <source>Monitor:</source>
        <translation>Монитор:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Длина:</translation>
    </message>
    <message>
        <source>Thickness:</source>
        <translation>Толщина:</translation>
    </message>
    <message>
        <source>Primary monitor</source>
        <translation>Основной монитор</translation>
    </message>
    <message>
        <source>%1 (%2×%3)</source>
        <translation>%1 (%2×%3)</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (не подключён)</translation>
    </message>
</context>
<context>
    <name>spectray::gui::OutputsPages</name>
    <message>
        <source>LED sync</source>
        <translation>LED-синхронизация</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>Send the analysis to WLED devices (Audio Sync)</source>
        <translation>Отправлять анализ на устройства WLED (Audio Sync)</translation>
    </message>
    <message>
        <source>multicast, broadcast, a multicast group, or device addresses and names, separated by spaces; each may end in :PORT (default 11988)</source>
        <translation>multicast, broadcast, группа multicast или адреса и имена устройств через пробел; в конце каждого может стоять :ПОРТ (по умолчанию 11988)</translation>
    </message>
    <message>
        <source>All network interfaces</source>
        <translation>Все сетевые интерфейсы</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Цели:</translation>
    </message>
    <message>
        <source>Multicast TTL:</source>
        <translation>TTL для multicast:</translation>
    </message>
    <message>
        <source>Interface:</source>
        <translation>Интерфейс:</translation>
    </message>
    <message>
        <source>In WLED: Config → Usermods → AudioReactive → Sync: receive (port 11988). Packets go to the whole local network 50 times a second while sound plays.</source>
        <translation>В WLED: Config → Usermods → AudioReactive → Sync: receive (порт 11988). Пока звучит звук, пакеты уходят во всю локальную сеть 50 раз в секунду.</translation>
    </message>
    <message>
        <source>Publish to an MQTT broker</source>
        <translation>Публиковать в брокер MQTT</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Системные сертификаты</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>From the URL, or spectray/HOSTNAME</source>
        <translation>Из URL или spectray/ИМЯ_ХОСТА</translation>
    </message>
    <message>
        <source>Broker URL:</source>
        <translation>URL брокера:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>CA certificate (mqtts):</source>
        <translation>Сертификат УЦ (mqtts):</translation>
    </message>
    <message>
        <source>Topic prefix:</source>
        <translation>Префикс топиков:</translation>
    </message>
    <message>
        <source>Frames per second:</source>
        <translation>Кадров в секунду:</translation>
    </message>
    <message>
        <source>Level messages per second:</source>
        <translation>Сообщений уровня в секунду:</translation>
    </message>
    <message>
        <source>Topics: PREFIX/frame, layout, status, level and availability. The password is stored in the settings file in plain text.</source>
        <translation>Топики: ПРЕФИКС/frame, layout, status, level и availability. Пароль хранится в файле настроек открытым текстом.</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Сертификат УЦ</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>A/V offset:</source>
        <translation>Сдвиг A/V:</translation>
    </message>
</context>
<context>
    <name>spectray::gui::QrDialog</name>
    <message>
        <source>Open Spectray on another device</source>
        <translation>Открыть Spectray на другом устройстве</translation>
    </message>
    <message>
        <source>Scan with a phone on the same network, or open:
%1</source>
        <translation>Отсканируйте телефоном в той же сети или откройте:
%1</translation>
    </message>
</context>
<context>
    <name>spectray::gui::SettingsDialog</name>
    <message>
        <source>Balanced (better bass resolution)</source>
        <translation>Сбалансированный (лучшее разрешение басов)</translation>
    </message>
    <message>
        <source>Classic (like the original service)</source>
        <translation>Классический (как в исходном сервисе)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Полоса</translation>
    </message>
    <message>
        <source>Needle</source>
        <translation>Стрелка</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Custom %1</source>
        <translation>Свой %1</translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation>Вход: %1</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>Акцентный цвет</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Decibels (like the ear)</source>
        <translation>Децибелы (как слышит ухо)</translation>
    </message>
    <message>
        <source>Linear (power)</source>
        <translation>Линейная (мощность)</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Без взвешивания</translation>
    </message>
    <message>
        <source>A-weighting</source>
        <translation>A-взвешивание</translation>
    </message>
    <message>
        <source>Tilt +3 dB per octave</source>
        <translation>Наклон +3 дБ на октаву</translation>
    </message>
    <message>
        <source>Tilt +4.5 dB per octave</source>
        <translation>Наклон +4,5 дБ на октаву</translation>
    </message>
    <message>
        <source>Logarithmic (number of bands)</source>
        <translation>Логарифмическая (число полос)</translation>
    </message>
    <message>
        <source>Fractional octaves (IEC 61260-1)</source>
        <translation>Доли октавы (IEC 61260-1)</translation>
    </message>
    <message>
        <source>1 (octaves)</source>
        <translation>1 (октавы)</translation>
    </message>
    <message>
        <source>1/%1 octave</source>
        <translation>1/%1 октавы</translation>
    </message>
    <message>
        <source>Docked strip</source>
        <translation>Полоса у края</translation>
    </message>
    <message>
        <source>Application: %1</source>
        <translation>Приложение: %1</translation>
    </message>
    <message>
        <source>A/V offset:</source>
        <translation>Сдвиг A/V:</translation>
    </message>
    <message>
        <source>Web pages&apos; A/V offset:</source>
        <translation>Сдвиг A/V веб-страниц:</translation>
    </message>
</context>
<context>
    <name>spectray::gui::SpectrumWindow</name>
    <message>
        <source>Spectray spectrum</source>
        <translation>Спектр Spectray</translation>
    </message>
</context>
<context>
    <name>spectray::gui::Style</name>
    <message>
        <source>Mirrored bars</source>
        <translation>Зеркальные столбцы</translation>
    </message>
    <message>
        <source>Filled curve</source>
        <translation>Заполненная кривая</translation>
    </message>
    <message>
        <source>LED segments</source>
        <translation>Светодиодные сегменты</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Spectrogram</source>
        <translation>Спектрограмма</translation>
    </message>
    <message>
        <source>Radial</source>
        <translation>Радиальный</translation>
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
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Capturing</source>
        <translation>Захват идёт</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Тишина</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Переподключение…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Spectray — %1</source>
        <translation>Spectray — %1</translation>
    </message>
    <message>
        <source>%1 frames per second</source>
        <translation>%1 кадров в секунду</translation>
    </message>
    <message>
        <source>Web clients: %1</source>
        <translation>Веб-клиентов: %1</translation>
    </message>
</context>
<context>
    <name>spectray::gui::dock::XcbEdgeReservation</name>
    <message>
        <source>This session does not let applications reserve a screen edge (Wayland); the strip is shown as an ordinary window. Start Spectray through XWayland (QT_QPA_PLATFORM=xcb) to dock it.</source>
        <translation>Этот сеанс не позволяет приложениям резервировать край экрана (Wayland); полоса показана как обычное окно. Чтобы закрепить её, запустите Spectray через XWayland (QT_QPA_PLATFORM=xcb).</translation>
    </message>
    <message>
        <source>The strip is on an edge between two monitors: X11 reserves space only along the outer edges of the desktop, so other windows may cover it.</source>
        <translation>Полоса находится на границе двух мониторов: X11 резервирует место только вдоль внешних краёв рабочего стола, поэтому другие окна могут её перекрывать.</translation>
    </message>
</context>
<context>
    <name>spectray::main</name>
    <message>
        <source>no display found — running headless (capture and LAN server only)</source>
        <translation>дисплей не найден — работа без окон (только захват и сервер LAN)</translation>
    </message>
    <message>
        <source>Spectray settings</source>
        <translation>Настройки Spectray</translation>
    </message>
    <message>
        <source>this program has no window (that is spectray) — running headless</source>
        <translation>у этой программы нет окна (оно есть у spectray) — работаю без окна</translation>
    </message>
</context>
<context>
    <name>spectray::net::HttpFront</name>
    <message>
        <source>it is already in use by another program</source>
        <translation>он уже занят другой программой</translation>
    </message>
    <message>
        <source>Cannot listen on port %1 (%2): %3. Choose another port with --port N or in Settings &gt; LAN server.</source>
        <translation>Не удаётся слушать порт %1 (%2): %3. Выберите другой порт через --port N или в Настройки &gt; Сервер LAN.</translation>
    </message>
    <message>
        <source>WebSocket needs HTTP/1.1.</source>
        <translation>Для WebSocket нужен HTTP/1.1.</translation>
    </message>
    <message>
        <source>Missing Host header.</source>
        <translation>Отсутствует заголовок Host.</translation>
    </message>
    <message>
        <source>Missing &quot;Connection: Upgrade&quot;.</source>
        <translation>Отсутствует «Connection: Upgrade».</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key must be 16 bytes in base64.</source>
        <translation>Sec-WebSocket-Key должен занимать 16 байт в base64.</translation>
    </message>
</context>
<context>
    <name>spectray::net::StreamServer</name>
    <message>
        <source>Too many failed attempts from this address; try again later.</source>
        <translation>Слишком много неудачных попыток с этого адреса; попробуйте позже.</translation>
    </message>
    <message>
        <source>This page&apos;s origin may not connect.</source>
        <translation>Источнику этой страницы подключение запрещено.</translation>
    </message>
    <message>
        <source>Missing or wrong access token: open the URL Spectray prints, with its #t=... part.</source>
        <translation>Токен доступа отсутствует или неверен: откройте адрес, который выводит Spectray, вместе с частью #t=...</translation>
    </message>
    <message>
        <source>Server full: at most %1 clients.</source>
        <translation>Сервер заполнен: не более %1 клиентов.</translation>
    </message>
    <message>
        <source>Spectray is shutting down.</source>
        <translation>Spectray завершает работу.</translation>
    </message>
    <message>
        <source>The access token was changed.</source>
        <translation>Токен доступа изменён.</translation>
    </message>
    <message>
        <source>Binary messages are not accepted; send JSON text.</source>
        <translation>Двоичные сообщения не принимаются; отправляйте текст JSON.</translation>
    </message>
    <message>
        <source>Too many invalid messages.</source>
        <translation>Слишком много неверных сообщений.</translation>
    </message>
</context>
<context>
    <name>spectray::outputs</name>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: expected mqtt://[user[:password]@]host[:port][/prefix] or mqtts://...</source>
        <translation>недопустимый URL MQTT «%1»: ожидается mqtt://[user[:password]@]host[:port][/prefix] или mqtts://...</translation>
    </message>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: no broker host</source>
        <translation>недопустимый URL MQTT «%1»: не указан хост брокера</translation>
    </message>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: unexpected &apos;?&apos; or &apos;#&apos;</source>
        <translation>недопустимый URL MQTT «%1»: неожиданный «?» или «#»</translation>
    </message>
    <message>
        <source>invalid MQTT URL &apos;%1&apos;: port out of range</source>
        <translation>недопустимый URL MQTT «%1»: порт вне допустимого диапазона</translation>
    </message>
    <message>
        <source>invalid MQTT topic prefix &apos;%1&apos;: no &apos;+&apos;, &apos;#&apos; or empty levels</source>
        <translation>недопустимый префикс темы MQTT «%1»: «+», «#» и пустые уровни запрещены</translation>
    </message>
    <message>
        <source>invalid port &apos;%1&apos; (1-65535)</source>
        <translation>недопустимый порт «%1» (1–65535)</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: missing &apos;]&apos;</source>
        <translation>недопустимая цель WLED «%1»: нет «]»</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;</source>
        <translation>недопустимая цель WLED «%1»</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: write IPv6 addresses as [ADDRESS]:PORT</source>
        <translation>недопустимая цель WLED «%1»: записывайте адреса IPv6 как [АДРЕС]:ПОРТ</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: %2</source>
        <translation>недопустимая цель WLED «%1»: %2</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: not an address packets can be sent to</source>
        <translation>недопустимая цель WLED «%1»: на этот адрес нельзя отправлять пакеты</translation>
    </message>
    <message>
        <source>invalid WLED target &apos;%1&apos;: expected multicast, broadcast, an address or a host name</source>
        <translation>недопустимая цель WLED «%1»: ожидается multicast, broadcast, адрес или имя хоста</translation>
    </message>
    <message>
        <source>invalid multicast TTL &apos;%1&apos; (1-255)</source>
        <translation>недопустимый TTL многоадресной рассылки «%1» (1–255)</translation>
    </message>
</context>
<context>
    <name>spectray::outputs::MqttPublisher</name>
    <message>
        <source>MQTT: invalid topic prefix &apos;%1&apos;</source>
        <translation>MQTT: недопустимый префикс топика «%1»</translation>
    </message>
    <message>
        <source>MQTT: no broker host</source>
        <translation>MQTT: не указан хост брокера</translation>
    </message>
    <message>
        <source>MQTT: cannot read the CA file &apos;%1&apos;</source>
        <translation>MQTT: не удаётся прочитать файл CA «%1»</translation>
    </message>
    <message>
        <source>MQTT: cannot start the network thread: %1</source>
        <translation>MQTT: не удаётся запустить сетевой поток: %1</translation>
    </message>
    <message>
        <source>MQTT: connecting to %1:%2</source>
        <translation>MQTT: подключение к %1:%2</translation>
    </message>
    <message>
        <source>MQTT: cannot create a client (out of memory)</source>
        <translation>MQTT: не удаётся создать клиента (нет памяти)</translation>
    </message>
    <message>
        <source>MQTT: TLS setup failed: %1</source>
        <translation>MQTT: ошибка настройки TLS: %1</translation>
    </message>
    <message>
        <source>MQTT: off</source>
        <translation>MQTT: выключен</translation>
    </message>
    <message>
        <source>MQTT: connected to %1:%2</source>
        <translation>MQTT: подключено к %1:%2</translation>
    </message>
    <message>
        <source>MQTT: broker %1:%2 refused the connection: %3 (retrying)</source>
        <translation>MQTT: брокер %1:%2 отклонил подключение: %3 (повтор)</translation>
    </message>
    <message>
        <source>MQTT: connection to %1:%2 lost, reconnecting</source>
        <translation>MQTT: связь с %1:%2 потеряна, переподключение</translation>
    </message>
    <message>
        <source>MQTT: cannot reach broker %1:%2 (retrying)</source>
        <translation>MQTT: брокер %1:%2 недоступен (повтор)</translation>
    </message>
    <message>
        <source>MQTT: %1 has no function %2</source>
        <translation>MQTT: в %1 нет функции %2</translation>
    </message>
    <message>
        <source>MQTT: cannot load libmosquitto (%1); install it to publish to a broker</source>
        <translation>MQTT: не удаётся загрузить libmosquitto (%1); установите её, чтобы публиковать в брокер</translation>
    </message>
</context>
<context>
    <name>spectray::outputs::OutputService</name>
    <message>
        <source>LED sync: off</source>
        <translation>LED-синхронизация: выкл.</translation>
    </message>
    <message>
        <source>LED sync: sending to %1 (%2 packets/s now)</source>
        <translation>LED-синхронизация: отправка на %1 (сейчас %2 пакетов/с)</translation>
    </message>
    <message>
        <source>MQTT: off</source>
        <translation>MQTT: выкл.</translation>
    </message>
    <message>
        <source>LED sync: %1 (setting %2)</source>
        <translation>LED-синхронизация: %1 (настройка %2)</translation>
    </message>
</context>
<context>
    <name>spectray::outputs::WledSender</name>
    <message>
        <source>LED sync cannot open a UDP socket: %1</source>
        <translation>Синхронизация LED не может открыть UDP-сокет: %1</translation>
    </message>
    <message>
        <source>LED sync: no network interface named &apos;%1&apos;</source>
        <translation>Синхронизация LED: нет сетевого интерфейса «%1»</translation>
    </message>
    <message>
        <source>only IPv4 multicast groups are supported (WLED listens on 239.0.0.1)</source>
        <translation>поддерживаются только группы IPv4 multicast (WLED слушает 239.0.0.1)</translation>
    </message>
    <message>
        <source>unknown host (%1)</source>
        <translation>неизвестный хост (%1)</translation>
    </message>
    <message>
        <source>LED sync to %1: %2</source>
        <translation>Синхронизация LED с %1: %2</translation>
    </message>
    <message>
        <source>cannot open an IPv6 socket</source>
        <translation>не удаётся открыть сокет IPv6</translation>
    </message>
</context>
<context>
    <name>spectray::web</name>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>В эфире</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Тишина</translation>
    </message>
    <message>
        <source>Capture stopped</source>
        <translation>Захват остановлен</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Capture error</source>
        <translation>Ошибка захвата</translation>
    </message>
    <message>
        <source>Server stopped</source>
        <translation>Сервер остановлен</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>Переподключение через %1 с</translation>
    </message>
    <message>
        <source>This link has no access token.</source>
        <translation>В этой ссылке нет токена доступа.</translation>
    </message>
    <message>
        <source>Access refused: the link&apos;s token is wrong or out of date.</source>
        <translation>Доступ запрещён: токен в ссылке неверен или устарел.</translation>
    </message>
    <message>
        <source>Ask for a new link or scan the QR code again.</source>
        <translation>Запросите новую ссылку или снова отсканируйте QR-код.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <source>Colour theme</source>
        <translation>Цветовая тема</translation>
    </message>
    <message>
        <source>Peak caps</source>
        <translation>Пики</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Сглаживание</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>Частота кадров</translation>
    </message>
    <message>
        <source>Frequency labels</source>
        <translation>Подписи частот</translation>
    </message>
    <message>
        <source>Follow the desktop style</source>
        <translation>Как на рабочем столе</translation>
    </message>
    <message>
        <source>A/V offset (ms)</source>
        <translation>Сдвиг A/V (мс)</translation>
    </message>
    <message>
        <source>Limit flashes (photosensitivity)</source>
        <translation>Ограничить вспышки (фоточувствительность)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Во весь экран</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Слабое</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычное</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Сильное</translation>
    </message>
    <message>
        <source>As sent</source>
        <translation>Как в потоке</translation>
    </message>
    <message>
        <source>dB grid</source>
        <translation>Сетка дБ</translation>
    </message>
</context>
</TS>
