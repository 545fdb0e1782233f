# CSV export of the history (HistoryExporter) on a real wallet database (real keychain via
# tools/with-keyring):
#  test_services_export  (stub) a filtered set of a few thousand known rows exported in three orders, with
#                        and without byte-order mark, parses back (strict RFC 4180) to exactly those rows and
#                        values; cancel leaves no file and an older file untouched; an unwritable path and a
#                        write failing midway give translated errors and no file; the GUI thread keeps turning
#                        during a 200,000-row export (progress arrives many times).
bw_add_test(NAME test_services_export
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_services_export.cpp ${CMAKE_CURRENT_LIST_DIR}/services_test_support.h
  LIBS bw_services bw_models bw_stub
  LABELS stub)
set_tests_properties(test_services_export PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
