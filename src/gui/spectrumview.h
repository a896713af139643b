#pragma once

#include <QImage>
#include <QOpenGLBuffer>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QOpenGLWidget>
#include <QWidget>

namespace spectray::gui {

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
// drawn with a single glDrawArrays. LED gaps are cut in the fragment shader.
class GlSpectrumView final : public QOpenGLWidget, public SpectrumView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlSpectrumView)

public:
    GlSpectrumView(const SpectrumScene &scene, QWidget *parent = nullptr);
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

    const SpectrumScene &m_scene;
    QOpenGLShaderProgram m_program;
    QOpenGLBuffer m_vbo{QOpenGLBuffer::VertexBuffer};
    QOpenGLVertexArrayObject m_vao;
    int m_viewportLoc = -1;
    bool m_failed = false;
    QString m_renderer;
};

// Used when no OpenGL context can be had: draws the same triangles with QPainter.
class PainterSpectrumView final : public QWidget, public SpectrumView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PainterSpectrumView)

public:
    PainterSpectrumView(const SpectrumScene &scene, QWidget *parent = nullptr);
    QWidget *widget() override { return this; }
    QImage grabImage() override { return grab().toImage(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const SpectrumScene &m_scene;
};

// Whether an OpenGL 3.3 core context can be created here (false under offscreen/minimal platforms,
// or when SPECTRAY_NO_GL=1 forces the fallback).
bool openGlUsable();

} // namespace spectray::gui
