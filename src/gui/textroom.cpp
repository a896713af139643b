#include "textroom.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QLineEdit>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionFrame>

#include <algorithm>

namespace spectray::gui {

namespace {

// A device name can be longer than any screen; past half of it, a wider window helps no one.
int widthCap(const QWidget *w)
{
    const QScreen *screen = w->screen();
    return screen ? std::max(screen->availableGeometry().width() / 2, 200) : 800;
}

void fitCombo(QComboBox *combo)
{
    // AdjustToContents keeps the size hint in step with the entries (the default freezes it at the
    // first show); the minimum width stops the layout from shrinking the box below it.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMinimumWidth(std::min(combo->sizeHint().width(), widthCap(combo)));
}

void fitPlaceholder(QLineEdit *edit)
{
    const QString text = edit->placeholderText();
    if (text.isEmpty())
        return;
    // What QLineEdit::sizeHint() adds around its text: 2 px of margin each side, the text margins
    // and the style's frame.
    const QMargins margins = edit->textMargins();
    const int contents = edit->fontMetrics().horizontalAdvance(text) + 4 + margins.left() + margins.right();
    QStyleOptionFrame opt;
    opt.initFrom(edit);
    opt.lineWidth = edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &opt, edit) : 0;
    const QSize size = edit->style()->sizeFromContents(
        QStyle::CT_LineEdit, &opt, QSize(contents, edit->fontMetrics().height()), edit);
    edit->setMinimumWidth(std::min(size.width(), widthCap(edit)));
}

} // namespace

void giveTextsRoom(QWidget *root)
{
    for (QComboBox *combo : root->findChildren<QComboBox *>()) {
        fitCombo(combo);
        // Entries added later (devices, a custom colour) refit the box; connected once per box.
        if (combo->property("spectrayTextRoom").toBool())
            continue;
        combo->setProperty("spectrayTextRoom", true);
        const auto refit = [combo] { fitCombo(combo); };
        QObject::connect(combo->model(), &QAbstractItemModel::rowsInserted, combo, refit);
        QObject::connect(combo->model(), &QAbstractItemModel::rowsRemoved, combo, refit);
        QObject::connect(combo->model(), &QAbstractItemModel::dataChanged, combo, refit);
        QObject::connect(combo->model(), &QAbstractItemModel::modelReset, combo, refit);
    }
    for (QLineEdit *edit : root->findChildren<QLineEdit *>()) {
        if (!qobject_cast<QComboBox *>(edit->parentWidget())) // a combo's own editor is sized with it
            fitPlaceholder(edit);
    }
}

} // namespace spectray::gui
