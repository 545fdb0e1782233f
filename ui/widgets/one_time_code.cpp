#include "ui/widgets/one_time_code.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace bw::ui {

void OneTimeCode::setupEdit(QLineEdit *edit)
{
    edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), edit));
}

QString OneTimeCode::groupedKey(const QString &key)
{
    QString grouped;
    grouped.reserve(key.size() + key.size() / 4);
    for (qsizetype i = 0; i < key.size(); i += 4) {
        if (i)
            grouped += QLatin1Char(' ');
        grouped += key.mid(i, 4);
    }
    return grouped;
}

void OneTimeCode::styleKey(QLabel *keyLabel, QLabel *titleLabel)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(keyLabel->font().pointSizeF() * 1.2);
    keyLabel->setFont(mono);
    QFont bold = titleLabel->font();
    bold.setBold(true);
    titleLabel->setFont(bold);
}

} // namespace bw::ui
