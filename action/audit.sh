#!/usr/bin/env bash
# The Audit step of action.yml (kept in a file so it can be run and tested outside GitHub).
# Writes the report file, prints annotations (--format github, which also appends the job
# summary to $GITHUB_STEP_SUMMARY), and records cnsnt's exit code in $GITHUB_OUTPUT
# instead of failing, so the SARIF upload after it always runs.
set -uo pipefail

args=()
[ -n "${INPUT_PATH:-}" ] && args+=("$INPUT_PATH")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")

report_dir=$(dirname "${INPUT_REPORT:-cnsnt-report.sarif}")
mkdir -p "$report_dir"

# 1. The report file (never fails on findings).
cnsnt audit "${args[@]}" --format "${INPUT_FORMAT:-sarif}" -o "${INPUT_REPORT:-cnsnt-report.sarif}" \
  --fail-on never --quiet
code=$?
if [ "$code" -eq 0 ]; then
  # 2. Annotations, the job summary and the verdict.
  cnsnt audit "${args[@]}" --format github --fail-on "${INPUT_FAIL_ON:-error}"
  code=$?
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
