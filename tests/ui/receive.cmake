# Receive by QR (ui/receive): the payment link of the signed-in wallet, copy, save as PNG, clearing on lock,
# and the round trip into the Pay dialog of another wallet on the same stub.
bw_add_test(NAME test_ui_receive SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_receive.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_test_support.h ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_app bw_ui bw_stub LABELS ui)
target_include_directories(test_ui_receive PRIVATE ${PROJECT_SOURCE_DIR}/tests)
set_tests_properties(test_ui_receive PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
