#include "ui/methods/payment_method_delegate.h"

#include "models/payment_methods_model.h"
#include "ui/methods/payment_methods_list_model.h"
#include "ui/widgets/brand_icon_p.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace bw::ui {

namespace {

using List = PaymentMethodsListModel;

std::optional<core::CardBrand> brandOf(const QString &code)
{
    for (const auto brand : {core::CardBrand::Visa, core::CardBrand::Mastercard, core::CardBrand::UnionPay,
                             core::CardBrand::Amex, core::CardBrand::Jcb}) {
        if (core::cardBrandCode(brand) == code)
            return brand;
    }
    return std::nullopt;
}

// A bank's disc colour: stable per bank, from a small set of calm colours.
QColor bankColour(const QString &bankId)
{
    static const QColor colours[] = {QColor(0x0b, 0x4f, 0x8a), QColor(0x1a, 0x7f, 0x5a),
                                     QColor(0x7a, 0x3e, 0x9d), QColor(0xa0, 0x52, 0x1c),
                                     QColor(0x2f, 0x5d, 0x62), QColor(0x8a, 0x1c, 0x3c)};
    return colours[qHash(bankId) % (sizeof(colours) / sizeof(colours[0]))];
}

} // namespace

QSize PaymentMethodDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    const int text = option.fontMetrics.height() * 2 + 20;
    return QSize(480, std::max(kRowHeight, text));
}

void PaymentMethodDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    // The list's style sheet keeps the selection a light tint: the text keeps its colours, and an
    // accent bar on the left marks the selected row.
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    if (selected) {
        painter->fillRect(QRect(option.rect.left(), option.rect.top(), 4, option.rect.height()),
                          QColor(0x0b, 0x4f, 0x8a));
    }
    const QRect r = option.rect.adjusted(16, 0, -16, 0);

    // Icon: the brand's card drawing, or the bank's initials in a disc.
    const QSize iconSize(48, 32);
    const QRect iconRect(QPoint(r.left(), r.center().y() - iconSize.height() / 2), iconSize);
    const bool card = index.data(models::PaymentMethodsModel::TypeRole).toString() == QLatin1String("card");
    if (card) {
        const QPixmap pixmap =
            detail::brandPixmap(brandOf(index.data(models::PaymentMethodsModel::BrandRole).toString()),
                                iconSize, widget ? widget->devicePixelRatioF() : 1.0);
        painter->drawPixmap(iconRect.topLeft(), pixmap);
    } else {
        const QRect disc(iconRect.center().x() - 17, iconRect.center().y() - 17, 34, 34);
        painter->setPen(Qt::NoPen);
        painter->setBrush(bankColour(index.data(models::PaymentMethodsModel::BankIdRole).toString()));
        painter->drawEllipse(disc);
        QFont f = option.font;
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.95);
        painter->setFont(f);
        painter->setPen(Qt::white);
        painter->drawText(disc, Qt::AlignCenter, index.data(List::InitialsRole).toString());
    }

    // Right side, from the edge inwards: the badge, then the expiry, then the number.
    QFont base = option.font;
    int right = r.right();
    const QString badge = index.data(List::BadgeRole).toString();
    if (!badge.isEmpty()) {
        QFont f = base;
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.9);
        const QFontMetrics fm(f);
        const int w = fm.horizontalAdvance(badge) + 20;
        const QRect pill(right - w, r.center().y() - fm.height() / 2 - 3, w, fm.height() + 6);
        painter->setPen(QPen(QColor(0x9c, 0xc3, 0xe6), 1));
        painter->setBrush(QColor(0xe6, 0xf0, 0xfa));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(QColor(0x0b, 0x4f, 0x8a));
        painter->setFont(f);
        painter->drawText(pill, Qt::AlignCenter, badge);
        right = pill.left() - 16;
    } else {
        // Keep the columns of the other rows aligned whether or not a row is the default.
        QFont f = base;
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 0.9);
        right -= QFontMetrics(f).horizontalAdvance(PaymentMethodsListModel::tr("Default")) + 20 + 16;
    }

    const QFontMetrics fm(base);
    const int expiryWidth = std::max(
        fm.horizontalAdvance(PaymentMethodsListModel::tr("Expires soon: %1").arg(QStringLiteral("00/00"))),
        fm.horizontalAdvance(index.data(List::ExpiryRole).toString()));
    const QRect expiryRect(right - expiryWidth, r.top(), expiryWidth, r.height());
    const int state = index.data(List::ExpiryStateRole).toInt();
    QColor expiryColour = muted;
    if (state == List::Expired)
        expiryColour = QColor(0xb4, 0x23, 0x18);
    else if (state == List::ExpiresSoon)
        expiryColour = QColor(0x9a, 0x5b, 0x00);
    QFont expiryFont = base;
    expiryFont.setBold(state == List::Expired || state == List::ExpiresSoon);
    painter->setFont(expiryFont);
    painter->setPen(expiryColour);
    painter->drawText(expiryRect, Qt::AlignRight | Qt::AlignVCenter, index.data(List::ExpiryRole).toString());
    right = expiryRect.left() - 24;

    QFont numberFont = base;
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.05);
    numberFont.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("monospace")});
    const QFontMetrics nfm(numberFont);
    const int numberWidth = nfm.horizontalAdvance(QStringLiteral("•••• 0000"));
    const QRect numberRect(right - numberWidth, r.top(), numberWidth, r.height());
    painter->setFont(numberFont);
    painter->setPen(text);
    painter->drawText(numberRect, Qt::AlignRight | Qt::AlignVCenter, index.data(List::NumberRole).toString());

    // Left: the name (bold) over the kind.
    const int textLeft = iconRect.right() + 16;
    const QRect textRect(textLeft, r.top(), std::max(0, numberRect.left() - 16 - textLeft), r.height());
    QFont titleFont = base;
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.05);
    const QFontMetrics tfm(titleFont);
    const int blockHeight = tfm.height() + 2 + fm.height();
    const int top = r.center().y() - blockHeight / 2;
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(
        QRect(textRect.left(), top, textRect.width(), tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        tfm.elidedText(index.data(List::TitleRole).toString(), Qt::ElideRight, textRect.width()));
    painter->setFont(base);
    painter->setPen(muted);
    painter->drawText(QRect(textRect.left(), top + tfm.height() + 2, textRect.width(), fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(index.data(List::KindRole).toString(), Qt::ElideRight, textRect.width()));

    // A hairline between rows.
    if (!selected && index.row() + 1 < index.model()->rowCount()) {
        painter->setPen(QPen(QColor(0xe3, 0xe8, 0xee), 1));
        painter->drawLine(option.rect.bottomLeft() + QPoint(16, 0),
                          option.rect.bottomRight() - QPoint(16, 0));
    }
    painter->restore();
}

} // namespace bw::ui
