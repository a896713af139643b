#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace spectray {

// The look shared by the floating window and the web client: style ids, ballistics, themes and the
// spectrogram colour map. Defined once in resources/styles.json (embedded here); the server hands the
// same bytes to the page and the window reads them through this, so the two never drift.
struct StyleDefs
{
    struct Rgb // 0..1 per channel; core has no QtGui, so no QColor here
    {
        float r = 0, g = 0, b = 0;
    };
    struct Theme
    {
        QString id;
        Rgb accent;
    };

    QStringList allStyles; // every style the page offers, in menu order
    QStringList desktopStyles; // the ones the floating window draws
    double attackMs = 25.0;
    double releaseMs = 250.0;
    double peakHoldMs = 500.0;
    double peakFallMs = 750.0;
    float ledPitchPx = 6.0f;
    float capPx = 3.0f;
    Rgb background { 0.05f, 0.06f, 0.08f };
    float pulseStrength = 0.35f;
    QList<Theme> themes;
    QList<Rgb> colormap; // evenly spaced stops, low to high
    int spectrogramRows = 64;
    // Frequency axis: the round frequencies labelled on any layout, the octave grids whose nominal
    // band names (31.5, 63, 125 ... on the R10 series) label the bands instead, and the dB grid step.
    QList<double> axisHz;
    QList<int> axisNominalBandsPerOctave;
    double gridStepDb = 10.0;

    // Parsed once from the embedded file; the returned reference lives for the program.
    static const StyleDefs &shared();
    static QByteArray json(); // the raw file, as served at /styles.json
    static StyleDefs parse(const QByteArray &json);
    static bool parseColour(const QString &hex, Rgb *out); // "#rrggbb"
    // Colour map lookup, f in 0..1, linear between stops (RGB, 0..1).
    void colormapAt(float f, float out[3]) const;
};

} // namespace spectray
