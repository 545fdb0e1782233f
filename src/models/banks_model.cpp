#include "models/banks_model.h"

#include "gateway/gateway_client.h"
#include "models/model_labels.h"

#include <QPointer>

namespace bw::models {

BanksModel::BanksModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void BanksModel::setBanks(const QList<gateway::Bank> &banks)
{
    beginResetModel();
    m_banks = banks;
    endResetModel();
}

void BanksModel::load(gateway::GatewayClient &client)
{
    QPointer<BanksModel> self(this);
    client.listBanks([self](gateway::Result<QList<gateway::Bank>> banks) {
        if (!self)
            return;
        if (!banks) {
            Q_EMIT self->loadFailed(banks.error());
            return;
        }
        self->setBanks(banks.value());
        Q_EMIT self->loaded();
    });
}

void BanksModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_banks.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, InitialsRole});
}

gateway::Bank BanksModel::bankAt(int row) const
{
    return row >= 0 && row < m_banks.size() ? m_banks.at(row) : gateway::Bank{};
}

int BanksModel::rowOf(const QString &bankId) const
{
    for (int i = 0; i < m_banks.size(); ++i) {
        if (m_banks.at(i).id == bankId)
            return i;
    }
    return -1;
}

QString BanksModel::initials(const QString &name, const QString &nameZh, bool chinese)
{
    if (chinese && !nameZh.isEmpty())
        return nameZh.left(nameZh.at(0).isHighSurrogate() ? 2 : 1);
    static const QStringList kSkipped = {QStringLiteral("of"), QStringLiteral("and"), QStringLiteral("the"),
                                         QStringLiteral("&")};
    QString letters;
    for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (kSkipped.contains(word, Qt::CaseInsensitive) || !word.at(0).isLetterOrNumber())
            continue;
        letters += word.at(0).toUpper();
        if (letters.size() == 4)
            break;
    }
    return letters;
}

int BanksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_banks.size());
}

QVariant BanksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gateway::Bank &bank = m_banks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return ModelLabels::localizedName(m_locale, bank.name, bank.nameZh);
    case Qt::ToolTipRole:
        return bank.walletSupported ? QVariant() : QVariant(tr("This bank does not offer wallets yet."));
    case IdRole:
        return bank.id;
    case NameRole:
        return bank.name;
    case NameZhRole:
        return bank.nameZh;
    case WalletSupportedRole:
        return bank.walletSupported;
    case CountryRole:
        return bank.country;
    case InitialsRole:
        return initials(bank.name, bank.nameZh, ModelLabels::prefersChinese(m_locale));
    default:
        return {};
    }
}

Qt::ItemFlags BanksModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return m_banks.at(index.row()).walletSupported ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                                   : Qt::ItemNeverHasChildren; // listed, not selectable
}

QHash<int, QByteArray> BanksModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(NameRole, "name");
    names.insert(NameZhRole, "nameZh");
    names.insert(WalletSupportedRole, "walletSupported");
    names.insert(CountryRole, "country");
    names.insert(InitialsRole, "initials");
    return names;
}

} // namespace bw::models
