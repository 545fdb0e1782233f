#include "ui/methods/payment_methods_page.h"

#include "models/payment_methods_model.h"
#include "services/payment_method_service.h"
#include "services/service_context.h"
#include "services/wallet_service.h"
#include "ui/methods/add_payment_method_dialog.h"
#include "ui/methods/payment_method_delegate.h"
#include "ui/methods/payment_methods_list_model.h"
#include "ui/sentences.h"
#include "ui/widgets/brand_icon_p.h"
#include "ui/widgets/style.h"
#include "ui_payment_methods_page.h"

#include <algorithm>

#include <QAction>
#include <QContextMenuEvent>
#include <QEvent>
#include <QKeyEvent>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

namespace {

const QString kStyle =
    style::errorFrameRules("errorBanner") +
    QStringLiteral(
        "QListView#methodsList { background: palette(base); border: 1px solid #d9e0e8; border-radius: 10px;"
        " padding: 4px 0px; outline: 0; }"
        "QListView#methodsList::item:selected { background: #e6f0fa; color: palette(text); }"
        "QListView#methodsList::item:selected:active { background: #d3e5f7; }") +
    style::primaryButtonRules({"addButton", "addFirstButton"});

} // namespace

PaymentMethodsPage::PaymentMethodsPage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PaymentMethodsPage>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("paymentMethodsPage"));
    setStyleSheet(kStyle);
    m_ui->titleLabel->setFont(style::scaled(m_ui->titleLabel->font(), 1.8, true));
    for (QLabel *muted :
         {m_ui->subtitleLabel, m_ui->busyLabel, m_ui->keyboardHint, m_ui->emptyHint, m_ui->loadingLabel})
        muted->setStyleSheet(QStringLiteral("color: #5a6370;"));
    m_ui->emptyLabel->setFont(style::scaled(m_ui->emptyLabel->font(), 1.25, true));
    m_ui->emptyIcon->setPixmap(detail::brandPixmap(std::nullopt, QSize(96, 64), devicePixelRatioF()));
    m_ui->busyLabel->hide();
    m_ui->errorBanner->hide();

    m_model = new models::PaymentMethodsModel(this);
    m_model->setLocale(QLocale());
    m_list = new PaymentMethodsListModel(this);
    m_list->setSourceModel(m_model);
    m_ui->methodsList->setModel(m_list);
    m_ui->methodsList->setItemDelegate(new PaymentMethodDelegate(m_ui->methodsList));
    m_ui->methodsList->setModelColumn(models::PaymentMethodsModel::MethodColumn);

    // The same three actions on the buttons, the keys of the list and its context menu.
    m_addAction = new QAction(this);
    m_defaultAction = new QAction(this);
    m_defaultAction->setObjectName(QStringLiteral("makeDefaultAction"));
    m_defaultAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_defaultAction->setShortcutContext(Qt::WidgetShortcut);
    m_removeAction = new QAction(this);
    m_removeAction->setObjectName(QStringLiteral("removeAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    // The keys are read by the list itself (eventFilter), whatever window is active; the actions carry
    // them only to show them in the context menu.
    m_ui->methodsList->installEventFilter(this);
    connect(m_addAction, &QAction::triggered, this, &PaymentMethodsPage::addMethod);
    connect(m_defaultAction, &QAction::triggered, this, &PaymentMethodsPage::makeSelectedDefault);
    connect(m_removeAction, &QAction::triggered, this, &PaymentMethodsPage::removeSelected);

    connect(m_ui->addButton, &QPushButton::clicked, this, &PaymentMethodsPage::addMethod);
    connect(m_ui->addFirstButton, &QPushButton::clicked, this, &PaymentMethodsPage::addMethod);
    connect(m_ui->makeDefaultButton, &QPushButton::clicked, this, &PaymentMethodsPage::makeSelectedDefault);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &PaymentMethodsPage::removeSelected);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &PaymentMethodsPage::refresh);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &PaymentMethodsPage::refresh);
    connect(m_ui->backButton, &QPushButton::clicked, this, &PaymentMethodsPage::backRequested);
    connect(m_ui->methodsList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PaymentMethodsPage::updateActions);
    // A click moves the current row before it selects it: the buttons follow the selection too.
    connect(m_ui->methodsList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PaymentMethodsPage::updateActions);
    // A new list starts the model over: the selection follows the method, not the row.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (m_pendingSelection.isEmpty())
            m_pendingSelection = selectedId();
    });

    if (m_services.methods) {
        connect(m_services.methods, &services::PaymentMethodService::methodsChanged, this,
                [this](const QList<gateway::PaymentMethod> &methods) {
                    m_loaded = true;
                    m_model->setMethods(methods);
                    showMethods();
                });
        const QList<gateway::PaymentMethod> known = m_services.methods->methods();
        if (!known.isEmpty()) {
            m_loaded = true;
            m_model->setMethods(known);
        }
    }
    if (m_services.context) {
        connect(m_services.context, &services::ServiceContext::locked, this, &PaymentMethodsPage::clear);
        connect(m_services.context, &services::ServiceContext::signedOut, this, &PaymentMethodsPage::clear);
    }
    retranslate();
    showMethods();
}

PaymentMethodsPage::~PaymentMethodsPage() = default;

void PaymentMethodsPage::refresh()
{
    if (!m_services.methods || m_loading)
        return;
    hideError();
    m_loading = true;
    updateState();
    if (m_list->rowCount() == 0)
        loadBanks(); // names in both languages before the first rows show
    QPointer<PaymentMethodsPage> self(this);
    m_services.methods->refresh([self](services::ServiceResult<QList<gateway::PaymentMethod>> listed) {
        if (!self)
            return;
        self->m_loading = false;
        if (!listed) {
            // The bank's own answer already says what to do ("Try again."), and Retry is next to it; only
            // when no answer came is the connection worth checking.
            const services::ServiceError &error = listed.error();
            const bool unreachable = error.kind == services::ServiceErrorKind::Gateway &&
                                     error.gateway.kind != gateway::ErrorKind::Api &&
                                     error.gateway.kind != gateway::ErrorKind::Http;
            self->showError(error, unreachable ? tr("Check your connection and press Retry.") : QString());
            self->updateState();
            return;
        }
        // methodsChanged already brought the list; an unchanged list still ends the loading state.
        self->m_loaded = true;
        self->showMethods();
    });
}

void PaymentMethodsPage::clear()
{
    if (m_confirm)
        m_confirm->reject();
    if (m_addDialog)
        m_addDialog->reject();
    m_loaded = false;
    m_loading = false;
    m_pendingSelection.clear();
    m_model->setMethods(QList<gateway::PaymentMethod>{});
    hideError();
    setBusy(false);
    showMethods();
}

void PaymentMethodsPage::loadBanks()
{
    if (!m_services.wallet)
        return;
    QPointer<PaymentMethodsPage> self(this);
    m_services.wallet->banks([self](services::ServiceResult<QList<gateway::Bank>> banks) {
        if (!self || !banks)
            return; // without them the list shows the bank's own name and the account tab stays empty
        self->m_list->setBanks(banks.value());
        if (self->m_addDialog)
            self->m_addDialog->setBanks(banks.value());
    });
}

void PaymentMethodsPage::loadHolderName()
{
    if (!m_services.wallet || !m_addDialog)
        return;
    if (const auto wallet = m_services.wallet->wallet()) {
        m_addDialog->setHolderName(wallet->fullName);
        return;
    }
    QPointer<PaymentMethodsPage> self(this);
    m_services.wallet->refresh([self](services::ServiceResult<gateway::Wallet> wallet) {
        if (self && self->m_addDialog && wallet)
            self->m_addDialog->setHolderName(wallet.value().fullName);
    });
}

void PaymentMethodsPage::addMethod()
{
    if (m_busy || !m_services.methods)
        return;
    if (!m_addDialog) {
        m_addDialog = new AddPaymentMethodDialog(m_services, this);
        connect(m_addDialog, &AddPaymentMethodDialog::methodAdded, this,
                [this](const gateway::PaymentMethod &method) {
                    hideError();
                    // The service refreshed before answering: the list already has it.
                    selectMethod(method.id);
                    m_ui->methodsList->setFocus();
                });
    }
    // The banks (public, cheap) each time: the account tab lists what the bank offers today.
    loadBanks();
    loadHolderName();
    m_addDialog->setKind(AddPaymentMethodDialog::Kind::Card);
    m_addDialog->open();
}

void PaymentMethodsPage::removeSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || m_busy || !m_services.methods || m_confirm)
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove payment method"),
                        tr("Remove %1 from your wallet?").arg(describe(id)), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setInformativeText(tr("You can link it again at any time. Payments already on their way are not "
                               "affected."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelRemoveButton"));
    // Removing is the one action here that cannot be undone from this page: Enter and Esc keep it.
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = box;
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        const bool confirmed = box->clickedButton() == remove;
        m_confirm = nullptr;
        if (!confirmed || !m_services.methods)
            return;
        setBusy(true);
        hideError();
        QPointer<PaymentMethodsPage> self(this);
        m_services.methods->remove(id, [self](services::ServiceError error) {
            if (!self)
                return;
            self->setBusy(false);
            if (error)
                self->showError(error, tr("Press Retry to see what the bank has now."));
            self->showMethods();
            self->m_ui->methodsList->setFocus();
        });
    });
    box->open();
}

void PaymentMethodsPage::makeSelectedDefault()
{
    const QString id = selectedId();
    if (id.isEmpty() || m_busy || !m_services.methods)
        return;
    const int row = m_model->rowOf(id);
    if (row >= 0 && m_model->index(row, 0).data(models::PaymentMethodsModel::IsDefaultRole).toBool())
        return;
    setBusy(true);
    hideError();
    m_pendingSelection = id;
    QPointer<PaymentMethodsPage> self(this);
    m_services.methods->setDefault(id, [self, id](services::ServiceResult<gateway::PaymentMethod> result) {
        if (!self)
            return;
        self->setBusy(false);
        if (!result)
            self->showError(result.error(), tr("Press Retry to see what the bank has now."));
        self->selectMethod(id);
        self->updateActions();
    });
}

QString PaymentMethodsPage::selectedId() const
{
    const QModelIndex current = m_ui->methodsList->currentIndex();
    if (!current.isValid() || !m_ui->methodsList->selectionModel()->isSelected(current))
        return QString();
    return current.data(models::PaymentMethodsModel::IdRole).toString();
}

bool PaymentMethodsPage::selectMethod(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_list->index(row, models::PaymentMethodsModel::MethodColumn);
    m_ui->methodsList->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_ui->methodsList->scrollTo(index);
    updateActions();
    return true;
}

QString PaymentMethodsPage::describe(const QString &id) const
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return QString();
    const QModelIndex index = m_list->index(row, 0);
    return tr("%1 %2").arg(index.data(PaymentMethodsListModel::TitleRole).toString(),
                           index.data(PaymentMethodsListModel::NumberRole).toString());
}

void PaymentMethodsPage::showMethods()
{
    QString keep = m_pendingSelection;
    m_pendingSelection.clear();
    if (keep.isEmpty() || m_model->rowOf(keep) < 0)
        keep = selectedId();
    if (!keep.isEmpty() && m_model->rowOf(keep) >= 0)
        selectMethod(keep);
    else if (m_model->rowCount() > 0 && !m_ui->methodsList->currentIndex().isValid())
        selectMethod(m_model->index(0, 0).data(models::PaymentMethodsModel::IdRole).toString());
    updateState();
    updateActions();
}

void PaymentMethodsPage::updateState()
{
    // The list is as tall as its rows (a scroll bar only past the page's height): the actions sit right
    // under the last method instead of at the bottom of an empty box.
    QListView *view = m_ui->methodsList;
    const int rows = std::max(1, m_list->rowCount());
    const int rowHeight = std::max(view->sizeHintForRow(0), PaymentMethodDelegate::kRowHeight);
    view->setMaximumHeight(rows * rowHeight + 2 * view->frameWidth() + 10);
    if (m_model->rowCount() > 0)
        m_ui->stack->setCurrentWidget(m_ui->listPage);
    else if (m_loaded)
        m_ui->stack->setCurrentWidget(m_ui->emptyPage);
    else {
        m_ui->loadingLabel->setText(
            m_loading || m_ui->errorBanner->isHidden()
                ? tr("Loading your cards and accounts…")
                : tr("Your cards and accounts are not shown until the bank answers."));
        m_ui->stack->setCurrentWidget(m_ui->loadingPage);
    }
    m_ui->busyLabel->setVisible(m_busy || m_loading);
    m_ui->refreshButton->setEnabled(!m_busy && !m_loading);
    m_ui->retryButton->setEnabled(!m_busy && !m_loading);
}

void PaymentMethodsPage::updateActions()
{
    const QString id = selectedId();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    const bool isDefault =
        row >= 0 && m_model->index(row, 0).data(models::PaymentMethodsModel::IsDefaultRole).toBool();
    const bool can = row >= 0 && !m_busy;
    m_removeAction->setEnabled(can);
    m_defaultAction->setEnabled(can && !isDefault);
    m_ui->removeButton->setEnabled(can);
    m_ui->makeDefaultButton->setEnabled(can && !isDefault);
    m_ui->addButton->setEnabled(!m_busy);
    m_ui->addFirstButton->setEnabled(!m_busy);
    m_addAction->setEnabled(!m_busy);
}

void PaymentMethodsPage::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
    updateActions();
}

void PaymentMethodsPage::showError(const services::ServiceError &error, const QString &whatNext)
{
    if (error.code == QLatin1String("not_signed_in"))
        return; // the lock screen says it
    m_ui->errorLabel->setText(detail::joinSentences(error.userMessage(), whatNext));
    m_ui->errorBanner->show();
}

void PaymentMethodsPage::hideError()
{
    m_ui->errorLabel->clear();
    m_ui->errorBanner->hide();
}

bool PaymentMethodsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->methodsList && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            switch (key->key()) {
            case Qt::Key_Delete:
                removeSelected();
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
                makeSelectedDefault();
                return true;
            default:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PaymentMethodsPage::contextMenuEvent(QContextMenuEvent *event)
{
    QListView *view = m_ui->methodsList;
    const QPoint inViewport = view->viewport()->mapFrom(this, event->pos());
    if (view->viewport()->rect().contains(inViewport)) {
        const QModelIndex index = view->indexAt(inViewport);
        if (index.isValid())
            view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    } else if (!m_ui->stack->currentWidget()->isAncestorOf(childAt(event->pos()))) {
        QWidget::contextMenuEvent(event);
        return;
    }
    updateActions();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("methodsContextMenu"));
    if (!selectedId().isEmpty()) {
        menu.addAction(m_defaultAction);
        menu.addAction(m_removeAction);
        menu.addSeparator();
    }
    menu.addAction(m_addAction);
    menu.exec(event->globalPos());
}

void PaymentMethodsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void PaymentMethodsPage::retranslate()
{
    m_model->setLocale(QLocale());
    m_list->retranslate();
    m_addAction->setText(tr("&Add card or account…"));
    m_defaultAction->setText(tr("Make &default"));
    m_removeAction->setText(tr("Re&move…"));
    m_ui->methodsList->setAccessibleName(tr("Linked cards and bank accounts"));
    updateState();
}

} // namespace bw::ui
