// MainWindow — the shell every screen lives in: menu bar (File, Language, Help), a stack of pages
// with the dashboard first, and a status bar.
#pragma once

#include "ui/about_dialog.h"

#include <QMainWindow>
#include <memory>

class QActionGroup;

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
};

} // namespace bw::ui
