#include "ui/main/about_dialog.h"

#include "ui_about_dialog.h"

#include <QEvent>
#include <QFile>
#include <QFont>

namespace bw::ui {

AboutDialog::AboutDialog(const ComponentVersions &versions, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
    , m_versions(versions)
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);

    m_ui->versionValue->setText(m_versions.app);
    m_ui->qtValue->setText(m_versions.qt);
    m_ui->opensslValue->setText(m_versions.openssl);
    m_ui->keychainValue->setText(m_versions.keychain);

    QFile license(QStringLiteral(":/legal/LICENSE"));
    if (license.open(QIODevice::ReadOnly)) {
        // The file is wrapped at 80 columns; join each paragraph so the text box wraps it to its width.
        QStringList paragraphs = QString::fromUtf8(license.readAll()).trimmed().split(QStringLiteral("\n\n"));
        for (QString &paragraph : paragraphs)
            paragraph.replace(QLatin1Char('\n'), QLatin1Char(' '));
        m_ui->licenseText->setPlainText(paragraphs.join(QStringLiteral("\n\n")));
    }
    retranslate();
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void AboutDialog::retranslate()
{
    m_ui->licenseLabel->setText(
        tr("BankWallet is free software under the MIT licence. It comes with no warranty; "
           "your bank's terms of service govern your account."));
    m_ui->licenseText->setAccessibleName(tr("Licence text"));
}

} // namespace bw::ui
