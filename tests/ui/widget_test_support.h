// API-READY
// Shared by the UI tests: ONE fixture = the services fixture (the REAL gateway stub in-process on
// 127.0.0.1:0 in demo mode with a cheap scrypt, a temporary app data folder, unique keychain names; run
// under tools/with-keyring) + the app's own AppServices on that folder and stub, exactly as main() wires
// them, with the Language the screens switch. Tests then build the real windows from ui() and drive them
// through object names, as a person would.
//
//   UiFixture fx;                                    // QVERIFY2(fx.ok(), qPrintable(fx.error()));
//   TestWallet w;                                    // an enrolled wallet without driving the wizard:
//   QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));   // (then the app services are made anew)
//   MainWindow window(fx.ui()); ...
//
// The helpers for driving widgets (find, typeInto, typePin, click, visibleTopLevel, showsMessage) are in
// widget_driver.h, included here.
#pragma once

#include "../services/services_test_support.h"
#include "widget_driver.h"

#include "app/bankwallet/app_services.h"
#include "services/session_service.h"
#include "services/settings_service.h"
#include "ui/language.h"
#include "ui/screen_services.h"

#include <memory>

namespace bw::ui::test {

using services::test::EnrollOptions;
using services::test::ServicesFixture;
using services::test::StubFlags;
using services::test::TestWallet;

class UiFixture
{
public:
    explicit UiFixture(bool demo = true, const StubFlags &flags = {})
        : m_services(flags)
        , m_demo(demo)
    {
        m_language.setCurrent(QStringLiteral("en"));
        if (m_services.ok()) // the stub runs; the services fixture's own context makes way for the app's
            makeApp();
    }
    ~UiFixture()
    {
        m_app.reset();
        m_language.setCurrent(QStringLiteral("en"));
    }

    bool ok() const { return m_services.stubRunning() && m_app; }
    QString error() const { return m_services.error(); }
    ServicesFixture &services() { return m_services; }
    app::AppServices &app() { return *m_app; }
    ScreenServices ui() const { return m_app->screenServices(); }
    Language &language() { return m_language; }
    QString dataDir() const { return m_services.dataDir(); }
    QUrl gatewayUrl() const { return m_services.gatewayUrl(); }

    // Enrolls a wallet through the services fixture's own context (fast, no wizard), then makes the
    // app services anew on the same folder and keychain entries, signed out: as after an app restart.
    bool enrollWallet(TestWallet &w, EnrollOptions options = {})
    {
        m_app.reset();
        m_services.recreateContext();
        options.signIn = false;
        const bool enrolled = m_services.enrollWallet(w, options);
        m_services.destroyContext();
        makeApp();
        return enrolled;
    }
    // Simulates an app restart: every window made from ui() must be gone first.
    void restartApp()
    {
        m_app.reset();
        makeApp();
    }

    // Signs in through the app's SessionService, as the sign-in page does (after start(), which loads the
    // device credential from the keychain, when the app has not loaded it yet).
    services::ServiceError signIn(const TestWallet &w)
    {
        using services::test::awaitDone;
        using services::test::awaitResult;
        if (!m_app->context().hasDeviceCredential()) {
            auto state = awaitResult<services::SessionState>(
                [&](auto done) { m_app->screenServices().session->start(std::move(done)); });
            if (!state)
                return state.error();
        }
        return awaitDone(
            [&](auto done) { m_app->screenServices().session->signIn(w.password, std::move(done)); });
    }

    // The newest SMS/e-mail code the demo bank sent to `to` (phone in any accepted form, or e-mail).
    QString lastCode(const QString &to, const QString &purpose = {})
    {
        return m_services.lastCode(to, purpose);
    }

private:
    void makeApp()
    {
        m_services.destroyContext();
        app::AppServicesOptions options;
        options.dataDir = m_services.dataDir();
        options.gatewayUrl = m_services.gatewayUrl();
        options.embeddedGateway = true;
        options.demo = m_demo;
        options.keyPrefix = m_services.keyPrefix();
        m_app = std::make_unique<app::AppServices>(options, m_language);
    }

    ServicesFixture m_services;
    bool m_demo = true;
    Language m_language;
    std::unique_ptr<app::AppServices> m_app;
};

} // namespace bw::ui::test
