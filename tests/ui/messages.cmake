# The payment part of the contract: every error code has a sentence in English and in Chinese.
bw_add_test(NAME test_ui_payment_messages SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_payment_messages.cpp
  LIBS bw_ui LABELS ui)
target_compile_definitions(test_ui_payment_messages PRIVATE
  BW_OPENAPI_PATH="${PROJECT_SOURCE_DIR}/docs/gateway-openapi.yaml")
set_tests_properties(test_ui_payment_messages PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
