#!/usr/bin/env bash
# System packages for a fresh Debian 12 machine. Idempotent: skips what is already there.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive

# Dawn rejects Debian 12's Mesa 22 lavapipe; Mesa 25 comes from bookworm-backports, which uses the
# same mirror and key as the system's bookworm suite.
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  uri=$(grep -rhs '^URIs:' /etc/apt/sources.list.d/debian.sources | head -n1 | awk '{print $2}')
  [ -n "$uri" ] || uri=$(grep -hs '^deb .* bookworm ' /etc/apt/sources.list | head -n1 | awk '{print $2}')
  if [ -z "$uri" ]; then
    echo "install-system: no bookworm mirror in /etc/apt/sources.list{,.d/debian.sources}; add bookworm-backports with your mirror" >&2
    exit 1
  fi
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
    | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
fi

need=()
for p in emscripten glslang-tools spirv-tools chromium nlohmann-json3-dev libvulkan-dev libvulkan-volk-dev xz-utils unzip zip; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
mesa_ok=$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || true)
if [ ${#need[@]} -gt 0 ] || [[ "$mesa_ok" != 25* ]]; then
  $SUDO apt-get update -q
fi
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi
if [[ "$mesa_ok" != 25* ]]; then
  $SUDO apt-get install -y -q --no-install-recommends -t bookworm-backports mesa-vulkan-drivers
fi
