#include "guisettings.h"

#include "core/styledefs.h"

#include <QCoreApplication>

namespace spectray::gui {

QList<AccentPreset> accentPresets()
{
    // The themes of styles.json, the same ones the web page offers, so the two never drift.
    QList<AccentPreset> presets;
    for (const StyleDefs::Theme &theme : StyleDefs::shared().themes) {
        const auto channel = [](float v) { return qBound(0, qRound(v * 255.0f), 255); };
        const QString hex = QStringLiteral("#%1%2%3")
                                .arg(channel(theme.accent.r), 2, 16, QLatin1Char('0'))
                                .arg(channel(theme.accent.g), 2, 16, QLatin1Char('0'))
                                .arg(channel(theme.accent.b), 2, 16, QLatin1Char('0'));
        presets.append({ themeName(theme.id), hex });
    }
    return presets;
}

QString themeName(const QString &id)
{
    if (id == u"sky")
        return QCoreApplication::translate("spectray::gui::AccentPreset", "Sky");
    if (id == u"mint")
        return QCoreApplication::translate("spectray::gui::AccentPreset", "Mint");
    if (id == u"amber")
        return QCoreApplication::translate("spectray::gui::AccentPreset", "Amber");
    if (id == u"magenta")
        return QCoreApplication::translate("spectray::gui::AccentPreset", "Magenta");
    if (id == u"contrast")
        return QCoreApplication::translate("spectray::gui::AccentPreset", "High contrast");
    return id; // a theme added to styles.json before it got a translated name
}

QStringList styleIds()
{
    return StyleDefs::shared().desktopStyles; // the same list the web client offers (styles.json)
}

QString styleName(const QString &id)
{
    if (id == u"mirrored")
        return QCoreApplication::translate("spectray::gui::Style", "Mirrored bars");
    if (id == u"curve")
        return QCoreApplication::translate("spectray::gui::Style", "Filled curve");
    if (id == u"led")
        return QCoreApplication::translate("spectray::gui::Style", "LED segments");
    if (id == u"spectrogram")
        return QCoreApplication::translate("spectray::gui::Style", "Spectrogram");
    return QCoreApplication::translate("spectray::gui::Style", "Bars");
}

QString dockEdgeLabel(const QString &id)
{
    if (id == u"top")
        return QCoreApplication::translate("spectray::gui::DockEdge", "Top");
    if (id == u"bottom")
        return QCoreApplication::translate("spectray::gui::DockEdge", "Bottom");
    if (id == u"left")
        return QCoreApplication::translate("spectray::gui::DockEdge", "Left");
    if (id == u"right")
        return QCoreApplication::translate("spectray::gui::DockEdge", "Right");
    return QCoreApplication::translate("spectray::gui::DockEdge", "Off (floating window)");
}

} // namespace spectray::gui
