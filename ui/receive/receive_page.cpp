#include "ui/receive/receive_page.h"

#include "core/phone_validator.h"
#include "services/service_context.h"
#include "ui/sentences.h"
#include "ui/widgets/style.h"
#include "ui_receive_page.h"

#include <QClipboard>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

namespace bw::ui {

namespace {

const QString kStyle =
    QStringLiteral(
        "QFrame#requestCard, QFrame#qrCard {"
        " background: palette(base); border: 1px solid #d9e0e8; border-radius: 10px; }"
        "QLabel#receiveQrPlaceholder { color: palette(placeholder-text); border: 1px dashed #c3cfdc;"
        " border-radius: 8px; padding: 24px; }") +
    style::errorFrameRules("receiveBanner") + style::primaryButtonRules({"receiveCopyButton"});

constexpr int kStatusMs = 5000;
constexpr int kImageModulePx = 8;
// The informational name is left out of the link rather than refusing the whole request.
constexpr int kNameLimit = core::kMaxPaymentLinkNameLength;

bool isNoteCode(const QString &code)
{
    return code == QLatin1String("note_too_long") || code == QLatin1String("invalid_note");
}

} // namespace

ReceivePage::ReceivePage(const ScreenServices &services, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReceivePage>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("receivePage"));
    setStyleSheet(kStyle);

    m_ui->receiveTitleLabel->setFont(style::scaled(m_ui->receiveTitleLabel->font(), 1.8, true));
    m_ui->requestCaption->setFont(style::scaled(m_ui->requestCaption->font(), 1.15, true));
    m_ui->receivePayeeName->setFont(style::scaled(m_ui->receivePayeeName->font(), 1.15, true));
    m_ui->receiveQrName->setFont(style::scaled(m_ui->receiveQrName->font(), 1.1, true));
    for (QLabel *muted :
         {m_ui->receiveSubtitleLabel, m_ui->receiveAmountHint, m_ui->receivePayeeCaption,
          m_ui->receivePayeePhone, m_ui->receivePrivacyHint, m_ui->receiveNoteCounter, m_ui->receiveQrNote})
        style::muted(muted);
    m_ui->receiveBanner->hide();
    m_ui->receiveNoteEdit->setMaxLength(core::kMaxPaymentLinkNoteLength);
    m_ui->receiveAmountEdit->setCurrency(*core::Currency::fromCode(u"CNY"));
    m_ui->receiveCopyButton->setDefault(true);
    m_ui->receiveCopyButton->setAutoDefault(true);

    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(kStatusMs);
    connect(m_statusTimer, &QTimer::timeout, m_ui->receiveStatusLabel, &QLabel::clear);

    connect(m_ui->receiveBackButton, &QPushButton::clicked, this, &ReceivePage::backRequested);
    // Esc (back) is the main window's one shortcut for every wallet page: a second one here would make it
    // ambiguous, and then neither fires.
    connect(m_ui->receiveAmountEdit, &QLineEdit::textChanged, this, &ReceivePage::updateRequest);
    connect(m_ui->receiveNoteEdit, &QLineEdit::textChanged, this, &ReceivePage::updateRequest);
    connect(m_ui->receiveCopyButton, &QPushButton::clicked, this, &ReceivePage::copyLink);
    connect(m_ui->receiveSaveButton, &QPushButton::clicked, this, &ReceivePage::chooseImageFile);
    connect(m_ui->receiveRetryButton, &QPushButton::clicked, this, &ReceivePage::reload);
    // Enter in a field copies the link: the one thing to do once the request is typed.
    for (QLineEdit *edit : {static_cast<QLineEdit *>(m_ui->receiveAmountEdit), m_ui->receiveNoteEdit})
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (m_ui->receiveCopyButton->isEnabled())
                copyLink();
        });

    if (m_services.context) {
        connect(m_services.context, &services::ServiceContext::locked, this, &ReceivePage::clearPersonalData);
        connect(m_services.context, &services::ServiceContext::signedOut, this,
                &ReceivePage::clearPersonalData);
        connect(m_services.context, &services::ServiceContext::signedIn, this, [this] {
            if (isVisible())
                reload();
        });
    }
    retranslate();
    updateRequest();
}

ReceivePage::~ReceivePage() = default;

void ReceivePage::reload()
{
    if (!m_services.wallet)
        return;
    m_loading = true;
    m_ui->receiveBanner->hide();
    updateRequest();
    const quint64 generation = ++m_loadGeneration;
    QPointer<ReceivePage> self(this);
    m_services.wallet->payeeProfile(
        [self, generation](services::ServiceResult<services::PayeeProfile> result) {
            if (!self || generation != self->m_loadGeneration)
                return;
            self->showProfile(result);
        });
}

void ReceivePage::resetRequest()
{
    m_ui->receiveAmountEdit->clear();
    m_ui->receiveNoteEdit->clear();
    m_ui->receiveStatusLabel->clear();
    updateRequest();
}

void ReceivePage::showProfile(const services::ServiceResult<services::PayeeProfile> &result)
{
    m_loading = false;
    if (!result) {
        m_profile.reset();
        m_ui->receiveBannerLabel->setText(detail::joinSentences(
            result.error().userMessage(), tr("Your payment request cannot be shown until then.")));
        m_ui->receiveBanner->show();
    } else {
        m_profile = result.value();
        m_ui->receiveBanner->hide();
    }
    updateRequest();
}

void ReceivePage::clearPersonalData()
{
    // A request made before the lock must not show to whoever sits down next; an answer still on its way
    // is dropped by the generation check.
    ++m_loadGeneration;
    m_loading = false;
    m_profile.reset();
    m_ui->receiveBanner->hide();
    m_ui->receiveAmountEdit->clear();
    m_ui->receiveNoteEdit->clear();
    m_ui->receiveStatusLabel->clear();
    m_ui->receiveQrView->clear();
    updateRequest();
}

void ReceivePage::updateRequest()
{
    const QString note = m_ui->receiveNoteEdit->text();
    m_ui->receiveNoteCounter->setText(
        QStringLiteral("%1/%2").arg(note.size()).arg(core::kMaxPaymentLinkNoteLength));

    QString amountProblem;
    QString noteProblem;
    core::PaymentLink request;
    const bool amountTyped = !m_ui->receiveAmountEdit->text().trimmed().isEmpty();
    if (amountTyped) {
        if (m_ui->receiveAmountEdit->isAcceptable() && m_ui->receiveAmountEdit->value())
            request.amount = m_ui->receiveAmountEdit->value();
        else
            amountProblem = m_ui->receiveAmountEdit->problem();
        if (!request.amount && amountProblem.isEmpty())
            amountProblem = tr("Enter an amount above zero, or leave the field empty.");
    }
    request.note = note.trimmed();

    QString link;
    if (m_profile && amountProblem.isEmpty()) {
        request.phone = m_profile->phone;
        if (m_profile->displayName.toUcs4().size() <= kNameLimit)
            request.name = m_profile->displayName;
        const QString candidate = core::formatPaymentLink(request);
        // The page checks its own link with the parser the payer's wallet uses: what is shown always opens.
        const auto checked = core::parsePaymentLink(candidate);
        if (checked) {
            link = candidate;
        } else if (isNoteCode(checked.error())) {
            noteProblem =
                checked.error() == QLatin1String("invalid_note")
                    ? tr("Remove line breaks, tabs and other special characters from the note.")
                    : tr("The note can be at most %1 characters long.").arg(core::kMaxPaymentLinkNoteLength);
        } else {
            amountProblem = core::paymentLinkMessage(checked.error());
        }
    } else if (!m_profile && !note.isEmpty()) {
        // Still check the note so the person hears about it while the profile loads.
        core::PaymentLink probe;
        probe.phone = QStringLiteral("+8613800138000");
        probe.note = request.note;
        const auto checked = core::parsePaymentLink(core::formatPaymentLink(probe));
        if (!checked && isNoteCode(checked.error()))
            noteProblem = tr("Remove line breaks, tabs and other special characters from the note.");
    }
    m_ui->receiveAmountMessage->show(amountProblem);
    m_ui->receiveNoteMessage->show(noteProblem);

    const bool hasLink = !link.isEmpty();
    if (hasLink) {
        m_ui->receiveQrView->setText(link);
        m_ui->receiveQrStack->setCurrentWidget(m_ui->qrCodePage);
        if (m_ui->receiveLinkEdit->text() != link) {
            m_ui->receiveLinkEdit->setText(link);
            m_ui->receiveLinkEdit->setCursorPosition(0);
        }
        m_ui->receiveQrAmount->setText(request.amount ? request.amount->format(QLocale()) : tr("Any amount"));
        m_ui->receiveQrName->setText(request.name);
        m_ui->receiveQrNote->setText(request.note);
    } else {
        m_ui->receiveQrView->clear();
        m_ui->receiveQrStack->setCurrentWidget(m_ui->qrPlaceholderPage);
        m_ui->receiveLinkEdit->clear();
        m_ui->receiveQrAmount->clear();
        m_ui->receiveQrName->clear();
        m_ui->receiveQrNote->clear();
        QString placeholder;
        if (m_loading)
            placeholder = tr("Loading your details…");
        else if (!m_profile)
            placeholder = tr("Your QR code appears here once you are signed in.");
        else
            placeholder = tr("Correct the amount or the note to see your QR code.");
        m_ui->receiveQrPlaceholder->setText(placeholder);
    }
    m_ui->receiveQrNote->setVisible(hasLink && !request.note.isEmpty());
    m_ui->receiveQrName->setVisible(hasLink && !request.name.isEmpty());
    m_ui->receiveQrAmount->setVisible(hasLink);
    m_ui->receiveCopyButton->setEnabled(hasLink);
    m_ui->receiveSaveButton->setEnabled(hasLink);
    m_ui->receiveLinkEdit->setEnabled(hasLink);

    if (m_profile) {
        m_ui->receivePayeeName->setText(m_profile->displayName);
        const auto phone = core::PhoneValidator::validate(m_profile->phone);
        m_ui->receivePayeePhone->setText(phone ? phone->masked() : QString());
    } else {
        m_ui->receivePayeeName->setText(QStringLiteral("—"));
        m_ui->receivePayeePhone->clear();
    }

    if (link != m_link) {
        // "Link copied" / "Saved as" spoke of the previous request.
        m_ui->receiveStatusLabel->clear();
        m_link = link;
        Q_EMIT linkChanged(m_link);
    }
}

QImage ReceivePage::requestImage() const
{
    const QImage code = m_ui->receiveQrView->image(kImageModulePx);
    if (m_link.isEmpty() || code.isNull())
        return {};
    const QString amount = m_ui->receiveQrAmount->text();
    const QString name = m_ui->receiveQrName->isVisibleTo(this) ? m_ui->receiveQrName->text() : QString();
    const QString note = m_ui->receiveQrNote->isVisibleTo(this) ? m_ui->receiveQrNote->text() : QString();
    const QString footer = tr("Scan with BankWallet to pay");

    constexpr int margin = 32;
    constexpr int gap = 10;
    const int width = qMax(code.width(), 420) + 2 * margin;
    const int textWidth = width - 2 * margin;
    QFont amountFont = font();
    amountFont.setPixelSize(30);
    amountFont.setBold(true);
    QFont nameFont = font();
    nameFont.setPixelSize(20);
    nameFont.setBold(true);
    QFont noteFont = font();
    noteFont.setPixelSize(16);
    QFont footerFont = font();
    footerFont.setPixelSize(14);

    struct Line
    {
        QString text;
        QFont font;
        QColor color;
        int height = 0;
    };
    QList<Line> lines;
    for (Line line :
         {Line{amount, amountFont, QColor(0x0b, 0x4f, 0x8a)}, Line{name, nameFont, QColor(0x1d, 0x26, 0x30)},
          Line{note, noteFont, QColor(0x4a, 0x55, 0x62)},
          Line{footer, footerFont, QColor(0x7a, 0x86, 0x93)}}) {
        if (line.text.isEmpty())
            continue;
        line.height =
            QFontMetrics(line.font)
                .boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap | Qt::AlignHCenter, line.text)
                .height();
        lines.append(line);
    }
    int height = margin + code.height() + margin / 2;
    for (const Line &line : std::as_const(lines))
        height += line.height + gap;
    height += margin - gap;

    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.drawImage((width - code.width()) / 2, margin, code);
    int y = margin + code.height() + margin / 2;
    for (const Line &line : std::as_const(lines)) {
        painter.setFont(line.font);
        painter.setPen(line.color);
        painter.drawText(QRect(margin, y, textWidth, line.height), Qt::TextWordWrap | Qt::AlignHCenter,
                         line.text);
        y += line.height + gap;
    }
    painter.end();
    return image;
}

bool ReceivePage::saveImage(const QString &path)
{
    const QImage image = requestImage();
    if (image.isNull()) {
        showStatus(tr("There is no QR code to save yet."), true);
        return false;
    }
    if (!image.save(path, "PNG")) {
        showStatus(
            tr("The image could not be saved to %1. Choose another folder.").arg(QFileInfo(path).fileName()),
            true);
        return false;
    }
    showStatus(tr("Saved as %1.").arg(QFileInfo(path).fileName()), false);
    return true;
}

void ReceivePage::copyLink()
{
    if (m_link.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_link);
    showStatus(tr("Link copied. Paste it into a message to the payer."), false);
}

void ReceivePage::chooseImageFile()
{
    if (m_link.isEmpty())
        return;
    // Not the static helper: an open() dialog keeps the event loop ours (no nested exec) and can be found
    // and answered by a test like any window.
    auto *dialog = new QFileDialog(this, tr("Save the payment request as an image"));
    dialog->setObjectName(QStringLiteral("receiveSaveDialog"));
    // Qt's own dialog, like the receipt's: the same on every desktop and reachable through its object name.
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("PNG image (*.png)"));
    dialog->setDefaultSuffix(QStringLiteral("png"));
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    dialog->setDirectory(folder);
    dialog->selectFile(tr("payment-request.png"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { saveImage(path); });
    dialog->open();
}

void ReceivePage::showStatus(const QString &text, bool error)
{
    m_ui->receiveStatusLabel->setStyleSheet(error ? QStringLiteral("color: #b3261e;")
                                                  : QStringLiteral("color: #1b6e3a;"));
    m_ui->receiveStatusLabel->setText(text);
    m_statusTimer->start();
}

void ReceivePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        // The banner's message was translated when it arrived: ask again in the new language.
        if (m_ui->receiveBanner->isVisible())
            reload();
    }
    QWidget::changeEvent(event);
}

void ReceivePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_profile && !m_loading && m_services.context && m_services.context->isSignedIn())
        reload();
}

void ReceivePage::retranslate()
{
    m_ui->receiveStatusLabel->clear();
    updateRequest();
}

} // namespace bw::ui
