#include "ui/dashboard_page.h"

#include "ui_dashboard_page.h"

#include <QEvent>

namespace bw::ui {

DashboardPage::DashboardPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DashboardPage>())
{
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.8);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    QFont welcome = m_ui->welcomeLabel->font();
    welcome.setPointSizeF(welcome.pointSizeF() * 1.3);
    welcome.setBold(true);
    m_ui->welcomeLabel->setFont(welcome);
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QWidget::changeEvent(event);
}

} // namespace bw::ui
