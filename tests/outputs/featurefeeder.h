#pragma once

#include "dsp/geqanalysis.h"
#include "engine/featurebridge.h"
#include "signals.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace spectray::testwled {

// Stands in for the engine: synthetic audio in real time, through dsp::GeqAnalysis at a 10 ms hop,
// out as AudioFeatures (the engine hook of engine/featurebridge.h).
class FeatureFeeder final : public QObject
{
    Q_OBJECT

public:
    explicit FeatureFeeder(testsignals::SignalGen gen, QObject *parent = nullptr)
        : QObject(parent)
        , m_gen(gen)
        , m_geq(gen.rate)
        , m_window(std::size_t(m_geq.windowSize()), 0.0f)
    {
        connect(&m_timer, &QTimer::timeout, this, &FeatureFeeder::tick);
    }
    void start()
    {
        m_clock.start();
        m_produced = 0;
        m_timer.start(10);
    }
    void stop() { m_timer.stop(); }
    void setKind(testsignals::SignalGen::Kind kind) { m_gen.kind = kind; }
    quint64 beats() const { return m_beats; }

signals:
    void features(const spectray::AudioFeatures &features);

private:
    void tick()
    {
        const int hop = m_gen.rate / 100;
        const qint64 target = m_clock.elapsed() * m_gen.rate / 1000;
        while (qint64(m_produced) + hop <= target) {
            std::move(m_window.begin() + hop, m_window.end(), m_window.begin());
            for (int i = 0; i < hop; ++i)
                m_window[m_window.size() - std::size_t(hop) + std::size_t(i)] = m_gen.next();
            m_produced += quint64(hop);
            dsp::GeqResult r;
            const double t = double(m_produced) / m_gen.rate;
            m_geq.analyze(m_window.data(), t, r);
            emit features(makeAudioFeatures(r, m_sequence++, t, m_beats));
        }
    }

    testsignals::SignalGen m_gen;
    dsp::GeqAnalysis m_geq;
    std::vector<float> m_window;
    QTimer m_timer;
    QElapsedTimer m_clock;
    quint64 m_produced = 0;
    quint64 m_sequence = 0;
    quint64 m_beats = 0;
};

} // namespace spectray::testwled
