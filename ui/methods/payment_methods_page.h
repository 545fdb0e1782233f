// API-READY
// PaymentMethodsPage — the wallet's linked cards and bank accounts as the bank has them: each with its
// brand icon (or the bank's initials), name, "•••• 1234", expiry for cards (expired / expiring soon marked),
// debit or credit, and the "Default" badge. Add (AddPaymentMethodDialog: the same forms as onboarding),
// Remove (after a confirmation naming the method) and Make default, from buttons, the keyboard (Delete,
// Enter) and a context menu. Every change is answered by PaymentMethodService after it re-read the list, so
// the page always shows what the bank has. A failed load shows the reason with Retry; no methods shows an
// empty state inviting the first one.
#pragma once

#include "ui/screen_services.h"

#include <QString>
#include <QWidget>

#include <memory>

namespace Ui {
class PaymentMethodsPage;
}
namespace bw::models {
class PaymentMethodsModel;
}
namespace bw::services {
class ServiceError;
}

class QAction;
class QMessageBox;

namespace bw::ui {

class AddPaymentMethodDialog;
class PaymentMethodsListModel;

class PaymentMethodsPage : public QWidget
{
    Q_OBJECT
public:
    explicit PaymentMethodsPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~PaymentMethodsPage() override;

    // Asks the bank for the list (PaymentMethodService::refresh); the list follows methodsChanged.
    void refresh();
    // Forgets what is shown and closes the add dialog and any confirmation (the session ended).
    void clear();

    // The actions of the buttons, the keys and the context menu (on the selected method).
    void addMethod();
    void removeSelected();
    void makeSelectedDefault();

    // The id of the selected method ("" when none).
    QString selectedId() const;
    // Selects the method with that id; false when it is not listed.
    bool selectMethod(const QString &id);

Q_SIGNALS:
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void showMethods();
    void showError(const services::ServiceError &error, const QString &whatNext);
    void hideError();
    void setBusy(bool busy);
    void updateActions();
    void updateState();
    void loadBanks();
    void loadHolderName();
    void retranslate();
    QString describe(const QString &id) const;

    std::unique_ptr<Ui::PaymentMethodsPage> m_ui;
    ScreenServices m_services;
    models::PaymentMethodsModel *m_model = nullptr;
    PaymentMethodsListModel *m_list = nullptr;
    AddPaymentMethodDialog *m_addDialog = nullptr;
    QMessageBox *m_confirm = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_defaultAction = nullptr;
    QString m_pendingSelection;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_busy = false;
};

} // namespace bw::ui
