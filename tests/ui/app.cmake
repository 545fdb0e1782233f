# test_ui_app: the app through AppController (start, onboarding, sign-in, lock, auto-lock, sign-out,
# status bar, language switch); run a second time on a D-Bus session without a Secret Service for the
# designed keychain-unavailable state.
bw_add_test(NAME test_ui_app
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_app.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h
  LIBS bw_app bw_ui bw_stub bw_config Qt6::DBus LABELS ui)
target_include_directories(test_ui_app PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_app PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)

add_test(NAME test_ui_app_no_keychain
  COMMAND dbus-run-session --config-file=${PROJECT_SOURCE_DIR}/tests/unit/keychain/no-secret-service-bus.conf --
          $<TARGET_FILE:test_ui_app>)
set_tests_properties(test_ui_app_no_keychain PROPERTIES LABELS ui
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;BW_UI_TEST_MODE=no-secret-service" TIMEOUT 120)
