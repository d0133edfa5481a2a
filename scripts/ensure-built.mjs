// Builds dist/ when any source is newer than the last build. Runs as `prepare` (so `npm ci` builds and the
// first `npm start` is ready in seconds) and before start/ask (so an edited source is never run stale).
// Prints only on stderr: stdout stays clean for --jsonl.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = join(root, "dist", ".tsbuildinfo");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sources = Math.max(
  newestMtime(join(root, "src")),
  newestMtime(join(root, "scripts")),
  statSync(join(root, "tsconfig.json")).mtimeMs,
  statSync(join(root, "tsconfig.build.json")).mtimeMs,
);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
if (sources > built && !existsSync(tsc)) {
  // `npm ci --omit=dev` has no compiler: an existing build is used as it is.
  if (built > 0) process.exit(0);
  process.stderr.write("dist/ がありません: TypeScript が必要です。npm ci（--omit=dev なし）で入れてください\n");
  process.exit(1);
}
if (sources > built) {
  process.stderr.write("building (tsc)…\n");
  try {
    execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], {
      stdio: ["ignore", process.stderr, process.stderr],
    });
  } catch {
    process.stderr.write("build failed: see the TypeScript errors above\n");
    process.exit(1);
  }
}
