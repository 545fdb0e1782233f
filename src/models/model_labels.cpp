#include "models/model_labels.h"

namespace bw::models {

QString ModelLabels::kindName(const QString &kind)
{
    if (kind == QLatin1String("payment"))
        return tr("Payment");
    if (kind == QLatin1String("transfer"))
        return tr("Transfer");
    if (kind == QLatin1String("top_up"))
        return tr("Top-up");
    if (kind == QLatin1String("withdrawal"))
        return tr("Withdrawal");
    if (kind == QLatin1String("incoming"))
        return tr("Money received");
    return kind;
}

QString ModelLabels::statusName(const QString &status)
{
    if (status == QLatin1String("succeeded"))
        return tr("Succeeded");
    if (status == QLatin1String("processing"))
        return tr("Processing");
    if (status == QLatin1String("pending_review"))
        return tr("Under review");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    return status;
}

QString ModelLabels::categoryName(const QString &category)
{
    if (category == QLatin1String("books"))
        return tr("Books");
    if (category == QLatin1String("coffee"))
        return tr("Coffee");
    if (category == QLatin1String("dining"))
        return tr("Dining");
    if (category == QLatin1String("electronics"))
        return tr("Electronics");
    if (category == QLatin1String("groceries"))
        return tr("Groceries");
    if (category == QLatin1String("transport"))
        return tr("Transport");
    if (category == QLatin1String("travel"))
        return tr("Travel");
    if (category == QLatin1String("utilities"))
        return tr("Utilities");
    return category;
}

QString ModelLabels::brandName(const QString &brand)
{
    // Brand names are trademarks and read the same in every language.
    if (brand == QLatin1String("visa"))
        return QStringLiteral("Visa");
    if (brand == QLatin1String("mastercard"))
        return QStringLiteral("Mastercard");
    if (brand == QLatin1String("unionpay"))
        return tr("UnionPay");
    if (brand == QLatin1String("amex"))
        return QStringLiteral("American Express");
    if (brand == QLatin1String("jcb"))
        return QStringLiteral("JCB");
    return brand;
}

} // namespace bw::models
