bw_add_test(NAME test_app_shell SOURCES test_app_shell.cpp LIBS bw_app bw_ui bw_config LABELS ui)
target_compile_definitions(test_app_shell PRIVATE BW_APP_EXECUTABLE="$<TARGET_FILE:bankwallet>")
add_dependencies(test_app_shell bankwallet)
