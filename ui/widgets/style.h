// style — the few looks every screen shares (a scaled title font, muted captions, the warning, success
// and error banners), in one place so that the pages and dialogs cannot drift apart on them. Colours
// follow the house palette of ui/onboarding and the dashboard.
#pragma once

#include <QFont>
#include <QLabel>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace bw::ui::style {

// `font` made `factor` times larger (and bold or not): titles and big amounts.
inline QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

inline void title(QLabel *label, qreal factor = 1.4)
{
    label->setFont(scaled(label->font(), factor, true));
}

// Captions, hints and busy texts.
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

// A refusal or failure that is about no single field (above the buttons or at the top of a page).
inline void errorBanner(QLabel *label)
{
    label->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f1b0aa;"
                       " border-radius: 8px; padding: 8px 12px; }"));
}

// Style-sheet rules for a frame (by object name) holding the page's error banner: the same red as
// errorBanner(), on the frame and every label in it.
inline QString errorFrameRules(const char *frameName)
{
    const QString frame = QStringLiteral("QFrame#") + QLatin1String(frameName);
    return frame +
           QStringLiteral(" { background: #fdecea; border: 1px solid #f1b0aa; border-radius: 8px; }") +
           frame + QStringLiteral(" QLabel { color: #8a1c12; }");
}

// Style-sheet rules for the filled blue button of a screen's main action (Add, Next…), by object name:
// normal, hover, keyboard focus and disabled.
inline QString primaryButtonRules(std::initializer_list<const char *> buttonNames)
{
    const auto selectors = [&](const char *state) {
        QStringList list;
        for (const char *name : buttonNames)
            list.append(QStringLiteral("QPushButton#") + QLatin1String(name) + QLatin1String(state));
        return list.join(QStringLiteral(", "));
    };
    return selectors("") +
           QStringLiteral(
               " { background: #0b4f8a; color: white; border: 1px solid #09406f; border-radius: 6px;"
               " padding: 6px 16px; font-weight: 600; }") +
           selectors(":hover") + QStringLiteral(" { background: #0d5ca0; }") + selectors(":focus") +
           QStringLiteral(" { border: 2px solid #f0b429; }") + selectors(":disabled") +
           QStringLiteral(" { background: #8aa6bf; color: #eef2f6; }");
}

} // namespace bw::ui::style
