#!/usr/bin/env bash
# Downloads MediaPipe's face_landmarker.task (float16, v1; Apache-2.0, published by Google) and
# checks its sha256 against FACE_LANDMARKER_SHA256 in packages/sdk/src/video/options.ts before
# installing it where the demo serves it from (vite-assets.ts: ../shared/models beside the
# checkout). Run it by hand; nothing runs it at install or start time.
#
#   scripts/fetch-face-model.sh            # → ../shared/models/face_landmarker.task
#   scripts/fetch-face-model.sh DEST.task  # → DEST.task
#
# FACE_MODEL_URL overrides the source (e.g. a mirror, or file:///path for an offline copy).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$repo/../shared/models/face_landmarker.task}"
url="${FACE_MODEL_URL:-https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/float16/1/face_landmarker.task}"

# One source of truth for the hash: the constant the SDK verifies at load time.
expected="$(sed -n "s/^export const FACE_LANDMARKER_SHA256 = '\([0-9a-f]\{64\}\)';.*/\1/p" "$repo/packages/sdk/src/video/options.ts")"
if [ -z "$expected" ]; then
  echo "could not read FACE_LANDMARKER_SHA256 from packages/sdk/src/video/options.ts" >&2
  exit 1
fi

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

if [ -f "$dest" ] && [ "$(sha256 "$dest")" = "$expected" ]; then
  echo "already present and verified: $dest"
  exit 0
fi

mkdir -p "$(dirname "$dest")"
tmp="$(mktemp "$(dirname "$dest")/.face_landmarker.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
echo "downloading $url"
curl --fail --location --silent --show-error --proto '=https,file' --output "$tmp" "$url"

actual="$(sha256 "$tmp")"
if [ "$actual" != "$expected" ]; then
  echo "sha256 mismatch: got $actual, expected $expected — not installed" >&2
  exit 1
fi
chmod 644 "$tmp"
mv "$tmp" "$dest"
trap - EXIT
echo "verified sha256 $actual"
echo "installed $dest ($(wc -c <"$dest") bytes); restart the demo (npm start) to use it"
