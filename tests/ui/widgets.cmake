# Reusable widgets (ui/widgets): no stub, no services — the widgets on their own.
bw_add_test(NAME test_ui_widgets SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ui_widgets.cpp ${CMAKE_CURRENT_LIST_DIR}/widget_driver.h
  LIBS bw_ui LABELS ui)
set_tests_properties(test_ui_widgets PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
# The QR test compares with libqrencode's own answer.
target_link_libraries(test_ui_widgets PRIVATE PkgConfig::QRENCODE)
