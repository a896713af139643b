#pragma once

#include <QMetaType>
#include <QString>

namespace spectray {

// What a source id means. Owns the id format: every layer that reads an id asks a SourceId instead
// of comparing prefixes itself (the spellings are in sourceidformat.h).
//
//   default-output     the system's default output, followed when it changes
//   pulse:NAME         a system device (wasapi:ID on Windows): an output's monitor or an input
//   demo               the synthetic signal
//   file:PATH          a sound file played in real time, looping
//   qt:ID              a Qt Multimedia input
//   app:BINARY         one application's audio (all its streams, followed when they restart or move)
//   app-except:BINARY  everything that plays except that application
//
// Anything else is not an id but a name the user typed ("Built-in"), matched against the device
// list by resolveSource(). Whether a system device is a monitor or an input is not in its id: the
// device list (AudioDevice::kind) says that.
class SourceId final
{
public:
    enum class Kind {
        Name,          // not an id: free text to match against device names
        DefaultOutput,
        SystemDevice,
        Demo,
        File,
        QtInput,
        Application,
        AllExceptApplication,
    };

    SourceId() = default; // the default output
    // Never fails: empty text is the default output, anything unknown is Kind::Name.
    static SourceId parse(const QString &text);
    static SourceId defaultOutput() { return {}; }
    static SourceId demo();
    static SourceId file(const QString &path);
    static SourceId qtInput(const QString &qtDeviceId);
    static SourceId application(const QString &binary);
    static SourceId allExceptApplication(const QString &binary);

    Kind kind() const { return m_kind; }
    // One application's audio or everything but it: the argument is the application's binary.
    bool isApplication() const { return m_kind == Kind::Application || m_kind == Kind::AllExceptApplication; }
    // The part after the prefix: the path, the binary, the Qt device id; the whole id for a system
    // device (its backend parses it); the text itself for Kind::Name; empty for the default output
    // and the demo.
    QString argument() const { return m_argument; }
    QString toString() const;
    // Played by one of the engine's own generators (demo, file) rather than a capture device.
    bool isVirtual() const { return m_kind == Kind::Demo || m_kind == Kind::File; }
    // Names a source without asking a backend (the default output, the demo, a file, an app).
    bool isSelfDescribing() const
    {
        return m_kind != Kind::Name && m_kind != Kind::SystemDevice && m_kind != Kind::QtInput;
    }
    // What people see for a self-describing id (translated); empty for the others, whose names
    // come from the device list.
    QString displayName() const;
    // "Everything except <app>" for an application's name (the tray and settings label the
    // exclusion entries with the app's own name rather than its binary).
    static QString allExceptLabel(const QString &applicationName);

    friend bool operator==(const SourceId &, const SourceId &) = default;

private:
    SourceId(Kind kind, QString argument) : m_kind(kind), m_argument(std::move(argument)) {}

    Kind m_kind = Kind::DefaultOutput;
    QString m_argument;
};

} // namespace spectray

Q_DECLARE_METATYPE(spectray::SourceId)
