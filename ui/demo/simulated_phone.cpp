#include "ui/demo/simulated_phone.h"

#include "services/demo_service.h"
#include "ui/language.h"
#include "ui_simulated_phone.h"

#include <QDateTime>
#include <QEvent>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QStyledItemDelegate>
#include <QTimer>

namespace bw::ui {

namespace {

// Paints one message as a chat card: channel badge, destination and time on top, the text wrapped below,
// the code in large bold type at the bottom (a presenter reads it out).
class MessageDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int kMargin = 6;   // around the card
    static constexpr int kPadding = 10; // inside the card
    static constexpr int kGap = 6;

    static QFont codeFont(const QFont &base)
    {
        QFont f = base;
        f.setBold(true);
        f.setPointSizeF(base.pointSizeF() * 1.7);
        f.setLetterSpacing(QFont::AbsoluteSpacing, 2);
        return f;
    }
    static QFont smallFont(const QFont &base)
    {
        QFont f = base;
        f.setPointSizeF(base.pointSizeF() * 0.9);
        return f;
    }
    static QString badgeText(const QModelIndex &index)
    {
        return index.data(SimulatedPhone::ChannelRole).toString() == QLatin1String("email")
                   ? SimulatedPhone::tr("E-mail")
                   : SimulatedPhone::tr("SMS");
    }
    static QString timeText(const QModelIndex &index)
    {
        return index.data(SimulatedPhone::TimeRole)
            .toDateTime()
            .toLocalTime()
            .toString(QStringLiteral("HH:mm:ss"));
    }

    int bodyHeight(const QFont &font, int width, const QString &text) const
    {
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text).height();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int width = std::max(120, option.rect.width() > 0 ? option.rect.width() : 300);
        const int inner = width - 2 * (kMargin + kPadding);
        const QFont base = option.font;
        int h = 2 * (kMargin + kPadding) + QFontMetrics(smallFont(base)).height() + 4 + kGap;
        h += bodyHeight(base, inner, index.data(Qt::DisplayRole).toString());
        if (!index.data(SimulatedPhone::CodeRole).toString().isEmpty())
            h += kGap + QFontMetrics(codeFont(base)).height();
        return QSize(width, h);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect card = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
        const bool email = index.data(SimulatedPhone::ChannelRole).toString() == QLatin1String("email");
        const QColor accent = email ? QColor(0x1f, 0x6f, 0xd6) : QColor(0x1a, 0x9a, 0x5a);

        QPainterPath path;
        path.addRoundedRect(card, 12, 12);
        painter->fillPath(path, QColor(0xf3, 0xf5, 0xf8));
        painter->setPen(QPen(QColor(0xdd, 0xe1, 0xe7), 1));
        painter->drawPath(path);

        const QRect inner = card.adjusted(kPadding, kPadding, -kPadding, -kPadding);
        const QFont base = option.font;
        const QFont small = smallFont(base);
        const QFontMetrics smallMetrics(small);
        int y = inner.top();

        // Channel badge.
        QFont badgeFont = small;
        badgeFont.setBold(true);
        const QString badge = badgeText(index);
        const QFontMetrics badgeMetrics(badgeFont);
        const QRect badgeRect(inner.left(), y, badgeMetrics.horizontalAdvance(badge) + 12,
                              smallMetrics.height() + 4);
        QPainterPath badgePath;
        badgePath.addRoundedRect(badgeRect, 6, 6);
        painter->fillPath(badgePath, accent);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(badgeRect, Qt::AlignCenter, badge);

        // Destination (in full: this is the customer's own phone) and time.
        painter->setFont(small);
        painter->setPen(QColor(0x5a, 0x63, 0x70));
        const QString time = timeText(index);
        const int timeWidth = smallMetrics.horizontalAdvance(time);
        const QRect timeRect(inner.right() - timeWidth, y, timeWidth, badgeRect.height());
        painter->drawText(timeRect, Qt::AlignRight | Qt::AlignVCenter, time);
        const QRect toRect(badgeRect.right() + 8, y, timeRect.left() - badgeRect.right() - 16,
                           badgeRect.height());
        painter->drawText(toRect, Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(index.data(SimulatedPhone::ToRole).toString(),
                                                  Qt::ElideMiddle, toRect.width()));
        y = badgeRect.bottom() + 1 + kGap;

        // The message.
        painter->setFont(base);
        painter->setPen(QColor(0x1c, 0x22, 0x2b));
        const QString text = index.data(Qt::DisplayRole).toString();
        const int textHeight = bodyHeight(base, inner.width(), text);
        painter->drawText(QRect(inner.left(), y, inner.width(), textHeight), Qt::TextWordWrap, text);
        y += textHeight;

        // The code, large.
        const QString code = index.data(SimulatedPhone::CodeRole).toString();
        if (!code.isEmpty()) {
            y += kGap;
            const QFont big = codeFont(base);
            painter->setFont(big);
            painter->setPen(accent.darker(120));
            painter->drawText(QRect(inner.left(), y, inner.width(), QFontMetrics(big).height()),
                              Qt::AlignLeft | Qt::AlignVCenter, code);
        }
        painter->restore();
    }
};

} // namespace

SimulatedPhone::SimulatedPhone(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::SimulatedPhone>())
    , m_services(services)
    , m_clock(new QTimer(this))
{
    ui->setupUi(this);
    ui->phoneMessages->setItemDelegate(new MessageDelegate(ui->phoneMessages));
    ui->phoneMessages->setResizeMode(QListView::Adjust);
    ui->phoneMessages->setUniformItemSizes(false);
    ui->phoneMessages->setFocusPolicy(Qt::NoFocus);
    setMinimumWidth(300);

    // A phone-like look: dark bezel, light screen, big code.
    ui->phoneFrame->setStyleSheet(QStringLiteral(
        "#phoneFrame { background: #1f2329; border-radius: 28px; }"
        "#phoneStatus, #phoneClock { color: #e8ebef; font-weight: bold; }"
        "#phoneScreen { background: #ffffff; border-radius: 18px; }"
        "#latestCodeCaption, #messagesCaption { color: #5a6370; }"
        "#latestCode { color: #0b5cad; font-size: 30pt; font-weight: bold; letter-spacing: 4px; }"
        "#latestCodeInfo { color: #5a6370; }"
        "#phoneEmpty { color: #8a929c; padding: 16px; }"
        "#phoneError { color: #c0392b; }"
        "#phoneMessages { background: transparent; }"));
    ui->phoneError->hide();

    connect(m_clock, &QTimer::timeout, this, &SimulatedPhone::updateClock);
    m_clock->start(10'000);
    updateClock();

    if (auto *demo = m_services.demo) {
        // What arrived before this panel was made (e.g. while it was closed).
        const QList<gateway::OutboxMessage> earlier = demo->messages();
        for (auto it = earlier.crbegin(); it != earlier.crend(); ++it)
            addMessage(*it);
        connect(demo, &services::DemoService::messageArrived, this, &SimulatedPhone::addMessage);
        connect(demo, &services::DemoService::messagesCleared, this, &SimulatedPhone::clearMessages);
        connect(demo, &services::DemoService::pollFailed, this, [this](const services::ServiceError &error) {
            ui->phoneError->setText(error.userMessage());
            ui->phoneError->show();
        });
        connect(demo, &services::DemoService::messageArrived, ui->phoneError, &QWidget::hide);
    }
    // Also on the signal: without a catalogue to install, switching sends no LanguageChange.
    if (m_services.language)
        connect(m_services.language, &Language::changed, this, &SimulatedPhone::retranslate);
    retranslate();
}

SimulatedPhone::~SimulatedPhone()
{
    if (m_services.demo)
        m_services.demo->setPolling(false);
}

bool SimulatedPhone::chinese() const
{
    const QString code = m_services.language ? m_services.language->current() : QLocale().name();
    return code.startsWith(QLatin1String("zh"));
}

void SimulatedPhone::addMessage(const gateway::OutboxMessage &message)
{
    m_messages.prepend(message);
    auto *item = new QListWidgetItem;
    item->setData(ChannelRole, message.channel);
    item->setData(ToRole, message.to);
    item->setData(TimeRole, message.sentAt);
    item->setData(CodeRole, message.code);
    item->setText(chinese() && !message.textZh.isEmpty() ? message.textZh : message.text);
    ui->phoneMessages->insertItem(0, item);
    ui->phoneMessages->scrollToTop();
    updateLatest();
}

void SimulatedPhone::clearMessages()
{
    m_messages.clear();
    ui->phoneMessages->clear();
    updateLatest();
}

void SimulatedPhone::updateLatest()
{
    const bool any = !m_messages.isEmpty();
    ui->phoneEmpty->setVisible(!any);
    const auto latest = std::find_if(m_messages.cbegin(), m_messages.cend(),
                                     [](const gateway::OutboxMessage &m) { return !m.code.isEmpty(); });
    if (latest == m_messages.cend()) {
        ui->latestCode->setText(QStringLiteral("– – – – – –"));
        ui->latestCodeInfo->setText(tr("Waiting for a code from the bank"));
        return;
    }
    ui->latestCode->setText(latest->code);
    const QString channel = latest->channel == QLatin1String("email") ? tr("E-mail") : tr("SMS");
    ui->latestCodeInfo->setText(
        tr("%1 to %2 at %3")
            .arg(channel, latest->to, latest->sentAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
}

void SimulatedPhone::updateClock()
{
    ui->phoneClock->setText(QTime::currentTime().toString(QStringLiteral("HH:mm")));
}

void SimulatedPhone::retranslate()
{
    ui->retranslateUi(this);
    const bool zh = chinese();
    for (int row = 0; row < ui->phoneMessages->count() && row < m_messages.size(); ++row) {
        const gateway::OutboxMessage &m = m_messages.at(row);
        ui->phoneMessages->item(row)->setText(zh && !m.textZh.isEmpty() ? m.textZh : m.text);
    }
    updateLatest();
    updateClock();
    // The card heights depend on the text.
    ui->phoneMessages->doItemsLayout();
}

void SimulatedPhone::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SimulatedPhone::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_services.demo)
        m_services.demo->setPolling(true);
}

void SimulatedPhone::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_services.demo)
        m_services.demo->setPolling(false);
}

} // namespace bw::ui
