// Language — which languages BankWallet speaks and switching between them at run time.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace bw::ui {

// Installs the application's and Qt's own translators for one language. Switching sends
// QEvent::LanguageChange to every widget, which retranslates itself: no restart needed.
class Language : public QObject
{
    Q_OBJECT
public:
    explicit Language(QObject *parent = nullptr);

    // Language codes the app ships, source language first: "en", "zh_CN".
    static QStringList available();
    // The name of a language in that language ("English", "简体中文") — never translated.
    static QString nativeName(const QString &code);
    // "zh_CN" for a Chinese system locale, otherwise "en".
    static QString fromSystemLocale();
    static bool isAvailable(const QString &code) { return available().contains(code); }

    QString current() const { return m_current; }
    // Returns false (and changes nothing) for a language the app does not ship.
    bool setCurrent(const QString &code);

Q_SIGNALS:
    void changed(const QString &code);

private:
    QString m_current;
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace bw::ui
