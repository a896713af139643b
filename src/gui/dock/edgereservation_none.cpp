// Platforms without a way to reserve a screen edge (macOS): the strip is placed, nothing reserved.
#include "edgereservation.h"

#include <QCoreApplication>

namespace spectray::gui::dock {

namespace {

class NoEdgeReservation final : public EdgeReservation
{
public:
    QRect reserve(QWidget &, DockEdge, const QRect &bar, const QList<QRect> &) override { return bar; }
    void release(QWidget &) override { }
    QString limitation() const override
    {
        return QCoreApplication::translate("spectray::gui::dock::EdgeReservation",
            "This system lets no application reserve a screen edge; the strip is "
            "shown as an ordinary window.");
    }
};

} // namespace

std::unique_ptr<EdgeReservation> createEdgeReservation()
{
    return std::make_unique<NoEdgeReservation>();
}

} // namespace spectray::gui::dock
