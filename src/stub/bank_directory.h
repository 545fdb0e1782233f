// BankDirectory: the seeded demo banks (resources/stub/banks.json, compiled in as :/stub/banks.json) that
// GET /v1/banks lists and enrollment checks bank_id against. Immutable after loading.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bw::stub {

struct Bank
{
    QString id; // "bnk_…"
    QString name;
    QString nameZh;
    bool walletSupported = false;
    QString country;

    // {"id", "name", "name_zh", "wallet_supported", "country"}
    QJsonObject toJson() const;
};

class BankDirectory
{
public:
    static constexpr const char *kDefaultResource = ":/stub/banks.json";

    // Loads kDefaultResource. Accepts {"banks": [...]}, {"data": [...]} or a bare array.
    BankDirectory();
    explicit BankDirectory(const QByteArray &json);

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    const QList<Bank> &banks() const { return m_banks; }
    std::optional<Bank> find(const QString &id) const;

private:
    void load(const QByteArray &json);

    QList<Bank> m_banks;
    QString m_error;
};

} // namespace bw::stub
