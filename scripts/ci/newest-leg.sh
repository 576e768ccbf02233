#!/usr/bin/env bash
# One leg of .ci/run: the packed kit in a fresh project on Node MAJOR from the npm registry, with the newest majors of
# its peers (vitest 5, Pact 17, msw 3), as a user on today's versions installs and uses it. Fails on the first broken
# promise, printing what it saw:
#   1. npm installs the tarball next to those peers with no ERESOLVE and no install-script warning about the kit;
#   2. describeFaxConformance passes an Express app in process ({ listener }) and over a URL (test/e2e/app);
#   3. twiml-fax-kit/msw builds its handlers with the project's own msw 3 (test/e2e/app/media.test.js);
#   4. pact generate + pact verify pass a conforming Express provider with Pact 17 (test/pact/newest/pact-newest.mjs).
#   usage: scripts/ci/newest-leg.sh MAJOR TARBALL      (KEEP_LEG=1 keeps the project)
set -euo pipefail
major=${1:?usage: newest-leg.sh MAJOR TARBALL}
tarball=$(realpath "${2:?usage: newest-leg.sh MAJOR TARBALL}")
repo=$(cd "$(dirname "$0")/../.." && pwd)
export PACT_DO_NOT_TRACK=true SCARF_ANALYTICS=false DO_NOT_TRACK=1 NO_COLOR=1
PATH=$("$repo/scripts/ci/registry-node.sh" "$major"):$PATH
export PATH
started=$(date +%s)
say() { echo "[node $major, $(($(date +%s) - started)) s] $*"; }
fail() { echo "[node $major] FAILED: $*" >&2; exit 1; }

app=$(mktemp -d "${TMPDIR:-/tmp}/fax-kit-leg$major-XXXX")
trap '[[ -n ${KEEP_LEG:-} ]] && echo "kept $app" || rm -rf "$app"' EXIT
cp "$repo"/test/e2e/app/* "$app/"
echo '{"name":"fax-app","private":true,"type":"module"}' > "$app/package.json"
cd "$app"
say "node $(node -v), npm $(npm -v)"

# 1. The README's install line, next to the newest peers (and Express and twilio, which the user's app has).
if ! npm install --no-audit --no-fund "$tarball" vitest@^5 msw@^3 @pact-foundation/pact@^17 express@^5 twilio@^6 > install.log 2>&1; then
  cat install.log >&2; fail "npm install"
fi
if grep -q ERESOLVE install.log; then cat install.log >&2; fail "npm reported ERESOLVE"; fi
if grep -i 'install-scripts\|install script' install.log | grep -q twiml-fax-kit; then cat install.log >&2; fail "npm warned about an install script of the kit"; fi
node -e '
  const { createRequire } = require("node:module"); const { readFileSync } = require("node:fs");
  const project = createRequire(process.cwd() + "/package.json");
  const kitDir = require("node:path").dirname(project.resolve("twiml-fax-kit/package.json"));
  const kit = createRequire(kitDir + "/package.json");
  const version = (req, name) => JSON.parse(readFileSync(req.resolve(name + "/package.json"), "utf8")).version;
  const want = { vitest: 5, msw: 3, "@pact-foundation/pact": 17 };
  for (const [name, major] of Object.entries(want)) {
    const got = version(project, name);
    if (Number(got.split(".")[0]) !== major) throw new Error(`${name} ${got} installed, wanted ${major}`);
  }
  // The kit has no msw of its own: its ./msw handlers are built by the msw 3 of the project.
  if (kit.resolve("msw") !== project.resolve("msw")) throw new Error(`the kit resolves its own msw: ${kit.resolve("msw")}`);
  console.log(`vitest ${version(project, "vitest")}, msw ${version(project, "msw")}, @pact-foundation/pact ${version(project, "@pact-foundation/pact")}; the kit uses the msw of the project`);
' || fail "the installed versions"
say "installed"

# 2 and 3. The user's own vitest 5 runs describeFaxConformance (in process and over a URL) and the msw media test.
npx vitest run in-process.test.js media.test.js --reporter=json --outputFile=vitest.json > vitest.log 2>&1 || { cat vitest.log >&2; fail "vitest run"; }
node -e '
  const results = require("./vitest.json").testResults.flatMap((file) => file.assertionResults);
  const status = Object.fromEntries(results.map((r) => [r.fullName.replace(/:.*$/, ""), r.status]));
  const want = {};
  for (const target of ["express in process", "express over a URL"]) for (const check of ["reachable", "status-code", "content-type", "fax-action"]) want[`${target} ${check}`] = "passed";
  want["saves the PDF of a received fax"] = "passed";
  const wrong = Object.entries(want).filter(([name, s]) => status[name] !== s);
  if (wrong.length > 0 || results.length !== Object.keys(want).length) { console.error(JSON.stringify(status, null, 2)); process.exit(1); }
  console.log(`vitest: ${results.length} tests passed (describeFaxConformance in process and over a URL, msw 3 media test)`);
' || fail "the vitest results"
say "vitest done"

# 4. Pact 17: generate, then verify a conforming Express provider (and see a defective one fail with the kit's hint).
node "$repo/test/pact/newest/pact-newest.mjs" "$app" || fail "pact generate/verify"
say "done"
