#include "ui/methods/payment_methods_list_model.h"

#include "models/model_labels.h"
#include "models/payment_methods_model.h"

#include <QLocale>

namespace bw::ui {

namespace {
using Source = models::PaymentMethodsModel;
} // namespace

PaymentMethodsListModel::PaymentMethodsListModel(QObject *parent)
    : QIdentityProxyModel(parent)
{}

void PaymentMethodsListModel::setBanks(const QList<gateway::Bank> &banks)
{
    m_banks.clear();
    for (const gateway::Bank &bank : banks)
        m_banks.insert(bank.id, bank);
    retranslate();
}

void PaymentMethodsListModel::setToday(const QDate &today)
{
    m_today = today;
    retranslate();
}

void PaymentMethodsListModel::retranslate()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString PaymentMethodsListModel::initialsOf(const QString &bankName)
{
    // The first letters of the words that name the bank ("Thames Mutual Bank" → "TM"); a Chinese name
    // starts with its first character.
    static const QStringList generic = {QStringLiteral("bank"), QStringLiteral("of"), QStringLiteral("the"),
                                        QStringLiteral("and"), QStringLiteral("&")};
    QString out;
    for (const QString &word : bankName.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (generic.contains(word.toLower()) || !word.at(0).isLetter())
            continue;
        if (word.at(0).script() == QChar::Script_Han)
            return word.left(1);
        out += word.at(0).toUpper();
        if (out.size() == 2)
            break;
    }
    return out.isEmpty() ? bankName.left(1).toUpper() : out;
}

QString PaymentMethodsListModel::title(const QModelIndex &source) const
{
    if (source.data(Source::TypeRole).toString() == QLatin1String("card"))
        return models::ModelLabels::brandName(source.data(Source::BrandRole).toString());
    const QString bankId = source.data(Source::BankIdRole).toString();
    const auto known = m_banks.constFind(bankId);
    if (known != m_banks.constEnd())
        return models::ModelLabels::localizedName(QLocale(), known->name, known->nameZh);
    const QString name = source.data(Source::BankNameRole).toString();
    return name.isEmpty() ? bankId : name;
}

QString PaymentMethodsListModel::kind(const QModelIndex &source) const
{
    if (source.data(Source::TypeRole).toString() != QLatin1String("card")) {
        const QString country = source.data(Source::CountryRole).toString();
        return country.isEmpty() ? tr("Bank account") : tr("Bank account · %1").arg(country);
    }
    const QString funding = source.data(Source::FundingRole).toString();
    if (funding == QLatin1String("debit"))
        return tr("Debit card");
    if (funding == QLatin1String("credit"))
        return tr("Credit card");
    return tr("Card");
}

QString PaymentMethodsListModel::expiry(const QModelIndex &source, ExpiryState *state) const
{
    *state = NoExpiry;
    const int month = source.data(Source::ExpMonthRole).toInt();
    const int year = source.data(Source::ExpYearRole).toInt();
    if (source.data(Source::TypeRole).toString() != QLatin1String("card") || month < 1 || month > 12 ||
        year <= 0)
        return QString();
    const QString date =
        QStringLiteral("%1/%2").arg(month, 2, 10, QLatin1Char('0')).arg(year % 100, 2, 10, QLatin1Char('0'));
    // A card is valid through the last day of its expiry month.
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    const QDate first(year < 100 ? 2000 + year : year, month, 1);
    const QDate lastDay = first.addDays(first.daysInMonth() - 1);
    if (lastDay < today) {
        *state = Expired;
        return tr("Expired %1").arg(date);
    }
    if (today.daysTo(lastDay) <= kSoonDays) {
        *state = ExpiresSoon;
        return tr("Expires soon: %1").arg(date);
    }
    *state = Valid;
    return tr("Expires %1").arg(date);
}

QString PaymentMethodsListModel::summary(const QModelIndex &source) const
{
    ExpiryState state;
    QStringList parts = {title(source), kind(source),
                         QStringLiteral("•••• ") + source.data(Source::Last4Role).toString()};
    const QString expires = expiry(source, &state);
    if (!expires.isEmpty())
        parts << expires;
    if (source.data(Source::IsDefaultRole).toBool())
        parts << tr("Default");
    return parts.join(QStringLiteral(" · "));
}

QVariant PaymentMethodsListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QModelIndex source = mapToSource(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return summary(source);
    case Qt::ToolTipRole: {
        const QString holder = source.data(Source::HolderNameRole).toString();
        return holder.isEmpty() ? QVariant() : QVariant(tr("In the name of %1").arg(holder));
    }
    case Qt::CheckStateRole:
        return {}; // the badge says it; no check box in the list
    case TitleRole:
        return title(source);
    case KindRole:
        return kind(source);
    case NumberRole:
        return QString(QStringLiteral("•••• ") + source.data(Source::Last4Role).toString());
    case ExpiryRole: {
        ExpiryState state;
        return expiry(source, &state);
    }
    case ExpiryStateRole: {
        ExpiryState state;
        expiry(source, &state);
        return int(state);
    }
    case BadgeRole:
        return source.data(Source::IsDefaultRole).toBool() ? tr("Default") : QString();
    case InitialsRole:
        return initialsOf(title(source));
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

} // namespace bw::ui
