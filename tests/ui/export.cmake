# CSV export of the history (ui/history/export_dialog): on a known data set, the dialog on a filtered view
# writes exactly the filtered rows in the view's order (parsed back), with or without the byte-order mark;
# overwrite needs a second Export; Cancel and Esc stop a long export and leave no file.
bw_add_test(NAME test_ui_export SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_export.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_app bw_ui bw_stub LABELS ui)
target_include_directories(test_ui_export PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_export PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
