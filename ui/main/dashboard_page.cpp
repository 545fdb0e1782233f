#include "ui/main/dashboard_page.h"

#include "models/history_model.h"
#include "models/payment_methods_model.h"
#include "services/history_service.h"
#include "services/payment_method_service.h"
#include "services/payment_service.h"
#include "services/service_context.h"
#include "services/wallet_service.h"
#include "storage/wallet_database.h"
#include "ui/history/history_item_delegate.h"
#include "ui/widgets/limit_meter.h"
#include "ui/widgets/tier_badge.h"
#include "ui_dashboard_page.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QPointer>

namespace bw::ui {

namespace {

const QString kCardStyle = QStringLiteral(
    "QFrame#limitsCard, QFrame#recentCard, QFrame#methodsCard {"
    " background: palette(base); border: 1px solid #d9e0e8; border-radius: 10px; }"
    "QFrame#balanceCard { border-radius: 10px;"
    " background: qlineargradient(x1:0, y1:0, x2:1, y2:1, stop:0 #0b4f8a, stop:1 #1670b8); }"
    "QFrame#balanceCard QLabel { color: white; }"
    "QFrame#dashboardBanner { background: #fdecea; border: 1px solid #f1b0aa; border-radius: 8px; }"
    "QFrame#dashboardBanner QLabel { color: #8a1c12; }"
    "QLabel#frozenWarning { background: #fff4d6; color: #6b4700; border: 1px solid #f0d58a;"
    " border-radius: 8px; padding: 10px 14px; }"
    "QPushButton[quickAction=\"true\"] { min-height: 40px; padding: 4px 18px; font-weight: 600;"
    " background: palette(base); border: 1px solid #c3cfdc; border-radius: 8px; color: #0b4f8a; }"
    "QPushButton[quickAction=\"true\"]:hover { background: #eef4fa; }"
    "QPushButton[quickAction=\"true\"]:focus { border: 2px solid #1670b8; }"
    "QPushButton[quickAction=\"true\"]:disabled { color: #9aa7b4; background: #f3f5f7; }"
    "QPushButton#payButton { background: #0b4f8a; color: white; border-color: #09406f; }"
    "QPushButton#payButton:hover { background: #0d5ca0; }"
    "QPushButton#payButton:focus { border: 2px solid #f0b429; }"
    "QPushButton#payButton:disabled { background: #8aa6bf; color: #eef2f6; }");

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

DashboardPage::DashboardPage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DashboardPage>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("dashboardPage"));
    setStyleSheet(kCardStyle);

    m_ui->titleLabel->setFont(scaled(m_ui->titleLabel->font(), 1.8, true));
    m_ui->greetingLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_ui->balanceCaption->setFont(scaled(m_ui->balanceCaption->font(), 1.05, false));
    m_ui->balanceLabel->setFont(scaled(m_ui->balanceLabel->font(), 2.8, true));
    m_ui->remainingTodayLabel->setFont(scaled(m_ui->remainingTodayLabel->font(), 1.25, true));
    m_ui->remainingTodayLabel->setStyleSheet(QStringLiteral("color: #0b4f8a;"));
    for (QLabel *caption : {m_ui->limitsCaption, m_ui->recentCaption, m_ui->methodsCaption})
        caption->setFont(scaled(caption->font(), 1.15, true));
    for (QLabel *empty : {m_ui->recentEmptyLabel, m_ui->methodsEmptyLabel, m_ui->tierHintLabel})
        empty->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_ui->busyLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_ui->updatedLabel->setStyleSheet(QStringLiteral("QLabel { color: #cfe0f1; }"));
    m_ui->busyLabel->hide();
    m_ui->dashboardBanner->hide();
    m_ui->frozenWarning->hide();

    m_tierBadge = new TierBadge(this);
    m_tierBadge->setObjectName(QStringLiteral("tierBadge"));
    m_ui->tierHolder->addWidget(m_tierBadge);
    m_dailyMeter = new LimitMeter(this);
    m_dailyMeter->setObjectName(QStringLiteral("dailyLimitMeter"));
    m_dailyMeter->setPeriod(LimitMeter::Period::Today);
    m_annualMeter = new LimitMeter(this);
    m_annualMeter->setObjectName(QStringLiteral("annualLimitMeter"));
    m_annualMeter->setPeriod(LimitMeter::Period::ThisYear);
    m_ui->metersHolder->addWidget(m_dailyMeter);
    m_ui->metersHolder->addWidget(m_annualMeter);

    auto *header = m_ui->recentList->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_ui->recentList->headerItem()->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);

    m_methodsModel = new models::PaymentMethodsModel(this);
    m_methodsModel->setLocale(QLocale());
    m_ui->methodsView->setModel(m_methodsModel);
    m_ui->methodsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->methodsView->horizontalHeader()->setSectionResizeMode(models::PaymentMethodsModel::MethodColumn,
                                                                QHeaderView::Stretch);
    m_ui->methodsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    connect(m_methodsModel, &QAbstractItemModel::modelReset, this, &DashboardPage::updateEmptyStates);
    connect(m_methodsModel, &QAbstractItemModel::rowsInserted, this, &DashboardPage::updateEmptyStates);
    connect(m_methodsModel, &QAbstractItemModel::rowsRemoved, this, &DashboardPage::updateEmptyStates);

    const std::pair<QPushButton *, QuickAction> actions[] = {
        {m_ui->payButton, QuickAction::Pay},         {m_ui->transferButton, QuickAction::Transfer},
        {m_ui->topUpButton, QuickAction::TopUp},     {m_ui->withdrawButton, QuickAction::Withdraw},
        {m_ui->receiveButton, QuickAction::Receive},
    };
    for (const auto &[button, action] : actions) {
        button->setProperty("quickAction", true);
        connect(button, &QPushButton::clicked, this,
                [this, action = action] { Q_EMIT quickActionRequested(action); });
    }
    connect(m_ui->manageMethodsButton, &QPushButton::clicked, this, &DashboardPage::paymentMethodsRequested);
    connect(m_ui->seeAllHistoryButton, &QPushButton::clicked, this, &DashboardPage::historyRequested);
    connect(m_ui->recentList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const QString id = item->data(0, Qt::UserRole).toString(); !id.isEmpty())
            Q_EMIT receiptRequested(id);
    });
    connect(m_ui->retryButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);

    if (m_services.wallet) {
        connect(m_services.wallet, &services::WalletService::walletChanged, this, &DashboardPage::showWallet);
        connect(m_services.wallet, &services::WalletService::refreshFailed, this, &DashboardPage::showError);
    }
    if (m_services.methods) {
        connect(
            m_services.methods, &services::PaymentMethodService::methodsChanged, m_methodsModel,
            [this](const QList<gateway::PaymentMethod> &methods) { m_methodsModel->setMethods(methods); });
    }
    if (m_services.history) {
        connect(m_services.history, &services::HistoryService::finished, this, [this](qint64 synced) {
            // New money arrived (an incoming transfer, a payment settled): the balance changed too.
            if (synced > 0 && m_services.wallet && m_services.context && m_services.context->isSignedIn())
                m_services.wallet->refresh();
            fillRecent();
        });
        connect(m_services.history, &services::HistoryService::failed, this,
                [this](const services::ServiceError &error) {
                    if (error.code != services::HistoryService::kCancelled &&
                        error.code != services::HistoryService::kNotSignedIn)
                        showError(error);
                });
    }
    if (m_services.context) {
        // Locked or signed out: nothing of the wallet stays on screen or in memory here — the history
        // model's decrypted rows and the reader connection (which holds the data key) go too; the next
        // showWallet() opens them again.
        auto forget = [this] {
            clear();
            m_history.reset();
            m_reader.reset();
        };
        connect(m_services.context, &services::ServiceContext::locked, this, forget);
        connect(m_services.context, &services::ServiceContext::signedOut, this, forget);
    }
    retranslate();
    clear();
}

DashboardPage::~DashboardPage()
{
    m_history.reset();
    m_reader.reset();
}

void DashboardPage::refresh()
{
    m_ui->dashboardBanner->hide();
    if (m_services.wallet) {
        setBusy(+1);
        QPointer<DashboardPage> self(this);
        m_services.wallet->refresh([self](services::ServiceResult<gateway::Wallet>) {
            if (self)
                self->setBusy(-1);
        });
    }
    if (m_services.methods) {
        setBusy(+1);
        QPointer<DashboardPage> self(this);
        m_services.methods->refresh([self](services::ServiceResult<QList<gateway::PaymentMethod>> listed) {
            if (!self)
                return;
            self->setBusy(-1);
            if (!listed && listed.error().code != QLatin1String("not_signed_in"))
                self->showError(listed.error());
        });
    }
    openHistory();
}

void DashboardPage::openHistory()
{
    if (!m_services.context || !m_services.history)
        return;
    if (m_history) {
        m_services.history->sync();
        return;
    }
    if (m_openingReader)
        return;
    m_openingReader = true;
    setBusy(+1);
    m_services.context->openReader(
        this, [this](services::ServiceResult<std::unique_ptr<storage::WalletDatabase>> reader) {
            m_openingReader = false;
            setBusy(-1);
            if (!reader) {
                showError(reader.error());
                return;
            }
            if (!m_services.context->isSignedIn())
                return; // locked while the reader opened: drop it (the unique_ptr closes it)
            m_reader = std::move(reader).value();
            m_history = std::make_unique<models::HistoryModel>(*m_reader);
            m_history->setLocale(QLocale());
            m_history->attach(m_services.history);
            // A payment made here is written to the store at once, before the sync brings it.
            if (m_services.payments)
                connect(m_services.payments, &services::PaymentService::historyChanged, m_history.get(),
                        &models::HistoryModel::applyChange);
            auto *model = m_history.get();
            connect(model, &QAbstractItemModel::rowsInserted, this, &DashboardPage::fillRecent);
            connect(model, &QAbstractItemModel::rowsRemoved, this, &DashboardPage::fillRecent);
            connect(model, &QAbstractItemModel::modelReset, this, &DashboardPage::fillRecent);
            connect(model, &QAbstractItemModel::dataChanged, this, &DashboardPage::fillRecent);
            fillRecent();
            m_services.history->sync();
        });
}

void DashboardPage::clear()
{
    m_hasWallet = false;
    m_ui->greetingLabel->clear();
    m_ui->balanceLabel->setText(QStringLiteral("—"));
    m_ui->pendingLabel->clear();
    m_ui->pendingLabel->hide();
    m_ui->otherBalancesLabel->clear();
    m_ui->otherBalancesLabel->hide();
    m_ui->balanceCapLabel->clear();
    m_ui->updatedLabel->clear();
    m_ui->perPaymentLabel->clear();
    m_ui->remainingTodayLabel->clear();
    m_ui->tierHintLabel->clear();
    m_ui->frozenWarning->hide();
    m_tierBadge->setTier(0);
    m_tierBadge->hide();
    m_dailyMeter->hide();
    m_annualMeter->hide();
    m_ui->recentList->clear();
    m_methodsModel->setMethods(QList<gateway::PaymentMethod>{});
    updateEmptyStates();
}

void DashboardPage::showWallet(const gateway::Wallet &wallet)
{
    m_hasWallet = true;
    m_ui->dashboardBanner->hide();
    const QLocale locale;

    m_ui->greetingLabel->setText(wallet.fullName.isEmpty()
                                     ? wallet.phoneMasked
                                     : tr("Hello, %1 · %2").arg(wallet.fullName, wallet.phoneMasked));

    // The wallet's home currency first (CNY when held), the others listed under it.
    QList<gateway::Balance> balances = wallet.balances;
    std::stable_sort(
        balances.begin(), balances.end(), [](const gateway::Balance &a, const gateway::Balance &b) {
            return a.currency.code() == QLatin1String("CNY") && b.currency.code() != QLatin1String("CNY");
        });
    if (balances.isEmpty()) {
        const auto cny = core::Currency::fromCode(QStringLiteral("CNY"));
        m_ui->balanceLabel->setText(cny ? core::Money::zero(*cny).format(locale) : QStringLiteral("0"));
        m_ui->pendingLabel->hide();
        m_ui->otherBalancesLabel->hide();
    } else {
        const gateway::Balance &main = balances.first();
        m_ui->balanceLabel->setText(main.available.format(locale));
        m_ui->pendingLabel->setText(tr("%1 on its way (pending)").arg(main.pending.format(locale)));
        m_ui->pendingLabel->setVisible(main.pending.minorUnits() != 0);
        QStringList others;
        for (qsizetype i = 1; i < balances.size(); ++i)
            others << balances.at(i).available.format(locale);
        m_ui->otherBalancesLabel->setText(tr("Also held: %1").arg(others.join(QStringLiteral("   "))));
        m_ui->otherBalancesLabel->setVisible(!others.isEmpty());
    }

    // When the bank last answered: if a later refresh fails, the banner says this may be out of date.
    m_updatedAt = QDateTime::currentDateTime();
    m_ui->updatedLabel->setText(
        tr("Updated at %1").arg(locale.toString(m_updatedAt.time(), QLocale::ShortFormat)));

    const gateway::Limits &limits = wallet.limits;
    m_ui->balanceCapLabel->setText(
        limits.balanceCap ? tr("Your wallet can hold up to %1").arg(limits.balanceCap->format(locale))
                          : tr("No cap on your balance"));
    m_tierBadge->setTier(wallet.tier);
    m_tierBadge->show();
    m_ui->perPaymentLabel->setText(limits.perPayment
                                       ? tr("Up to %1 per payment").arg(limits.perPayment->format(locale))
                                       : tr("No limit per payment"));
    m_dailyMeter->setUsage(limits.usedToday, limits.daily, locale);
    m_annualMeter->setUsage(limits.usedThisYear, limits.annual, locale);
    m_dailyMeter->show();
    m_annualMeter->show();
    if (limits.daily) {
        auto left = limits.daily->subtracted(limits.usedToday);
        const core::Money remaining =
            left && left->minorUnits() > 0 ? *left : core::Money::zero(limits.daily->currency());
        m_ui->remainingTodayLabel->setText(tr("%1 left to spend today").arg(remaining.format(locale)));
    } else {
        m_ui->remainingTodayLabel->setText(tr("No daily limit"));
    }
    switch (wallet.tier) {
    case 4:
        m_ui->tierHintLabel->setText(tr("Verify your identity to raise your limits and top up from a card."));
        break;
    case 3:
        m_ui->tierHintLabel->setText(tr("Link your own debit card or bank account to raise your limits."));
        break;
    case 2:
        m_ui->tierHintLabel->setText(tr("Visit a branch with your ID to remove every limit."));
        break;
    default:
        m_ui->tierHintLabel->clear();
        break;
    }
    m_ui->tierHintLabel->setVisible(!m_ui->tierHintLabel->text().isEmpty());

    m_ui->frozenWarning->setVisible(wallet.paymentsFrozen);
    for (QPushButton *button : {m_ui->payButton, m_ui->transferButton, m_ui->withdrawButton})
        button->setEnabled(!wallet.paymentsFrozen);
}

void DashboardPage::showError(const services::ServiceError &error)
{
    if (error.code == QLatin1String("not_signed_in"))
        return;
    m_ui->bannerLabel->setText(
        tr("<b>Your wallet could not be updated.</b> %1 Check your connection and press Retry; what is shown "
           "may be out of date.")
            .arg(error.userMessage().toHtmlEscaped()));
    m_ui->dashboardBanner->show();
}

void DashboardPage::fillRecent()
{
    m_ui->recentList->clear();
    if (m_history) {
        const int rows = std::min(kRecentRows, m_history->rowCount());
        using HM = models::HistoryModel;
        for (int row = 0; row < rows; ++row) {
            auto value = [&](int column, int role = Qt::DisplayRole) {
                return m_history->index(row, column).data(role);
            };
            auto *item = new QTreeWidgetItem(m_ui->recentList);
            item->setText(0, value(HM::DateColumn).toString());
            item->setData(0, Qt::UserRole, value(0, HM::PaymentIdRole));
            QString counterparty = value(HM::CounterpartyColumn).toString();
            if (value(0, HM::CounterpartyIdRole).toString().startsWith(QLatin1String("pm_"))) {
                // A top-up or withdrawal: the customer's own card or account by its name, never its id.
                using PM = models::PaymentMethodsModel;
                const int method = m_methodsModel->rowOf(value(0, HM::CounterpartyIdRole).toString());
                counterparty =
                    method >= 0
                        ? tr("%1 %2").arg(m_methodsModel->index(method, PM::MethodColumn).data().toString(),
                                          m_methodsModel->index(method, PM::NumberColumn).data().toString())
                        : tr("Your card or bank account");
            }
            QString description = tr("%1 · %2").arg(counterparty, value(HM::KindColumn).toString());
            // Only an unusual status is worth the room: a settled entry says nothing more.
            if (value(0, HM::StatusRole).toString() != QLatin1String("succeeded"))
                description = tr("%1 · %2").arg(description, value(HM::StatusColumn).toString());
            item->setText(1, description);
            item->setToolTip(1, description);
            // The amount the customer paid or got (a card payment shows what the card paid, not ¥0.00).
            item->setText(2, HistoryItemDelegate::amountText(m_history->index(row, HM::AmountColumn)));
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            if (value(0, HM::ShownAmountMinorRole).toLongLong() > 0)
                item->setForeground(2, QColor(0x1a, 0x7f, 0x37));
            QFont amount = item->font(2);
            amount.setBold(true);
            item->setFont(2, amount);
        }
    }
    updateEmptyStates();
}

void DashboardPage::updateEmptyStates()
{
    const bool noRecent = m_ui->recentList->topLevelItemCount() == 0;
    m_ui->recentList->setVisible(!noRecent);
    m_ui->recentEmptyLabel->setVisible(noRecent);
    const bool noMethods = m_methodsModel->rowCount() == 0;
    m_ui->methodsView->setVisible(!noMethods);
    m_ui->methodsEmptyLabel->setVisible(noMethods);
}

void DashboardPage::setBusy(int delta)
{
    m_busy = std::max(0, m_busy + delta);
    m_ui->busyLabel->setVisible(m_busy > 0);
    m_ui->refreshButton->setEnabled(m_busy == 0);
    m_ui->retryButton->setEnabled(m_busy == 0);
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DashboardPage::retranslate()
{
    m_ui->recentEmptyLabel->setText(tr("No transactions yet — top up or receive money to get started."));
    m_ui->methodsEmptyLabel->setText(
        tr("No cards or accounts linked yet. Link your own debit card to top up and to raise your limits."));
    m_ui->frozenWarning->setText(
        tr("<b>Payments are frozen.</b> Your payment PIN was entered wrongly too many times. You can still "
           "receive money; change your payment PIN under Security to pay again."));
    m_ui->balanceLabel->setAccessibleName(tr("Available balance"));
    m_ui->recentList->setAccessibleName(tr("Recent activity"));
    m_ui->recentList->setToolTip(tr("Double-click a transaction or press Enter to see its receipt"));
    m_ui->methodsView->setAccessibleName(tr("Cards and accounts"));
    // Texts that come from data are re-made in the new language (dates, amounts, names).
    const QLocale locale;
    m_methodsModel->setLocale(locale);
    if (m_history)
        m_history->setLocale(locale);
    if (m_hasWallet && m_services.wallet && m_services.wallet->wallet())
        showWallet(*m_services.wallet->wallet());
    fillRecent();
}

} // namespace bw::ui
