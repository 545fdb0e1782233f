#include "ui/widgets/qr_code_view.h"

#include <QEvent>
#include <QPainter>

#include <qrencode.h>

namespace bw::ui {

QrCodeView::QrCodeView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    retranslate();
}

QrCodeView::~QrCodeView()
{
    clear();
}

void QrCodeView::setText(const QString &text)
{
    clear();
    if (text.isEmpty()) {
        return;
    }
    QByteArray utf8 = text.toUtf8();
    // Level M, 8-bit mode (case sensitive): what authenticator apps and payment apps read.
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    utf8.fill('\0'); // the text may be a TOTP secret URI
    if (!code) {
        return;
    }
    m_width = code->width;
    m_modules.resize(qsizetype(m_width) * m_width);
    for (int i = 0; i < m_width * m_width; ++i) {
        m_modules[i] = (code->data[i] & 0x01) != 0;
    }
    // libqrencode's buffer holds the same information as the modules: wipe it before freeing.
    std::fill_n(code->data, m_width * m_width, static_cast<unsigned char>(0));
    QRcode_free(code);
    updateGeometry();
    update();
}

void QrCodeView::clear()
{
    m_modules.fill(false);
    m_modules.clear();
    m_modules.squeeze();
    m_width = 0;
    update();
}

QImage QrCodeView::image(int modulePx) const
{
    if (m_width == 0 || modulePx <= 0) {
        return {};
    }
    const int side = (m_width + 2 * kQuietZoneModules) * modulePx;
    QImage img(side, side, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter painter(&img);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (m_modules[y * m_width + x]) {
                painter.drawRect((x + kQuietZoneModules) * modulePx, (y + kQuietZoneModules) * modulePx,
                                 modulePx, modulePx);
            }
        }
    }
    return img;
}

QSize QrCodeView::sizeHint() const
{
    return {220, 220};
}

QSize QrCodeView::minimumSizeHint() const
{
    const int modules = (m_width > 0 ? m_width : 21) + 2 * kQuietZoneModules;
    return {modules * 2, modules * 2};
}

void QrCodeView::paintEvent(QPaintEvent *)
{
    if (m_width == 0) {
        return;
    }
    const int modules = m_width + 2 * kQuietZoneModules;
    // Whole device pixels per module keep every edge sharp for a camera; centred in the widget.
    const qreal dpr = devicePixelRatioF();
    const int available = int(qMin(width(), height()) * dpr);
    const int modulePx = qMax(1, available / modules);
    const QImage img = image(modulePx);
    QPainter painter(this);
    const QSizeF logical = QSizeF(img.size()) / dpr;
    const QPointF origin((width() - logical.width()) / 2.0, (height() - logical.height()) / 2.0);
    painter.drawImage(QRectF(origin, logical), img);
}

void QrCodeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void QrCodeView::retranslate()
{
    setAccessibleName(tr("QR code"));
}

} // namespace bw::ui
