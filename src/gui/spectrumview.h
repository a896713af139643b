#pragma once

#include <QImage>
#include <QOpenGLBuffer>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QOpenGLWidget>
#include <QWidget>

namespace spectray::gui {

class AxisOverlay;
class SpectrumScene;

// What the window needs from whichever widget draws the scene. The window builds the scene (only
// when the animator moved) and asks for a repaint; views only draw, they compute nothing.
class SpectrumView
{
public:
    virtual ~SpectrumView() = default;
    virtual QWidget *widget() = 0;
    virtual QImage grabImage() = 0;
    int paintCount() const { return m_paints; }
    void setBass(float bass) { m_bass = bass; }

protected:
    int m_paints = 0;
    float m_bass = 0.0f;
};

// OpenGL 3.3 core: one VBO sized once for the largest scene, refilled with glBufferSubData and
// drawn with a single glDrawArrays. LED gaps are cut in the fragment shader. The axis overlay is a
// texture uploaded only when its image changes, drawn as one more quad.
class GlSpectrumView final : public QOpenGLWidget, public SpectrumView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlSpectrumView)

public:
    GlSpectrumView(const SpectrumScene &scene, const AxisOverlay &overlay, QWidget *parent = nullptr);
    ~GlSpectrumView() override;

    QWidget *widget() override { return this; }
    QImage grabImage() override { return grabFramebuffer(); }
    bool failed() const { return m_failed; }
    QString rendererName() const { return m_renderer; }

signals:
    void glFailed(const QString &why);

protected:
    void initializeGL() override;
    void paintGL() override;

private:
    void fail(const QString &why);
    bool initOverlay();
    void uploadOverlayRegions();
    void paintOverlay();

    const SpectrumScene &m_scene;
    const AxisOverlay &m_overlay;
    QOpenGLShaderProgram m_program;
    QOpenGLBuffer m_vbo{QOpenGLBuffer::VertexBuffer};
    QOpenGLVertexArrayObject m_vao;
    int m_viewportLoc = -1;
    QOpenGLShaderProgram m_overlayProgram;
    QOpenGLBuffer m_overlayVbo{QOpenGLBuffer::VertexBuffer}; // the overlay's regions, 0..1 of the view
    QOpenGLVertexArrayObject m_overlayVao;
    GLuint m_overlayTexture = 0;
    int m_overlayVertices = 0;
    quint64 m_overlayUploaded = 0; // AxisOverlay::generation() of the texture and regions
    bool m_failed = false;
    QString m_renderer;
};

// Used when no OpenGL context can be had: draws the same triangles with QPainter.
class PainterSpectrumView final : public QWidget, public SpectrumView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PainterSpectrumView)

public:
    PainterSpectrumView(const SpectrumScene &scene, const AxisOverlay &overlay, QWidget *parent = nullptr);
    QWidget *widget() override { return this; }
    QImage grabImage() override { return grab().toImage(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const SpectrumScene &m_scene;
    const AxisOverlay &m_overlay;
};

// Whether an OpenGL 3.3 core context can be created here (false under offscreen/minimal platforms,
// or when SPECTRAY_NO_GL=1 forces the fallback).
bool openGlUsable();

} // namespace spectray::gui
