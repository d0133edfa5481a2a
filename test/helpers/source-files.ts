import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../src/project-root.js";

/** The project's src/ folder. */
export const src = join(findProjectRoot(), "src");

/** Every .ts file under src/`dir`, as paths relative to src/. */
export function sources(dir: string): string[] {
  return readdirSync(join(src, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The module specifiers a source file imports from. */
export const imports = (file: string): string[] =>
  [...readFileSync(join(src, file), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1] ?? "");
