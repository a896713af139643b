#include "liveanalysis.h"

namespace spectray {

LiveAnalysis::LiveAnalysis(Output &output, double silenceSeconds)
    : m_output(output)
    , m_emitFrame([this](const SpectrumFrame &frame) {
        if (m_tap)
            m_tap->tapFrame(frame);
        else
            m_output.liveFrame(frame);
    })
    , m_emitFeatures([this](const AudioFeatures &features) { m_output.liveFeatures(features); })
    , m_silence(silenceSeconds)
{
}

void LiveAnalysis::feed(
    const float *interleaved, std::size_t frames, const capture::StreamFormat &format, bool silentHint)
{
    if (frames == 0 || format.channels <= 0 || format.sampleRate <= 0)
        return;
    std::lock_guard lock(m_mutex);
    if (m_rejected || !followFormat(format))
        return;
    if (m_audioNoticeWanted.exchange(false, std::memory_order_relaxed))
        m_output.liveNotice(Notice::AudioArrived, {});
    const auto change = m_silence.observe(interleaved, frames, format.channels, format.sampleRate, silentHint);
    if (change == SilenceDetector::Change::SoundReturned) {
        m_pipeline.setMuted(false); // this packet's frames are shown
        m_output.liveNotice(Notice::SoundReturned, {});
    }
    m_pipeline.push(interleaved, frames, format.channels, m_emitFrame);
    if (change == SilenceDetector::Change::BecameSilent) {
        // Frames stop after this packet; the analysis keeps running so sound resumes them at once.
        m_pipeline.setMuted(true);
        m_output.liveNotice(Notice::BecameSilent, {});
    }
}

// A new rate needs a new analyzer; a new channel count only a fresh history.
bool LiveAnalysis::followFormat(const capture::StreamFormat &format)
{
    if (format.sampleRate == m_format.sampleRate && format.channels == m_format.channels && m_pipeline.isConfigured())
        return true;
    const bool newRate = format.sampleRate != m_format.sampleRate || !m_pipeline.isConfigured();
    m_format = format;
    if (!newRate) {
        m_pipeline.restartHistory();
        return true;
    }
    QString error;
    if (rebuild(format.sampleRate, &error))
        return true;
    m_rejected = true;
    m_output.liveNotice(Notice::CannotAnalyse, error);
    return false;
}

bool LiveAnalysis::rebuild(int sampleRate, QString *error)
{
    if (!m_pipeline.configure(m_config, sampleRate, error))
        return false;
    m_output.liveLayout(m_pipeline.layout()); // under the lock, so it is sent before any frame using it
    if (m_tap)
        m_tap->tapLayout(m_pipeline.layout());
    return true;
}

bool LiveAnalysis::applyConfig(const AnalysisConfig &config, QString *error)
{
    std::lock_guard lock(m_mutex);
    if (config == m_config)
        return true;
    const AnalysisConfig previous = m_config;
    m_config = config;
    if (m_format.sampleRate > 0 && !m_rejected && !rebuild(m_format.sampleRate, error)) {
        m_config = previous; // the running analysis goes on as it was
        return false;
    }
    return true;
}

void LiveAnalysis::setFeaturesEnabled(bool enabled)
{
    std::lock_guard lock(m_mutex);
    m_pipeline.setFeatureSink(enabled ? &m_emitFeatures : nullptr);
}

void LiveAnalysis::setTap(FrameTap *tap)
{
    std::lock_guard lock(m_mutex);
    m_tap = tap;
    if (m_tap && m_pipeline.isConfigured())
        m_tap->tapLayout(m_pipeline.layout()); // frames may follow at once
}

void LiveAnalysis::reset()
{
    std::lock_guard lock(m_mutex);
    m_pipeline.clear();
    m_pipeline.setMuted(false);
    m_silence.reset();
    m_format = {};
    m_rejected = false;
}

void LiveAnalysis::restartSilence()
{
    std::lock_guard lock(m_mutex);
    m_silence.reset();
    m_pipeline.setMuted(false);
}

} // namespace spectray
