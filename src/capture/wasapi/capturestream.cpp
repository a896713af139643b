#include "capture/wasapi/capturestream.h"

#include "capture/wasapi/wasapidevices.h"

#include <algorithm>
#include <chrono>

namespace spectray::capture::wasapi {

namespace {
// Shared-mode buffer we ask for (100 ns units): 200 ms rides out a busy worker without overruns.
constexpr REFERENCE_TIME kBufferDuration = 2000000;

// Performance counter now, in the 100 ns units of GetBuffer's QPC position; split so the
// multiplication cannot overflow after a long uptime.
std::int64_t qpcNow100ns(std::int64_t frequency)
{
    LARGE_INTEGER counter;
    QueryPerformanceCounter(&counter);
    const std::int64_t q = counter.QuadPart;
    return q / frequency * 10000000 + q % frequency * 10000000 / frequency;
}
} // namespace

bool CaptureStream::open(IMMDevice *device, HANDLE event, std::string &error)
{
    close();
    HRESULT hr = device->Activate(__uuidof(IAudioClient), CLSCTX_ALL, nullptr, m_client.putVoid());
    if (hr < 0) {
        error = "cannot activate the audio client: " + hresultText(hr);
        return false;
    }
    WAVEFORMATEX *rawFormat = nullptr;
    hr = m_client->GetMixFormat(&rawFormat);
    if (hr < 0 || !rawFormat) {
        error = "cannot read the mix format: " + hresultText(hr);
        close();
        return false;
    }
    const CoTaskMemPtr<WAVEFORMATEX> format(rawFormat);
    m_mix = describeWaveFormat(format.get());
    if (!isSupported(m_mix, error)) {
        close();
        return false;
    }

    // The shared-mode mix format is always accepted as is, so no conversion is requested from
    // Windows; loopback only for render endpoints (capture endpoints record directly).
    DWORD flags = AUDCLNT_STREAMFLAGS_EVENTCALLBACK;
    const bool loopback = isRenderEndpoint(device);
    if (loopback)
        flags |= AUDCLNT_STREAMFLAGS_LOOPBACK;
    hr = m_client->Initialize(AUDCLNT_SHAREMODE_SHARED, flags, kBufferDuration, 0, format.get(), nullptr);
    if (hr < 0) {
        error = "cannot initialise the stream: " + hresultText(hr);
        close();
        return false;
    }
    // Only what a render endpoint plays has an output latency; a microphone is heard as captured.
    m_outputLatencyMs = loopback ? queryOutputLatencyMs() : std::nullopt;
    return startClient(event, error);
}

std::optional<double> CaptureStream::queryOutputLatencyMs() const
{
    // What loopback sees has just been mixed for the endpoint: it is heard after the shared
    // stream's latency (the engine's buffering) plus one device period (the period being played).
    // Both in 100 ns units; a failure (or 0, nothing reported) means Windows gives no figure.
    REFERENCE_TIME streamLatency = 0;
    REFERENCE_TIME defaultPeriod = 0;
    if (m_client->GetStreamLatency(&streamLatency) < 0 || m_client->GetDevicePeriod(&defaultPeriod, nullptr) < 0)
        return std::nullopt;
    if (streamLatency <= 0 && defaultPeriod <= 0)
        return std::nullopt;
    return double(streamLatency + defaultPeriod) / 10000.0;
}

bool CaptureStream::openProcess(DWORD pid, LoopbackMode mode, HANDLE event, std::string &error)
{
    close();
    m_client = activateProcessLoopback(pid, mode, error);
    if (!m_client)
        return false;
    // The process loopback device has no mix format of its own (GetMixFormat is not implemented
    // there); Windows converts to the format we ask for, so ask for what the analyser likes best.
    WAVEFORMATEX format {};
    format.wFormatTag = WAVE_FORMAT_IEEE_FLOAT;
    format.nChannels = 2;
    format.nSamplesPerSec = 48000;
    format.wBitsPerSample = 32;
    format.nBlockAlign = WORD(format.nChannels * format.wBitsPerSample / 8);
    format.nAvgBytesPerSec = format.nSamplesPerSec * format.nBlockAlign;
    m_mix = describeWaveFormat(&format);
    if (!isSupported(m_mix, error)) {
        close();
        return false;
    }
    const DWORD flags = AUDCLNT_STREAMFLAGS_LOOPBACK | AUDCLNT_STREAMFLAGS_EVENTCALLBACK
                        | AUDCLNT_STREAMFLAGS_AUTOCONVERTPCM;
    const HRESULT hr = m_client->Initialize(AUDCLNT_SHAREMODE_SHARED, flags, kBufferDuration, 0, &format, nullptr);
    if (hr < 0) {
        error = "cannot initialise the application stream: " + hresultText(hr);
        close();
        return false;
    }
    return startClient(event, error);
}

bool CaptureStream::startClient(HANDLE event, std::string &error)
{
    HRESULT hr = m_client->SetEventHandle(event);
    if (hr >= 0)
        hr = m_client->GetService(__uuidof(IAudioCaptureClient), m_capture.putVoid());
    UINT32 bufferFrames = 0;
    if (hr >= 0)
        hr = m_client->GetBufferSize(&bufferFrames);
    if (hr < 0) {
        error = "cannot set up capture: " + hresultText(hr);
        close();
        return false;
    }
    LARGE_INTEGER frequency;
    QueryPerformanceFrequency(&frequency);
    m_qpcFrequency = frequency.QuadPart > 0 ? frequency.QuadPart : 1;
    m_scratchFrames = std::max<std::size_t>(bufferFrames, std::size_t(m_mix.sampleRate / 10));
    m_scratch.assign(m_scratchFrames * std::size_t(m_mix.channels), 0.0f);
    hr = m_client->Start();
    if (hr < 0) {
        error = "cannot start the stream: " + hresultText(hr);
        close();
        return false;
    }
    return true;
}

void CaptureStream::close()
{
    m_outputLatencyMs.reset();
    if (m_client)
        m_client->Stop();
    m_capture.reset();
    m_client.reset();
}

HRESULT CaptureStream::drain(CaptureSink *sink, SilenceClock &clock, std::uint64_t &frames)
{
    using namespace std::chrono;
    frames = 0;
    if (!m_capture)
        return S_OK;
    const StreamFormat fmt = streamFormat();
    UINT32 packet = 0;
    HRESULT hr = m_capture->GetNextPacketSize(&packet);
    while (hr >= 0 && packet > 0) {
        BYTE *data = nullptr;
        UINT32 count = 0;
        DWORD flags = 0;
        UINT64 qpcPosition = 0;
        hr = m_capture->GetBuffer(&data, &count, &flags, nullptr, &qpcPosition);
        if (hr < 0 || hr == AUDCLNT_S_BUFFER_EMPTY)
            break;
        const auto now = SilenceClock::Clock::now();
        const bool silent = (flags & AUDCLNT_BUFFERFLAGS_SILENT) != 0;
        // A packet never exceeds the endpoint buffer, which the scratch covers; clamp anyway.
        const std::size_t n = std::min<std::size_t>(count, m_scratchFrames);
        if (silent || !data)
            std::fill_n(m_scratch.begin(), n * std::size_t(fmt.channels), 0.0f);
        else
            convertToFloat(data, n, m_mix, m_scratch.data());

        // When was the first frame recorded? From the packet's QPC stamp if it is sane, else
        // assume the packet just ended now.
        auto age = duration_cast<SilenceClock::Clock::duration>(nanoseconds(std::int64_t(n) * 1000000000 / fmt.sampleRate));
        const std::int64_t ageHns = qpcNow100ns(m_qpcFrequency) - std::int64_t(qpcPosition);
        if (qpcPosition != 0 && (flags & AUDCLNT_BUFFERFLAGS_TIMESTAMP_ERROR) == 0 && ageHns >= 0
            && ageHns < 50000000)
            age = duration_cast<SilenceClock::Clock::duration>(nanoseconds(ageHns * 100));
        const std::size_t skip = std::size_t(clock.onPacket(now, now - age, n));

        if (sink && n > skip)
            sink->onAudio(m_scratch.data() + skip * std::size_t(fmt.channels), n - skip, fmt, silent);
        frames += n;
        hr = m_capture->ReleaseBuffer(count);
        if (hr < 0)
            break;
        hr = m_capture->GetNextPacketSize(&packet);
    }
    return hr < 0 ? hr : S_OK;
}

void CaptureStream::deliverSilence(CaptureSink *sink, std::uint64_t frames)
{
    if (!sink || m_scratchFrames == 0)
        return;
    const StreamFormat fmt = streamFormat();
    std::fill(m_scratch.begin(), m_scratch.end(), 0.0f);
    while (frames > 0) {
        const std::size_t n = std::size_t(std::min<std::uint64_t>(frames, m_scratchFrames));
        sink->onAudio(m_scratch.data(), n, fmt, true);
        frames -= n;
    }
}

} // namespace spectray::capture::wasapi
