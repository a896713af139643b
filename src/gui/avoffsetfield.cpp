#include "avoffsetfield.h"

#include <QCoreApplication>
#include <QSpinBox>

namespace spectray::gui {

QSpinBox *makeAvOffsetSpin(const IntKey &key, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(key.min, key.max);
    spin->setSingleStep(5);
    spin->setSuffix(QCoreApplication::translate("spectray::gui::AvOffset", " ms"));
    spin->setToolTip(QCoreApplication::translate("spectray::gui::AvOffset",
        "Shifts the picture against the sound: positive shows it later (if it runs ahead of what you hear), "
        "negative earlier. Added to the output latency the audio server reports."));
    return spin;
}

} // namespace spectray::gui
