// ResetWizardPage — a QWizardPage whose Next button follows a check the wizard supplies (the Designer form
// promotes the ForgotPasswordWizard's pages to it), so the wizard keeps all its logic in one place.
#pragma once

#include <QWizardPage>

#include <functional>

namespace bw::ui {

class ResetWizardPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ResetWizardPage(QWidget *parent = nullptr)
        : QWizardPage(parent)
    {}

    void setCompleteCheck(std::function<bool()> check)
    {
        m_check = std::move(check);
        Q_EMIT completeChanged();
    }
    bool isComplete() const override { return m_check ? m_check() : QWizardPage::isComplete(); }
    // The input changed: the wizard asks isComplete() again.
    void recheck() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_check;
};

} // namespace bw::ui
