#include "ui/history/history_item_delegate.h"

#include "models/history_model.h"
#include "models/model_labels.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

namespace bw::ui {

namespace {

using HM = models::HistoryModel;

constexpr int kIconSize = 20;

QColor categoryColour(const QString &category)
{
    static const QHash<QString, QColor> colours = {
        {QStringLiteral("coffee"), QColor(0x8d, 0x5b, 0x3a)},
        {QStringLiteral("dining"), QColor(0xd9, 0x6c, 0x1e)},
        {QStringLiteral("groceries"), QColor(0x2e, 0x8b, 0x57)},
        {QStringLiteral("transport"), QColor(0x1f, 0x6f, 0xb2)},
        {QStringLiteral("travel"), QColor(0x00, 0x8b, 0x8b)},
        {QStringLiteral("electronics"), QColor(0x5b, 0x4b, 0xb7)},
        {QStringLiteral("books"), QColor(0xa0, 0x3a, 0x5a)},
        {QStringLiteral("utilities"), QColor(0x6b, 0x77, 0x85)},
    };
    return colours.value(category, QColor(0x0b, 0x4f, 0x8a));
}

// A round badge of the icon size in `background`; `draw` paints the symbol on it (no pen, antialiased).
QPixmap roundBadge(const QColor &background, qreal dpr, const std::function<void(QPainter &)> &draw)
{
    QPixmap pixmap(QSize(kIconSize, kIconSize) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawEllipse(QRectF(0, 0, kIconSize, kIconSize));
    draw(painter);
    painter.end();
    return pixmap;
}

// A round badge with the first character of the category's name in the current language.
QPixmap letterBadge(const QColor &colour, const QString &letter, qreal dpr)
{
    return roundBadge(colour, dpr, [&letter](QPainter &painter) {
        QFont font = QApplication::font();
        font.setPixelSize(kIconSize * 11 / 20);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, kIconSize, kIconSize), Qt::AlignCenter, letter);
    });
}

// A person (head and shoulders) for wallets and people paid or paid by.
QPixmap personBadge(qreal dpr)
{
    return roundBadge(QColor(0xe3, 0xec, 0xf5), dpr, [](QPainter &painter) {
        painter.setBrush(QColor(0x0b, 0x4f, 0x8a));
        painter.drawEllipse(QRectF(7, 3.5, 6, 6));
        QPainterPath shoulders;
        shoulders.moveTo(4, 17);
        shoulders.cubicTo(4, 11, 16, 11, 16, 17);
        shoulders.closeSubpath();
        painter.drawPath(shoulders);
    });
}

// A card, for top-ups and withdrawals (money between the wallet and the customer's own card or account).
QPixmap cardBadge(qreal dpr)
{
    return roundBadge(QColor(0xe3, 0xec, 0xf5), dpr, [](QPainter &painter) {
        painter.setBrush(QColor(0x0b, 0x4f, 0x8a));
        painter.drawRoundedRect(QRectF(4, 6, 12, 8.5), 1.5, 1.5);
        painter.setBrush(QColor(0xf0, 0xb4, 0x29));
        painter.drawRect(QRectF(4, 8, 12, 1.6));
    });
}

} // namespace

HistoryItemDelegate::HistoryItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QString HistoryItemDelegate::amountText(const QModelIndex &amountIndex)
{
    QString text = amountIndex.data(Qt::DisplayRole).toString();
    // The model formats with the locale's hyphen-minus; a money column reads better with a true minus.
    const QString hyphen = QLocale().negativeSign();
    if (!hyphen.isEmpty() && text.startsWith(hyphen))
        text.replace(0, hyphen.size(), QChar(0x2212));
    return text;
}

QString HistoryItemDelegate::displayText(const QModelIndex &index) const
{
    if (index.column() == HM::AmountColumn)
        return amountText(index);
    if (index.column() == HM::CounterpartyColumn &&
        index.data(HM::CounterpartyIdRole).toString().startsWith(QLatin1String("pm_"))) {
        // Money between the wallet and the customer's own card or account: its name, never a raw id.
        const QString name = m_methodNames.value(index.data(HM::CounterpartyIdRole).toString());
        return name.isEmpty() ? tr("Your card or bank account") : name;
    }
    return index.data(Qt::DisplayRole).toString();
}

QIcon HistoryItemDelegate::counterpartyIcon(const QModelIndex &index) const
{
    const QString kind = index.data(HM::KindRole).toString();
    const QString type = index.data(HM::CounterpartyTypeRole).toString();
    const QString category = index.data(HM::CategoryRole).toString();
    QString key;
    if (!category.isEmpty() || type == QLatin1String("merchant"))
        key = QStringLiteral("category:") + category;
    else if (kind == QLatin1String("top_up") || kind == QLatin1String("withdrawal") ||
             index.data(HM::CounterpartyIdRole).toString().startsWith(QLatin1String("pm_")))
        key = QStringLiteral("card");
    else
        key = QStringLiteral("person");
    if (const auto found = m_icons.constFind(key); found != m_icons.constEnd())
        return *found;
    const qreal dpr = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap;
    if (key == QLatin1String("card")) {
        pixmap = cardBadge(dpr);
    } else if (key == QLatin1String("person")) {
        pixmap = personBadge(dpr);
    } else {
        const QString name = category.isEmpty() ? index.data(HM::CounterpartyNameRole).toString()
                                                : models::ModelLabels::categoryName(category);
        pixmap = letterBadge(categoryColour(category), name.left(1).toUpper(), dpr);
    }
    const QIcon icon(pixmap);
    m_icons.insert(key, icon);
    return icon;
}

void HistoryItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    switch (index.column()) {
    case HM::CounterpartyColumn:
        option->text = displayText(index);
        option->icon = counterpartyIcon(index);
        option->decorationSize = QSize(kIconSize, kIconSize);
        option->features |= QStyleOptionViewItem::HasDecoration;
        break;
    case HM::AmountColumn: {
        option->text = amountText(index);
        option->font.setBold(true);
        if (index.data(HM::ShownAmountMinorRole).toLongLong() > 0) {
            const QColor green(0x1a, 0x7f, 0x37);
            option->palette.setColor(QPalette::Text, green);
        }
        break;
    }
    default:
        break;
    }
}

} // namespace bw::ui
