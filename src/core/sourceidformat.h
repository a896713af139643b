#pragma once

// The spelling of source ids, for every layer. Plain C++ (no Qt) so the capture backends, which
// must stay Qt-free, read the same constants as core's SourceId, which owns parsing and printing.

namespace spectray::sourceid {

// Follows the system's default output wherever it moves (a loopback of the default sink/endpoint).
inline constexpr const char *kDefaultOutput = "default-output";
// The synthetic generator, for machines with no audio server.
inline constexpr const char *kDemo = "demo";
// Prefixes; what follows is the backend's own name for the thing.
inline constexpr const char *kFilePrefix = "file:";     // file:PATH, played in real time, looping
inline constexpr const char *kQtPrefix = "qt:";         // qt:<QAudioDevice::id()>
inline constexpr const char *kAppPrefix = "app:";       // app:BINARY, one application's audio
// app-except:BINARY, everything that plays except that application (all its streams and, on
// Windows, its process tree). Not a sub-prefix of "app:", so neither can be mistaken for the other.
inline constexpr const char *kAppExceptPrefix = "app-except:";
inline constexpr const char *kPulsePrefix = "pulse:";   // pulse:<source name> (a sink's .monitor or an input)
inline constexpr const char *kWasapiPrefix = "wasapi:"; // wasapi:<endpoint id>

// English name of the demo for the Qt-free layers (logs, the WASAPI probe). What people see is
// SourceId::displayName(), translated; a static_assert there keeps the two spellings equal.
inline constexpr const char *kDemoName = "Demo signal (synthetic)";

} // namespace spectray::sourceid
