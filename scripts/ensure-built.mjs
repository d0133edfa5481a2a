// Builds dist/ when any source is newer than the last build, so `npm start` and
// `npm run ask` work on a fresh clone. Prints only on stderr: stdout stays clean for --jsonl.
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
if (sources > built) {
  process.stderr.write("building (tsc)…\n");
  try {
    execFileSync(
      process.execPath,
      [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.build.json")],
      {
        stdio: ["ignore", process.stderr, process.stderr],
      },
    );
  } catch {
    process.stderr.write("build failed: see the TypeScript errors above\n");
    process.exit(1);
  }
}
