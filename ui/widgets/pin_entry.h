// API-READY
// PinEntry — the six-digit payment PIN input: six masked one-digit boxes that move focus as you type.
// Pasting (shortcut, context menu, drag and drop) is refused: a PIN is typed, never pasted.
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QLineEdit;

namespace bw::ui {

class PinEntry : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kLength = 6;

    explicit PinEntry(QWidget *parent = nullptr);
    ~PinEntry() override;

    // The six digits once every box is filled, otherwise empty.
    QString pin() const;
    bool isComplete() const;
    // Wipes every box and puts the caret back into the first (when the widget has focus).
    void clear();
    // A red border around every box (a wrong or refused PIN); typing again does not reset it.
    void setError(bool error);
    bool hasError() const;
    // The accessible name of the boxes ("Payment PIN digit 1 of 6" by default is built from it).
    void setAccessibleLabel(const QString &label);

Q_SIGNALS:
    // Any digit typed or removed.
    void changed();
    // The sixth digit was typed (once per completion; again only after a box was emptied).
    void completed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onTextEdited(int index, const QString &text);
    void retranslate();
    void applyStyle();

    QList<QLineEdit *> m_boxes; // objectNames "pinBox0".."pinBox5"
    QString m_label;
    bool m_error = false;
    bool m_completedSent = false;
};

} // namespace bw::ui
