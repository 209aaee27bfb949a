#!/usr/bin/env bash
# Rebuilds models/hirenet-demo/ from scratch: a SimInterview draw, then one HireNet per modality
# (late fusion for both). Deterministic for the seeds below on the same backend (wasm).
# Takes tens of minutes on 2 cores; the data goes to a temp dir and is not kept.
set -euo pipefail
cd "$(dirname "$0")/.."
INTERVIEWS=${INTERVIEWS:-1200}
EPOCHS=${EPOCHS:-14}
UNITS=${UNITS:-16}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
npx hirenet simulate --out "$data/sim" --seed 2026 --interviews "$INTERVIEWS" --windows 40-80 --force
npx hirenet train --data "$data/sim" --modality both --out models/hirenet-demo \
  --units "$UNITS" --epochs "$EPOCHS" --patience "$EPOCHS" --batch-size 16 --seed 7
npx hirenet simulate --out "$data/fresh" --seed 2027 --interviews 300 --windows 40-80 --force
for m in audio video; do
  echo "--- $m on a fresh draw"
  npx hirenet eval --data "$data/fresh" --model "models/hirenet-demo/$m" --json | tee "models/hirenet-demo/$m/eval-fresh.json"
done
echo "--- late fusion on a fresh draw"
npx hirenet eval --data "$data/fresh" --model models/hirenet-demo --json | tee models/hirenet-demo/eval-fresh.json
