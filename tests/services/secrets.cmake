#  test_services_secrets_scan  (stub) a whole session with known secrets, then the data folder's files
#                              and the captured log output searched for each of them in several encodings.
bw_add_test(NAME test_services_secrets_scan
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_services_secrets_scan.cpp ${CMAKE_CURRENT_LIST_DIR}/payments_test_support.h
           ${CMAKE_CURRENT_LIST_DIR}/services_test_support.h
  LIBS bw_services bw_stub
  LABELS stub)
set_tests_properties(test_services_secrets_scan PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
