/** The kit's run.sh (written by kit.ts): POSIX sh, for a bare x86-64 GPU machine or, with --local, this one. */

export interface RunScriptOptions {
  /** git commit the kit was built from ('+dirty' when tracked files had changes). */
  readonly commit: string;
  readonly dawn: string;
  readonly node: string;
  /** Whether inputs.json (the recordings' descriptor rows) is in the kit. */
  readonly inputs: boolean;
}

export function runScript(o: RunScriptOptions): string {
  return `#!/bin/sh
# HireNet Node WebGPU bench kit (bench/gpu/kit.ts; commit ${o.commit}; Node ${o.node}; ${o.dawn}).
#   sh bench/tmp/gpu-kit/run.sh           on the GPU machine: NVIDIA's Vulkan driver
#   sh bench/tmp/gpu-kit/run.sh --local   here: Chromium's SwiftShader driver (tests the kit, short plan)
# Writes $OUT/node-webgpu.json (merge: npm run bench:gpu-merge -- FILE), node-webgpu.log and env.txt.
set -u
KIT=$(cd "$(dirname "$0")" && pwd)
OUTDIR=\${OUT:-$KIT/out}
WORK=\${TMPDIR:-/tmp}/hirenet-gpu-kit
mkdir -p "$OUTDIR" "$WORK"
unpack() {
  if command -v xz >/dev/null 2>&1; then xz -dc "$1" >"$2"
  else python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' \\
    "$1" "$2"
  fi
}
unpack "$KIT/node.xz" "$WORK/node" && chmod +x "$WORK/node" || exit 10
unpack "$KIT/dawn.node.xz" "$WORK/dawn.node" || exit 10
ENV="$OUTDIR/env.txt"
{ date -u; uname -a; "$WORK/node" --version; } >"$ENV" 2>&1
if [ "\${1:-}" = "--local" ]; then
  shift
  export VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json LD_LIBRARY_PATH=/usr/lib/chromium
  WHERE="Kit test on the build machine, no GPU (SwiftShader)"
  PLAN="--runs 3 --sweep 1,2 --memory 5"
else
  # The image has no Vulkan loader: unpack the carried one (README of the device tool), then find NVIDIA's driver.
  if ! ldconfig -p | grep -q 'libvulkan.so.1'; then
    for f in "$KIT"/debs/*.deb; do dpkg -x "$f" /; done
    ldconfig
  fi
  ICD=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
  [ -f "$ICD" ] ||
    ICD=$(find /usr/local/nvidia /usr/share/vulkan /etc/vulkan -name 'nvidia_icd*.json' 2>/dev/null | head -1)
  export VK_DRIVER_FILES="$ICD" VK_ICD_FILENAMES="$ICD"
  export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
  GPU=$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | head -1)
  WHERE="GPU machine: \${GPU:-unknown GPU} (bench/gpu kit, $(nproc) cores)"
  PLAN="--runs 15 --sweep 1,4,16,64,256 --memory 100"
  { echo "ICD $ICD"; cat "$ICD"; ldconfig -p | grep -i -E 'vulkan|nvidia'; nvidia-smi; } >>"$ENV" 2>&1
fi
export HIRENET_DAWN_NODE="$WORK/dawn.node" HIRENET_DAWN_VERSION="${o.dawn}"
INPUTS="${o.inputs ? '--inputs $KIT/inputs.json' : ''}"
# About 1-3 min on a GPU machine; the limit keeps a stuck driver from eating the device time.
timeout 420 "$WORK/node" "$KIT/bench.mjs" --out "$OUTDIR/node-webgpu.json" --where "$WHERE" \\
  --models "$KIT/models" --wasm-dir "$KIT/wasm" $INPUTS --git "${o.commit}" $PLAN "$@" \\
  >"$OUTDIR/node-webgpu.log" 2>&1
STATUS=$?
grep -v XDG_RUNTIME_DIR "$OUTDIR/node-webgpu.log" | tail -40
echo "run.sh: bench exit $STATUS; result $OUTDIR/node-webgpu.json"
exit $STATUS
`;
}
