// StartupPage — what the window shows while BankWallet finds out whether this desktop has a wallet (the
// keychain is asked, which can take a moment or prompt the person), and the designed error state when it
// cannot: the keychain unavailable or locked, with what to do and a Retry button.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace bw::ui {

class StartupPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartupPage(QWidget *parent = nullptr);

    void showBusy();
    // `message`: the translated reason (ServiceError::userMessage()); `advice`: what to do next.
    void showError(const QString &message, const QString &advice);

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_advice = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_retry = nullptr;
    bool m_error = false;
};

} // namespace bw::ui
