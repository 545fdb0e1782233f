# Tests of the history sync (HistoryService) with the models that follow it (real stub, real keychain via
# tools/with-keyring, real files).
#  test_services_history  (stub) 10,000 feed entries synced with progress, cancelled and destroyed midway,
#                         resumed from the stored cursor (local = feed, no duplicates, no gaps) while a
#                         HistoryModel follows; a held transfer approved → its one row updated; directory
#                         models (banks, merchants, payment methods) loaded from the gateway.
bw_add_test(NAME test_services_history
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_services_history.cpp ${CMAKE_CURRENT_LIST_DIR}/services_test_support.h
  LIBS bw_services bw_models bw_stub
  LABELS stub)
set_tests_properties(test_services_history PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
