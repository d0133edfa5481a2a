import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFaithfulness, readGuideFacts, readKnowledgeYaml } from "../../src/knowledge/faithfulness.js";
import { type Guide, loadGuide, sha256 } from "../../src/knowledge/load-guide.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { findProjectRoot } from "../../src/project-root.js";

function loadedGuide(): Guide {
  const result = loadGuide();
  if (!result.ok) throw new Error(result.message);
  return result.guide;
}

function loadKb(dir?: string): KnowledgeBase {
  const result = loadKnowledge(dir);
  if (!result.ok) throw new Error(result.message);
  return result.kb;
}

const guide = loadedGuide();
const kb = loadKb();
const facts = readGuideFacts(guide);
const dataDir = defaultKnowledgeDir();

describe("the guide inside the repository", () => {
  it("is the text its identity records", () => {
    expect(sha256(guide.text)).toBe(guide.identity.sha256);
    expect(guide.identity.publishers).toEqual(["厚生労働省", "社会保険診療報酬支払基金"]);
    expect(guide.text).toContain("運用時のヘルプガイド");
  });

  it("has the phone numbers, URLs and hours the checks look for (guards the patterns)", () => {
    expect(facts.phones).toHaveLength(6);
    expect(facts.phones).toContain("0800-080-4583");
    expect(facts.urls).toHaveLength(4);
    expect(facts.hours).toEqual(expect.arrayContaining(["8:00～18:00", "8:00～16:00", "9:00～17:30"]));
  });

  it("each correction names a typo the guide really has", () => {
    for (const c of guide.identity.corrections) expect(guide.text).toContain(c.typo);
  });
});

describe("the knowledge base is faithful to the guide", () => {
  it("has no departure from the guide", () => {
    expect(checkFaithfulness(guide, kb, readKnowledgeYaml(dataDir))).toEqual([]);
  });

  it("the 1-② variants carry the guide's table cells", () => {
    const variants = kb.topics.get("1-2")?.variants ?? [];
    expect(variants).toHaveLength(3);
    for (const v of variants) {
      expect(v.result).toBeDefined();
      expect(v.state).toBeDefined();
    }
  });

  it("1-① keeps at least six difference patterns", () => {
    expect(kb.topics.get("1-1")?.differencePatterns.length ?? 0).toBeGreaterThanOrEqual(6);
  });
});

describe("a broken copy is caught", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function brokenCopy(file: string, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), "kb-"));
    dirs.push(dir);
    cpSync(dataDir, dir, { recursive: true });
    const path = join(dir, file);
    const before = readFileSync(path, "utf8");
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(path, after);
    return dir;
  }

  const cases: Array<[string, string, (t: string) => string, RegExp]> = [
    ["a transposed phone number", "contacts.yaml", (t) => t.replace("0800-080-4583", "0800-080-4538"), /0800-080-4538/],
    ["a changed hour", "contacts.yaml", (t) => t.replace("9:00～17:30", "9:00～18:30"), /9:00～18:30/],
    ["an invented URL", "topics/3-links.yaml", (t) => `${t}\n# https://example.com/form\n`, /example\.com/],
    [
      "a quote the guide does not say",
      "topics/1-3.yaml",
      (t) => t.replaceAll("へその旨お知らせ", "へ至急お知らせ"),
      /1-3/,
    ],
    [
      "「通話無料」 for a maker's 0120 number",
      "contacts.yaml",
      (t) => t.replace(/(phone: 0120-924-524\n\s+)tollFree: false/, "$1tollFree: true"),
      /fujitsu: ガイドは 0120-924-524 を「通話無料」と書いていません/,
    ],
    [
      "a copy of the guide's typo",
      "topics/2-5.yaml",
      (t) => t.replace("記入いただくようご案内ください。\n", "記入いただいてください。\n"),
      /2-5\.yaml: 「いただいてください」はガイドの誤記/,
    ],
    [
      "an inferred page number",
      "topics/1-3.yaml",
      (t) => t.replace("  pages: []", "  pages: [P4]"),
      /1-3: source\.pages: P4 はガイドがこの項目のページとして書いていません/,
    ],
    [
      "a closure the guide does not name, stated as dated",
      "contacts.yaml",
      (t) =>
        t.replace(
          "{ kind: year-end, label: 年末年始, guide: silent,",
          "{ kind: year-end, label: 年末年始, guide: undated,",
        ),
      /callcenter: 「年末年始」が受付時間の記載（hoursText）にありません/,
    ],
  ];

  it.each(cases)("%s", (_name, file, edit, expected) => {
    const dir = brokenCopy(file, edit);
    const problems = checkFaithfulness(guide, loadKb(dir), readKnowledgeYaml(dir));
    expect(problems.join("\n")).toMatch(expected);
  });

  it("npm run kb:check fails on a transposed number and names it", () => {
    const dir = brokenCopy("contacts.yaml", (t) => t.replaceAll("0800-080-4583", "0800-080-4538"));
    const root = findProjectRoot();
    let stderr = "";
    let status = 0;
    try {
      execFileSync(process.execPath, [join(root, "dist", "src", "cli.js"), "kb-check", dir], { stdio: "pipe" });
    } catch (err) {
      const e = err as { status: number; stderr: Buffer };
      status = e.status;
      stderr = e.stderr.toString();
    }
    expect(status).toBe(1);
    expect(stderr).toContain("0800-080-4538");
    expect(stderr).toContain("ガイドにありません");
  });
});
