#pragma once

#include "core/audiofeatures.h"
#include "dsp/geqanalysis.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace spectray {

// The LAN devices' analysis (AudioFeatures: WLED's 16 channels, level, bass, beat, major peak) made
// from exactly the samples each SpectrumFrame analysed: the pipeline hands the tap every chunk it
// pushes and, at each frame, how far into the chunk the framer was, so the tap's history ends at
// the same sample as the frame's window. Built only while an output wants it (AnalysisPipeline::
// setFeatureSink); configure() allocates, beginChunk/analyze/endChunk never do.
class FeatureTap final
{
public:
    FeatureTap() = default;
    ~FeatureTap();
    FeatureTap(const FeatureTap &) = delete;
    FeatureTap &operator=(const FeatureTap &) = delete;

    void configure(int sampleRate); // a fresh GeqAnalysis and history for this rate
    void clear();
    bool isConfigured() const { return m_geq != nullptr; }
    int sampleRate() const { return m_geq ? m_geq->sampleRate() : 0; }
    void resetHistory(); // the channel count changed: the old samples no longer line up

    // A chunk of interleaved input starts; it stays valid until endChunk().
    void beginChunk(const float *interleaved, std::size_t frames, int channels);
    // The frame due after `framesIntoChunk` frames of this chunk: mix up to there and analyse.
    const AudioFeatures &analyze(std::size_t framesIntoChunk, quint64 sequence, double streamTime,
                                 qint64 playTsMs = 0);
    void endChunk(); // the rest of the chunk goes into the history

private:
    void mixUpTo(std::size_t framesIntoChunk);

    std::unique_ptr<dsp::GeqAnalysis> m_geq;
    // Every sample is written twice, at pos and pos + W, so the newest W samples are one
    // contiguous run (as in dsp::StreamFramer) and analyze() copies nothing.
    std::vector<float> m_ring;
    std::size_t m_window = 0;
    std::size_t m_pos = 0;
    const float *m_chunk = nullptr;
    std::size_t m_chunkFrames = 0;
    std::size_t m_mixed = 0;
    int m_channels = 0;
    dsp::GeqResult m_result;
    AudioFeatures m_features;
    quint64 m_beats = 0; // per run: AudioFeatures::beatCount
};

} // namespace spectray
