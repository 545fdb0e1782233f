// AboutDialog — Help → About: the app's version, the versions of the libraries that protect the
// customer's money and secrets (Qt, OpenSSL, QtKeychain) and the licence.
#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace bw::ui {

// Versions of the parts BankWallet runs on; app/ fills it in (widgets do not call OpenSSL or QtKeychain).
struct ComponentVersions
{
    QString app;
    QString qt;
    QString openssl;
    QString keychain;
};

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const ComponentVersions &versions, QWidget *parent = nullptr);
    ~AboutDialog() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::AboutDialog> m_ui;
    ComponentVersions m_versions;
};

} // namespace bw::ui
