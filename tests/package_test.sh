#!/usr/bin/env bash
# The Debian package on this machine (CTest label `package`, issue #19): build it
# with cpack, install it with apt-get, verify the systemd unit, run the service
# as the unit would, make the first admin as docs/operations.md says, sign in,
# back up, purge — and check that nothing is left but the data the operator
# keeps; then reinstall on the kept data, and purge with the data.
# Needs root (it installs a package). The machine is restored (purged) on any exit.
#   VERBINDER_BUILD_DIR=build tests/package_test.sh
set -euo pipefail

BUILD=${VERBINDER_BUILD_DIR:?set VERBINDER_BUILD_DIR to a configured, built tree}
UNIT=/lib/systemd/system/verbinder.service
CONF=/etc/verbinder/verbinder.conf
DATA=/var/lib/verbinder
APT=(apt-get -y -q -o DPkg::Lock::Timeout=300)
export DEBIAN_FRONTEND=noninteractive

if [ "$(id -u)" -ne 0 ]; then
  echo "package_test: skipped: needs root to install a package" >&2
  exit 77
fi
# Never touch a real installation on this machine.
if dpkg-query -W -f='${Status}' verbinder 2>/dev/null | grep -q "installed\|config-files"; then
  echo "package_test: skipped: verbinder is installed on this machine; purge it to run this test" >&2
  exit 77
fi
if [ -e "$DATA" ] || getent passwd verbinder >/dev/null; then
  echo "package_test: skipped: $DATA or a verbinder user exists already (an earlier install?)" >&2
  exit 77
fi

WORK=$(mktemp -d /tmp/verbinder-package-test.XXXXXX)
SERVER_PID=""
cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID" || true; wait "$SERVER_PID" || true; fi
  if dpkg-query -W -f='${Status}' verbinder 2>/dev/null | grep -q "installed\|config-files"; then
    VERBINDER_PURGE_DATA=yes "${APT[@]}" purge verbinder >/dev/null 2>&1 || true
  fi
  rm -rf "$DATA" "$WORK"
  [ $rc -eq 0 ] && echo "package_test: ok" || echo "package_test: FAILED (machine restored)" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP   # a killed test (ctest timeout) still purges

fail() { echo "package_test: $*" >&2; exit 1; }
step() { echo "== $*"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# One value of a [Service] key of the installed unit (the last one wins, as in systemd).
unit_value() { sed -n "s/^$1=//p" "$UNIT" | tail -n 1; }

step "build the package"
cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 || { cat "$WORK/cpack.log"; fail "cpack failed"; }
DEB=$(ls "$WORK"/pkg/verbinder_*.deb)
dpkg-deb -f "$DEB" Package Version Depends
dpkg-deb -e "$DEB" "$WORK/control"
grep -qx "$CONF" "$WORK/control/conffiles" || fail "$CONF is not a conffile"
dpkg-deb -c "$DEB" >"$WORK/contents"
grep -q " ./usr/bin/verbinder$" "$WORK/contents" || fail "no /usr/bin/verbinder in the package"
echo "package: $(du -h "$DEB" | cut -f1), $(wc -l <"$WORK/contents") entries"

install_package() {
  step "apt-get install $DEB"
  "${APT[@]}" install "$DEB" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "apt-get install failed"; }
  [ -x /usr/bin/verbinder ] || fail "no /usr/bin/verbinder"
  [ -f "$UNIT" ] || fail "no $UNIT"
  getent passwd verbinder >/dev/null || fail "no verbinder user"
  [ "$(stat -c %U:%G:%a "$CONF")" = "root:verbinder:640" ] || fail "$CONF is $(stat -c %U:%G:%a "$CONF")"
  [ "$(stat -c %U:%G "$DATA")" = "verbinder:verbinder" ] || fail "$DATA is $(stat -c %U:%G "$DATA")"
  # The service user is a system account without a login shell.
  [ "$(getent passwd verbinder | cut -d: -f7)" = "/usr/sbin/nologin" ] || fail "verbinder has a login shell"
  # Operators edit one file: here, a free port (8080 may be taken on a shared machine).
  PORT=$(free_port)
  sed -i "s/^port = .*/port = $PORT/" "$CONF"
  # A secret for the service, as docs/operations.md says (EnvironmentFile).
  echo "VERBINDER_PACKAGE_TEST=geheim" >/etc/verbinder/verbinder.env
  chown root:verbinder /etc/verbinder/verbinder.env; chmod 0640 /etc/verbinder/verbinder.env
}

start_service() {
  step "start the service as the unit does (port $PORT)"
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl restart verbinder.service
  else
    # No systemd as PID 1 here: run the unit's ExecStart as its user, with its
    # environment, working directory and umask, read from the installed unit.
    local exec user group wd umask_v envs=()
    exec=$(unit_value ExecStart); user=$(unit_value User); group=$(unit_value Group)
    wd=$(unit_value WorkingDirectory); umask_v=$(unit_value UMask)
    [ -n "$exec" ] && [ -n "$user" ] || fail "the unit has no ExecStart or User"
    # Environment=A=1 B=2 (no quoted values in our unit): split on blanks.
    local words argv
    while IFS= read -r line; do read -r -a words <<<"$line"; envs+=("${words[@]}"); done \
      < <(sed -n 's/^Environment=//p' "$UNIT")
    read -r -a argv <<<"$exec"
    # EnvironmentFile=-FILE: NAME=value lines, optional when prefixed with '-'.
    while IFS= read -r file; do
      [ -f "${file#-}" ] || { [ "${file:0:1}" = "-" ] && continue; fail "no EnvironmentFile $file"; }
      while IFS= read -r line; do
        case "$line" in ''|'#'*|';'*) ;; *) envs+=("$line") ;; esac
      done <"${file#-}"
    done < <(sed -n 's/^EnvironmentFile=//p' "$UNIT")
    # StateDirectory=verbinder: systemd creates /var/lib/verbinder owned by the user.
    [ "$(unit_value StateDirectory)" = "verbinder" ] || fail "StateDirectory is not verbinder"
    install -d -o "$user" -g "$group" -m "$(unit_value StateDirectoryMode)" "$DATA"
    (cd "$wd" && umask "${umask_v:-0022}" &&
      exec setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs \
        env -i PATH=/usr/bin:/bin "${envs[@]}" "${argv[@]}") >"$WORK/serve.log" 2>&1 &
    SERVER_PID=$!
  fi
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then
      if [ -n "$SERVER_PID" ]; then
        # The process runs as the unit's user with the unit's environment.
        [ "$(stat -c %U /proc/$SERVER_PID)" = "verbinder" ] || fail "serve does not run as verbinder"
        tr '\0' '\n' </proc/$SERVER_PID/environ >"$WORK/environ"
        grep -qx "LANG=C.UTF-8" "$WORK/environ" && grep -qx "VERBINDER_PACKAGE_TEST=geheim" "$WORK/environ" ||
          fail "serve lacks the unit's environment: $(cat "$WORK/environ")"
      fi
      return 0
    fi
    if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/serve.log"; fail "the service exited"; fi
    sleep 0.1
  done
  cat "$WORK/serve.log"; fail "no /healthz within 30 s"
}

stop_service() {
  step "stop the service"
  if [ -d /run/systemd/system ]; then
    systemctl stop verbinder.service
  else
    kill -TERM "$SERVER_PID"
    local rc=0; wait "$SERVER_PID" || rc=$?
    SERVER_PID=""
    [ $rc -eq 0 ] || { cat "$WORK/serve.log"; fail "serve exited with $rc on SIGTERM"; }
  fi
}

# Signs in over HTTP; prints the Set-Cookie lines. The config file sets
# secure-cookies, so the cookie must carry Secure: proof the file was read.
login() {
  local body
  body=$(curl -sS -D "$WORK/headers" -o "$WORK/login.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"$2\"}" "http://127.0.0.1:$PORT/api/v1/auth/login")
  [ "$body" = "200" ] || { cat "$WORK/login.json"; fail "login as $1 answered $body"; }
  grep -i '^set-cookie: ' "$WORK/headers" | tr -d '\r'
}

check_admin_session() {
  local cookies cookie_header me
  cookies=$(login "$1" "$2")
  echo "$cookies" | grep -q '; Secure' || fail "the session cookie is not Secure (config file not read?): $cookies"
  cookie_header=$(echo "$cookies" | sed 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/' | paste -sd ';' -)
  me=$(curl -fsS -H "Cookie: $cookie_header" "http://127.0.0.1:$PORT/api/v1/auth/me") || fail "GET /auth/me failed"
  echo "$me" | python3 -c 'import json,sys; m=json.load(sys.stdin); assert m["role"]=="admin", m' ||
    fail "signed in, but not as admin: $me"
}

install_package

step "systemd-analyze verify"
# Offline check of the installed unit (works without systemd as PID 1); any
# complaint about our unit fails the test.
systemd-analyze verify "$UNIT" >"$WORK/verify.log" 2>&1 || { cat "$WORK/verify.log"; fail "systemd-analyze verify failed"; }
if grep -i "verbinder" "$WORK/verify.log"; then fail "systemd-analyze verify complains about the unit"; fi
# The hardening as systemd scores it: overall exposure at most 2.0 of 10 ("OK").
systemd-analyze security --offline=true --threshold=20 "$UNIT" >"$WORK/security.log" 2>&1 ||
  { tail -n 20 "$WORK/security.log"; fail "the unit's exposure is above 2.0"; }
tail -n 1 "$WORK/security.log"
for key in "Restart=on-failure" "ProtectSystem=strict" "PrivateTmp=yes" "NoNewPrivileges=yes" "StateDirectory=verbinder" \
           "User=verbinder"; do
  grep -qx "$key" "$UNIT" || fail "the unit lacks $key"
done

start_service

# The web UI is embedded in the packaged binary.
curl -fsS "http://127.0.0.1:$PORT/" >"$WORK/index.html" || fail "GET / failed"
grep -qi "<html" "$WORK/index.html" || fail "GET / is not the web UI"

step "first admin, as docs/operations.md says"
printf 'name,email\nJanneke de Vries,janneke@example.org\n' >"$WORK/admin.csv"
chmod 644 "$WORK/admin.csv"; chmod 755 "$WORK"
runuser -u verbinder -- verbinder import members "$WORK/admin.csv" --db "$DATA/verbinder.db"
echo 'een lang wachtwoord voor de test' |
  runuser -u verbinder -- verbinder account create --db "$DATA/verbinder.db" --email janneke@example.org --role admin
check_admin_session janneke@example.org 'een lang wachtwoord voor de test'
# Every file of the database belongs to the service.
[ -z "$(find "$DATA" ! -user verbinder)" ] || fail "files in $DATA not owned by verbinder: $(find "$DATA" ! -user verbinder)"

step "backup while it serves"
runuser -u verbinder -- verbinder backup --db "$DATA/verbinder.db" --out "$DATA/backup.db"
sqlite3 "$DATA/backup.db" "SELECT email FROM members" | grep -qx janneke@example.org || fail "the backup lacks the admin"

step "serve refuses a network address without secure cookies"
rc=0; runuser -u verbinder -- verbinder serve --db "$WORK/x.db" --host 0.0.0.0 --port "$PORT" 2>"$WORK/refuse.log" || rc=$?
[ $rc -eq 2 ] && grep -q -- "--secure-cookies" "$WORK/refuse.log" || fail "serve --host 0.0.0.0 answered $rc: $(cat "$WORK/refuse.log")"

stop_service

step "apt-get purge (keeps the data)"
"${APT[@]}" purge verbinder >"$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log"; fail "purge failed"; }
check_gone() {
  ! dpkg-query -W -f='${Status}' verbinder 2>/dev/null | grep -q "installed\|config-files" || fail "dpkg still knows verbinder"
  for p in /usr/bin/verbinder "$UNIT" /etc/verbinder /usr/share/doc/verbinder; do [ ! -e "$p" ] || fail "$p is left behind"; done
  ! getent passwd verbinder >/dev/null || fail "the verbinder user is left behind"
  ! getent group verbinder >/dev/null || fail "the verbinder group is left behind"
  local left
  left=$(find /etc/systemd /var/lib/systemd -name '*verbinder*' 2>/dev/null || true)
  [ -z "$left" ] || fail "systemd state left behind: $left"
}
check_gone
[ -f "$DATA/verbinder.db" ] || fail "purge removed the database without VERBINDER_PURGE_DATA=yes"
[ -z "$(find "$DATA" -nouser -o -nogroup)" ] || fail "kept files belong to a deleted user"
grep -q "kept the data in $DATA" "$WORK/purge.log" || fail "purge did not say where the data stays"

step "reinstall on the kept data"
install_package
start_service
check_admin_session janneke@example.org 'een lang wachtwoord voor de test'
stop_service

step "VERBINDER_PURGE_DATA=yes apt-get purge"
VERBINDER_PURGE_DATA=yes "${APT[@]}" purge verbinder >"$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log"; fail "purge failed"; }
check_gone
[ ! -e "$DATA" ] || fail "$DATA is left behind after VERBINDER_PURGE_DATA=yes"
