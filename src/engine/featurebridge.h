#pragma once

#include "core/audiofeatures.h"
#include "dsp/geqanalysis.h"

namespace spectray {

// The engine hook (engine/featuretap.cpp): the capture worker owns one dsp::GeqAnalysis made
// for the stream's sample rate, keeps at least geq.windowSize() newest mono samples, and for every
// frame it makes calls
//     geq.analyze(newest, streamTime, result);
//     emit featuresReady(makeAudioFeatures(result, frame.sequence, frame.streamTime, beats));
// with `beats` a per-run counter it increments when result.beat. WledSender::setFeatures and
// MqttPublisher::publishFeatures take the signal (queued). Kept here, header-only, so the engine
// needs no new library to call it; it links dsp and core already.
inline AudioFeatures makeAudioFeatures(const dsp::GeqResult &r, quint64 sequence, double streamTime, quint64 &beatCount)
{
    AudioFeatures f;
    for (int c = 0; c < AudioFeatures::kGeqChannels; ++c)
        f.geq[std::size_t(c)] = r.channelRms[std::size_t(c)];
    f.level = r.levelRms;
    f.bass = r.bassRms;
    f.peakHz = r.peakHz;
    f.peakMagnitude = r.peakAmplitude;
    f.beat = r.beat;
    if (r.beat)
        ++beatCount;
    f.beatCount = beatCount;
    f.sequence = sequence;
    f.streamTime = streamTime;
    return f;
}

} // namespace spectray
