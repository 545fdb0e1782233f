// API-READY
// ExportDialog: "Export to CSV" for the History page. Exports exactly the rows of the filter and order the
// page shows (services::HistoryExporter on the database worker): a file field with Choose… (default
// <Documents>/bankwallet-history-<yyyy-MM-dd>.csv), "Add a byte-order mark for spreadsheet programs",
// Export, then a progress bar with "n of N" and Cancel, then the result ("Exported 12,345 transactions" or
// the error and what to do). Enter exports, Esc cancels a running export or closes the dialog.
//
//   auto *dialog = new ExportDialog(services, model->filter(), model->sort(), model->order(), this);
//   dialog->setAttribute(Qt::WA_DeleteOnClose);
//   dialog->open();
//
// Object names for tests: exportPathEdit, exportBrowseButton, exportBomCheck, exportButton,
// exportCancelButton, exportCloseButton, exportProgressBar, exportProgressLabel, exportResultLabel,
// exportSaveDialog (the file chooser).
#pragma once

#include "storage/history_store.h"
#include "ui/screen_services.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ExportDialog;
}
namespace bw::services {
class HistoryExporter;
}

namespace bw::ui {

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const ScreenServices &services, const storage::HistoryFilter &filter,
                 storage::HistorySort sort, storage::SortOrder order, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // <Documents>/bankwallet-history-<today>.csv (home folder when there is no Documents folder).
    static QString defaultPath();
    bool isExporting() const;

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void startExport();
    void chooseFile();
    void setBusy(bool busy);
    void retranslate();

    std::unique_ptr<::Ui::ExportDialog> m_ui;
    ScreenServices m_services;
    storage::HistoryFilter m_filter;
    storage::HistorySort m_sort;
    storage::SortOrder m_order;
    services::HistoryExporter *m_exporter = nullptr;
    QString m_confirmedOverwrite; // the existing file the person agreed to replace
};

} // namespace bw::ui
