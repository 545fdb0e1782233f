# Tests of the onboarding, session, settings and payment-method services (real stub, real keychain via
# tools/with-keyring, real files).
#  test_services_onboarding            (stub) enrollment end to end through OnboardingService; resume.
#  test_services_session               (stub) sign-in, attempts left, lockout, lock/unlock, idle, sign-out,
#                                      forgot password.
#  test_services_methods_settings      (stub) PaymentMethodService with the local cache; SettingsService.
#  test_services_keychain_unavailable  (stub) its own D-Bus session with no Secret Service: typed keychain
#                                      errors and no file holding a secret.
foreach(session_test IN ITEMS test_services_onboarding test_services_session test_services_methods_settings)
  bw_add_test(NAME ${session_test}
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/${session_test}.cpp ${CMAKE_CURRENT_LIST_DIR}/services_test_support.h
    LIBS bw_services bw_stub
    LABELS stub)
  set_tests_properties(${session_test} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
endforeach()

# Its own dbus-run-session on a bus where no Secret Service can start (the keychain unit tests' bus config).
bw_add_test(NAME test_services_keychain_unavailable
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_services_keychain_unavailable.cpp ${CMAKE_CURRENT_LIST_DIR}/services_test_support.h
  LIBS bw_services bw_stub
  LABELS stub
  COMMAND_PREFIX dbus-run-session --config-file=${PROJECT_SOURCE_DIR}/tests/unit/keychain/no-secret-service-bus.conf --)
set_tests_properties(test_services_keychain_unavailable PROPERTIES
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;BW_SERVICES_TEST_MODE=no-secret-service" TIMEOUT 120)
