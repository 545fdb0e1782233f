#include "ui/main/help_page.h"

#include "services/wallet_service.h"
#include "ui_help_page.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QPointer>
#include <QScrollBar>

namespace bw::ui {

namespace {

// Anchors of the sections, in the order the topic list shows them.
const char *const kSections[] = {"banks", "register", "pay", "safety", "fees", "forgot", "contact"};

bool chinese(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese;
}

// A fee rate as a percentage in the locale, exactly (no floating point): "0.006" → "0.6%".
QString percent(const core::DecimalRate &rate, const QLocale &locale)
{
    qint64 mantissa = rate.mantissa();
    int scale = rate.scale() - 2; // ×100
    while (scale < 0) {
        mantissa *= 10;
        ++scale;
    }
    while (scale > 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        --scale;
    }
    QString digits = QString::number(mantissa);
    if (scale > 0) {
        digits = digits.rightJustified(scale + 1, QLatin1Char('0'));
        digits.insert(digits.size() - scale, locale.decimalPoint());
    }
    return digits + locale.percent();
}

// The countries of the bank directory, named in the app's language (Qt names territories in English only).
QString countryName(const QString &code)
{
    static const struct
    {
        const char *code;
        const char *name;
    } names[] = {
        {"CN", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "China")},
        {"HK", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "Hong Kong SAR")},
        {"MO", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "Macao SAR")},
        {"SG", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "Singapore")},
        {"DE", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "Germany")},
        {"CH", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "Switzerland")},
        {"GB", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "United Kingdom")},
        {"CA", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "Canada")},
        {"US", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "United States")},
        {"JP", QT_TRANSLATE_NOOP("bw::ui::HelpPage", "Japan")},
    };
    for (const auto &entry : names) {
        if (code == QLatin1String(entry.code))
            return QCoreApplication::translate("bw::ui::HelpPage", entry.name);
    }
    const QString english = QLocale::territoryToString(QLocale::codeToTerritory(code));
    return english.isEmpty() ? code : english;
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
}

QString list(const QStringList &items, bool ordered = false)
{
    QString html = ordered ? QStringLiteral("<ol>") : QStringLiteral("<ul>");
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    return html + (ordered ? QStringLiteral("</ol>") : QStringLiteral("</ul>"));
}

QString heading(const char *anchor, const QString &title)
{
    return QStringLiteral("<h2><a name=\"%1\"></a>%2</h2>").arg(QLatin1String(anchor), title.toHtmlEscaped());
}

} // namespace

HelpPage::HelpPage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HelpPage>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("helpPage"));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.8);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->loadingLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_ui->loadingLabel->hide();
    m_ui->helpBanner->setStyleSheet(QStringLiteral(
        "QFrame#helpBanner { background: #fdecea; border: 1px solid #f1b0aa; border-radius: 8px; }"
        "QFrame#helpBanner QLabel { color: #8a1c12; }"));
    m_ui->helpBanner->hide();
    m_ui->helpBrowser->document()->setDocumentMargin(16);
    m_ui->helpBrowser->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->helpTopics->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->helpTopics->setWordWrap(true);
    QFont topics = m_ui->helpTopics->font();
    topics.setPointSizeF(topics.pointSizeF() * 1.05);
    m_ui->helpTopics->setFont(topics);
    m_ui->helpTopics->setSpacing(3);

    connect(m_ui->helpBackButton, &QPushButton::clicked, this, &HelpPage::backRequested);
    connect(m_ui->helpRetryButton, &QPushButton::clicked, this, &HelpPage::refresh);
    connect(m_ui->helpTopics, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < int(std::size(kSections)))
            m_ui->helpBrowser->scrollToAnchor(QLatin1String(kSections[row]));
    });
    retranslate();
}

HelpPage::~HelpPage() = default;

QString HelpPage::plainText() const
{
    return m_ui->helpBrowser->toPlainText();
}

void HelpPage::refresh()
{
    if (!m_services.wallet || m_loading > 0)
        return;
    QPointer<HelpPage> self(this);
    auto finishOne = [self] {
        if (!self)
            return;
        --self->m_loading;
        self->m_ui->loadingLabel->setVisible(self->m_loading > 0);
        self->render();
    };
    if (!m_banks) {
        ++m_loading;
        m_services.wallet->banks([self, finishOne](services::ServiceResult<QList<gateway::Bank>> banks) {
            if (!self)
                return;
            self->m_banksError = banks ? QString() : banks.error().userMessage();
            if (banks)
                self->m_banks = banks.value();
            finishOne();
        });
    }
    if (!m_fees) {
        ++m_loading;
        m_services.wallet->fees([self, finishOne](services::ServiceResult<gateway::FeeSchedule> fees) {
            if (!self)
                return;
            self->m_feesError = fees ? QString() : fees.error().userMessage();
            if (fees)
                self->m_fees = fees.value();
            finishOne();
        });
    }
    m_ui->loadingLabel->setVisible(m_loading > 0);
    m_ui->helpRetryButton->setEnabled(m_loading == 0);
}

void HelpPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void HelpPage::retranslate()
{
    const int row = m_ui->helpTopics->currentRow();
    m_ui->helpTopics->clear();
    m_ui->helpTopics->addItems({tr("Which banks support the wallet?"), tr("How do I register?"),
                                tr("How do I pay?"), tr("How safe is it?"), tr("What does it cost?"),
                                tr("I forgot my password"), tr("Contact support")});
    m_ui->helpTopics->setAccessibleName(tr("Help topics"));
    m_ui->helpBrowser->setAccessibleName(tr("Help text"));
    {
        const QSignalBlocker blocker(m_ui->helpTopics);
        m_ui->helpTopics->setCurrentRow(row);
    }
    render();
}

QString HelpPage::banksSection() const
{
    QString html = heading(kSections[0], tr("Which banks support the wallet?"));
    html +=
        paragraph(tr("You open BankWallet through your own bank. These banks offer it today; the list comes "
                     "straight from the bank's directory, so it is always current."));
    if (!m_banks) {
        html += paragraph(m_banksError.isEmpty()
                              ? tr("Loading the list of banks…")
                              : tr("The list of banks could not be loaded: %1").arg(m_banksError));
        return html;
    }
    const QLocale locale;
    QStringList supported;
    QStringList notYet;
    for (const gateway::Bank &bank : *m_banks) {
        const QString name = chinese(locale) && !bank.nameZh.isEmpty() ? bank.nameZh : bank.name;
        const QString country = countryName(bank.country);
        // "Harbourlight Bank (Hong Kong)" already says where it is.
        const bool named =
            name.contains(country) ||
            (bank.country == QLatin1String("HK") &&
             (name.contains(QStringLiteral("Hong Kong")) || name.contains(QStringLiteral("香港"))));
        const QString line = named ? name : tr("%1 (%2)").arg(name, country);
        (bank.walletSupported ? supported : notYet) << line;
    }
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Supported").toHtmlEscaped()) + list(supported);
    if (!notYet.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(tr("Not yet supported").toHtmlEscaped()) + list(notYet);
        html +=
            paragraph(tr("If your bank is not supported yet, ask it when it plans to offer the wallet, or "
                         "open your wallet at one of the supported banks — you can still link cards from "
                         "other banks later."));
    }
    return html;
}

QString HelpPage::feesSection() const
{
    QString html = heading(kSections[4], tr("What does it cost?"));
    html +=
        paragraph(tr("Paying shops and sending money to other wallets in China is free. Fees apply only to "
                     "the cases below, and every payment shows its fee before you confirm it."));
    if (!m_fees) {
        html += paragraph(m_feesError.isEmpty()
                              ? tr("Loading the fee schedule…")
                              : tr("The fee schedule could not be loaded: %1").arg(m_feesError));
        return html;
    }
    const QLocale locale;
    html += QStringLiteral(
                "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"7\" border=\"0\">"
                "<tr style=\"background:#eef2f7\"><th align=\"left\">%1</th><th align=\"right\">%2</th></tr>")
                .arg(tr("Fee").toHtmlEscaped(), tr("Rate").toHtmlEscaped());
    bool shaded = false;
    for (const gateway::FeeRule &rule : *m_fees) {
        const QString description =
            chinese(locale) && !rule.descriptionZh.isEmpty() ? rule.descriptionZh : rule.description;
        const QString rate = rule.rate.isZero() ? tr("Free") : percent(rule.rate, locale);
        // The minimum and the monthly allowance as small print under the line (most rules have neither).
        QStringList details;
        if (rule.min.minorUnits() != 0)
            details << tr("Minimum %1").arg(rule.min.format(locale));
        if (rule.freeAllowance)
            details << tr("Free up to %1 each month").arg(rule.freeAllowance->format(locale));
        QString detailHtml;
        if (!details.isEmpty())
            detailHtml = QStringLiteral("<br/><span style=\"color:#5f6b7a\">%1</span>")
                             .arg(details.join(QStringLiteral(" · ")).toHtmlEscaped());
        html += QStringLiteral("<tr%1><td>%2%3</td><td align=\"right\" width=\"18%\"><b>%4</b></td></tr>")
                    .arg(shaded ? QStringLiteral(" style=\"background:#f7f9fb\"") : QString(),
                         description.toHtmlEscaped(), detailHtml, rate.toHtmlEscaped());
        shaded = !shaded;
    }
    html += QStringLiteral("</table>");
    html +=
        paragraph(tr("Cross-border payments show the exchange rate, both fee lines and the total before you "
                     "confirm; a quote stays valid for 60 seconds."));
    return html;
}

void HelpPage::render()
{
    const int scroll = m_ui->helpBrowser->verticalScrollBar()->value();
    QString html = QStringLiteral("<html><body style=\"line-height: 130%\">");
    html += banksSection();

    html += heading(kSections[1], tr("How do I register?"));
    html += list({tr("Choose your bank and enter your name, mobile number and e-mail address."),
                  tr("Type the code the bank sends to your phone by SMS."),
                  tr("Verify your identity with your ID card or passport — or skip this for now and start "
                     "with a tier 4 wallet that has lower limits."),
                  tr("Set a sign-in password and a six-digit payment PIN, then turn on two-factor "
                     "verification (an authenticator app or SMS)."),
                  tr("Link your own debit card or bank account to top up and to raise your limits.")},
                 true);
    html +=
        paragraph(tr("Your tier sets your limits: tier 4 (phone only), tier 3 (identity verified), tier 2 "
                     "(own bank card linked) and tier 1 (verified in person at a branch)."));

    html += heading(kSections[2], tr("How do I pay?"));
    html += list({tr("Choose Pay on the dashboard and pick the shop or the person to pay."),
                  tr("Enter the amount and choose where the money comes from: your wallet balance or a "
                     "linked card or account."),
                  tr("Check the summary — fee, exchange rate and total — and confirm with your payment PIN. "
                     "Larger payments also ask for a one-time code."),
                  tr("You see the result at once with a receipt, and the payment appears in your history.")},
                 true);

    html += heading(kSections[3], tr("How safe is it?"));
    html +=
        list({tr("Your sign-in password and payment PIN are checked by the bank and never stored on this "
                 "computer."),
              tr("This computer's key to the bank lives in your system's keychain (Secret Service, macOS "
                 "Keychain or Windows Credential Manager), not in a file; every request is signed with "
                 "it."),
              tr("Your name, phone number, e-mail, ID numbers, notes and the names of people you pay are "
                 "encrypted on disk with a key that is also kept in the keychain."),
              tr("Full card numbers, security codes (CVC), one-time codes and session tokens are never "
                 "stored anywhere on this computer."),
              tr("The wallet locks itself after a few idle minutes (see Settings), and wrong passwords or "
                 "PINs lock sign-in or payments after five tries.")});
    html += paragraph(tr("Keep your system up to date, never tell anyone your PIN or a code — the bank will "
                         "never ask for them — and install BankWallet only from your bank."));

    html += feesSection();

    html += heading(kSections[5], tr("I forgot my password"));
    html +=
        paragraph(tr("On the sign-in screen choose \"Forgot password?\". Enter your mobile number (and your "
                     "ID number if your wallet is verified), type the code the bank sends you, and set a "
                     "new password. Your money and history stay as they are."));
    html += paragraph(tr("Forgot your payment PIN? After five wrong PINs payments are frozen; reset the PIN "
                         "with your password and a one-time code to pay again."));

    html += heading(kSections[6], tr("Contact support"));
    html += list({tr("Customer hotline: 95500-000 (an example number for this demo), daily 8:00–22:00"),
                  tr("E-mail: wallet-support@bank.example (an example address)"),
                  tr("Lost your phone or computer? Call the hotline at once to block the wallet on it.")});
    html += QStringLiteral("</body></html>");
    m_ui->helpBrowser->setHtml(html);
    m_ui->helpBrowser->verticalScrollBar()->setValue(scroll);

    QStringList errors;
    for (const QString &error : {m_banksError, m_feesError}) {
        if (!error.isEmpty() && !errors.contains(error))
            errors << error;
    }
    m_ui->helpBannerLabel->setText(
        tr("Part of this page could not be loaded from the bank: %1 Check your connection and press Retry.")
            .arg(errors.isEmpty() ? QString() : errors.first()));
    m_ui->helpBanner->setVisible(!errors.isEmpty() && m_loading == 0);
    m_ui->helpRetryButton->setEnabled(m_loading == 0);
}

} // namespace bw::ui
