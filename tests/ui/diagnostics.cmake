# test_ui_diagnostics: the rotating log, --log / --verbose, and Help → Copy diagnostics after a session with
# known secrets (none may reach the clipboard text or the log files).
bw_add_test(NAME test_ui_diagnostics
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_diagnostics.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h
  LIBS bw_app bw_ui bw_stub bw_config LABELS ui)
target_include_directories(test_ui_diagnostics PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_diagnostics PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
