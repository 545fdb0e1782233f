#include "ui/main_window.h"

#include "ui/dashboard_page.h"
#include "ui/language.h"
#include "ui_main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QStatusBar>

namespace bw::ui {

MainWindow::MainWindow(Language &language, const ComponentVersions &versions, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_language(language)
    , m_versions(versions)
{
    m_ui->setupUi(this);
    m_dashboard = new DashboardPage(m_ui->pages);
    m_dashboard->setObjectName(QStringLiteral("dashboardPage"));
    m_ui->pages->addWidget(m_dashboard);
    setCentralWidget(m_ui->pages);

    m_gatewayLabel = new QLabel(this);
    m_gatewayLabel->setObjectName(QStringLiteral("gatewayStatus"));
    statusBar()->addPermanentWidget(m_gatewayLabel);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    buildLanguageMenu();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLanguageMenu()
{
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const QString &code : Language::available()) {
        // Each language is named in itself, so a customer who cannot read the current one finds theirs.
        QAction *action = m_ui->menuLanguage->addAction(Language::nativeName(code));
        action->setObjectName(QStringLiteral("actionLanguage_%1").arg(code));
        action->setCheckable(true);
        action->setChecked(code == m_language.current());
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (m_language.setCurrent(code))
                Q_EMIT languageChosen(code);
        });
    }
    connect(&m_language, &Language::changed, this, [this](const QString &code) {
        for (QAction *action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == code);
    });
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(m_versions, this);
    dialog->setObjectName(QStringLiteral("aboutDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::setGateway(const QUrl &url, bool embedded, bool demo)
{
    m_gatewayUrl = url;
    m_embedded = embedded;
    m_demo = demo;
    retranslate();
}

void MainWindow::retranslate()
{
    m_ui->menuLanguage->setToolTip(tr("Choose the language of BankWallet"));
    setWindowTitle(m_demo ? tr("BankWallet — Demo") : tr("BankWallet"));
    const QString address = m_gatewayUrl.toDisplayString();
    if (m_gatewayUrl.isEmpty())
        m_gatewayLabel->setText(tr("Not connected to a bank"));
    else if (m_embedded && m_demo)
        m_gatewayLabel->setText(tr("Demo mode · built-in demo bank at %1").arg(address));
    else if (m_embedded)
        m_gatewayLabel->setText(tr("Built-in demo bank at %1").arg(address));
    else
        m_gatewayLabel->setText(tr("Bank gateway: %1").arg(address));
}

} // namespace bw::ui
