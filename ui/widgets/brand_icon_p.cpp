#include "ui/widgets/brand_icon_p.h"

#include <QPainter>
#include <QSvgRenderer>

namespace bw::ui::detail {

QPixmap brandPixmap(std::optional<core::CardBrand> brand, QSize size, qreal devicePixelRatio)
{
    const QString file = brand ? core::cardBrandCode(*brand) : QStringLiteral("card");
    QSvgRenderer renderer(QStringLiteral(":/brands/%1.svg").arg(file));
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    if (renderer.isValid()) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    }
    return pixmap;
}

} // namespace bw::ui::detail
