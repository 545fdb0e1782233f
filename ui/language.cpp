#include "ui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace bw::ui {

Language::Language(QObject *parent)
    : QObject(parent)
{}

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString Language::fromSystemLocale()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool Language::setCurrent(const QString &code)
{
    if (!isAvailable(code))
        return false;
    if (code == m_current)
        return true;

    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    if (code != QLatin1String("en")) {
        // The app's catalogue is compiled into the binary; Qt's own (standard buttons, dialogs) comes
        // from the system's Qt translations when installed.
        if (m_app.load(QStringLiteral(":/i18n/bankwallet_%1.qm").arg(code)))
            QCoreApplication::installTranslator(&m_app);
        if (m_qt.load(QStringLiteral("qtbase_%1").arg(code),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qt);
    }
    m_current = code;
    QLocale::setDefault(QLocale(code == QLatin1String("en") ? QStringLiteral("en_US") : code));
    Q_EMIT changed(code);
    return true;
}

} // namespace bw::ui
