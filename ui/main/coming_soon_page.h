// ComingSoonPage — what a quick action (Pay, Transfer, Top up, Withdraw, Receive) opens until the payments
// screens ship: clearly marked "Coming in the next release", what the feature will do, and Back.
#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class ComingSoonPage;
}

namespace bw::ui {

enum class QuickAction { Pay, Transfer, TopUp, Withdraw, Receive };

class ComingSoonPage : public QWidget
{
    Q_OBJECT
public:
    explicit ComingSoonPage(QWidget *parent = nullptr);
    ~ComingSoonPage() override;

    void setFeature(QuickAction feature);
    QuickAction feature() const { return m_feature; }

Q_SIGNALS:
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    std::unique_ptr<Ui::ComingSoonPage> m_ui;
    QuickAction m_feature = QuickAction::Pay;
};

} // namespace bw::ui
