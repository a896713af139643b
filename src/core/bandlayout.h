#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace spectray {

// How frames are to be read: which frequencies each band covers, and at what rate frames come.
// Emitted by the engine whenever it changes (device with another rate, options changed), always
// before the first frame that uses it.
struct BandLayout
{
    QList<double> edgesHz;        // bandCount() + 1 ascending edges
    QList<double> bandLatencyMs;  // per band: delay from a sample to the centre of the window that sees it
    int fps = 30;
    int sampleRate = 44100;
    QString profile;              // "default" or "seed"
    int fftSize = 1024;           // main (treble) FFT size
    int bassFftSize = 0;          // long FFT for the low bands; 0 when a single FFT is used
    QList<double> centresHz;      // per band: its centre in Hz (octave layout: the grid's exact centre)
    QStringList labels;           // octave layout: nominal centres as axis labels ("31.5", "1k"); else empty
    QString amplitude;            // "db" or "linear": how values map to 0..scale
    double rangeDb = 0.0;         // db amplitude: the dB span from 0 to full scale
    QString weighting;            // "flat", "a", "tilt3" or "tilt4.5"
    QString layout;               // "log" or "octave"
    int bandsPerOctave = 0;       // octave layout: b of the 1/b-octave grid; else 0

    int bandCount() const { return edgesHz.isEmpty() ? 0 : int(edgesHz.size()) - 1; }
    bool isValid() const { return bandCount() > 0 && fps > 0 && sampleRate > 0; }

    friend bool operator==(const BandLayout &, const BandLayout &) = default;
};

} // namespace spectray

Q_DECLARE_METATYPE(spectray::BandLayout)
