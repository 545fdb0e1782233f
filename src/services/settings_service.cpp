#include "services/settings_service.h"

#include "gateway/gateway_client.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

namespace bw::services {

namespace {

const QString kLanguage = QStringLiteral("general/language");
const QString kGatewayUrl = QStringLiteral("gateway/url");
const QString kAutoLock = QStringLiteral("security/auto_lock_minutes");
const QString kNotifications = QStringLiteral("general/notifications");

ServiceError invalidSetting(const QString &field, const QString &code, const QString &message)
{
    ServiceError error;
    error.kind = ServiceErrorKind::Validation;
    error.field = field;
    error.code = code;
    error.message = message;
    return error;
}

QString defaultLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

} // namespace

SettingsService::SettingsService(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

SettingsService::SettingsService(ServiceContext &context, QObject *parent)
    : SettingsService(context.settingsPath(), parent)
{}

SettingsService::~SettingsService()
{
    m_settings->sync();
}

QString SettingsService::filePath() const
{
    return m_settings->fileName();
}

QStringList SettingsService::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString SettingsService::language() const
{
    const QString stored = m_settings->value(kLanguage).toString();
    // A hand-edited file with an unknown value falls back to the default rather than a broken UI.
    return supportedLanguages().contains(stored) ? stored : defaultLanguage();
}

ServiceError SettingsService::setLanguage(const QString &language)
{
    if (!supportedLanguages().contains(language))
        return invalidSetting(QStringLiteral("language"), QStringLiteral("unsupported_language"),
                              tr("This language is not available. Choose English or Simplified Chinese."));
    const bool changed = this->language() != language || !m_settings->contains(kLanguage);
    m_settings->setValue(kLanguage, language);
    if (changed)
        Q_EMIT languageChanged(language);
    return {};
}

ServiceError SettingsService::validateGatewayUrl(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return invalidSetting(QStringLiteral("gateway_url"), QStringLiteral("invalid_url"),
                              tr("Enter the gateway address as https://host or https://host:port."));
    if (scheme == QLatin1String("http") && !gateway::GatewayClient::isLoopbackHost(url.host()))
        return invalidSetting(QStringLiteral("gateway_url"), QStringLiteral("insecure_url"),
                              tr("A remote gateway must use https. Plain http is only allowed to this "
                                 "computer (127.0.0.1 or localhost)."));
    return {};
}

QUrl SettingsService::gatewayUrl() const
{
    const QUrl url(m_settings->value(kGatewayUrl).toString());
    return validateGatewayUrl(url).isError() ? QUrl() : url;
}

ServiceError SettingsService::setGatewayUrl(const QUrl &url)
{
    if (ServiceError error = validateGatewayUrl(url); error.isError())
        return error;
    QUrl adjusted = url.adjusted(QUrl::StripTrailingSlash);
    if (adjusted.path() == QLatin1String("/"))
        adjusted.setPath(QString()); // one spelling per address, so a change is seen as one
    const bool changed = gatewayUrl() != adjusted;
    if (adjusted.isEmpty())
        m_settings->remove(kGatewayUrl);
    else
        m_settings->setValue(kGatewayUrl, adjusted.toString());
    if (changed)
        Q_EMIT gatewayUrlChanged(adjusted);
    return {};
}

int SettingsService::autoLockMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(kAutoLock).toInt(&ok);
    return ok && minutes >= kMinAutoLockMinutes && minutes <= kMaxAutoLockMinutes ? minutes
                                                                                  : kDefaultAutoLockMinutes;
}

ServiceError SettingsService::setAutoLockMinutes(int minutes)
{
    if (minutes < kMinAutoLockMinutes || minutes > kMaxAutoLockMinutes)
        return invalidSetting(QStringLiteral("auto_lock_minutes"), QStringLiteral("out_of_range"),
                              tr("Choose an auto-lock time between %1 and %2 minutes.")
                                  .arg(kMinAutoLockMinutes)
                                  .arg(kMaxAutoLockMinutes));
    const bool changed = autoLockMinutes() != minutes;
    m_settings->setValue(kAutoLock, minutes);
    if (changed)
        Q_EMIT autoLockMinutesChanged(minutes);
    return {};
}

bool SettingsService::notificationsEnabled() const
{
    return m_settings->value(kNotifications, true).toBool();
}

void SettingsService::setNotificationsEnabled(bool enabled)
{
    const bool changed = notificationsEnabled() != enabled;
    m_settings->setValue(kNotifications, enabled);
    if (changed)
        Q_EMIT notificationsEnabledChanged(enabled);
}

ServiceError SettingsService::sync()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return invalidSetting(QStringLiteral("settings"), QStringLiteral("settings_write_failed"),
                              tr("The settings could not be saved. Check that the data folder is writable."));
    return {};
}

} // namespace bw::services
