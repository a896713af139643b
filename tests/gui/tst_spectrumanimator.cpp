// The animation physics, driven by a fake clock: no display, no GL.
#include "gui/spectrumanimator.h"

#include <QTest>

using spectray::SpectrumFrame;
using spectray::gui::SpectrumAnimator;

namespace {
SpectrumFrame frame(std::initializer_list<qint16> bands, int level = 0, int bass = 0)
{
    SpectrumFrame f;
    f.bands = spectray::BandValues(bands);
    f.level = level;
    f.bass = bass;
    f.scale = 1000;
    return f;
}

SpectrumAnimator::Params params(double attack, double release)
{
    SpectrumAnimator::Params p;
    p.attackMs = attack;
    p.releaseMs = release;
    p.peakHoldMs = 500;
    p.peakFallMs = 750;
    return p;
}

// Plays a full-scale frame then silence, painting at `hz`; returns the peak cap's height at each
// sample time (ms).
QList<float> peakTrace(double hz, const QList<double> &sampleAt)
{
    SpectrumAnimator a;
    a.setParams(params(0, 0));
    a.setFrameIntervalMs(1); // no interpolation: isolate the cap
    a.pushFrame(frame({1000}), 0);
    a.advance(1); // one interpolation interval later the bar and its cap are at full scale
    a.pushFrame(frame({0}), 1);
    QList<float> out;
    const double step = 1000.0 / hz;
    double t = 1;
    for (double at : sampleAt) {
        while (t + step <= at) {
            t += step;
            a.advance(t);
        }
        a.advance(at);
        t = at;
        out << a.peaks()[0];
    }
    return out;
}
} // namespace

class TestSpectrumAnimator : public QObject
{
    Q_OBJECT

private slots:
    void peakHoldsThenFallsFullScaleIn750ms()
    {
        const QList<float> p = peakTrace(60, {400, 499, 600, 875, 1250, 1300});
        QCOMPARE(p[0], 1.0f);
        QCOMPARE(p[1], 1.0f);
        QVERIFY(qAbs(p[2] - (1.0f - 100.0f / 750.0f)) < 0.01f); // 100 ms after the hold ended
        QVERIFY(qAbs(p[3] - 0.5f) < 0.01f);                     // half-way after 375 ms
        QVERIFY(p[4] < 0.01f);                                  // full scale in 750 ms
        QCOMPARE(p[5], 0.0f);
    }

    void peakFallIsTheSameAt60And240Hz()
    {
        const QList<double> at{100, 550, 600, 700, 800, 900, 1000, 1100, 1200};
        const QList<float> slow = peakTrace(60, at);
        const QList<float> fast = peakTrace(240, at);
        const QList<float> odd = peakTrace(144, at);
        for (int i = 0; i < at.size(); ++i) {
            QVERIFY2(qAbs(slow[i] - fast[i]) < 0.002f, qPrintable(QStringLiteral("t=%1").arg(at[i])));
            QVERIFY2(qAbs(slow[i] - odd[i]) < 0.002f, qPrintable(QStringLiteral("t=%1").arg(at[i])));
        }
    }

    void releaseIsIndependentOfPaintRate()
    {
        auto run = [](double hz) {
            SpectrumAnimator a;
            a.setParams(params(0, 200));
            a.setFrameIntervalMs(1);
            a.pushFrame(frame({1000}), 0);
            a.advance(1);
            a.pushFrame(frame({0}), 1);
            for (double t = 1; t < 301; t += 1000.0 / hz)
                a.advance(t);
            a.advance(301);
            return a.values()[0];
        };
        const float expected = float(std::exp(-300.0 / 200.0));
        QVERIFY(qAbs(run(60) - expected) < 0.01f);
        QVERIFY(qAbs(run(240) - expected) < 0.01f);
    }

    void attackFollowsTimeConstant()
    {
        SpectrumAnimator a;
        a.setParams(params(50, 0));
        a.setFrameIntervalMs(1);
        a.pushFrame(frame({1000, 500}), 0);
        a.advance(1);
        a.advance(51);
        QVERIFY(qAbs(a.values()[0] - float(1.0 - std::exp(-1.0))) < 0.02f);
        a.advance(1000);
        QCOMPARE(a.values()[0], 1.0f);
        QCOMPARE(a.values()[1], 0.5f);
    }

    void interpolatesBetweenDataFrames()
    {
        SpectrumAnimator a;
        a.setParams(params(0, 0));
        a.setFrameIntervalMs(100);
        a.pushFrame(frame({0}), 0);
        a.advance(100);
        QCOMPARE(a.values()[0], 0.0f);
        a.pushFrame(frame({1000}), 100);
        a.advance(150); // half-way through one frame interval
        QVERIFY(qAbs(a.values()[0] - 0.5f) < 0.01f);
        a.advance(200);
        QCOMPARE(a.values()[0], 1.0f);
    }

    void settlesAndReportsNoChange()
    {
        SpectrumAnimator a;
        a.setParams(params(10, 100));
        a.pushFrame(frame({800, 300}, 500, 200), 0);
        double t = 0;
        while (!a.isSettled() && t < 10000)
            a.advance(t += 16);
        QVERIFY(a.isSettled());
        QVERIFY(t < 3000);
        QVERIFY(!a.advance(t + 16)); // nothing moves, nothing to repaint
        QCOMPARE(a.level(), 0.5f);
        QCOMPARE(a.bass(), 0.2f);
        a.fadeOut(t + 16);
        QVERIFY(!a.isSettled());
        while (!a.isSettled() && t < 20000)
            a.advance(t += 16);
        QCOMPARE(a.values()[0], 0.0f);
        QCOMPARE(a.peaks()[0], 0.0f);
    }

    void clampsLoudValues()
    {
        SpectrumAnimator a;
        a.setParams(params(0, 0));
        a.setFrameIntervalMs(1);
        a.pushFrame(frame({1500, -5}), 0);
        a.advance(10);
        QCOMPARE(a.values()[0], 1.0f);
        QCOMPARE(a.values()[1], 0.0f);
    }
};

QTEST_GUILESS_MAIN(TestSpectrumAnimator)
#include "tst_spectrumanimator.moc"
