// SettingsService: the app's machine-wide preferences in <dataDir>/settings.ini (QSettings, INI format):
// language, gateway URL (empty = the embedded stub), auto-lock minutes and desktop notifications. Every
// setter validates first and changes nothing on a refused value; a changed value emits its signal.
// Never a secret in this file (the secrets scan checks it). Settings that belong to one wallet live in the
// wallet database instead (storage::WalletSettingsStore).
#pragma once

#include "services/service_context.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace bw::services {

class SettingsService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultAutoLockMinutes = 5;
    static constexpr int kMinAutoLockMinutes = 1;
    static constexpr int kMaxAutoLockMinutes = 60;

    // The file is created on the first change (reading a missing file gives the defaults).
    explicit SettingsService(const QString &iniPath, QObject *parent = nullptr);
    // On context.settingsPath().
    explicit SettingsService(ServiceContext &context, QObject *parent = nullptr);
    ~SettingsService() override;

    QString filePath() const;

    // "en" or "zh_CN". Default: zh_CN when the system locale is Chinese, en otherwise.
    static QStringList supportedLanguages();
    QString language() const;
    ServiceError setLanguage(const QString &language);

    // Empty: the embedded stub. Otherwise https://host[:port][/path], or http:// to a loopback host only
    // (the same rule as GatewayClient::setBaseUrl). No user info, query or fragment.
    QUrl gatewayUrl() const;
    ServiceError setGatewayUrl(const QUrl &url);
    static ServiceError validateGatewayUrl(const QUrl &url);

    // 1..60 minutes; default 5.
    int autoLockMinutes() const;
    ServiceError setAutoLockMinutes(int minutes);

    bool notificationsEnabled() const; // default true
    void setNotificationsEnabled(bool enabled);

    // Writes pending changes to disk now (QSettings also does it on its own).
    ServiceError sync();

Q_SIGNALS:
    void languageChanged(const QString &language);
    void gatewayUrlChanged(const QUrl &url);
    void autoLockMinutesChanged(int minutes);
    void notificationsEnabledChanged(bool enabled);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace bw::services
