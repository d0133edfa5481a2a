import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../../project-root.js";
import { webMsg } from "./messages.js";

export interface StaticFile {
  readonly type: string;
  readonly body: Buffer;
}

/** URL path → file under public/, with its content type. */
export const PAGE_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/api.js": { file: "api.js", type: "text/javascript; charset=utf-8" },
  "/tabs.js": { file: "tabs.js", type: "text/javascript; charset=utf-8" },
  "/dom.js": { file: "dom.js", type: "text/javascript; charset=utf-8" },
  "/render.js": { file: "render.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
  "/icon.svg": { file: "icon.svg", type: "image/svg+xml" },
};

/** The page's folder in the source tree: the same from src/ and from dist/src/. */
export function publicDir(): string {
  return join(findProjectRoot(), "src", "bots", "web", "public");
}

/** Reads the page's few small files once, at mount; a missing file stops start-up with its path. */
export function loadPageFiles(dir: string = publicDir()): ReadonlyMap<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const [path, { file, type }] of Object.entries(PAGE_FILES)) {
    const full = join(dir, file);
    if (!existsSync(full)) throw new Error(webMsg.pageMissing(full));
    files.set(path, { type, body: readFileSync(full) });
  }
  return files;
}
