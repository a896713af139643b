#pragma once

#include "core/analysisconfig.h"
#include "core/audiofeatures.h"
#include "core/bandlayout.h"
#include "core/spectrumframe.h"
#include "dsp/analyzerconfig.h"
#include "dsp/streamframer.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace spectray {

// The one conversion from what the user asks (AnalysisConfig) to what the analyzer runs
// (dsp::AnalyzerConfig) for a stream at `sampleRate`: the profile parsed, maxHz capped at the
// Nyquist frequency, the result validated. Returns an empty string when usable, else a one-line
// reason. New AnalysisConfig fields are added here and nowhere else.
QString toAnalyzerConfig(const AnalysisConfig &config, int sampleRate, dsp::AnalyzerConfig &out);

// config -> analyzer -> BandLayout -> SpectrumFrame values. Live capture (CaptureWorker) and
// `--analyze` (analyzeFile) both run their samples through this class, so the same samples give the
// same frames whatever the chunking. No Qt event loop, no threads; one thread uses it at a time.
//
// After configure() nothing allocates per frame: the framer's ring and the frame handed to the sink
// are reused (a sink that keeps a copy shares the band list, and the next frame then gets a fresh
// one, which is the price of sending values across threads).
class FeatureTap;

class AnalysisPipeline final
{
public:
    using FrameSink = std::function<void(const SpectrumFrame &)>;
    // AudioFeatures of the same samples as the frame, with the frame's sequence (FeatureTap).
    using FeatureSink = std::function<void(const AudioFeatures &)>;
    enum class Clock {
        Stream, // wallClockMs stays 0 (offline analysis: the file has no wall-clock time)
        Wall,   // wallClockMs is the time the frame was made (live capture), playTsMs when it is heard
    };

    explicit AnalysisPipeline(Clock clock = Clock::Stream);
    ~AnalysisPipeline();
    AnalysisPipeline(const AnalysisPipeline &) = delete;
    AnalysisPipeline &operator=(const AnalysisPipeline &) = delete;

    // Builds the analyzer for `config` at `sampleRate`. On failure nothing changes and `error` (if
    // given) says why. A new analyzer starts its auto-gain afresh and waits for a full window again;
    // the frame sequence and the stream clock keep counting from where the old one stopped.
    bool configure(const AnalysisConfig &config, int sampleRate, QString *error);
    // Drops the analyzer (capture closed); sequence and stream clock keep counting.
    void clear();

    bool isConfigured() const { return m_framer != nullptr; }
    const AnalysisConfig &config() const { return m_config; }
    const BandLayout &layout() const { return m_layout; } // valid once configured
    int sampleRate() const { return m_sampleRate; }
    int windowSize() const; // samples one frame analyses; 0 when not configured
    std::uint64_t framesMade() const { return m_frame.sequence; }

    // Interleaved samples in; `sink` is called for every frame that becomes due, with a frame whose
    // storage the pipeline reuses. Does nothing when not configured.
    void push(const float *interleaved, std::size_t frames, int channels, const FrameSink &sink);
    // The channel count changed: the history no longer lines up, so wait for a full window again.
    void restartHistory();
    // Audio that never reached the pipeline (dropped upstream) still moves the stream clock.
    void skip(std::uint64_t frames, int sampleRate);
    // While muted the analysis keeps running (history, auto-gain, clock) but no frame is handed out
    // or numbered, so the sequence has no gaps when frames resume (see SilenceDetector).
    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }
    // Non-null: every frame is followed by its AudioFeatures through *sink (which must outlive its
    // use). Null: no feature analysis runs at all, so a session without LAN outputs pays nothing.
    void setFeatureSink(const FeatureSink *sink);
    // The output latency the audio server reports for the monitored device (nullopt: no figure, so
    // frames are taken as heard when made). Live frames get playTsMs = wallClockMs + this; each
    // output adds its user's A/V offset on its own. Safe from any thread (the capture backend's
    // report may arrive on its own thread while another analyses).
    void setOutputLatencyMs(std::optional<double> latencyMs);
    bool featuresEnabled() const { return m_featureSink != nullptr; }

private:
    void onValues(const dsp::FrameValues &values, std::uint64_t samplesDelivered);
    void retireFramer();

    Clock m_clock;
    AnalysisConfig m_config;
    BandLayout m_layout;
    int m_sampleRate = 0;
    std::unique_ptr<dsp::SpectrumAnalyzer> m_analyzer;
    std::unique_ptr<dsp::StreamFramer> m_framer;
    dsp::StreamFramer::FrameCallback m_onValues; // made once: binding it per push could allocate
    const FrameSink *m_sink = nullptr;           // during push() only
    const FeatureSink *m_featureSink = nullptr;
    std::unique_ptr<FeatureTap> m_tap;           // while m_featureSink is set
    std::uint64_t m_pushStart = 0;               // framer's samplesDelivered() when push() began
    SpectrumFrame m_frame;                       // reused; its sequence is the next frame's number
    double m_streamTimeBase = 0.0;               // seconds from earlier analyzers and dropped audio
    bool m_muted = false;
    std::atomic<std::int64_t> m_outputLatencyMs{0}; // whole ms; 0 also when there is no figure
};

} // namespace spectray
