# The Debian package (CPack DEB): the binary with the web UI embedded, the
# systemd unit, /etc/verbinder/verbinder.conf (a conffile), the operator docs,
# and the maintainer scripts in packaging/. Build it from a configured tree:
#   cmake --build build --target verbinder && (cd build && cpack -G DEB)
# which writes build/verbinder_<version>_<arch>.deb.
include(GNUInstallDirs)

# `install` (and so cpack) copies what is built and builds nothing itself: the
# package takes the binary that was just built and tested.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

install(TARGETS verbinder RUNTIME DESTINATION bin COMPONENT verbinder)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/verbinder.service DESTINATION lib/systemd/system COMPONENT verbinder)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/verbinder.conf DESTINATION /etc/verbinder COMPONENT verbinder)
install(FILES ${PROJECT_SOURCE_DIR}/docs/operations.md ${PROJECT_SOURCE_DIR}/docs/oidc.md ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION share/doc/verbinder COMPONENT verbinder)

set(VERBINDER_CONFFILES ${CMAKE_CURRENT_BINARY_DIR}/packaging/conffiles)
file(WRITE ${VERBINDER_CONFFILES} "/etc/verbinder/verbinder.conf\n")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME verbinder)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "verbinder maintainers <verbinder@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "turns online contact into real, face-to-face connection in a professional network")
set(CPACK_PACKAGE_DESCRIPTION "verbinder serves a JSON API and web UI for the leader and members of a professional network:\n events, 1:1 meetings, introductions, questions, a newsletter and the network analysis, on SQLite or PostgreSQL.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)            # verbinder_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)             # Depends: from the libraries the binary links
set(CPACK_DEBIAN_PACKAGE_DEPENDS "passwd, init-system-helpers")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx | caddy, sqlite3, postgresql-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/postinst
    ${PROJECT_SOURCE_DIR}/packaging/prerm
    ${PROJECT_SOURCE_DIR}/packaging/postrm
    ${VERBINDER_CONFFILES})
# Only the absolute /etc path is outside the prefix; it is meant to be.
set(CPACK_WARN_ON_ABSOLUTE_INSTALL_DESTINATION OFF)
include(CPack)
