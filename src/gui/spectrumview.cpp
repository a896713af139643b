#include "spectrumview.h"

#include "axisoverlay.h"
#include "core/logging.h"
#include "spectrumscene.h"

#include <QGuiApplication>
#include <QLinearGradient>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QPainter>
#include <QPainterPath>

#include <array>
#include <cmath>

namespace spectray::gui {

namespace {
const char *const kVertexShader = R"(#version 330 core
layout(location = 0) in vec2 pos;
layout(location = 1) in vec4 colour;
layout(location = 2) in float seg;
uniform vec2 viewport;
out vec4 vColour;
out float vSeg;
void main() {
    vColour = colour;
    vSeg = seg;
    gl_Position = vec4(pos.x / viewport.x * 2.0 - 1.0, 1.0 - pos.y / viewport.y * 2.0, 0.0, 1.0);
})";

const char *const kFragmentShader = R"(#version 330 core
in vec4 vColour;
in float vSeg;
out vec4 fragColour;
void main() {
    if (vSeg >= 0.0 && fract(vSeg) > 0.66)
        discard;
    fragColour = vColour;
})";

// The overlay's regions come as positions in 0..1 of the view (origin top-left), which are also
// their texture coordinates: the image's first row (uv.y = 0) is the view's top.
const char *const kOverlayVertexShader = R"(#version 330 core
layout(location = 0) in vec2 pos;
out vec2 uv;
void main() {
    uv = pos;
    gl_Position = vec4(pos.x * 2.0 - 1.0, 1.0 - pos.y * 2.0, 0.0, 1.0);
})";

const char *const kOverlayFragmentShader = R"(#version 330 core
in vec2 uv;
uniform sampler2D overlay;
out vec4 fragColour;
void main() {
    fragColour = texture(overlay, uv);
})";
// Desktop GL enums QOpenGLFunctions' ES2-based header may not define.
constexpr GLenum kGlBgra = 0x80E1;            // GL_BGRA
constexpr GLenum kGlUnsigned8888Rev = 0x8367; // GL_UNSIGNED_INT_8_8_8_8_REV
} // namespace

bool openGlUsable()
{
    if (qEnvironmentVariableIntValue("SPECTRAY_NO_GL") == 1)
        return false;
    const QString platform = QGuiApplication::platformName();
    if (platform == u"offscreen" || platform == u"minimal")
        return false;
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    QOpenGLContext context;
    context.setFormat(format);
    if (!context.create())
        return false;
    const QSurfaceFormat got = context.format();
    return got.majorVersion() > 3 || (got.majorVersion() == 3 && got.minorVersion() >= 3);
}

GlSpectrumView::GlSpectrumView(const SpectrumScene &scene, const AxisOverlay &overlay, QWidget *parent)
    : QOpenGLWidget(parent)
    , m_scene(scene)
    , m_overlay(overlay)
{
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setAlphaBufferSize(8);
    setFormat(format);
    setAttribute(Qt::WA_TransparentForMouseEvents); // the window handles drag, resize, menus
}

GlSpectrumView::~GlSpectrumView()
{
    if (!context())
        return;
    makeCurrent();
    if (m_overlayTexture != 0)
        context()->functions()->glDeleteTextures(1, &m_overlayTexture);
    m_overlayVbo.destroy();
    m_overlayVao.destroy();
    m_overlayProgram.removeAllShaders();
    m_vbo.destroy();
    m_vao.destroy();
    m_program.removeAllShaders();
    doneCurrent();
}

void GlSpectrumView::fail(const QString &why)
{
    m_failed = true;
    qCWarning(lcGui).noquote() << "OpenGL unavailable, drawing with QPainter:" << why;
    emit glFailed(why);
}

void GlSpectrumView::initializeGL()
{
    QOpenGLContext *ctx = context();
    if (!ctx || !ctx->isValid())
        return fail(QStringLiteral("no context"));
    const QSurfaceFormat f = ctx->format();
    if (f.majorVersion() < 3 || (f.majorVersion() == 3 && f.minorVersion() < 3))
        return fail(QStringLiteral("OpenGL %1.%2 < 3.3").arg(f.majorVersion()).arg(f.minorVersion()));
    if (!m_program.addShaderFromSourceCode(QOpenGLShader::Vertex, kVertexShader)
        || !m_program.addShaderFromSourceCode(QOpenGLShader::Fragment, kFragmentShader) || !m_program.link())
        return fail(m_program.log());
    m_viewportLoc = m_program.uniformLocation("viewport");
    m_renderer = QString::fromLatin1(reinterpret_cast<const char *>(ctx->functions()->glGetString(GL_RENDERER)));
    qCDebug(lcGui).noquote() << "GL renderer:" << m_renderer;

    m_vao.create();
    QOpenGLVertexArrayObject::Binder bind(&m_vao);
    m_vbo.create();
    m_vbo.setUsagePattern(QOpenGLBuffer::DynamicDraw);
    m_vbo.bind();
    const int stride = SpectrumScene::kFloatsPerVertex * int(sizeof(float));
    m_vbo.allocate(SpectrumScene::maxVertexCount() * stride); // once: frames only overwrite it
    m_program.bind();
    m_program.enableAttributeArray(0);
    m_program.enableAttributeArray(1);
    m_program.enableAttributeArray(2);
    m_program.setAttributeBuffer(0, GL_FLOAT, 0, 2, stride);
    m_program.setAttributeBuffer(1, GL_FLOAT, 2 * int(sizeof(float)), 4, stride);
    m_program.setAttributeBuffer(2, GL_FLOAT, 6 * int(sizeof(float)), 1, stride);
    m_program.release();
    if (!initOverlay())
        return fail(m_overlayProgram.log());
}

bool GlSpectrumView::initOverlay()
{
    if (!m_overlayProgram.addShaderFromSourceCode(QOpenGLShader::Vertex, kOverlayVertexShader)
        || !m_overlayProgram.addShaderFromSourceCode(QOpenGLShader::Fragment, kOverlayFragmentShader)
        || !m_overlayProgram.link())
        return false;
    m_overlayVao.create();
    QOpenGLVertexArrayObject::Binder bind(&m_overlayVao);
    m_overlayVbo.create();
    m_overlayVbo.setUsagePattern(QOpenGLBuffer::DynamicDraw);
    m_overlayVbo.bind();
    m_overlayVbo.allocate(AxisOverlay::kMaxRegions * 6 * 2 * int(sizeof(float)));
    m_overlayProgram.bind();
    m_overlayProgram.enableAttributeArray(0);
    m_overlayProgram.setAttributeBuffer(0, GL_FLOAT, 0, 2, 2 * int(sizeof(float)));
    m_overlayProgram.release();
    QOpenGLFunctions *gl = context()->functions();
    gl->glGenTextures(1, &m_overlayTexture);
    gl->glBindTexture(GL_TEXTURE_2D, m_overlayTexture);
    // One texel per pixel: nearest keeps the text as crisp as QPainter drew it.
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    gl->glBindTexture(GL_TEXTURE_2D, 0);
    m_overlayProgram.bind();
    m_overlayProgram.setUniformValue("overlay", 0);
    m_overlayProgram.release();
    return true;
}

void GlSpectrumView::uploadOverlayRegions()
{
    // Two triangles per region; at most kMaxRegions, written once per overlay change.
    std::array<float, AxisOverlay::kMaxRegions * 6 * 2> v;
    const float w = float(std::max(1, width())), h = float(std::max(1, height()));
    int n = 0;
    for (const QRectF &r : m_overlay.regions()) {
        if (n + 12 > int(v.size()))
            break;
        const float x0 = float(r.left()) / w, x1 = float(r.right()) / w;
        const float y0 = float(r.top()) / h, y1 = float(r.bottom()) / h;
        for (float c : {x0, y0, x1, y0, x1, y1, x0, y0, x1, y1, x0, y1})
            v[size_t(n++)] = c;
    }
    m_overlayVbo.bind();
    m_overlayVbo.write(0, v.data(), n * int(sizeof(float)));
    m_overlayVertices = n / 2;
}

void GlSpectrumView::paintOverlay()
{
    const QImage &image = m_overlay.image();
    if (image.isNull() || m_overlayTexture == 0)
        return;
    QOpenGLFunctions *gl = context()->functions();
    gl->glActiveTexture(GL_TEXTURE0);
    gl->glBindTexture(GL_TEXTURE_2D, m_overlayTexture);
    QOpenGLVertexArrayObject::Binder bind(&m_overlayVao);
    if (m_overlayUploaded != m_overlay.generation()) {
        // ARGB32 words (0xAARRGGBB in native order) are BGRA with 8_8_8_8_REV on any endianness.
        gl->glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width(), image.height(), 0, kGlBgra, kGlUnsigned8888Rev,
                         image.constBits());
        uploadOverlayRegions();
        m_overlayUploaded = m_overlay.generation();
    }
    gl->glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // the image is premultiplied
    m_overlayProgram.bind();
    gl->glDrawArrays(GL_TRIANGLES, 0, m_overlayVertices);
    m_overlayProgram.release();
    gl->glBindTexture(GL_TEXTURE_2D, 0);
}

void GlSpectrumView::paintGL()
{
    ++m_paints;
    QOpenGLFunctions *gl = context()->functions();
    float bg[4];
    m_scene.background(bg, m_bass);
    // Premultiplied so a translucent window composites correctly.
    gl->glClearColor(bg[0] * bg[3], bg[1] * bg[3], bg[2] * bg[3], bg[3]);
    gl->glClear(GL_COLOR_BUFFER_BIT);
    if (m_failed)
        return;
    gl->glEnable(GL_BLEND);
    if (m_scene.vertexCount() > 0) {
        gl->glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        m_program.bind();
        m_program.setUniformValue(m_viewportLoc, float(width()), float(height()));
        QOpenGLVertexArrayObject::Binder bind(&m_vao);
        m_vbo.bind();
        m_vbo.write(0, m_scene.vertices().data(), int(m_scene.vertices().size() * sizeof(float)));
        gl->glDrawArrays(GL_TRIANGLES, 0, m_scene.vertexCount());
        m_vbo.release();
        m_program.release();
    }
    paintOverlay();
}

PainterSpectrumView::PainterSpectrumView(const SpectrumScene &scene, const AxisOverlay &overlay, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
    , m_overlay(overlay)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void PainterSpectrumView::paintEvent(QPaintEvent *)
{
    ++m_paints;
    QPainter p(this);
    float bg[4];
    m_scene.background(bg, m_bass);
    p.setCompositionMode(QPainter::CompositionMode_Source);
    p.fillRect(rect(), QColor::fromRgbF(bg[0], bg[1], bg[2], bg[3]));
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    p.setPen(Qt::NoPen);
    const std::vector<float> &v = m_scene.vertices();
    constexpr int F = SpectrumScene::kFloatsPerVertex;
    // The scene emits quads as triangles a,b,c,a,c,d: corners are vertices 0,1,2,5 of each group.
    for (size_t q = 0; q + 6 * F <= v.size(); q += 6 * F) {
        const float *a = &v[q], *b = &v[q + F], *c = &v[q + 2 * F], *d = &v[q + 5 * F];
        QPolygonF poly{{a[0], a[1]}, {b[0], b[1]}, {c[0], c[1]}, {d[0], d[1]}};
        QLinearGradient grad(0, a[1], 0, std::min(c[1], d[1]));
        grad.setColorAt(0, QColor::fromRgbF(a[2], a[3], a[4], a[5]));
        grad.setColorAt(1, QColor::fromRgbF(c[2], c[3], c[4], c[5]));
        p.setBrush(grad);
        if (a[6] < 0.0f) {
            p.drawPolygon(poly);
            continue;
        }
        // LED: cut the bar into segments like the fragment shader does.
        const float pitch = SpectrumScene::kLedPitchPx;
        const QRectF r = poly.boundingRect();
        for (float y = float(r.bottom()); y > r.top(); y -= pitch) {
            const float top = std::max(float(r.top()), y - pitch * 0.66f);
            p.drawRect(QRectF(r.left(), top, r.width(), y - top));
        }
    }
    const QImage &overlay = m_overlay.image();
    const qreal dpr = overlay.devicePixelRatio();
    for (const QRectF &r : m_overlay.regions())
        p.drawImage(r, overlay, QRectF(r.topLeft() * dpr, r.size() * dpr));
}

} // namespace spectray::gui
