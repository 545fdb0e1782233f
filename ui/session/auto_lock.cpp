#include "ui/session/auto_lock.h"

#include "ui/widgets/qr_code_view.h"
#include "ui/widgets/secret_field.h"

#include "services/session_service.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>

namespace bw::ui {

namespace {

// Activity is reported at most this often: a typing burst restarts the idle timer once, not per key.
constexpr qint64 kActivityThrottleMs = 1000;

} // namespace

AutoLock::AutoLock(const ScreenServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    qRegisterMetaType<bw::services::LockReason>();
    if (qApp)
        qApp->installEventFilter(this);
    if (m_services.context)
        connect(m_services.context, &services::ServiceContext::locked, this, &AutoLock::onLocked);
}

AutoLock::~AutoLock()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

bool AutoLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
        // Only input that reaches a widget counts once (the same event is filtered for the window too).
        if (watched->isWidgetType() && m_services.session &&
            (!m_sinceNoted.isValid() || m_sinceNoted.elapsed() >= kActivityThrottleMs)) {
            m_sinceNoted.start();
            m_services.session->noteActivity();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AutoLock::clearSecretsAndDialogs()
{
    // Collected first: rejecting a dialog may delete it (WA_DeleteOnClose) or close others.
    QList<QPointer<QWidget>> windows;
    for (QWidget *w : QApplication::topLevelWidgets())
        windows.append(w);
    for (const QPointer<QWidget> &w : windows) {
        if (!w || !w->isVisible())
            continue;
        if (auto *menu = qobject_cast<QMenu *>(w.data())) {
            menu->close();
        } else if (auto *dialog = qobject_cast<QDialog *>(w.data())) {
            if (!dialog->property(kSurvivesLockProperty).toBool())
                dialog->reject();
        }
    }
    // Whatever is still open (the main window, a hidden dialog kept for later) keeps no secret: no
    // password-mode edit (a shown password too: it is marked), nothing marked secret (card number, CVC,
    // codes, document number, the authenticator key and its QR code).
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            if (isSecret(edit) || edit->echoMode() == QLineEdit::Password ||
                edit->echoMode() == QLineEdit::PasswordEchoOnEdit)
                edit->clear();
        } else if (auto *qr = qobject_cast<QrCodeView *>(w)) {
            qr->clear();
        } else if (auto *label = qobject_cast<QLabel *>(w); label && isSecret(label)) {
            label->clear();
        }
    }
}

void AutoLock::onLocked(services::LockReason reason)
{
    clearSecretsAndDialogs();
    Q_EMIT lockScreenRequested(reason);
}

} // namespace bw::ui
