#include "guisettings.h"

#include "core/styledefs.h"

#include <QCoreApplication>

namespace spectray::gui {

const QList<AccentPreset> &accentPresets()
{
    static const QList<AccentPreset> presets = {
        { QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Sky"), "#29b6f6" },
        { QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Mint"), "#26d07c" },
        { QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Amber"), "#ffb300" },
        { QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Magenta"), "#e040fb" },
        { QT_TRANSLATE_NOOP("spectray::gui::AccentPreset", "Coral"), "#ff5252" },
    };
    return presets;
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
