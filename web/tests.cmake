# Browser tests of the web UI: node's test runner drives Debian's chromium
# (playwright-core) against a real `verbinder serve` on a fresh demo database.
# Needs `npm ci` (playwright-core, axe-core) and chromium (scripts/deps.sh).
# Include from tests/CMakeLists.txt: include(${PROJECT_SOURCE_DIR}/web/tests.cmake)
find_program(NODE_EXECUTABLE node REQUIRED)
add_test(NAME web_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/ui.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")
add_test(NAME web_account_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/account.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_account_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# The network leader's pages: map (sigma/WebGL via SwiftShader), health charts, weaving.
add_test(NAME web_leader_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/leader.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_leader_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# The events area: events, registration and waitlist, QR check-in code, meeting
# requests, schedules and printing, visits; the leader's event pages.
add_test(NAME web_events_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/events.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_events_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# Questions to the network and notifications (ask, routed, answer, helpful; unread marker; e-mail choices).
add_test(NAME web_questions_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/questions.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_questions_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# The newsletter area: articles (write, approve, read sanitised), subscribe and
# confirm, the leader's preview, test and send with progress (aiosmtpd sink), and
# the unsubscribe page with preferences.
add_test(NAME web_newsletter_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/newsletter.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_newsletter_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# The leader at the desk: deleting a member from the members page, the health trend.
add_test(NAME web_leader_desk_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/leader-desk.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_leader_desk_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# "We spraken elkaar" (issue 14): connect codes scanned with a (fake) camera,
# claims confirmed into real ties, one-sided claims that stay pending, hidden
# members never named, the /connect page and the claims on the home page.
add_test(NAME web_encounters_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/encounters.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_encounters_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# Sign-in with OpenID Connect (issue 19) against a real provider on loopback
# (npm's oidc-provider, tests/oidc/provider.mjs): login, consent, back as the right
# member; confirm-with-password linking; denied consent, wrong state, replayed
# code, bad signature, expired token, wrong audience, unverified e-mail.
add_test(NAME web_oidc_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/oidc.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_oidc_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# The leader's desk (issue #17): grouped menu, members table with filters and row
# menus, the map panel in plain words, chart labels, the newsletter editor.
add_test(NAME web_leader_nav_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/leader-nav.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_leader_nav_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# The public front door (issue #17): the network's name and public content logged out, HTML 404.
add_test(NAME web_front_door_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/front-door.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_front_door_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")

# Issue #17, point 4: every page (from the route table) in Dutch at 375 px and
# English at 1280 px, logged out, as a member and as the leader: no string of
# the other language, no raw keys, no English server text in Dutch; axe on each.
# And the leader's settings: the public page edited, the mail state where mail is.
# leader-scripts: each leader page loads one language's strings and no other page's libraries.
foreach(t language-audit leader-settings leader-scripts)
  add_test(NAME web_${t}_test
           COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/${t}.test.mjs
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(web_${t}_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
    ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")
endforeach()

# Issue #17, the member's side: feedback next to the control that acted (in view
# at 375 px), confirmation dialogs, the home's next steps, the visit and meeting
# forms (member picker, cancel after acceptance), and the app offline
# (service worker, claims queued until the connection returns); the offline
# banner follows a language switch made offline (offline-language); sections
# that could not be fetched offline show their last known data with its time or
# say they are not available, never a false zero or "nothing" (offline-sections);
# a Wi-Fi without internet (requests fail, navigator.onLine true) counts as
# offline, and the banner and notes go once requests get through (offline-wifi).
foreach(t feedback member-home member-forms offline offline-language offline-sections offline-wifi)
  add_test(NAME web_${t}_test
           COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/${t}.test.mjs
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(web_${t}_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
    ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")
endforeach()

# Issue #17 point 4, one language at a time: every server reason key has nl and
# en text (web/src/strings/errors.ts) and errorText never shows the server's
# message (errors-strings, no browser); real forms show the worded errors in
# Dutch at 375 px and English at 1280 px (errors-language, Chromium).
add_test(NAME web_errors_strings_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/errors-strings.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_errors_strings_test PROPERTIES LABELS "web" TIMEOUT 120)
add_test(NAME web_errors_language_test
         COMMAND ${NODE_EXECUTABLE} --test ${PROJECT_SOURCE_DIR}/web/test/errors-language.test.mjs
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(web_errors_language_test PROPERTIES LABELS "web" TIMEOUT 900 RUN_SERIAL TRUE
  ENVIRONMENT "VERBINDER_BINARY=$<TARGET_FILE:verbinder>;VERBINDER_WEB_ARTIFACTS=${CMAKE_BINARY_DIR}/web-artifacts")
