# test_ui_instance: one process per data folder. The test process owns a folder (SingleInstance + the real
# AppController) and starts the REAL bankwallet on it with a payment link: the second process hands the link
# over and exits without touching the folder; the running window comes to the front with the Pay dialog.
bw_add_test(NAME test_ui_instance
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_instance.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h
  LIBS bw_app bw_ui bw_stub bw_config LABELS ui)
target_include_directories(test_ui_instance PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(test_ui_instance PRIVATE BW_APP_EXECUTABLE="$<TARGET_FILE:bankwallet>")
add_dependencies(test_ui_instance bankwallet)
set_tests_properties(test_ui_instance PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
