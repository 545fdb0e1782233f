#include "ui/history/export_dialog.h"

#include "models/model_labels.h"
#include "services/history_export.h"
#include "services/service_context.h"
#include "ui/widgets/style.h"

#include "ui_export_dialog.h"

#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>

#include <algorithm>
#include <limits>

namespace bw::ui {

ExportDialog::ExportDialog(const ScreenServices &services, const storage::HistoryFilter &filter,
                           storage::HistorySort sort, storage::SortOrder order, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::ExportDialog>())
    , m_services(services)
    , m_filter(filter)
    , m_sort(sort)
    , m_order(order)
{
    setObjectName(QStringLiteral("exportDialog"));
    m_ui->setupUi(this);
    m_ui->exportPathEdit->setText(QDir::toNativeSeparators(defaultPath()));
    m_ui->exportProgressBar->hide();
    m_ui->exportProgressLabel->hide();
    m_ui->exportResultLabel->hide();
    m_ui->exportCancelButton->hide();
    style::muted(m_ui->exportIntroLabel);
    setStyleSheet(style::primaryButtonRules({"exportButton"}));

    m_exporter = new services::HistoryExporter(*m_services.context, this);
    // Locking or signing out stops the export (nothing more is written; the unfinished file is
    // discarded) and closes the dialog, which must not stay over the lock screen.
    auto stopAndClose = [this] {
        m_exporter->cancel();
        QDialog::reject();
    };
    connect(m_services.context, &services::ServiceContext::locked, this, stopAndClose);
    connect(m_services.context, &services::ServiceContext::signedOut, this, stopAndClose);
    connect(m_exporter, &services::HistoryExporter::progress, this, [this](qint64 done, qint64 total) {
        const QLocale locale;
        // QProgressBar counts in int; a history never nears 2^31 rows, but stay exact in the label anyway.
        const int max = int(std::min<qint64>(std::max<qint64>(total, 1), std::numeric_limits<int>::max()));
        m_ui->exportProgressBar->setRange(0, max);
        m_ui->exportProgressBar->setValue(int(std::min<qint64>(done, max)));
        //: Export progress: rows written of all rows, e.g. "12,000 of 1,000,000"
        m_ui->exportProgressLabel->setText(tr("%1 of %2").arg(locale.toString(done), locale.toString(total)));
    });
    connect(m_exporter, &services::HistoryExporter::finished, this,
            [this](const services::ServiceResult<qint64> &result) {
                setBusy(false);
                m_ui->exportResultLabel->show();
                if (result.ok()) {
                    style::success(m_ui->exportResultLabel);
                    // No "%n transaction(s)": English plurals are not translated, so each form is spelled
                    // out.
                    const qint64 count = result.value();
                    const QString file = QDir::toNativeSeparators(m_ui->exportPathEdit->text().trimmed());
                    m_ui->exportResultLabel->setText(
                        count == 1
                            ? tr("Exported 1 transaction to %1.").arg(file)
                            : tr("Exported %1 transactions to %2.").arg(QLocale().toString(count), file));
                    m_ui->exportCloseButton->setFocus();
                } else if (result.error().code == QLatin1String("export_cancelled")) {
                    style::warning(m_ui->exportResultLabel);
                    m_ui->exportResultLabel->setText(result.error().userMessage());
                    m_ui->exportProgressBar->hide();
                    m_ui->exportProgressLabel->hide();
                } else {
                    style::errorBanner(m_ui->exportResultLabel);
                    m_ui->exportResultLabel->setText(result.error().userMessage());
                    m_ui->exportProgressBar->hide();
                    m_ui->exportProgressLabel->hide();
                }
            });

    connect(m_ui->exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_ui->exportCancelButton, &QPushButton::clicked, m_exporter, &services::HistoryExporter::cancel);
    connect(m_ui->exportCloseButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_ui->exportBrowseButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_ui->exportPathEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ui->exportButton->setEnabled(!text.trimmed().isEmpty() && !isExporting());
    });
    m_ui->exportPathEdit->setFocus();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::defaultPath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QDir(folder).filePath(
        QStringLiteral("bankwallet-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
}

bool ExportDialog::isExporting() const
{
    return m_exporter && m_exporter->isRunning();
}

void ExportDialog::startExport()
{
    if (isExporting())
        return;
    const QString path = QDir::fromNativeSeparators(m_ui->exportPathEdit->text().trimmed());
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(absolute).isDir()) {
        style::errorBanner(m_ui->exportResultLabel);
        m_ui->exportResultLabel->setText(
            tr("%1 is a folder. Add a file name, such as history.csv, and export again.")
                .arg(QDir::toNativeSeparators(absolute)));
        m_ui->exportResultLabel->show();
        return;
    }
    // Replacing a file the person did not pick in the file chooser (which asks itself) needs a second
    // press of Export: no silent loss of an older export.
    if (QFileInfo::exists(absolute) && m_confirmedOverwrite != absolute) {
        m_confirmedOverwrite = absolute;
        style::warning(m_ui->exportResultLabel);
        m_ui->exportResultLabel->setText(
            tr("%1 already exists. Press Export again to replace it, or choose another name.")
                .arg(QDir::toNativeSeparators(absolute)));
        m_ui->exportResultLabel->show();
        return;
    }

    services::HistoryExportOptions options;
    options.byteOrderMark = m_ui->exportBomCheck->isChecked();
    options.locale = QLocale();
    options.labels = {&models::ModelLabels::kindName, &models::ModelLabels::statusName,
                      &models::ModelLabels::categoryName};
    if (!m_exporter->start(absolute, m_filter, m_sort, m_order, options))
        return;
    m_confirmedOverwrite.clear();
    m_ui->exportResultLabel->hide();
    m_ui->exportProgressBar->setRange(0, 0); // busy until the rows are counted
    m_ui->exportProgressBar->show();
    m_ui->exportProgressLabel->setText(tr("Counting the transactions…"));
    m_ui->exportProgressLabel->show();
    setBusy(true);
}

void ExportDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Export history to CSV"));
    dialog->setObjectName(QStringLiteral("exportSaveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Qt's own dialog: the same on every desktop, and reachable by tests through its object name.
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    const QFileInfo current(QDir::fromNativeSeparators(m_ui->exportPathEdit->text().trimmed()));
    dialog->setDirectory(current.absolutePath());
    dialog->selectFile(current.fileName());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        // The chooser has already asked whether to replace an existing file.
        m_confirmedOverwrite = QFileInfo(file).absoluteFilePath();
        m_ui->exportPathEdit->setText(QDir::toNativeSeparators(file));
        m_ui->exportButton->setFocus();
    });
    dialog->open();
}

void ExportDialog::setBusy(bool busy)
{
    m_ui->exportPathEdit->setEnabled(!busy);
    m_ui->exportBrowseButton->setEnabled(!busy);
    m_ui->exportBomCheck->setEnabled(!busy);
    m_ui->exportButton->setEnabled(!busy && !m_ui->exportPathEdit->text().trimmed().isEmpty());
    m_ui->exportCancelButton->setVisible(busy);
    m_ui->exportCloseButton->setVisible(!busy);
    if (busy)
        m_ui->exportCancelButton->setFocus();
}

void ExportDialog::reject()
{
    // Esc while exporting stops the export (the dialog stays to say so); otherwise it closes.
    if (isExporting()) {
        m_exporter->cancel();
        return;
    }
    QDialog::reject();
}

void ExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ExportDialog::retranslate()
{
    // The result and progress texts come back in the new language with the next export.
    m_ui->retranslateUi(this);
}

} // namespace bw::ui
