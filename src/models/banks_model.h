// BanksModel: the banks of the gateway's directory (GET /v1/banks) for onboarding's "choose your bank" page
// and the bank-account form: the name in the current language (English or Chinese), whether the bank
// offers wallets yet (a bank that does not is listed — people look for their bank — but cannot be chosen:
// its row is not enabled and says why), and the initials a view draws as a logo placeholder.
#pragma once

#include "gateway/gateway_error.h"
#include "gateway/gateway_types.h"

#include <QAbstractListModel>
#include <QLocale>

namespace bw::gateway {
class GatewayClient;
}

namespace bw::models {

class BanksModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,   // English
        NameZhRole, // Chinese
        WalletSupportedRole,
        CountryRole,
        InitialsRole, // for the logo placeholder, in the current language
    };

    explicit BanksModel(QObject *parent = nullptr);

    void setBanks(const QList<gateway::Bank> &banks);
    // GET /v1/banks; then setBanks() and loaded(), or loadFailed().
    void load(gateway::GatewayClient &client);
    void setLocale(const QLocale &locale);

    gateway::Bank bankAt(int row) const;
    int rowOf(const QString &bankId) const;

    // "Demo Commercial Bank" → "DCB" (initials of the words that are not "of", "and", "the"; at most 4);
    // in Chinese the name's first character ("演示商业银行" → "演").
    static QString initials(const QString &name, const QString &nameZh, bool chinese);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const bw::gateway::GatewayError &error);

private:
    QList<gateway::Bank> m_banks;
    QLocale m_locale;
};

} // namespace bw::models
