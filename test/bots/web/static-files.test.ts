import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPageFiles, PAGE_FILES, publicDir } from "../../../src/bots/web/static-files.js";
import { findProjectRoot } from "../../../src/project-root.js";

describe("the page's files", () => {
  it("are found in the source tree, also when the server runs from dist/", () => {
    const root = findProjectRoot();
    expect(publicDir()).toBe(join(root, "src", "bots", "web", "public"));
    expect(findProjectRoot(join(root, "dist", "src", "bots", "web"))).toBe(root);
    for (const { file } of Object.values(PAGE_FILES)) expect(existsSync(join(publicDir(), file)), file).toBe(true);
  });

  it("a missing folder stops start-up with its path", () => {
    expect(() => loadPageFiles("/nonexistent/public")).toThrow("/nonexistent/public");
  });

  it("build the DOM with textContent only: no innerHTML, no inline script or style", () => {
    const files = loadPageFiles();
    for (const path of ["/app.js", "/api.js", "/dom.js", "/render.js", "/tabs.js"]) {
      const js = files.get(path)?.body.toString("utf8") ?? "";
      expect(js, path).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
      // ES2020 for older clinic browsers: no numeric separators or logical assignment (ES2021)
      expect(js, path).not.toMatch(/\d_\d|\?\?=|\|\|=|&&=/);
    }
    const html = files.get("/")?.body.toString("utf8") ?? "";
    expect(html).not.toMatch(/<script>|<style|\sstyle=|\son[a-z]+=/);
  });
});
