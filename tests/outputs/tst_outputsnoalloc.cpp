// The per-frame and per-packet path allocates nothing: GeqAnalysis::analyze, makeAudioFeatures,
// WledMapper::map and encodeWledPacket (the sender's tick adds only a non-blocking datagram write).
#include "dsp/geqanalysis.h"
#include "engine/featurebridge.h"
#include "outputs/wledmapper.h"
#include "outputs/wledpacket.h"
#include "signals.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include "../support/allocationcounter.h"

using namespace spectray;

class TestOutputsNoAlloc final : public QObject
{
    Q_OBJECT

private slots:
    void featurePathAllocatesNothing()
    {
        testsignals::SignalGen gen;
        gen.kind = testsignals::SignalGen::Kind::KickOverNoise;
        dsp::GeqAnalysis geq(48000);
        std::vector<float> window(std::size_t(geq.windowSize()));
        for (float &v : window)
            v = gen.next();
        outputs::WledMapper mapper(50);
        outputs::WledPacket packet;
        dsp::GeqResult result;
        quint64 beats = 0;
        geq.analyze(window.data(), 0.0, result); // warm-up outside the count
        QVERIFY(allocationCounterWorks());
        const long allocations = allocationsDuring([&] {
            for (int i = 0; i < 200; ++i) {
                window[std::size_t(i)] = gen.next();
                geq.analyze(window.data(), 0.01 * i, result);
                const AudioFeatures f = makeAudioFeatures(result, quint64(i), 0.01 * i, beats);
                outputs::WledPacketFields fields = mapper.map(f, f.beat);
                fields.frameCounter = quint8(i);
                outputs::encodeWledPacket(fields, packet);
            }
        });
        QCOMPARE(allocations, 0L);
    }
};

QTEST_APPLESS_MAIN(TestOutputsNoAlloc)
#include "tst_outputsnoalloc.moc"
