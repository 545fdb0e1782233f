# The Payment methods page and its add dialog (ui/methods).
bw_add_test(NAME test_ui_methods SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_methods.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_app bw_ui bw_stub LABELS ui)
target_include_directories(test_ui_methods PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_methods PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
