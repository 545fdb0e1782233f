// Secret fields — the one mark for widgets that hold a secret while a person types or reads it (card
// number, CVC, one-time codes, document numbers, the authenticator key), whatever their echo mode. The
// auto-lock (ui/session/auto_lock) empties every marked widget, and every password-mode line edit, before
// the lock screen covers the wallet.
#pragma once

#include <QWidget>

namespace bw::ui {

inline constexpr char kSecretProperty[] = "bwSecret";

inline void markSecret(QWidget *widget)
{
    widget->setProperty(kSecretProperty, true);
}

inline bool isSecret(const QWidget *widget)
{
    return widget->property(kSecretProperty).toBool();
}

} // namespace bw::ui
