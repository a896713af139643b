// The floor under spectray-cli's resident memory: the smallest program that maps the same libraries
// for the same work, so bench/rss/run.sh can show what part of the figure is Spectray's own.
// A QCoreApplication, a PulseAudio record stream on a threaded main loop (samples read and dropped),
// FFTW r2c plans of every size the per-band windows use (256..8192, FFTW_ESTIMATE like
// dsp::RealFft), each run and one number printed per tick at 60 Hz. Built by run.sh with the
// system compiler (not part of the CMake build: it exists only to be measured).
//   floor [PULSE_SOURCE]
#include <QCoreApplication>
#include <QTimer>

#include <fftw3.h>
#include <pulse/pulseaudio.h>

#include <cstdio>
#include <vector>

namespace {

const char *g_source = nullptr;
float g_level = 0.0f;

void onReadable(pa_stream *stream, size_t, void *)
{
    while (pa_stream_readable_size(stream) > 0) {
        const void *data = nullptr;
        size_t bytes = 0;
        if (pa_stream_peek(stream, &data, &bytes) < 0)
            return;
        if (data && bytes >= sizeof(float))
            g_level = static_cast<const float *>(data)[0];
        pa_stream_drop(stream);
    }
}

void onContextState(pa_context *context, void *)
{
    if (pa_context_get_state(context) != PA_CONTEXT_READY)
        return;
    const pa_sample_spec spec { PA_SAMPLE_FLOAT32LE, 48000, 2 };
    pa_stream *stream = pa_stream_new(context, "rss-floor", &spec, nullptr);
    pa_stream_set_read_callback(stream, onReadable, nullptr);
    // Fragments of 10 ms, as the capture backend asks for about one hop.
    const pa_buffer_attr attr { uint32_t(-1), uint32_t(-1), uint32_t(-1), uint32_t(-1), 480 * 8 };
    pa_stream_connect_record(stream, g_source, &attr, PA_STREAM_ADJUST_LATENCY);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    g_source = argc > 1 ? argv[1] : nullptr;
    pa_threaded_mainloop *loop = pa_threaded_mainloop_new();
    pa_context *context = pa_context_new(pa_threaded_mainloop_get_api(loop), "rss-floor");
    pa_context_set_state_callback(context, onContextState, nullptr);
    pa_context_connect(context, nullptr, PA_CONTEXT_NOFLAGS, nullptr);
    pa_threaded_mainloop_start(loop);

    std::vector<fftwf_plan> plans;
    for (int n = 256; n <= 8192; n *= 2) {
        float *in = fftwf_alloc_real(std::size_t(n));
        fftwf_complex *out = fftwf_alloc_complex(std::size_t(n / 2 + 1));
        for (int i = 0; i < n; ++i)
            in[i] = 0.0f;
        plans.push_back(fftwf_plan_dft_r2c_1d(n, in, out, FFTW_ESTIMATE));
    }
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(16);
    QObject::connect(&tick, &QTimer::timeout, &app, [&plans] {
        for (fftwf_plan plan : plans)
            fftwf_execute(plan);
        std::printf("%g\n", double(g_level));
        std::fflush(stdout);
    });
    tick.start();
    return QCoreApplication::exec();
}
