# The payment dialog (ui/payments) against the embedded stub: pay, OTP, cross-border, decline, limits,
# frozen PIN, exactly-once after dropped answers, payment links.
bw_add_test(NAME test_ui_pay SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_pay.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_app bw_ui bw_stub LABELS ui)
target_include_directories(test_ui_pay PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_pay PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
