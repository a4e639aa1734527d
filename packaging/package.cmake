# What `cmake --install` puts in place and what `cpack -G DEB` packages: a
# stripped binary, the man page, the copyright file and the changelog (both
# compressed as Debian wants them), from packaging/ and LICENSE.

# packaging/changelog is the one place a release and its date are written:
# the man page's date comes from its latest entry.
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog ENCLINT_CHANGELOG_HEAD LIMIT_COUNT 1)
if(NOT ENCLINT_CHANGELOG_HEAD MATCHES "^cfn-enclint \\(${PROJECT_VERSION}-([0-9]+)\\)")
  message(FATAL_ERROR "packaging/changelog must start with an entry for ${PROJECT_VERSION}-N")
endif()
set(ENCLINT_DEBIAN_RELEASE ${CMAKE_MATCH_1})
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog ENCLINT_CHANGELOG_TRAILER REGEX "^ -- ")
list(GET ENCLINT_CHANGELOG_TRAILER 0 ENCLINT_CHANGELOG_TRAILER)
if(NOT ENCLINT_CHANGELOG_TRAILER MATCHES ", ([0-9][0-9]) ([A-Z][a-z][a-z]) ([0-9][0-9][0-9][0-9]) ")
  message(FATAL_ERROR "packaging/changelog: no RFC 2822 date in '${ENCLINT_CHANGELOG_TRAILER}'")
endif()
set(ENCLINT_MONTHS Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
list(FIND ENCLINT_MONTHS ${CMAKE_MATCH_2} ENCLINT_MONTH)
math(EXPR ENCLINT_MONTH "${ENCLINT_MONTH} + 1")
if(ENCLINT_MONTH LESS 10)
  set(ENCLINT_MONTH 0${ENCLINT_MONTH})
endif()
set(ENCLINT_RELEASE_DATE ${CMAKE_MATCH_3}-${ENCLINT_MONTH}-${CMAKE_MATCH_1})
target_compile_definitions(enclint_cli PRIVATE ENCLINT_RELEASE_DATE="${ENCLINT_RELEASE_DATE}")

# The installed binary. The build tree's cfn-enclint is linked statically for
# start-up time (ENCLINT_STATIC_RUNTIME); the one that is installed links the
# system's shared libraries instead, so that their security updates reach it,
# its Depends can be declared, and lintian accepts it. Same objects, one more link.
if(ENCLINT_EXE_LINK)
  add_executable(cfn-enclint-installed cli/main.cpp)
  target_link_libraries(cfn-enclint-installed PRIVATE enclint_cli enclint_warnings)
  set_target_properties(cfn-enclint-installed PROPERTIES
    OUTPUT_NAME cfn-enclint RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/installed
    ENCLINT_SHARED_RUNTIME ON)
  set(ENCLINT_INSTALLED_TARGET cfn-enclint-installed)
else()
  set(ENCLINT_INSTALLED_TARGET cfn-enclint)
endif()

# Compressed with gzip -9n, as lintian asks (-n: no name or time stamp, so
# the package is reproducible).
set(ENCLINT_PKG_DIR ${PROJECT_BINARY_DIR}/packaging)
file(READ ${PROJECT_SOURCE_DIR}/LICENSE ENCLINT_LICENSE)
string(REGEX REPLACE "^.*\n(Permission is hereby granted)" "\\1" ENCLINT_LICENSE "${ENCLINT_LICENSE}")
string(STRIP "${ENCLINT_LICENSE}" ENCLINT_LICENSE)
string(REPLACE "\n\n" "\n.\n" ENCLINT_LICENSE "${ENCLINT_LICENSE}")
string(REPLACE "\n" "\n " ENCLINT_LICENSE "${ENCLINT_LICENSE}")
file(READ ${PROJECT_SOURCE_DIR}/packaging/copyright.head ENCLINT_COPYRIGHT)
file(CONFIGURE OUTPUT ${ENCLINT_PKG_DIR}/copyright CONTENT "${ENCLINT_COPYRIGHT} ${ENCLINT_LICENSE}\n" @ONLY)
add_custom_command(OUTPUT ${ENCLINT_PKG_DIR}/changelog.Debian.gz
  COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/packaging/changelog > ${ENCLINT_PKG_DIR}/changelog.Debian.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog VERBATIM)
add_custom_command(OUTPUT ${ENCLINT_PKG_DIR}/cfn-enclint.1.gz
  COMMAND gzip -9n -c ${PROJECT_BINARY_DIR}/cfn-enclint.1 > ${ENCLINT_PKG_DIR}/cfn-enclint.1.gz
  DEPENDS ${PROJECT_BINARY_DIR}/cfn-enclint.1 VERBATIM)
add_custom_target(package_files ALL
  DEPENDS ${ENCLINT_PKG_DIR}/changelog.Debian.gz ${ENCLINT_PKG_DIR}/cfn-enclint.1.gz)

include(GNUInstallDirs)
# Stripped by plain `cmake --install` too, not only with --strip.
install(CODE "set(CMAKE_INSTALL_DO_STRIP TRUE)")
install(TARGETS ${ENCLINT_INSTALLED_TARGET} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${ENCLINT_PKG_DIR}/cfn-enclint.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${ENCLINT_PKG_DIR}/copyright ${ENCLINT_PKG_DIR}/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/cfn-enclint)

# `cpack -G DEB` in the build directory: a Debian package whose library
# dependencies dpkg-shlibdeps declares from the installed binary.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cfn-enclint)
set(CPACK_PACKAGE_VENDOR "cfn-enclint")
set(CPACK_PACKAGE_CONTACT "cfn-enclint maintainers <maintainers@cfn-enclint.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check and fix encryption at rest in CloudFormation and SAM templates")
set(CPACK_PACKAGE_DESCRIPTION
    "cfn-enclint finds the data stores of AWS CloudFormation and SAM templates
(YAML or JSON) that are not encrypted at rest: DynamoDB tables, S3 buckets,
SQS queues, SNS topics, Kinesis streams, RDS, Aurora, DocumentDB and Neptune
databases, ElastiCache and DAX caches, EFS file systems, EBS volumes and more.
With --fix it inserts exactly the missing encryption settings, leaving every
other byte of the template alone; a change that would replace a deployed
resource is only made when asked for. Reports come as compiler-style text,
JSON, SARIF, JUnit XML or GitHub workflow commands.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${ENCLINT_DEBIAN_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${ENCLINT_HOMEPAGE})
# Directories 0755 and files 0644/0755 whatever the umask of the build.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
