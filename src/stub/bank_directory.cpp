#include "stub/bank_directory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace bw::stub {

QJsonObject Bank::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("name_zh"), nameZh},
                       {QStringLiteral("wallet_supported"), walletSupported},
                       {QStringLiteral("country"), country}};
}

BankDirectory::BankDirectory()
{
    QFile file(QString::fromLatin1(kDefaultResource));
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1").arg(QString::fromLatin1(kDefaultResource));
        return;
    }
    load(file.readAll());
}

BankDirectory::BankDirectory(const QByteArray &json)
{
    load(json);
}

void BankDirectory::load(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QJsonArray array;
    if (document.isArray()) {
        array = document.array();
    } else if (document.isObject()) {
        const QJsonObject object = document.object();
        array = object
                    .value(object.contains(QStringLiteral("banks")) ? QStringLiteral("banks")
                                                                    : QStringLiteral("data"))
                    .toArray();
    } else {
        m_error = QStringLiteral("banks list is not JSON: %1").arg(parseError.errorString());
        return;
    }
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        Bank bank{o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
                  o.value(QStringLiteral("name_zh")).toString(),
                  o.value(QStringLiteral("wallet_supported")).toBool(),
                  o.value(QStringLiteral("country")).toString()};
        if (bank.id.isEmpty() || bank.name.isEmpty()) {
            m_error = QStringLiteral("a bank without id or name");
            m_banks.clear();
            return;
        }
        m_banks.append(bank);
    }
    if (m_banks.isEmpty())
        m_error = QStringLiteral("the banks list is empty");
}

std::optional<Bank> BankDirectory::find(const QString &id) const
{
    for (const Bank &bank : m_banks) {
        if (bank.id == id)
            return bank;
    }
    return std::nullopt;
}

} // namespace bw::stub
