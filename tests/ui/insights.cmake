# Insights (ui/insights): spending by category and by month and the totals per currency equal the sums of a
# known data set in the signed-in wallet's local history, for every period, in English and Chinese.
bw_add_test(NAME test_ui_insights SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_insights.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_app bw_ui bw_stub LABELS ui)
target_include_directories(test_ui_insights PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_insights PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
