// HistoryItemDelegate — how the History table draws its cells beyond the model's plain text: the amount
// with its sign (+ for money in, in green; − for money out) in bold, and an icon before the counterparty
// (the merchant's category, a person, or a card or account for top-ups and withdrawals). Icons are drawn
// once per kind and size and cached. Set on the History table only; fixed row heights stay the view's.
#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace bw::ui {

class HistoryItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HistoryItemDelegate(QObject *parent = nullptr);

    // The amount text as the table shows it: the model's text with a true minus sign (U+2212).
    static QString amountText(const QModelIndex &amountIndex);
    // What a cell shows (the amount as above; the customer's own card or account by its name instead of
    // its id; the model's text otherwise) — also what Copy copies.
    QString displayText(const QModelIndex &index) const;
    // Names of the wallet's payment methods by id ("Visa debit ···· 4242"), for top-ups and withdrawals.
    void setMethodNames(const QHash<QString, QString> &names) { m_methodNames = names; }
    // The icon of a row's counterparty (any column of the row).
    QIcon counterpartyIcon(const QModelIndex &index) const;
    // Drops the cached icons (their letters follow the language).
    void clearIcons() { m_icons.clear(); }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    mutable QHash<QString, QIcon> m_icons;
    QHash<QString, QString> m_methodNames;
};

} // namespace bw::ui
