// StorageError and Result<T>: how every bw::storage function reports failure — a stable code (for logic
// and tests), a technical detail for the log (never personal data or secrets) and a translated message for
// people. No exceptions leave bw::storage.
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace bw::storage {

enum class StorageErrorCode {
    CannotOpen,    // the file or its folder cannot be opened or created (permissions, missing folder)
    DiskFull,      // SQLite reported SQLITE_FULL: the disk (or quota) is full
    Corrupt,       // SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged or is not a database
    NewerVersion,  // the file was written by a newer BankWallet (schema version above this build's)
    DataKeyWrong,  // the data key does not match the one the database was sealed with
    Undecryptable, // a sealed value failed to open (tampered, moved to another row/column, wrong key)
    InvalidKey,    // the data key given is not 32 bytes
    Busy,          // another process holds the database lock beyond the busy timeout
    ReadOnly,      // the file or the file system is read-only
    NotOpen,       // used before open() succeeded, or after close()
    WrongThread,   // used from a thread other than the one that opened it (a programming error)
    NotFound,      // the row asked for does not exist
    InvalidData,   // a value read from the database or given by the caller is out of range
    SqlError,      // any other SQLite/Qt SQL failure
    Cancelled,     // the job was not run (the DatabaseWorker was shut down)
};

struct StorageError
{
    StorageErrorCode code = StorageErrorCode::SqlError;
    // Technical detail for logs (SQLite's message, the statement's purpose). Never personal data.
    QString detail;

    // Stable untranslated name, e.g. "storage.disk_full". Safe to log and compare in tests.
    QString codeName() const;
    // Translated text for people.
    QString userMessage() const;
};

QString errorCodeName(StorageErrorCode code);
QString errorMessage(StorageErrorCode code);

// Either a value or a StorageError.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(StorageError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Only meaningful when !ok().
    const StorageError &error() const { return m_error; }

    const T &value() const &
    {
        check();
        return *m_value;
    }
    T &value() &
    {
        check();
        return *m_value;
    }
    T &&value() &&
    {
        check();
        return std::move(*m_value);
    }
    const T *operator->() const
    {
        check();
        return &*m_value;
    }
    const T &operator*() const &
    {
        check();
        return *m_value;
    }

private:
    void check() const
    {
        if (!m_value)
            qFatal("bw::storage::Result::value() called on an error result (%s)",
                   qPrintable(m_error.codeName()));
    }

    std::optional<T> m_value;
    StorageError m_error;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(StorageError error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    StorageError error() const { return m_error.value_or(StorageError{}); }

private:
    std::optional<StorageError> m_error;
};

using Status = Result<void>;

} // namespace bw::storage
