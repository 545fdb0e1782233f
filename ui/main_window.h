// MainWindow — the shell every screen lives in: menu bar (File, Language, Help), a stack of pages
// with the dashboard first, and a status bar.
#pragma once

#include "ui/about_dialog.h"

#include <QMainWindow>
#include <QUrl>
#include <memory>

class QActionGroup;
class QLabel;

namespace Ui {
class MainWindow;
}

namespace bw::ui {

class DashboardPage;
class Language;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Language &language, const ComponentVersions &versions, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Which bank gateway the app talks to, shown in the status bar: the built-in demo bank (embedded
    // stub) or an external gateway's address; `demo` marks demo mode for bank staff.
    void setGateway(const QUrl &url, bool embedded, bool demo);

Q_SIGNALS:
    // The customer picked a language from the menu (already switched); app/ remembers the choice.
    void languageChosen(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildLanguageMenu();
    void showAbout();
    void retranslate();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Language &m_language;
    ComponentVersions m_versions;
    DashboardPage *m_dashboard = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QLabel *m_gatewayLabel = nullptr;
    QUrl m_gatewayUrl;
    bool m_embedded = false;
    bool m_demo = false;
};

} // namespace bw::ui
