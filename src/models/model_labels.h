// ModelLabels: the translated words the models show for the contract's codes — transaction kinds and
// statuses, merchant categories, card brands — and the choice between an English and a Chinese name for
// the current language. One place, so every view says "Under review" for pending_review the same way.
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace bw::models {

class ModelLabels
{
    Q_DECLARE_TR_FUNCTIONS(bw::models::ModelLabels)

public:
    // "payment" → "Payment", "top_up" → "Top-up", …; an unknown code is shown as it is.
    static QString kindName(const QString &kind);
    // "succeeded" → "Succeeded", "pending_review" → "Under review", …
    static QString statusName(const QString &status);
    // "coffee" → "Coffee", …
    static QString categoryName(const QString &category);
    // "visa" → "Visa", "unionpay" → "UnionPay", …
    static QString brandName(const QString &brand);
    // Whether names should be shown in Chinese for this locale.
    static bool prefersChinese(const QLocale &locale) { return locale.language() == QLocale::Chinese; }
    // The name for the locale: the Chinese one when preferred and known, the English one otherwise.
    static QString localizedName(const QLocale &locale, const QString &name, const QString &nameZh)
    {
        return prefersChinese(locale) && !nameZh.isEmpty() ? nameZh : name;
    }
};

} // namespace bw::models
