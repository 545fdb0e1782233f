# Receipts (dialog and PDF) and desktop notifications (ui/receipts, ui/notifications). Needs pdftotext
# (poppler-utils, installed by tools/deps) to read the PDFs back.
bw_add_test(NAME test_ui_receipts SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_receipts.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_app bw_ui bw_stub LABELS ui)
target_include_directories(test_ui_receipts PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_receipts PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
