#include "ui/main/main_window.h"

#include "services/settings_service.h"
#include "ui/demo/demo_docks.h"
#include "ui/language.h"
#include "ui/main/coming_soon_page.h"
#include "ui/main/dashboard_page.h"
#include "ui/main/help_page.h"
#include "ui/main/settings_dialog.h"
#include "ui_main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QShortcut>
#include <QStatusBar>

namespace bw::ui {

MainWindow::MainWindow(const ScreenServices &services, const ComponentVersions &versions, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_services(services)
    , m_versions(versions)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("mainWindow"));
    m_dashboard = new DashboardPage(m_services, m_ui->pages);
    m_help = new HelpPage(m_services, m_ui->pages);
    m_comingSoon = new ComingSoonPage(m_ui->pages);
    m_ui->pages->addWidget(m_dashboard);
    m_ui->pages->addWidget(m_help);
    m_ui->pages->addWidget(m_comingSoon);
    setCentralWidget(m_ui->pages);

    m_gatewayLabel = new QLabel(this);
    m_gatewayLabel->setObjectName(QStringLiteral("gatewayStatus"));
    statusBar()->addPermanentWidget(m_gatewayLabel);
    if (m_services.demoMode()) {
        m_demoBadge = new QLabel(this);
        m_demoBadge->setObjectName(QStringLiteral("demoBadge"));
        m_demoBadge->setStyleSheet(
            QStringLiteral("QLabel { background: #c62828; color: white; font-weight: bold;"
                           " border-radius: 4px; padding: 1px 10px; }"));
        statusBar()->addPermanentWidget(m_demoBadge);
    }

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionLock, &QAction::triggered, this, &MainWindow::lockRequested);
    connect(m_ui->actionSignOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_ui->actionDashboard, &QAction::triggered, this, [this] {
        if (isShowingWallet())
            m_ui->pages->setCurrentWidget(m_dashboard);
    });
    connect(m_ui->actionGoHelp, &QAction::triggered, this, &MainWindow::showHelp);
    connect(m_ui->actionHelp, &QAction::triggered, this, &MainWindow::showHelp);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_dashboard, &DashboardPage::quickActionRequested, this,
            [this](QuickAction action) { showComingSoon(int(action)); });
    connect(m_comingSoon, &ComingSoonPage::backRequested, this,
            [this] { m_ui->pages->setCurrentWidget(m_dashboard); });
    connect(m_help, &HelpPage::backRequested, this, [this] {
        // Back to where Help was opened from: a screen (sign-in, onboarding) or the dashboard.
        QWidget *back = m_screenBeforeHelp ? m_screenBeforeHelp : m_dashboard;
        m_screenBeforeHelp = nullptr;
        m_ui->pages->setCurrentWidget(back);
    });
    connect(m_ui->pages, &QStackedWidget::currentChanged, this, &MainWindow::updateWalletActions);
    // Esc leaves Help and the "coming soon" pages (one shortcut: per-button ones would be ambiguous).
    auto *back = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    back->setObjectName(QStringLiteral("backShortcut"));
    connect(back, &QShortcut::activated, this, [this] {
        QWidget *current = m_ui->pages->currentWidget();
        if (current == m_comingSoon)
            Q_EMIT m_comingSoon->backRequested();
        else if (current == m_help)
            Q_EMIT m_help->backRequested();
    });

    buildLanguageMenu();
    if (m_services.demoMode())
        addDemoDocks(this, m_services);
    retranslate();
    updateWalletActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::addScreen(QWidget *screen)
{
    if (screen && m_ui->pages->indexOf(screen) < 0)
        m_ui->pages->addWidget(screen);
}

void MainWindow::showScreen(QWidget *screen)
{
    if (!screen)
        return;
    addScreen(screen);
    m_walletMode = false;
    m_screenBeforeHelp = nullptr;
    m_ui->pages->setCurrentWidget(screen);
    updateWalletActions();
}

void MainWindow::showWallet()
{
    m_walletMode = true;
    m_screenBeforeHelp = nullptr;
    m_ui->pages->setCurrentWidget(m_dashboard);
    updateWalletActions();
    m_dashboard->refresh();
}

bool MainWindow::isShowingWallet() const
{
    return m_walletMode;
}

void MainWindow::showHelp()
{
    QWidget *current = m_ui->pages->currentWidget();
    if (current != m_help)
        m_screenBeforeHelp = m_walletMode ? nullptr : current;
    m_ui->pages->setCurrentWidget(m_help);
    m_help->refresh();
}

void MainWindow::showComingSoon(int feature)
{
    m_comingSoon->setFeature(QuickAction(feature));
    m_ui->pages->setCurrentWidget(m_comingSoon);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::languageChosen, this, &MainWindow::languageChosen);
    dialog->open();
}

void MainWindow::updateWalletActions()
{
    // Lock, sign-out and the wallet pages make sense only with the wallet open.
    for (QAction *action : {m_ui->actionLock, m_ui->actionSignOut, m_ui->actionDashboard})
        action->setEnabled(m_walletMode);
}

void MainWindow::buildLanguageMenu()
{
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    Language *language = m_services.language;
    for (const QString &code : Language::available()) {
        // Each language is named in itself, so a customer who cannot read the current one finds theirs.
        QAction *action = m_ui->menuLanguage->addAction(Language::nativeName(code));
        action->setObjectName(QStringLiteral("actionLanguage_%1").arg(code));
        action->setCheckable(true);
        action->setChecked(language && code == language->current());
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (!m_services.language || !m_services.language->setCurrent(code))
                return;
            if (m_services.settings)
                m_services.settings->setLanguage(code);
            Q_EMIT languageChosen(code);
        });
    }
    if (language) {
        connect(language, &Language::changed, this, [this](const QString &code) {
            for (QAction *action : m_languageGroup->actions())
                action->setChecked(action->data().toString() == code);
        });
    }
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

void MainWindow::retranslate()
{
    m_ui->menuLanguage->setToolTip(tr("Choose the language of BankWallet"));
    const bool demo = m_services.demoMode();
    setWindowTitle(demo ? tr("BankWallet — Demo") : tr("BankWallet"));
    const QUrl url = m_services.gatewayUrl;
    const QString address = url.toDisplayString();
    if (url.isEmpty())
        m_gatewayLabel->setText(tr("Not connected to a bank"));
    else if (m_services.embeddedGateway)
        m_gatewayLabel->setText(tr("Built-in demo bank at %1").arg(address));
    else
        m_gatewayLabel->setText(tr("Bank gateway: %1").arg(address));
    if (m_demoBadge) {
        m_demoBadge->setText(tr("DEMO"));
        m_demoBadge->setToolTip(tr("Demo mode: a demo bank with simulated money, for showing BankWallet"));
    }
}

} // namespace bw::ui
