// Internal to ui/security: the look the Security page and its dialogs share (title size, muted and
// warning labels), so they cannot drift apart.
#pragma once

#include <QFont>
#include <QLabel>
#include <QString>

namespace bw::ui::security_style {

inline void title(QLabel *label, qreal factor = 1.4)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(true);
    label->setFont(font);
}

inline void muted(QLabel *label)
{
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
}

inline void warning(QLabel *label)
{
    label->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4d6; color: #6b4700; border: 1px solid #f0d58a;"
                       " border-radius: 8px; padding: 10px 14px; }"));
}

inline void success(QLabel *label)
{
    label->setStyleSheet(
        QStringLiteral("QLabel { background: #e6f4ea; color: #1a5e2e; border: 1px solid #a8d5b5;"
                       " border-radius: 8px; padding: 8px 12px; }"));
}

} // namespace bw::ui::security_style
