#pragma once

#include "outputs/outputsettings.h"

#include <QStringList>

class QCommandLineParser;

namespace spectray {

// The LAN outputs' command-line flags (--wled [TARGET...], --wled-ttl, --wled-interface, --mqtt,
// --mqtt-ca, --mqtt-rate): per run, like --port, never written to the settings.

// `--wled` takes any number of targets, which QCommandLineParser cannot express: this rewrites
// "--wled A B" to "--wled --wled-target=A --wled-target=B" (and "--wled=A" likewise) before parsing.
// The values following --wled are the ones not starting with '-'.
QStringList expandWledArguments(const QStringList &arguments);

void addOutputOptions(QCommandLineParser &parser);

// Validates every given flag (target syntax, TTL range, interface present, URL, CA file readable,
// rate range). false + a one-line message naming the flag otherwise.
bool readOutputOptions(const QCommandLineParser &parser, outputs::OutputOverrides &out, QString *error);

} // namespace spectray
