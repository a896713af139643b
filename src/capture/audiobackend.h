#pragma once

// The capture layer's one interface. Pure C++ (no Qt), so the WASAPI backend and its console
// probe cross-compile with MinGW where Debian has no Qt.

#include "core/sourceidformat.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spectray::capture {

enum class DeviceKind {
    Loopback, // what an output plays (a PulseAudio monitor, a WASAPI render endpoint)
    Input,    // a microphone, line-in
    Virtual,  // demo generator, file
    Application, // one application's playback ("app:BINARY"), all of its streams
};

struct DeviceInfo
{
    std::string id;   // stable across runs, e.g. "pulse:alsa_output.pci-0000_00_1f.3.analog-stereo.monitor"
    std::string name; // human-readable, e.g. "Monitor of Built-in Audio Analog Stereo"
    DeviceKind kind = DeviceKind::Loopback;
    bool isDefault = false; // the system's default output (for loopback) or default input
    std::string iconName = {}; // icon theme name, if the system gives one (application.icon_name)
};

struct StreamFormat
{
    int sampleRate = 0;
    int channels = 0;
};

enum class StreamEvent {
    Started,       // first audio arrived (message names the device)
    DeviceLost,    // the device went away or the stream was moved; backend fell back (message says to what)
    ServerLost,    // the audio server went away; backend keeps retrying
    ServerBack,    // reconnected after ServerLost
    Failed,        // cannot capture at all; message says why. The backend stays closed.
    Waiting,       // an application source has no stream now (stopped, paused, closed); the backend
                   // keeps the source and picks its next stream up. deviceName names the app.
};

// Receives everything a backend reports. Methods are called on the backend's own thread(s), never
// concurrently with each other for one backend. The engine analyses the audio inside onAudio (well
// under a millisecond per frame), so the thread that receives the samples also makes the frames and
// no other thread wakes per packet. A sink never waits for another thread and never calls the
// backend back, so a backend may hold its own lock while it calls the sink.
class CaptureSink
{
public:
    virtual ~CaptureSink() = default;
    // Interleaved float samples in [-1, 1]. `silentHint` is true when the source says the packet is
    // silence (WASAPI's AUDCLNT_BUFFERFLAGS_SILENT); the samples are zeros then.
    virtual void onAudio(const float *interleaved, std::size_t frames, const StreamFormat &format,
                         bool silentHint) = 0;
    // The device list changed (added, removed, default moved). Full list every time.
    virtual void onDevicesChanged(const std::vector<DeviceInfo> &devices) = 0;
    // Something happened to the stream; `deviceId`/`deviceName` say what is being captured now.
    virtual void onStreamEvent(StreamEvent event, const std::string &message, const std::string &deviceId,
                               const std::string &deviceName) = 0;
    // How long after capture the captured audio is heard, as the audio server reports it for the
    // monitored output (PulseAudio: the sink's latency with its port's latency offset; WASAPI: the
    // stream latency plus the device period). Called after open() and whenever the figure changes;
    // std::nullopt = the server gives no figure for this source (an input, the demo, a file).
    // A source that never calls it has no figure either.
    virtual void onOutputLatency(std::optional<double> latencyMs) { (void)latencyMs; }
};

// A source of audio. Lifetime: construct, setSink, then open/close any number of times; the
// destructor closes. All methods are called from one thread (the engine worker's).
class AudioBackend
{
public:
    virtual ~AudioBackend() = default;

    // Short name for logs and --list-devices ("pulse", "wasapi", "demo", "file", "qt").
    virtual std::string name() const = 0;
    // Must be called before open(); the sink must outlive the backend's open stream.
    virtual void setSink(CaptureSink *sink) = 0;
    // Current devices. May block briefly (connects to the server the first time). Empty if none.
    virtual std::vector<DeviceInfo> devices() = 0;
    // Starts streaming from `deviceId` (an id from devices(), or "" / "default-output" for the
    // default output that follows the system default). Returns false with `error` set on failure.
    virtual bool open(const std::string &deviceId, std::string &error) = 0;
    // Stops streaming and releases the device; no sink calls after it returns.
    virtual void close() = 0;
    // Hint from the engine: the source has been silent for a while, so deliver larger chunks
    // (fewer wake-ups) until sound returns. Backends may ignore it.
    virtual void setIdle(bool idle) { (void)idle; }
    // Hint from the engine: deliver audio in chunks of about `seconds` (a frame hop or an even part
    // of it), so each chunk completes a frame and the receiving thread wakes once per frame.
    // 0 = the backend's own default. May be called before open() and while streaming.
    virtual void setPreferredChunk(double seconds) { (void)seconds; }
};

// The id meaning "the system's default output, following it when it changes".
inline constexpr const char *kDefaultOutputId = sourceid::kDefaultOutput;

// The platform's system backend (PulseAudio on Linux, WASAPI on Windows), or nullptr where the
// platform has none. Defined by exactly one backend .cpp, chosen by CMake.
std::unique_ptr<AudioBackend> createSystemBackend();

// Always available: a clearly labelled synthetic signal, for machines with no audio server.
std::unique_ptr<AudioBackend> createDemoBackend();

// Plays an audio file (WAV, FLAC, Ogg via libsndfile) in real time, looping; device id "file:PATH".
std::unique_ptr<AudioBackend> createFileBackend(const std::string &path);

} // namespace spectray::capture
