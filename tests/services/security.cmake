# Tests of SecurityService (real stub with a ManualClock, real keychain via tools/with-keyring, real files).
#  test_services_security  (stub) password change, PIN change (SMS and TOTP codes; unfreezes payments
#                          after five wrong PINs), the authenticator on and off, devices listed and revoked.
bw_add_test(NAME test_services_security
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_services_security.cpp ${CMAKE_CURRENT_LIST_DIR}/payments_test_support.h
          ${CMAKE_CURRENT_LIST_DIR}/services_test_support.h
  LIBS bw_services bw_stub
  LABELS stub)
set_tests_properties(test_services_security PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
