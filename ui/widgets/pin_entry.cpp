#include "ui/widgets/pin_entry.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace bw::ui {

namespace {

// A box ignores everything that would put text in without typing: paste shortcuts, the context menu
// (whose Paste entry we cannot disable reliably), middle-click selection paste and drops.
bool isPasteKey(const QKeyEvent *key)
{
    if (key->matches(QKeySequence::Paste)) {
        return true;
    }
    // Shift+Insert is Paste on every platform; matches() covers it on most, but make sure.
    return key->key() == Qt::Key_Insert && (key->modifiers() & Qt::ShiftModifier);
}

} // namespace

PinEntry::PinEntry(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    const auto *digit = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]?")), this);
    for (int i = 0; i < kLength; ++i) {
        auto *box = new QLineEdit(this);
        box->setObjectName(QStringLiteral("pinBox%1").arg(i));
        box->setEchoMode(QLineEdit::Password);
        box->setMaxLength(1);
        box->setValidator(digit);
        box->setAlignment(Qt::AlignCenter);
        box->setContextMenuPolicy(Qt::NoContextMenu);
        box->setAcceptDrops(false);
        box->setDragEnabled(false);
        box->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                 Qt::ImhHiddenText);
        box->setFixedSize(44, 48);
        QFont font = box->font();
        font.setPointSizeF(font.pointSizeF() * 1.5);
        box->setFont(font);
        box->installEventFilter(this);
        connect(box, &QLineEdit::textEdited, this, [this, i](const QString &text) { onTextEdited(i, text); });
        layout->addWidget(box);
        m_boxes.append(box);
    }
    layout->addStretch(1);
    setFocusProxy(m_boxes.first());
    for (int i = 1; i < kLength; ++i) {
        setTabOrder(m_boxes[i - 1], m_boxes[i]);
    }
    setAcceptDrops(false);
    applyStyle();
    retranslate();
}

PinEntry::~PinEntry()
{
    // Wipe what we can; QLineEdit keeps no undo stack for Password echo.
    for (QLineEdit *box : std::as_const(m_boxes)) {
        // The boxes outlive this part of the object: their events and signals must not reach it.
        box->removeEventFilter(this);
        box->disconnect(this);
        box->clear();
    }
}

QString PinEntry::pin() const
{
    QString result;
    for (const QLineEdit *box : m_boxes) {
        if (box->text().size() != 1) {
            return {};
        }
        result += box->text();
    }
    return result;
}

bool PinEntry::isComplete() const
{
    for (const QLineEdit *box : m_boxes) {
        if (box->text().size() != 1) {
            return false;
        }
    }
    return true;
}

void PinEntry::clear()
{
    const bool hadFocus = isAncestorOf(QWidget::focusWidget()) || hasFocus();
    for (QLineEdit *box : std::as_const(m_boxes)) {
        box->clear();
    }
    m_completedSent = false;
    if (hadFocus) {
        m_boxes.first()->setFocus(Qt::OtherFocusReason);
    }
    Q_EMIT changed();
}

void PinEntry::setError(bool error)
{
    if (m_error == error) {
        return;
    }
    m_error = error;
    applyStyle();
}

bool PinEntry::hasError() const
{
    return m_error;
}

void PinEntry::setAccessibleLabel(const QString &label)
{
    m_label = label;
    retranslate();
}

void PinEntry::onTextEdited(int index, const QString &text)
{
    if (!text.isEmpty() && index + 1 < kLength) {
        m_boxes[index + 1]->setFocus(Qt::OtherFocusReason);
        m_boxes[index + 1]->selectAll();
    }
    Q_EMIT changed();
    if (isComplete()) {
        if (!m_completedSent) {
            m_completedSent = true;
            Q_EMIT completed();
        }
    } else {
        m_completedSent = false;
    }
}

bool PinEntry::eventFilter(QObject *watched, QEvent *event)
{
    auto *box = qobject_cast<QLineEdit *>(watched);
    const int index = box ? m_boxes.indexOf(box) : -1;
    if (index < 0) {
        return QWidget::eventFilter(watched, event);
    }
    switch (event->type()) {
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (isPasteKey(key)) {
            // Swallow it: nothing is pasted and the person sees no change.
            event->accept();
            return true;
        }
        if (event->type() != QEvent::KeyPress) {
            break;
        }
        if (key->key() == Qt::Key_Backspace) {
            if (box->text().isEmpty() && index > 0) {
                QLineEdit *previous = m_boxes[index - 1];
                previous->clear();
                previous->setFocus(Qt::OtherFocusReason);
                m_completedSent = false;
                Q_EMIT changed();
                return true;
            }
            if (!box->text().isEmpty()) {
                box->clear();
                m_completedSent = false;
                Q_EMIT changed();
                return true;
            }
        } else if (key->key() == Qt::Key_Left && index > 0) {
            m_boxes[index - 1]->setFocus(Qt::OtherFocusReason);
            return true;
        } else if (key->key() == Qt::Key_Right && index + 1 < kLength) {
            m_boxes[index + 1]->setFocus(Qt::OtherFocusReason);
            return true;
        } else if (const bool digit = key->text().size() == 1 && key->text().at(0).isDigit() &&
                                      key->text().at(0).unicode() < 128;
                   digit && box->text().size() == 1 && !box->hasFocus()) {
            // Keys sent to a full box that is not focused (typing ahead, accessibility tools, tests typing
            // into the first box): the digit goes into the next empty box, as if focus had already moved.
            for (int j = index + 1; j < kLength; ++j) {
                if (m_boxes[j]->text().isEmpty()) {
                    m_boxes[j]->setText(key->text());
                    onTextEdited(j, key->text());
                    break;
                }
            }
            return true;
        } else if (digit && box->text().size() == 1 && !box->hasSelectedText()) {
            // A full box: typing replaces its digit (instead of being refused by maxLength).
            box->selectAll();
        }
        break;
    }
    case QEvent::FocusIn:
        box->selectAll();
        break;
    case QEvent::ContextMenu:
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop:
        event->ignore();
        return true;
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonPress: {
        // Middle click pastes the X11 selection.
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            return true;
        }
        break;
    }
    case QEvent::InputMethod:
        // An input method may commit a whole string at once; accept only one digit.
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void PinEntry::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void PinEntry::retranslate()
{
    const QString label = m_label.isEmpty() ? tr("Payment PIN") : m_label;
    for (int i = 0; i < kLength; ++i) {
        m_boxes[i]->setAccessibleName(tr("%1, digit %2 of %3").arg(label).arg(i + 1).arg(kLength));
    }
    setAccessibleName(label);
}

void PinEntry::applyStyle()
{
    const QString border = m_error ? QStringLiteral("#b42318") : QStringLiteral("#9aa3b0");
    const QString focus = m_error ? QStringLiteral("#b42318") : QStringLiteral("#1f5fbf");
    const QString style = QStringLiteral("QLineEdit { border: %1px solid %2; border-radius: 6px; background: "
                                         "palette(base); }"
                                         "QLineEdit:focus { border: 2px solid %3; }")
                              .arg(m_error ? 2 : 1)
                              .arg(border, focus);
    for (QLineEdit *box : std::as_const(m_boxes)) {
        box->setStyleSheet(style);
    }
}

} // namespace bw::ui
