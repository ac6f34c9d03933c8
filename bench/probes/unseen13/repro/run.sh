#!/bin/sh
# usage: run.sh FILE  -> condensed findings
PYTHONPATH=/tmp/frz /work/main/.venv/bin/python -m mathdoc check --format json --no-cache "$1" | /work/main/.venv/bin/python -c "
import json,sys
d=json.load(sys.stdin)
for x in d['files'][0]['findings']: print(f\"  {x['line']}:{x['column']}:{x['step']} {x['verdict']}/{x['code']}: {x['message'][:230]} :: {x['latex'][:90]}\")"
