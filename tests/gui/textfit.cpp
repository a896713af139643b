#include "textfit.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionComboBox>
#include <QStyleOptionGroupBox>
#include <QTabBar>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

namespace spectray::test {

namespace {

QString nameOf(const QObject *o)
{
    return QString::fromLatin1(o->metaObject()->className()) + u' ' + o->objectName();
}

void expectFits(TextFitReport &out, const QObject *w, const QString &text, int needed, int available)
{
    ++out.checked;
    if (needed > available)
        out.misfits.append({ nameOf(w), text, needed, available });
}

int widestLine(const QFontMetrics &fm, const QString &text)
{
    int widest = 0;
    for (const QString &line : text.split(u'\n'))
        widest = std::max(widest, fm.horizontalAdvance(line));
    return widest;
}

void checkLabel(QLabel *label, TextFitReport &out)
{
    const QString text = label->text();
    if (text.isEmpty())
        return;
    const bool rich
        = label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
    const QRect cr
        = label->contentsRect().adjusted(label->margin(), label->margin(), -label->margin(), -label->margin());
    if (label->wordWrap() || rich) {
        // Wrapped text fits its width by construction; what can be cut is the height, and a word
        // wider than the label.
        expectFits(out, label, text, label->heightForWidth(label->width()), label->height());
        if (!rich) {
            for (const QString &word : withoutMnemonic(text).split(QRegularExpression(QStringLiteral("\\s+"))))
                expectFits(out, label, word, label->fontMetrics().horizontalAdvance(word), cr.width());
        }
        return;
    }
    const QString shown = label->buddy() ? withoutMnemonic(text) : text;
    const int indent = std::max(label->indent(), 0);
    expectFits(out, label, text, widestLine(label->fontMetrics(), shown), cr.width() - indent);
    expectFits(out, label, text, label->fontMetrics().height() * int(shown.count(u'\n') + 1), cr.height());
}

void checkButton(QAbstractButton *button, TextFitReport &out)
{
    const QString text = withoutMnemonic(button->text());
    if (text.isEmpty())
        return;
    const int needed = widestLine(button->fontMetrics(), text);
    if (auto *tool = qobject_cast<QToolButton *>(button)) {
        if (tool->toolButtonStyle() != Qt::ToolButtonIconOnly || tool->icon().isNull())
            expectFits(out, button, text, tool->sizeHint().width(), tool->width()); // its hint is the text's
        return;
    }
    QStyleOptionButton opt;
    opt.initFrom(button);
    opt.text = button->text();
    opt.icon = button->icon();
    opt.iconSize = button->iconSize();
    QStyle::SubElement contents = QStyle::SE_PushButtonContents;
    if (qobject_cast<QCheckBox *>(button))
        contents = QStyle::SE_CheckBoxContents;
    else if (qobject_cast<QRadioButton *>(button))
        contents = QStyle::SE_RadioButtonContents;
    int available = button->style()->subElementRect(contents, &opt, button).width();
    if (!button->icon().isNull())
        available -= button->iconSize().width() + 4;
    expectFits(out, button, text, needed, available);
}

void checkCombo(QComboBox *combo, TextFitReport &out)
{
    QStyleOptionComboBox opt;
    opt.initFrom(combo);
    opt.editable = combo->isEditable();
    opt.frame = combo->hasFrame();
    opt.iconSize = combo->iconSize();
    opt.subControls = QStyle::SC_All;
    // The style draws the current item into the edit field, 1 px in from each side.
    const int field
        = combo->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, combo).width() - 2;
    for (int i = 0; i < combo->count(); ++i) {
        const int icon = combo->itemIcon(i).isNull() ? 0 : combo->iconSize().width() + 4;
        expectFits(
            out, combo, combo->itemText(i), combo->fontMetrics().horizontalAdvance(combo->itemText(i)) + icon, field);
    }
}

void checkTabs(QTabBar *bar, TextFitReport &out)
{
    const int padding = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
    for (int i = 0; i < bar->count(); ++i) {
        if (!bar->isTabVisible(i))
            continue;
        const QString text = withoutMnemonic(bar->tabText(i));
        expectFits(out, bar, text, bar->fontMetrics().horizontalAdvance(text), bar->tabRect(i).width() - padding);
    }
}

void checkGroupBox(QGroupBox *box, TextFitReport &out)
{
    if (box->title().isEmpty())
        return;
    QStyleOptionGroupBox opt;
    opt.initFrom(box);
    opt.text = box->title();
    opt.lineWidth = 1;
    opt.textAlignment = box->alignment();
    opt.subControls = QStyle::SC_GroupBoxFrame | QStyle::SC_GroupBoxLabel;
    if (box->isCheckable())
        opt.subControls |= QStyle::SC_GroupBoxCheckBox;
    const QRect label = box->style()->subControlRect(QStyle::CC_GroupBox, &opt, QStyle::SC_GroupBoxLabel, box);
    const QString text = withoutMnemonic(box->title());
    expectFits(out, box, text, box->fontMetrics().horizontalAdvance(text), label.intersected(box->rect()).width());
}

void checkPlaceholder(QLineEdit *edit, TextFitReport &out)
{
    if (edit->placeholderText().isEmpty() || !edit->text().isEmpty())
        return;
    QStyleOptionFrame opt;
    opt.initFrom(edit);
    opt.lineWidth = edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &opt, edit) : 0;
    const QMargins m = edit->textMargins();
    // QLineEdit keeps 2 px of horizontal margin inside its contents rectangle.
    const int available
        = edit->style()->subElementRect(QStyle::SE_LineEditContents, &opt, edit).width() - m.left() - m.right() - 4;
    expectFits(
        out, edit, edit->placeholderText(), edit->fontMetrics().horizontalAdvance(edit->placeholderText()), available);
}

void checkWidget(QWidget *w, TextFitReport &out)
{
    if (auto *label = qobject_cast<QLabel *>(w))
        checkLabel(label, out);
    else if (auto *button = qobject_cast<QAbstractButton *>(w))
        checkButton(button, out);
    else if (auto *combo = qobject_cast<QComboBox *>(w))
        checkCombo(combo, out);
    else if (auto *bar = qobject_cast<QTabBar *>(w))
        checkTabs(bar, out);
    else if (auto *box = qobject_cast<QGroupBox *>(w))
        checkGroupBox(box, out);
    else if (auto *edit = qobject_cast<QLineEdit *>(w))
        checkPlaceholder(edit, out);
}

} // namespace

QString withoutMnemonic(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size()) {
            ++i; // "&&" is one "&"; "&x" draws x underlined
        }
        out += text.at(i);
    }
    return out;
}

void checkTexts(QWidget *root, TextFitReport &out)
{
    if (!root->isVisible())
        return;
    checkWidget(root, out);
    for (QWidget *w : root->findChildren<QWidget *>()) {
        // Only what the user can see now: other tab pages are walked when they are current.
        if (w->isVisible() && !w->isWindow())
            checkWidget(w, out);
    }
}

void checkMenuTexts(QMenu *menu, TextFitReport &out)
{
    menu->popup(QPoint(0, 0));
    if (!QTest::qWaitForWindowExposed(menu)) {
        out.misfits.append({ nameOf(menu), QStringLiteral("(menu did not show)"), 1, 0 });
        return;
    }
    const QRect screen = menu->screen()->availableGeometry();
    expectFits(out, menu, menu->title(), menu->width(), screen.width());
    for (QAction *a : menu->actions()) {
        if (!a->isVisible() || a->isSeparator() || a->text().isEmpty())
            continue;
        const QString text = withoutMnemonic(a->text());
        const QStringList parts = text.split(u'\t'); // "Label\tShortcut"
        int needed = 0;
        for (const QString &part : parts)
            needed += menu->fontMetrics().horizontalAdvance(part);
        expectFits(out, menu, text, needed, menu->actionGeometry(a).width());
        if (a->menu())
            checkMenuTexts(a->menu(), out);
    }
    menu->hide();
}

QString describe(const QList<TextMisfit> &misfits)
{
    QStringList lines;
    for (const TextMisfit &m : misfits)
        lines.append(
            QStringLiteral("%1: \"%2\" needs %3 px, has %4").arg(m.widget, m.text).arg(m.needed).arg(m.available));
    return lines.join(u'\n');
}

} // namespace spectray::test
