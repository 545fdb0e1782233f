# The onboarding wizard driven as a new customer would, against the real embedded stub (demo mode).
bw_add_test(NAME test_ui_onboarding
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_onboarding.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_app bw_ui bw_stub bw_crypto LABELS ui)
target_include_directories(test_ui_onboarding PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_onboarding PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
