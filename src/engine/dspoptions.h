#pragma once

#include "core/analysisconfig.h"
#include "core/bandlayout.h"
#include "dsp/analyzerconfig.h"
#include "dsp/spectrumanalyzer.h"

// The amplitude / weighting / layout options between core's AnalysisConfig and dsp, and back into
// the BandLayout, in one place for live capture and --analyze (issue #10). The dsp names are the
// ones on the wire.
namespace spectray::engine {

inline void applyScaleOptions(const AnalysisConfig &config, dsp::AnalyzerConfig &cfg)
{
    cfg.amplitude = config.amplitude == AmplitudeScale::Db ? dsp::Amplitude::Db : dsp::Amplitude::Linear;
    cfg.rangeDb = config.rangeDb;
    switch (config.weighting) {
    case Weighting::Flat:
        cfg.weighting = dsp::Weighting::Flat;
        break;
    case Weighting::A:
        cfg.weighting = dsp::Weighting::A;
        break;
    case Weighting::Tilt3:
        cfg.weighting = dsp::Weighting::Tilt3;
        break;
    case Weighting::Tilt4_5:
        cfg.weighting = dsp::Weighting::Tilt4_5;
        break;
    }
    cfg.layout = config.layout == BandLayoutKind::Octave ? dsp::Layout::Octave : dsp::Layout::Log;
    cfg.bandsPerOctave = config.bandsPerOctave;
}

// The command line parses the dsp names (the wire's) and stores core's values.
inline AmplitudeScale toCore(dsp::Amplitude a)
{
    return a == dsp::Amplitude::Db ? AmplitudeScale::Db : AmplitudeScale::Linear;
}

inline Weighting toCore(dsp::Weighting w)
{
    switch (w) {
    case dsp::Weighting::A:
        return Weighting::A;
    case dsp::Weighting::Tilt3:
        return Weighting::Tilt3;
    case dsp::Weighting::Tilt4_5:
        return Weighting::Tilt4_5;
    case dsp::Weighting::Flat:
        break;
    }
    return Weighting::Flat;
}

inline BandLayoutKind toCore(dsp::Layout l)
{
    return l == dsp::Layout::Octave ? BandLayoutKind::Octave : BandLayoutKind::Log;
}

inline void fillScaleFields(const dsp::SpectrumAnalyzer &analyzer, BandLayout &layout)
{
    const dsp::AnalyzerConfig &c = analyzer.config(); // resolved: what actually runs
    const auto &centres = analyzer.centresHz();
    layout.centresHz = QList<double>(centres.begin(), centres.end());
    layout.labels.clear();
    for (const std::string &label : analyzer.labels())
        layout.labels.append(QString::fromStdString(label));
    layout.amplitude = QString::fromLatin1(dsp::amplitudeName(c.amplitude));
    layout.rangeDb = c.amplitude == dsp::Amplitude::Db ? c.rangeDb : 0.0;
    layout.weighting = QString::fromLatin1(dsp::weightingName(c.weighting));
    layout.layout = QString::fromLatin1(dsp::layoutName(c.layout));
    layout.bandsPerOctave = c.layout == dsp::Layout::Octave ? c.bandsPerOctave : 0;
}

} // namespace spectray::engine
