# The Debian package of BankWallet, made by CPack's DEB generator from the install rules of
# cmake/BwInstall.cmake. tools/package builds it (Release, Debian's hardening flags) and
# tools/test-package installs it into a clean Debian 12 root.
#
# Library dependencies are computed by dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS; needs dpkg-dev
# and file). Typed by hand are only what no ELF file links against:
#   Depends     libqt6sql6-sqlite    the Qt SQLite driver, a plugin Qt SQL loads at run time: without it
#                                    no wallet database opens.
#   Recommends  gnome-keyring        a Secret Service provider for QtKeychain (PINs' keys, tokens);
#                                    KDE or KeePassXC users may provide one otherwise, hence not Depends.
#               dbus-user-session | dbus-x11   the session bus the keychain and the lock signals use.
#               qt6-translations-l10n          Qt's own Chinese strings (standard buttons, dialogs).
#               fonts-wqy-microhei | fonts-noto-cjk   without a CJK font Chinese renders as boxes.
#   Suggests    qt6-wayland          the native Wayland platform plugin (XWayland works without it).

# The copyright file and the (native package's) changelog Debian policy asks for.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/bankwallet RENAME copyright)
set(bw_changelog ${PROJECT_BINARY_DIR}/package/changelog)
file(WRITE ${bw_changelog}
     "bankwallet (${PROJECT_VERSION}) stable; urgency=medium\n\n"
     "  * The first release.\n\n"
     " -- The BankWallet developers <packages@bankwallet.example>  Fri, 27 Nov 2026 00:00:00 +0000\n")
execute_process(COMMAND gzip -9nf ${bw_changelog} COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${bw_changelog}.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/bankwallet)

# A stripped install (the package, `cmake --install --strip`) also drops the compilers' .comment
# section, as dh_strip does (lintian: binary-has-unneeded-section).
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP)
    foreach(program bankwallet bankwallet-gateway)
      execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --remove-section=.comment
                      \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/\${program}\"
                      COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bankwallet)
set(CPACK_PACKAGE_VENDOR "The BankWallet developers")
set(CPACK_PACKAGE_CONTACT "The BankWallet developers <packages@bankwallet.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop digital wallet that a bank gives its customers")
set(CPACK_PACKAGE_INSTALL_DIRECTORY bankwallet)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION x11)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# The long description (CPack puts the summary above it and indents it as dpkg wants).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Open a wallet at your bank with identity checks, link cards and bank
accounts, pay merchants, send money, top up, withdraw, receive by QR code
and keep a complete, searchable history, in English and Simplified
Chinese. Opens bankwallet: payment links.
.
The package also holds bankwallet-gateway, the bank gateway stub as a
standalone HTTP server, for demonstrations and testing.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring, dbus-user-session | dbus-x11, qt6-translations-l10n, fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")

include(CPack)
