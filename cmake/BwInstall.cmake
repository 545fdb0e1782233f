# Install rules: where `cmake --install` (and so the Debian package of cmake/BwPackage.cmake) puts
# BankWallet, in the freedesktop layout under GNUInstallDirs. Every installed file that names the app
# uses BW_APP_ID: the desktop file and the AppStream metainfo are configured from the templates in
# resources/desktop, and the icons are installed under that name.
#
# Also: the app's window icon as the Qt resource :/icons/bankwallet.svg (linked into bankwallet), and
# the target bw_render_icons, which re-renders the committed hicolor PNGs from the SVG (rsvg-convert).
# The translations need no rule here: their .qm files are compiled into bw_ui (translations/).
include(GNUInstallDirs)

set(BW_DESKTOP_SOURCE_DIR ${PROJECT_SOURCE_DIR}/resources/desktop)
set(BW_DESKTOP_BINARY_DIR ${PROJECT_BINARY_DIR}/desktop)
set(BW_ICON_SVG ${BW_DESKTOP_SOURCE_DIR}/icons/hicolor/scalable/apps/bankwallet.svg)
# The PNG sizes (hicolor/<n>x<n>/apps/bankwallet.png), all committed.
set(BW_ICON_SIZES 16 22 24 32 48 64 128 256 512)
set(BW_MAN_PAGES bankwallet.1 bankwallet-gateway.1)

configure_file(${BW_DESKTOP_SOURCE_DIR}/bankwallet.desktop.in ${BW_DESKTOP_BINARY_DIR}/${BW_APP_ID}.desktop
               @ONLY)
configure_file(${BW_DESKTOP_SOURCE_DIR}/bankwallet.metainfo.xml.in
               ${BW_DESKTOP_BINARY_DIR}/${BW_APP_ID}.metainfo.xml @ONLY)

install(TARGETS bankwallet bankwallet-gateway RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${BW_DESKTOP_BINARY_DIR}/${BW_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${BW_DESKTOP_BINARY_DIR}/${BW_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${BW_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${BW_APP_ID}.svg)
foreach(size IN LISTS BW_ICON_SIZES)
  install(FILES ${BW_DESKTOP_SOURCE_DIR}/icons/hicolor/${size}x${size}/apps/bankwallet.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ${BW_APP_ID}.png)
endforeach()

# Man pages go in gzipped (Debian policy; man reads them either way).
set(bw_man_gz "")
foreach(page IN LISTS BW_MAN_PAGES)
  set(gz ${PROJECT_BINARY_DIR}/man/${page}.gz)
  add_custom_command(
    OUTPUT ${gz}
    COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/docs/man/${page} ${PROJECT_BINARY_DIR}/man/${page}
    COMMAND gzip -9nf ${PROJECT_BINARY_DIR}/man/${page}
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/${page}
    VERBATIM)
  list(APPEND bw_man_gz ${gz})
endforeach()
add_custom_target(bw_man_pages ALL DEPENDS ${bw_man_gz})
install(FILES ${bw_man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The window icon (main.cpp: QApplication::setWindowIcon(QIcon(":/icons/bankwallet.svg"))).
qt_add_resources(bankwallet bw_app_icon PREFIX /icons BASE ${BW_DESKTOP_SOURCE_DIR}/icons/hicolor/scalable/apps
                 FILES ${BW_ICON_SVG})

# `cmake --build <dir> --target bw_render_icons` after changing the SVG, then commit the PNGs.
find_program(BW_RSVG_CONVERT rsvg-convert)
set(bw_render_commands "")
foreach(size IN LISTS BW_ICON_SIZES)
  set(dir ${BW_DESKTOP_SOURCE_DIR}/icons/hicolor/${size}x${size}/apps)
  list(APPEND bw_render_commands COMMAND ${CMAKE_COMMAND} -E make_directory ${dir} COMMAND ${BW_RSVG_CONVERT} -w
       ${size} -h ${size} -o ${dir}/bankwallet.png ${BW_ICON_SVG})
endforeach()
if(BW_RSVG_CONVERT)
  add_custom_target(bw_render_icons ${bw_render_commands} COMMENT "Rendering the hicolor PNGs from bankwallet.svg"
                    VERBATIM)
else()
  add_custom_target(bw_render_icons COMMAND ${CMAKE_COMMAND} -E echo "bw_render_icons needs rsvg-convert: apt-get install librsvg2-bin"
                    COMMAND ${CMAKE_COMMAND} -E false)
endif()
