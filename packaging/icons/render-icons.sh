#!/usr/bin/env bash
# Regenerates the hicolor PNGs from the SVG. Uses Qt's own SVG image plugin (libqt6svg6, already a
# runtime dependency) through a throw-away Qt program, so no extra tool (rsvg-convert, inkscape) is needed.
#   packaging/icons/render-icons.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/render.cpp" <<'CPP'
#include <QGuiApplication>
#include <QImageReader>
#include <QImage>
#include <cstdio>
int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QString svg = QString::fromLocal8Bit(argv[1]);
    for (int i = 3; i < argc; ++i) {
        const int size = QString::fromLocal8Bit(argv[i]).toInt();
        QImageReader reader(svg);
        reader.setScaledSize(QSize(size, size));
        const QImage img = reader.read();
        const QString out = QString::fromLocal8Bit(argv[2]) + QStringLiteral("/%1x%1/apps/io.github.spectray.Spectray.png").arg(size);
        if (img.isNull() || !img.save(out)) { std::fprintf(stderr, "failed: %d\n", size); return 1; }
        if (size == 256 && !img.save(QString::fromLocal8Bit(argv[2]) + QStringLiteral("/../../windows/io.github.spectray.Spectray.ico"), "ico"))
            return 1; // Windows installer and exe icon (Qt's ico plugin)
    }
    return 0;
}
CPP
g++ -std=c++17 -fPIC "$tmp/render.cpp" -o "$tmp/render" $(pkg-config --cflags --libs Qt6Gui)
sizes=(16 22 24 32 48 64 128 256)
for s in "${sizes[@]}"; do mkdir -p "$here/hicolor/${s}x${s}/apps"; done
QT_QPA_PLATFORM=offscreen "$tmp/render" "$here/hicolor/scalable/apps/io.github.spectray.Spectray.svg" "$here/hicolor" "${sizes[@]}"
ls -l "$here"/hicolor/*/apps/
