#!/usr/bin/env bash
# Formatting and lint (issue #18), run by scripts/test.sh after the build:
# - clang-format (.clang-format) over every tracked C++ file: any file that is not
#   formatted fails, with the command that fixes it;
# - clang-tidy (.clang-tidy: bugprone-*, performance-*, a few modernize-*) over the
#   .cpp files changed since LINT_BASE (default: the previous commit), so a change is
#   linted in CI within the time budget; LINT_ALL=1 lints the whole tree (about 12 min
#   of CPU on this machine).
#   scripts/lint.sh                  LINT_BASE=origin/main scripts/lint.sh      LINT_ALL=1 scripts/lint.sh
# Needs build/compile_commands.json (scripts/build.sh). Exit 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
status=0

mapfile -t all < <(git ls-files '*.cpp' '*.h' | grep -v '^web/')
unformatted=()
for f in "${all[@]}"; do
  [ -f "$f" ] || continue
  if ! clang-format --dry-run --Werror "$f" > /dev/null 2>&1; then unformatted+=("$f"); fi
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "lint: ${#unformatted[@]} file(s) not formatted (fix: clang-format -i FILE):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  status=1
else
  echo "lint: clang-format: ${#all[@]} files formatted"
fi

if [ "${LINT_ALL:-0}" = 1 ]; then
  mapfile -t tidy < <(git ls-files 'src/*.cpp')
else
  base=${LINT_BASE:-HEAD~1}
  if git rev-parse --verify -q "$base" > /dev/null; then
    mapfile -t tidy < <(git diff --name-only --diff-filter=AM "$base" -- 'src/*.cpp')
  else
    tidy=()
  fi
fi
if [ ${#tidy[@]} -gt 0 ]; then
  out=$(mktemp)
  printf '%s\n' "${tidy[@]}" | xargs -P 2 -n 4 clang-tidy -p "$BUILD_DIR" --quiet > "$out" 2> /dev/null || true
  if grep -qE '(warning|error):' "$out"; then
    grep -E '(warning|error):' "$out" | sort -u >&2
    echo "lint: clang-tidy findings in the ${#tidy[@]} file(s) checked" >&2
    status=1
  else
    echo "lint: clang-tidy: ${#tidy[@]} file(s) clean"
  fi
  rm -f "$out"
else
  echo "lint: clang-tidy: no changed .cpp file"
fi
exit $status
