#!/usr/bin/env bash
# The Audit step of action.yml (kept in a file so it can be run and tested outside GitHub).
# One audit: it prints annotations (--format github, which also appends the job summary to
# $GITHUB_STEP_SUMMARY), writes the report file from the same result (--also), and records
# cnsnt's exit code in $GITHUB_OUTPUT instead of failing, so the SARIF upload after it runs.
set -uo pipefail

args=()
[ -n "${INPUT_PATH:-}" ] && args+=("$INPUT_PATH")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")

report="${INPUT_REPORT:-cnsnt-report.sarif}"
mkdir -p "$(dirname "$report")"

cnsnt audit "${args[@]}" --format github --also "${INPUT_FORMAT:-sarif}=$report" \
  --fail-on "${INPUT_FAIL_ON:-error}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
