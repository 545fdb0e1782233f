#include "ui/onboarding/bank_page.h"

#include "models/banks_model.h"
#include "ui_bank_page.h"

#include <QApplication>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>

namespace bw::ui {

namespace {

using models::BanksModel;

// Lists every bank (people look for theirs) but lets an unsupported one be selected too, so the page can
// explain it; the view draws it greyed. The search matches the English and the Chinese name.
class BankFilterModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearch(const QString &text)
    {
        m_search = text.simplified();
        invalidateFilter();
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        if (!index.isValid())
            return Qt::NoItemFlags;
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_search.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        for (int role : {int(BanksModel::NameRole), int(BanksModel::NameZhRole)}) {
            if (index.data(role).toString().contains(m_search, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }

private:
    QString m_search;
};

// A row: a coloured circle with the initials, the name, and for an unsupported bank a grey second line.
class BankItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), qMax(52, option.fontMetrics.height() * 2 + 16)};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        opt.icon = QIcon();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool supported = index.data(BanksModel::WalletSupportedRole).toBool();
        const bool selected = opt.state.testFlag(QStyle::State_Selected);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect r = opt.rect.adjusted(10, 6, -10, -6);
        const int d = qMin(36, r.height());
        const QRect circle(r.left(), r.center().y() - d / 2, d, d);
        // A stable colour per bank, muted for an unsupported one.
        const uint hash = qHash(index.data(BanksModel::IdRole).toString());
        QColor colour = QColor::fromHsv(int(hash % 360), supported ? 150 : 20, supported ? 170 : 190);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawEllipse(circle);
        QFont initialsFont = opt.font;
        initialsFont.setBold(true);
        initialsFont.setPointSizeF(initialsFont.pointSizeF() * 0.85);
        painter->setFont(initialsFont);
        painter->setPen(Qt::white);
        painter->drawText(circle, Qt::AlignCenter, index.data(BanksModel::InitialsRole).toString());

        const QPalette::ColorGroup group = supported ? QPalette::Normal : QPalette::Disabled;
        const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        const QRect textRect = r.adjusted(d + 12, 0, 0, 0);
        painter->setFont(opt.font);
        painter->setPen(text);
        if (supported) {
            painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                              opt.fontMetrics.elidedText(name, Qt::ElideRight, textRect.width()));
        } else {
            const int h = opt.fontMetrics.height();
            const QRect top(textRect.left(), textRect.center().y() - h, textRect.width(), h);
            const QRect bottom(textRect.left(), textRect.center().y() + 1, textRect.width(), h);
            painter->drawText(top, Qt::AlignLeft | Qt::AlignVCenter,
                              opt.fontMetrics.elidedText(name, Qt::ElideRight, top.width()));
            QFont small = opt.font;
            small.setPointSizeF(small.pointSizeF() * 0.9);
            painter->setFont(small);
            painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                              QCoreApplication::translate("bw::ui::BankPage", "Wallet not available yet"));
        }
        painter->restore();
    }
};

} // namespace

BankPage::BankPage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::BankPage>())
{
    setObjectName(QStringLiteral("bankPage"));
    m_ui->setupUi(body());
    m_model = new BanksModel(this);
    m_model->setLocale(QLocale());
    auto *proxy = new BankFilterModel(this);
    proxy->setSourceModel(m_model);
    m_proxy = proxy;
    m_ui->bankList->setModel(m_proxy);
    m_ui->bankList->setItemDelegate(new BankItemDelegate(m_ui->bankList));
    m_ui->bankUnsupportedMessage->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    m_ui->bankUnsupportedMessage->hide();
    m_ui->retryButton->hide();

    connect(m_ui->bankSearch, &QLineEdit::textChanged, this, [this, proxy](const QString &text) {
        proxy->setSearch(text);
        onSelectionChanged();
    });
    connect(m_ui->bankList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &BankPage::onSelectionChanged);
    connect(m_ui->bankList, &QListView::activated, this, [this] {
        if (isComplete() && wizard())
            wizard()->next();
    });
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] {
        if (auto retry = std::exchange(m_retry, {})) {
            m_ui->retryButton->hide();
            clearMessage();
            retry();
        } else {
            loadBanks();
        }
    });
    retranslate();
}

BankPage::~BankPage() = default;

void BankPage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Choose your bank"),
               tr("Your wallet is opened by your bank. Pick the bank where you have an account."));
    m_model->setLocale(QLocale());
    onSelectionChanged();
}

void BankPage::enter(const services::OnboardingState &state)
{
    OnboardingPage::enter(state);
    m_state = state;
    if (!state.bankId.isEmpty() && m_wantedBankId.isEmpty())
        m_wantedBankId = state.bankId;
    if (!m_loaded)
        loadBanks();
    else
        selectBank(m_wantedBankId);
    m_ui->bankSearch->setFocus();
}

void BankPage::reset()
{
    OnboardingPage::reset();
    m_wantedBankId.clear();
    m_state = {};
    m_ui->bankSearch->clear();
    m_ui->bankList->clearSelection();
    m_ui->bankList->setCurrentIndex({});
    onSelectionChanged();
}

void BankPage::showStartFailure(const services::ServiceError &error, std::function<void()> retry)
{
    m_retry = std::move(retry);
    showError(error, tr("Then press Retry."));
    m_ui->retryButton->show();
}

void BankPage::loadBanks()
{
    if (m_loading)
        return;
    m_loading = true;
    m_ui->retryButton->hide();
    clearMessage();
    setBusy(true);
    onboarding().listBanks(guarded([this](services::ServiceResult<QList<gateway::Bank>> result) {
        m_loading = false;
        setBusy(false);
        if (!result) {
            showError(result.error(), tr("Check your connection, then press Retry."));
            m_ui->retryButton->show();
            m_ui->retryButton->setFocus();
            return;
        }
        m_model->setBanks(result.value());
        m_loaded = true;
        selectBank(m_wantedBankId);
        notifyComplete();
    }));
}

void BankPage::selectBank(const QString &bankId)
{
    if (bankId.isEmpty())
        return;
    const int row = m_model->rowOf(bankId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_ui->bankList->setCurrentIndex(index);
}

gateway::Bank BankPage::selectedBank(bool *found) const
{
    const QModelIndex current = m_ui->bankList->currentIndex();
    const QModelIndex source = m_proxy->mapToSource(current);
    *found = source.isValid();
    return *found ? m_model->bankAt(source.row()) : gateway::Bank{};
}

void BankPage::onSelectionChanged()
{
    bool found = false;
    const gateway::Bank bank = selectedBank(&found);
    if (found && !bank.walletSupported) {
        m_ui->bankUnsupportedMessage->setText(
            tr("%1 does not offer the wallet yet. Choose another bank where you have an account, or ask "
               "your bank when it will offer BankWallet.")
                .arg(m_ui->bankList->currentIndex().data().toString()));
        m_ui->bankUnsupportedMessage->show();
    } else {
        m_ui->bankUnsupportedMessage->clear();
        m_ui->bankUnsupportedMessage->hide();
    }
    if (found && bank.walletSupported)
        m_wantedBankId = bank.id;
    notifyComplete();
}

bool BankPage::canSubmit() const
{
    bool found = false;
    const gateway::Bank bank = selectedBank(&found);
    return m_loaded && found && bank.walletSupported;
}

void BankPage::submit()
{
    bool found = false;
    const gateway::Bank bank = selectedBank(&found);
    if (!found)
        return;
    const services::OnboardingState state = onboarding().state();
    // Already chosen (the person came back to look): nothing to send.
    if (state.bankId == bank.id && state.step != services::OnboardingStep::ChooseBank) {
        advance();
        return;
    }
    setBusy(true);
    auto choose = [this, id = bank.id] {
        onboarding().chooseBank(id, guarded([this](services::ServiceError error) {
                                    if (error)
                                        showError(error, tr("Try again, or choose another bank."));
                                    else
                                        advance();
                                }));
    };
    if (state.step == services::OnboardingStep::PhoneCode) {
        // Another bank after a code was sent: that enrollment is given up first.
        onboarding().restart(guarded([this, choose](services::ServiceError error) {
            if (error)
                showError(error, tr("Try again."));
            else
                choose();
        }));
        return;
    }
    choose();
}

} // namespace bw::ui
