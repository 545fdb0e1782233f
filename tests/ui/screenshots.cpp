// Renders the README and AppStream screenshots (docs/screenshots) from the real widgets, in English and
// Simplified Chinese. Run through tools/screenshots, which starts it under Xvfb at 1280×800.
#include "bw_config.h"
#include "crypto/version.h"
#include "stub/embedded_gateway.h"
#include "ui/about_dialog.h"
#include "ui/language.h"
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

namespace {

bool save(QWidget *widget, const QString &path)
{
    const bool ok = widget->grab().save(path);
    std::fprintf(ok ? stdout : stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);

    bw::ui::Language language;
    const bw::ui::ComponentVersions versions{QStringLiteral(BW_VERSION), QString::fromLatin1(qVersion()),
                                             bw::crypto::libraryVersion(),
                                             QStringLiteral(BW_QTKEYCHAIN_VERSION)};
    // A real embedded gateway, as the app starts it, so the status bar shows what a customer sees.
    QTemporaryDir gatewayDir;
    bw::stub::StubConfig config;
    config.dbPath = gatewayDir.filePath(QStringLiteral("gateway-stub.sqlite"));
    bw::stub::EmbeddedGateway gateway(config);
    if (gateway.start() == 0)
        return 1;

    bool ok = true;
    for (const QString &code : bw::ui::Language::available()) {
        language.setCurrent(code);
        bw::ui::MainWindow window(language, versions);
        window.setGateway(gateway.baseUrl(), true, false);
        window.resize(1100, 720);
        window.show();
        QTest::qWait(300); // let LanguageChange and the first paint through
        const QString suffix = code == QLatin1String("en") ? QString() : QLatin1Char('-') + code;
        ok &= save(&window, outDir + QStringLiteral("/main-window%1.png").arg(suffix));

        window.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
        QTest::qWait(300);
        if (auto *about = window.findChild<bw::ui::AboutDialog *>(QStringLiteral("aboutDialog")))
            ok &= save(about, outDir + QStringLiteral("/about%1.png").arg(suffix));
        else
            ok = false;
    }
    return ok ? 0 : 1;
}
