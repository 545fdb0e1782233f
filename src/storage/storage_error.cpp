#include "storage/storage_error.h"

#include <QCoreApplication>

namespace bw::storage {

namespace {

struct ErrorText
{
    const char *name;    // stable, untranslated
    const char *message; // translation source text, context "StorageError"
};

// A switch rather than a table, so -Wswitch reports a code without an entry.
ErrorText errorText(StorageErrorCode code)
{
    switch (code) {
    case StorageErrorCode::CannotOpen:
        return {"storage.cannot_open",
                QT_TRANSLATE_NOOP("StorageError",
                                  "The wallet's local data file cannot be opened. Check that the data folder "
                                  "exists and that you may write to it.")};
    case StorageErrorCode::DiskFull:
        return {"storage.disk_full",
                QT_TRANSLATE_NOOP("StorageError",
                                  "The disk is full. Free some space, then try again; nothing was lost.")};
    case StorageErrorCode::Corrupt:
        return {"storage.corrupt",
                QT_TRANSLATE_NOOP("StorageError",
                                  "The wallet's local data file is damaged. Your money is safe at the bank; "
                                  "contact support to restore the local data.")};
    case StorageErrorCode::NewerVersion:
        return {"storage.newer_version",
                QT_TRANSLATE_NOOP("StorageError",
                                  "The wallet's local data was written by a newer version of BankWallet. "
                                  "Install the newer version to open it; the data was not changed.")};
    case StorageErrorCode::DataKeyWrong:
        return {
            "storage.data_key_wrong",
            QT_TRANSLATE_NOOP("StorageError",
                              "The key in your keychain does not match this wallet's local data. The data "
                              "was not changed.")};
    case StorageErrorCode::Undecryptable:
        return {"storage.undecryptable",
                QT_TRANSLATE_NOOP("StorageError",
                                  "Some protected local data cannot be decrypted. It may have been changed "
                                  "outside BankWallet.")};
    case StorageErrorCode::InvalidKey:
        return {"storage.invalid_key", QT_TRANSLATE_NOOP("StorageError", "The local data key is invalid.")};
    case StorageErrorCode::Busy:
        return {"storage.busy",
                QT_TRANSLATE_NOOP("StorageError",
                                  "The wallet's local data is in use by another program. Close other copies "
                                  "of BankWallet and try again.")};
    case StorageErrorCode::ReadOnly:
        return {"storage.read_only",
                QT_TRANSLATE_NOOP("StorageError",
                                  "The wallet's local data file is read-only. Check the permissions of the "
                                  "data folder.")};
    case StorageErrorCode::NotOpen:
        return {"storage.not_open",
                QT_TRANSLATE_NOOP("StorageError", "The wallet's local data is not open.")};
    case StorageErrorCode::WrongThread:
        return {"storage.wrong_thread",
                QT_TRANSLATE_NOOP("StorageError", "An internal error occurred while reading local data.")};
    case StorageErrorCode::NotFound:
        return {"storage.not_found",
                QT_TRANSLATE_NOOP("StorageError", "The record was not found in the local data.")};
    case StorageErrorCode::InvalidData:
        return {"storage.invalid_data",
                QT_TRANSLATE_NOOP("StorageError", "The local data contains an invalid value.")};
    case StorageErrorCode::SqlError:
        return {"storage.sql_error",
                QT_TRANSLATE_NOOP("StorageError",
                                  "The wallet's local data could not be read or saved. Try again; if this "
                                  "persists, contact support.")};
    case StorageErrorCode::Cancelled:
        return {"storage.cancelled",
                QT_TRANSLATE_NOOP("StorageError", "The operation was cancelled because the app is closing.")};
    }
    return {"storage.sql_error",
            QT_TRANSLATE_NOOP("StorageError", "The wallet's local data could not be read or "
                                              "saved. Try again; if this persists, contact "
                                              "support.")};
}

} // namespace

QString errorCodeName(StorageErrorCode code)
{
    return QString::fromLatin1(errorText(code).name);
}

QString errorMessage(StorageErrorCode code)
{
    return QCoreApplication::translate("StorageError", errorText(code).message);
}

QString StorageError::codeName() const
{
    return errorCodeName(code);
}

QString StorageError::userMessage() const
{
    return errorMessage(code);
}

} // namespace bw::storage
