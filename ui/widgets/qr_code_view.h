// API-READY
// QrCodeView — shows a text (a TOTP otpauth:// URI, a payment request) as a crisp QR code (libqrencode,
// level M) with a quiet zone, black on white, scaled by whole pixels per module.
#pragma once

#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

namespace bw::ui {

class QrCodeView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kQuietZoneModules = 4;

    explicit QrCodeView(QWidget *parent = nullptr);
    ~QrCodeView() override;

    // Encodes the text; an empty text (or one too long to encode) shows nothing.
    void setText(const QString &text);
    // Drops the text and the code (a TOTP secret must not linger in memory).
    void clear();
    bool isEmpty() const { return m_modules.isEmpty(); }
    // Modules per side (21 for version 1, 4·version+17), 0 when empty; without the quiet zone.
    int moduleCount() const { return m_width; }
    // The code with its quiet zone, modulePx pixels per module; a null image when empty.
    QImage image(int modulePx) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QVector<bool> m_modules; // row-major, m_width × m_width, true = dark
    int m_width = 0;
};

} // namespace bw::ui
