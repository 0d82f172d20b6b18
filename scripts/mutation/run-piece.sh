#!/bin/bash
# One piece of the full mutation run (tests/MUTATION.md, "A full run in pieces"):
#
#   scripts/mutation/run-piece.sh <name> <file or glob> [<file or glob> …]
#
# StrykerJS over those files with the whole mutation suite (two test processes; set
# CONCURRENCY=1 on a shared machine), then the piece's incremental file is committed, gzipped,
# to tests/mutation-pieces/: a session can end before the last piece, and only main is kept
# from one session to the next.
set -euo pipefail
name=$1
shift
mutate=$(IFS=,; echo "$*")
PIECE=$name npx stryker run scripts/mutation/piece.config.mjs --mutate "$mutate" --concurrency "${CONCURRENCY:-2}"
mkdir -p tests/mutation-pieces
gzip -9c "reports/mutation/pieces/$name.incremental.json" > "tests/mutation-pieces/$name.incremental.json.gz"
git add "tests/mutation-pieces/$name.incremental.json.gz"
git commit -q -m "Mutation piece $name: its incremental file, for the full run to join ($(git rev-parse --short HEAD))" -- "tests/mutation-pieces/$name.incremental.json.gz"
