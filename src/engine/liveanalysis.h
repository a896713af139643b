#pragma once

#include "analysispipeline.h"
#include "capture/audiobackend.h"
#include "core/analysisconfig.h"
#include "core/audiofeatures.h"
#include "core/bandlayout.h"
#include "core/spectrumframe.h"
#include "frametap.h"
#include "silencedetector.h"

#include <QString>

#include <atomic>
#include <mutex>
#include <optional>

namespace spectray {

// The hot path of live capture: format following, silence detection and the AnalysisPipeline, run
// on the thread that delivers the audio (PulseAudio's loop thread, a WASAPI/demo/file thread, or
// the worker itself for Qt input). Analysing where the samples arrive means no other thread is
// woken per packet: a frame leaves as soon as the packet that completes it is in (docs/engine.md).
//
// Frames, features and layouts leave through Output on the audio thread. What the worker must act
// on (status, the backend's idle hint, a stream it cannot analyse) leaves as a Notice, which the
// worker posts to itself: a backend must never be called back from inside its own callback.
// The worker's own changes (configuration, features, reset) take the same lock, so one thread at a
// time uses the pipeline. Lock order: a backend's lock, then this one; the worker never calls a
// backend while holding it.
class LiveAnalysis final
{
public:
    enum class Notice {
        AudioArrived, // audio flows (sent once after wantAudioNotice())
        SoundReturned, // silence ended: frames resume with this packet
        BecameSilent, // silence lasted long enough: frames stopped after this packet
        CannotAnalyse, // no analyzer for this stream (detail says why); audio is ignored from now on
    };
    class Output
    {
    public:
        virtual ~Output() = default;
        virtual void liveFrame(const SpectrumFrame &frame) = 0;
        virtual void liveFeatures(const AudioFeatures &features) = 0;
        virtual void liveLayout(const BandLayout &layout) = 0; // before any frame that uses it
        virtual void liveNotice(Notice notice, const QString &detail) = 0;
    };

    LiveAnalysis(Output &output, double silenceSeconds);
    LiveAnalysis(const LiveAnalysis &) = delete;
    LiveAnalysis &operator=(const LiveAnalysis &) = delete;

    // Audio thread: one packet of interleaved samples, as CaptureSink::onAudio gets it.
    void feed(const float *interleaved, std::size_t frames, const capture::StreamFormat &format, bool silentHint);

    // Any thread. A running stream gets a new analyzer at once; false (nothing changed) when the
    // stream cannot be analysed with it.
    bool applyConfig(const AnalysisConfig &config, QString *error);
    void setFeaturesEnabled(bool enabled);
    // The source closed (no feed() runs any more): analyzer, silence state and format forgotten.
    void reset();
    // An application source lost its streams: its next one starts unmuted, with no silence counted.
    void restartSilence();
    // Any thread, lock-free: the output device's reported latency, carried by the frames analysed
    // from now on (AnalysisPipeline keeps it in an atomic).
    void setOutputLatencyMs(std::optional<double> latencyMs) { m_pipeline.setOutputLatencyMs(latencyMs); }
    // Any thread. While a tap is set, frames go to it alone (Output::liveFrame is not called) and it
    // gets every layout too; when this returns, no call to the previous tap is under way.
    void setTap(FrameTap *tap);
    // The next packet sends Notice::AudioArrived (the status waits for audio again).
    void wantAudioNotice() { m_audioNoticeWanted.store(true, std::memory_order_relaxed); }

private:
    bool followFormat(const capture::StreamFormat &format); // lock held
    bool rebuild(int sampleRate, QString *error); // lock held

    Output &m_output;
    std::mutex m_mutex;
    AnalysisPipeline m_pipeline { AnalysisPipeline::Clock::Wall };
    AnalysisPipeline::FrameSink m_emitFrame; // made once, not per packet
    AnalysisPipeline::FeatureSink m_emitFeatures;
    SilenceDetector m_silence;
    AnalysisConfig m_config;
    FrameTap *m_tap = nullptr; // lock held
    capture::StreamFormat m_format;
    bool m_rejected = false; // CannotAnalyse sent: ignore audio until reset()
    std::atomic<bool> m_audioNoticeWanted { false };
};

} // namespace spectray
