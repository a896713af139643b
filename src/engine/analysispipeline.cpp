#include "analysispipeline.h"

#include "dspoptions.h"
#include "featuretap.h"
#include "dsp/spectrumanalyzer.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace spectray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spectray::AnalysisPipeline", text);
}

BandLayout layoutOf(const dsp::SpectrumAnalyzer &analyzer)
{
    const dsp::AnalyzerConfig &cfg = analyzer.config(); // resolved: the sizes and maxHz as run
    BandLayout layout;
    const auto &edges = analyzer.edgesHz();
    layout.edgesHz = QList<double>(edges.begin(), edges.end());
    const auto &latency = analyzer.bandLatencyMs();
    layout.bandLatencyMs = QList<double>(latency.begin(), latency.end());
    layout.fps = cfg.fps;
    layout.sampleRate = cfg.sampleRate;
    layout.profile = QString::fromLatin1(dsp::profileName(cfg.profile));
    layout.fftSize = analyzer.fftSize();
    layout.bassFftSize = analyzer.bassFftSize();
    engine::fillScaleFields(analyzer, layout);
    return layout;
}

} // namespace

QString toAnalyzerConfig(const AnalysisConfig &config, int sampleRate, dsp::AnalyzerConfig &out)
{
    dsp::AnalyzerConfig cfg;
    if (!dsp::parseProfile(config.profile.toStdString(), cfg.profile))
        return tr("unknown profile \"%1\"").arg(config.profile);
    cfg.sampleRate = sampleRate;
    cfg.fps = config.fps;
    cfg.bands = config.bands;
    cfg.minHz = config.minHz;
    // A 44.1 kHz stream cannot show 22.05 kHz and up: the user's maxHz is a wish, not an error.
    cfg.maxHz = std::min(config.maxHz, sampleRate / 2.0);
    cfg.fftSize = config.fftSize;
    cfg.bassFftSize = config.bassFftSize;
    engine::applyScaleOptions(config, cfg);
    if (const std::string problem = dsp::validate(cfg); !problem.empty())
        return QString::fromStdString(problem);
    out = cfg;
    return {};
}

AnalysisPipeline::AnalysisPipeline(Clock clock)
    : m_clock(clock)
    , m_onValues([this](const dsp::FrameValues &values, std::uint64_t delivered) { onValues(values, delivered); })
{
    m_frame.wallClockMs = 0;
}

AnalysisPipeline::~AnalysisPipeline() = default;

bool AnalysisPipeline::configure(const AnalysisConfig &config, int sampleRate, QString *error)
{
    dsp::AnalyzerConfig cfg;
    QString problem = toAnalyzerConfig(config, sampleRate, cfg);
    std::unique_ptr<dsp::SpectrumAnalyzer> analyzer;
    if (problem.isEmpty()) {
        try {
            analyzer = std::make_unique<dsp::SpectrumAnalyzer>(cfg);
        } catch (const std::exception &e) { // validate() passed, so only a failed FFT plan lands here
            problem = QString::fromUtf8(e.what());
        }
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    retireFramer();
    m_analyzer = std::move(analyzer);
    m_framer = std::make_unique<dsp::StreamFramer>(*m_analyzer);
    m_config = config;
    m_sampleRate = sampleRate;
    m_layout = layoutOf(*m_analyzer);
    // The GEQ depends on the rate only: an analysis change keeps its history and beat state.
    if (m_featureSink && m_tap->sampleRate() != sampleRate)
        m_tap->configure(sampleRate);
    return true;
}

void AnalysisPipeline::setFeatureSink(const FeatureSink *sink)
{
    m_featureSink = sink;
    if (!sink) {
        m_tap.reset();
        return;
    }
    if (!m_tap)
        m_tap = std::make_unique<FeatureTap>();
    if (m_framer && !m_tap->isConfigured())
        m_tap->configure(m_sampleRate);
}

void AnalysisPipeline::clear()
{
    retireFramer();
    m_analyzer.reset();
    if (m_tap)
        m_tap->clear();
}

int AnalysisPipeline::windowSize() const
{
    return m_analyzer ? m_analyzer->windowSize() : 0;
}

void AnalysisPipeline::retireFramer()
{
    if (m_framer && m_sampleRate > 0)
        m_streamTimeBase += double(m_framer->samplesDelivered()) / m_sampleRate;
    m_framer.reset();
}

void AnalysisPipeline::push(const float *interleaved, std::size_t frames, int channels, const FrameSink &sink)
{
    if (!m_framer || frames == 0 || channels <= 0)
        return;
    m_sink = &sink;
    const bool tap = m_tap && m_tap->isConfigured();
    if (tap) {
        m_pushStart = m_framer->samplesDelivered();
        m_tap->beginChunk(interleaved, frames, channels);
    }
    m_framer->push(interleaved, frames, channels, m_onValues);
    if (tap)
        m_tap->endChunk();
    m_sink = nullptr;
}

void AnalysisPipeline::restartHistory()
{
    if (!m_framer)
        return;
    // The framer's count restarts at 0, so fold what it delivered into the clock first.
    m_streamTimeBase += double(m_framer->samplesDelivered()) / m_sampleRate;
    m_framer->reset();
    if (m_tap)
        m_tap->resetHistory();
}

void AnalysisPipeline::setOutputLatencyMs(std::optional<double> latencyMs)
{
    // Rounded to whole ms, the unit of play_ts on the wire; a negative figure (a port offset
    // below the device's own latency) means "heard as captured", not before.
    const double ms = latencyMs ? std::max(0.0, *latencyMs) : 0.0;
    m_outputLatencyMs.store(std::int64_t(std::llround(ms)), std::memory_order_relaxed);
}

void AnalysisPipeline::skip(std::uint64_t frames, int sampleRate)
{
    if (sampleRate > 0)
        m_streamTimeBase += double(frames) / sampleRate;
}

void AnalysisPipeline::onValues(const dsp::FrameValues &values, std::uint64_t samplesDelivered)
{
    if (m_muted)
        return;
    // Written in place: no allocation unless a sink kept the previous frame's band list.
    m_frame.bands.resize(qsizetype(values.bands.size()));
    std::copy(values.bands.begin(), values.bands.end(), m_frame.bands.begin());
    m_frame.bass = values.bass;
    m_frame.level = values.level;
    m_frame.streamTime = m_streamTimeBase + double(samplesDelivered) / m_sampleRate;
    if (m_clock == Clock::Wall) {
        m_frame.wallClockMs = QDateTime::currentMSecsSinceEpoch();
        m_frame.playTsMs = m_frame.wallClockMs + m_outputLatencyMs.load(std::memory_order_relaxed);
    }
    (*m_sink)(m_frame);
    if (m_featureSink && m_tap && m_tap->isConfigured())
        (*m_featureSink)(
            m_tap->analyze(std::size_t(samplesDelivered - m_pushStart), m_frame.sequence, m_frame.streamTime,
                           m_frame.playTsMs));
    ++m_frame.sequence;
}

} // namespace spectray
