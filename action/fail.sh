#!/usr/bin/env bash
# The last step of action.yml: fail the job when the audit found something (or could not run).
set -euo pipefail
case "${EXIT_CODE:-}" in
  0) exit 0 ;;
  1) echo "::error title=cnsnt::findings at or above fail-on; see the annotations, the job summary and the report" ;;
  2) echo "::error title=cnsnt::the policy or the action's inputs are invalid; nothing was audited (see the Audit step)" ;;
  *) echo "::error title=cnsnt::cnsnt exited with ${EXIT_CODE:-no code}; see the Audit step" ;;
esac
exit "${EXIT_CODE:-3}"
