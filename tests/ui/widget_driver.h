// API-READY
// Driving real widgets from a UI test as a person would: find a widget by object name, type into a line
// edit or a PIN entry, click a button, find the dialog that opened, and ask what a person sees of an inline
// message. Needs only QtWidgets and QtTest (no services, no stub), so widget-only tests include this header
// alone; the services fixture (widget_test_support.h) includes it for the others.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

namespace bw::ui::test {

// The descendant of `root` with that object name and type, or nullptr (a test then fails with a clear
// message through QVERIFY2(w, ...)).
template<typename T = QWidget>
T *find(QObject *root, const QString &objectName)
{
    return root ? root->findChild<T *>(objectName) : nullptr;
}

// The top-level widget of type T (dialogs, wizards) that is visible, or nullptr.
template<typename T>
T *visibleTopLevel()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *typed = qobject_cast<T *>(w); typed && typed->isVisible())
            return typed;
    }
    return nullptr;
}

// Replaces the text as a person would: focus, select all, type (so validators and textEdited run).
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

inline void click(QAbstractButton *button)
{
    QTest::mouseClick(button, Qt::LeftButton);
}

// Types `digits` into a PinEntry one box at a time (pinBox0, pinBox1, ...), each box focused first, as a
// person clicking into the boxes would; the entry's own focus moves are tested in test_ui_widgets.
inline void typePin(QWidget *pinEntry, const QString &digits)
{
    QVERIFY2(pinEntry, "no PIN entry");
    for (int i = 0; i < digits.size(); ++i) {
        auto *box = find<QLineEdit>(pinEntry, QStringLiteral("pinBox%1").arg(i));
        QVERIFY2(box, qPrintable(QStringLiteral("no pinBox%1").arg(i)));
        box->setFocus();
        QTest::keyClick(box, digits.at(i).toLatin1());
    }
}

// An inline message (a FieldMessage or any label set by code) that a person can see, with some text.
inline bool showsMessage(const QLabel *label)
{
    return label && label->isVisible() && !label->text().isEmpty();
}

inline bool showsMessage(QObject *root, const QString &labelName)
{
    return showsMessage(find<QLabel>(root, labelName));
}

} // namespace bw::ui::test
