// API-READY
// Demo docks (`bankwallet --demo` only): two dock widgets on the right of the main window for a presenter
// — the "Simulated phone" (the SMS and e-mail messages the demo bank sends, each code in large type) and
// "Staff actions" (in-branch tier upgrade, simulated incoming transfer, held-payment review, demo reset).
// Both over services.demo; nothing is added when services.demo is null.
#pragma once

#include "ui/screen_services.h"

QT_BEGIN_NAMESPACE
class QMainWindow;
QT_END_NAMESPACE

namespace bw::ui {

// Adds the docks ("simulatedPhoneDock", "staffActionsDock", tabified on the right) and their show/hide
// actions: to the window's "menuView" menu when it has one, else to a "Demo" menu ("menuDemo") it adds to
// the window's menu bar.
void addDemoDocks(QMainWindow *window, const ScreenServices &services);

} // namespace bw::ui
