# Tests of PaymentService (real stub with a ManualClock, real keychain via tools/with-keyring, real files).
#  test_services_payments  (stub) every kind of money movement: PIN only, TOTP, SMS code, wrong PIN,
#                          declined card, top-up, transfer, withdrawal; local records and history.
#  test_services_recovery  (stub) the service (and its client) destroyed mid-payment; a fresh one on the
#                          same files reconciles: the payment exactly once, or abandoned after expiry.
#  test_services_faults    (stub) 300+ payments through the stub's real fault flags (latency beyond the
#                          client's timeout, fail rate, drop after commit): attempted = at stub = local.
foreach(payments_test IN ITEMS test_services_payments test_services_recovery test_services_faults)
  bw_add_test(NAME ${payments_test}
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/${payments_test}.cpp ${CMAKE_CURRENT_LIST_DIR}/payments_test_support.h
            ${CMAKE_CURRENT_LIST_DIR}/services_test_support.h
    LIBS bw_services bw_stub
    LABELS stub)
  set_tests_properties(${payments_test} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
endforeach()
