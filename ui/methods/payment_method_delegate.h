// PaymentMethodDelegate — draws one linked card or bank account of the Payment methods page as a row: the
// brand icon (resources/brands) or the bank's initials in a disc, the name and kind, "•••• 1234", the
// expiry (red when expired, amber when soon) and the "Default" badge. Reads PaymentMethodsListModel's roles.
#pragma once

#include <QStyledItemDelegate>

namespace bw::ui {

class PaymentMethodDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int kRowHeight = 64;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace bw::ui
