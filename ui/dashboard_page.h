// DashboardPage — the first page of the main window. For now a welcome placeholder; it will show
// balances, limits, linked methods, recent activity and quick actions once the wallet services exist.
#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class DashboardPage;
}

namespace bw::ui {

class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(QWidget *parent = nullptr);
    ~DashboardPage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::DashboardPage> m_ui;
};

} // namespace bw::ui
