// OneTimeCode — what every screen asking for a 6-digit code (SMS or authenticator app) or showing a new
// authenticator key does the same way: the code edit takes digits only, the key is shown in groups of
// four in a fixed-width font, as authenticator apps show keys.
#pragma once

#include <QString>

class QLabel;
class QLineEdit;

namespace bw::ui {

class OneTimeCode
{
public:
    static constexpr int kDigits = 6;

    // Up to six digits, nothing else.
    static void setupEdit(QLineEdit *edit);
    // "ABCDEFGHIJ" → "ABCD EFGH IJ". The caller wipes both the key and the result when done.
    static QString groupedKey(const QString &key);
    // The key label in a larger fixed-width font, its title in bold.
    static void styleKey(QLabel *keyLabel, QLabel *titleLabel);
};

} // namespace bw::ui
