#pragma once

// One open WASAPI stream: shared-mode, event-driven; loopback for render endpoints, plain capture
// for capture endpoints, process loopback for one application. Lives on (and is only touched by) the backend's capture thread.

#include "capture/audiobackend.h"
#include "capture/wasapi/comsupport.h"
#include "capture/wasapi/processloopback.h"
#include "capture/wasapi/sampleconvert.h"
#include "capture/wasapi/silenceclock.h"

#include <audioclient.h>
#include <mmdeviceapi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spectray::capture::wasapi {

class CaptureStream final
{
public:
    CaptureStream() = default;
    ~CaptureStream() { close(); }
    CaptureStream(const CaptureStream &) = delete;
    CaptureStream &operator=(const CaptureStream &) = delete;

    // Initialises and starts the stream; `event` is signalled by WASAPI when a packet is ready.
    bool open(IMMDevice *device, HANDLE event, std::string &error);
    // The same for what one process tree plays (or everything but it): process loopback.
    bool openProcess(DWORD pid, LoopbackMode mode, HANDLE event, std::string &error);
    void close();
    bool isOpen() const { return bool(m_capture); }

    // Hands every queued packet to `sink`, minus what `clock` says zeros already stood in for.
    // Returns the first failure (AUDCLNT_E_DEVICE_INVALIDATED when the endpoint went away) or S_OK;
    // `frames` counts the frames read from the device.
    HRESULT drain(CaptureSink *sink, SilenceClock &clock, std::uint64_t &frames);
    // Delivers `frames` zero frames in buffer-sized pieces, marked silent.
    void deliverSilence(CaptureSink *sink, std::uint64_t frames);

    const MixFormat &mixFormat() const { return m_mix; }
    StreamFormat streamFormat() const { return {m_mix.sampleRate, m_mix.channels}; }
    // For a render endpoint's loopback: how long after capture its audio is heard, from what the
    // audio engine reports (stream latency + device period); nullopt for inputs and application
    // streams, and where Windows gives no figure.
    std::optional<double> outputLatencyMs() const { return m_outputLatencyMs; }

private:
    bool startClient(HANDLE event, std::string &error); // event handle, capture client, buffers, Start
    std::optional<double> queryOutputLatencyMs() const;

    ComPtr<IAudioClient> m_client;
    ComPtr<IAudioCaptureClient> m_capture;
    MixFormat m_mix;
    std::vector<float> m_scratch; // sized once per open: the hot path never allocates
    std::size_t m_scratchFrames = 0;
    std::int64_t m_qpcFrequency = 0;
    std::optional<double> m_outputLatencyMs;
};

} // namespace spectray::capture::wasapi
