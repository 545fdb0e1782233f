#include "ui/demo/demo_docks.h"

#include "ui/demo/simulated_phone.h"
#include "ui/demo/staff_actions.h"
#include "ui/language.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace bw::ui {

namespace {

// A dock whose title (and its show/hide action's text) follows the language.
class DemoDock : public QDockWidget
{
public:
    DemoDock(const char *title, QWidget *content, QWidget *parent)
        : QDockWidget(parent)
        , m_title(title)
    {
        setWidget(content);
        setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                    QDockWidget::DockWidgetFloatable);
        setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
        retranslate();
    }

    void retranslate() { setWindowTitle(QCoreApplication::translate("bw::ui::DemoDocks", m_title)); }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QDockWidget::changeEvent(event);
    }

private:
    const char *m_title;
};

// The "Demo" menu's title follows the language too.
class DemoMenu : public QMenu
{
public:
    explicit DemoMenu(QWidget *parent)
        : QMenu(parent)
    {
        retranslate();
    }
    void retranslate() { setTitle(QCoreApplication::translate("bw::ui::DemoDocks", "&Demo")); }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QMenu::changeEvent(event);
    }
};

} // namespace

void addDemoDocks(QMainWindow *window, const ScreenServices &services)
{
    if (!window || !services.demo)
        return;

    auto *phone = new SimulatedPhone(services);
    phone->setObjectName(QStringLiteral("simulatedPhone"));
    auto *phoneDock = new DemoDock(QT_TRANSLATE_NOOP("bw::ui::DemoDocks", "Simulated phone"), phone, window);
    phoneDock->setObjectName(QStringLiteral("simulatedPhoneDock"));

    auto *staff = new StaffActions(services);
    staff->setObjectName(QStringLiteral("staffActions"));
    auto *staffDock = new DemoDock(QT_TRANSLATE_NOOP("bw::ui::DemoDocks", "Staff actions"), staff, window);
    staffDock->setObjectName(QStringLiteral("staffActionsDock"));

    window->addDockWidget(Qt::RightDockWidgetArea, phoneDock);
    window->addDockWidget(Qt::RightDockWidgetArea, staffDock);
    // Tabbed, the phone in front: the wallet keeps most of a 1280-pixel window; a presenter who wants both
    // drags one tab out.
    window->tabifyDockWidget(staffDock, phoneDock);
    phoneDock->raise();

    QAction *showPhone = phoneDock->toggleViewAction();
    showPhone->setObjectName(QStringLiteral("actionShowSimulatedPhone"));
    QAction *showStaff = staffDock->toggleViewAction();
    showStaff->setObjectName(QStringLiteral("actionShowStaffActions"));

    QMenu *menu = window->findChild<QMenu *>(QStringLiteral("menuView"));
    if (menu) {
        menu->addSeparator();
    } else if (QMenuBar *bar = window->menuBar()) {
        menu = new DemoMenu(bar);
        menu->setObjectName(QStringLiteral("menuDemo"));
        bar->addMenu(menu);
    }
    if (menu) {
        menu->addAction(showPhone);
        menu->addAction(showStaff);
    }
    // Language changes also come without a LanguageChange event when no catalogue is installed.
    if (services.language) {
        QObject::connect(services.language, &Language::changed, phoneDock, [phoneDock, staffDock] {
            static_cast<DemoDock *>(phoneDock)->retranslate();
            static_cast<DemoDock *>(staffDock)->retranslate();
        });
    }
}

} // namespace bw::ui
