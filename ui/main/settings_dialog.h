// SettingsDialog — File → Settings…: language (switches at once on OK), auto-lock minutes, desktop
// notifications, and which bank gateway to use (the built-in demo bank or an address, with a connection
// test; a change applies after a restart). OK saves through SettingsService; Cancel changes nothing.
#pragma once

#include "ui/screen_services.h"

#include <QDialog>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace bw::ui {

class FieldMessage;
class ValidatedField;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const ScreenServices &services, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

Q_SIGNALS:
    // OK switched the language (already switched and saved).
    void languageChosen(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    QUrl enteredUrl() const;
    void updateGatewayState();
    void testConnection();
    void showConnectionResult(const QString &text, bool ok);
    void retranslate();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    ScreenServices m_services;
    FieldMessage *m_gatewayMessage = nullptr;
    ValidatedField *m_gatewayField = nullptr;
    bool m_testing = false;
};

} // namespace bw::ui
