# Helpers that give every BankWallet target the same compiler settings.

# Project code builds warning-free with these; third-party headers come in as system includes.
function(bw_project_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
endfunction()

# bw_add_test(NAME test_x SOURCES a.cpp LIBS bw_core [LABELS unit] [COMMAND_PREFIX ...])
# One QTest executable per area, registered with ctest under a label.
function(bw_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS;COMMAND_PREFIX" ${ARGN})
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  bw_project_target(${T_NAME})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  add_test(NAME ${T_NAME} COMMAND ${T_COMMAND_PREFIX} $<TARGET_FILE:${T_NAME}>)
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}")
endfunction()
