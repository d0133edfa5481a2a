import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/engine/answer-engine.js";
import { renderAnswerText } from "../../src/engine/render-text.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { checkTopicContract, contractTopicIds, readContractTopicIds } from "../../src/knowledge/topic-contract.js";
import { findProjectRoot } from "../../src/project-root.js";
import { fakeMatcher, jst } from "../engine/fixture-kb.js";

function load(dir?: string): KnowledgeBase {
  const result = loadKnowledge(dir);
  if (!result.ok) throw new Error(result.message);
  return result.kb;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("topic IDs come from the data and agree with docs/spec/topics.md", () => {
  it("the topic files are exactly the contract's IDs, in its order", () => {
    const ids = readContractTopicIds();
    expect(ids).toHaveLength(21);
    expect([...load().topics.keys()]).toEqual(ids);
    expect(checkTopicContract(load(), ids)).toEqual([]);
  });

  it("reads only the first table (the variants table's rows are not topics)", () => {
    const md = "| id | x |\n|---|---|\n| `1-1` | a |\n| `9-1` | b |\n## Variants\n| `1-2` | `lost` |\n";
    expect(contractTopicIds(md)).toEqual(["1-1", "9-1"]);
  });

  it("names a file the contract does not list and a listed ID without a file", () => {
    const problems = checkTopicContract(load(), [...readContractTopicIds().filter((id) => id !== "3-form"), "4-1"]);
    expect(problems).toEqual([
      "topics/3-form: docs/spec/topics.md の表にないトピック ID です",
      'docs/spec/topics.md: トピック "4-1" のファイルが topics/ にありません',
    ]);
  });
});

describe("the engine has no topic IDs in its code", () => {
  it("no comparison with a topic ID literal in src/nlp, src/engine, src/knowledge or src/bots (none is the contract's fallback)", () => {
    const root = findProjectRoot();
    const offenders: string[] = [];
    for (const dir of [
      "src/nlp",
      "src/engine",
      "src/engine/conversation",
      "src/state",
      "src/knowledge",
      "src/bots",
      "src/bots/teams",
      "src/bots/slack",
      "src/bots/web",
    ]) {
      for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith(".ts"))) {
        const text = readFileSync(join(root, dir, f), "utf8");
        if (/(?:id|topic)\s*[!=]==\s*"\d-[\w-]*"|\[\s*"\d-\d|(?:startsWith|includes)\(\s*"\d-|return\s+"\d-/.test(text))
          offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("adding a section of the guide is adding a file", () => {
  it("a fixture topic file with declared behaviour is loaded, answered and rendered without a code change", () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-topic-"));
    dirs.push(dir);
    cpSync(defaultKnowledgeDir(), dir, { recursive: true });
    const examples = Array.from({ length: 15 }, (_, i) => `フィクスチャの例文 ${i + 1}`);
    writeFileSync(
      join(dir, "topics", "2-6.yaml"),
      [
        'id: "2-6"',
        "order: 105",
        "outage: true",
        "section: 2-⑥",
        "sectionTitle: フィクスチャの新しい項目",
        "title: 新しい項目（フィクスチャ）",
        "situation: 新しい版のガイドに項目が増えた。",
        "summary: フィクスチャの要約です。",
        "readAloud: フィクスチャの読み上げです。",
        "steps:",
        "  - text: フィクスチャの手順です。",
        "crossRefs:",
        '  - { topic: "2-4", relation: see-also, text: その場の対応, carrySteps: true }',
        "clarify:",
        "  question: どちらですか？",
        "  choices:",
        '    - { label: 停電, topic: "2-4" }',
        '    - { label: 新しい項目, topic: "2-6" }',
        "source: { section: 2-⑥, quotes: [停電] }",
        "matching:",
        `  examples: [${examples.join(", ")}]`,
        "  keywords: [フィクスチャ]",
      ].join("\n"),
    );
    const kb = load(dir);
    expect([...kb.topics.keys()].indexOf("2-6")).toBe([...kb.topics.keys()].indexOf("2-5") + 1);
    const engine = createAnswerEngine({ kb, matcher: fakeMatcher({ 増えた項目: { id: "2-6" } }) });
    const a = engine.answer({ text: "増えた項目", now: jst("2026-11-23T10:00:00") });
    expect(a.topic).toBe("2-6");
    // outage: true → the call center with its status and the closed warning; carrySteps → 2-④'s steps inline
    expect(a.lines[0]?.id).toBe("callcenter");
    expect(a.warnings.join("")).toContain("コールセンターは10:00 時点で受付時間外です");
    expect(a.crossRefs[0]?.steps.length).toBeGreaterThan(0);
    expect(a.clarify?.choices.map((c) => c.topic)).toEqual(["2-4", "2-6"]);
    expect(renderAnswerText(a)).toContain("【2-⑥】新しい項目（フィクスチャ）");
    // …and the contract check asks for the new row in docs/spec/topics.md
    expect(checkTopicContract(kb, readContractTopicIds())).toEqual([
      "topics/2-6: docs/spec/topics.md の表にないトピック ID です",
    ]);
    expect(checkTopicContract(kb, [...readContractTopicIds(), "2-6"])).toEqual([]);
  });
});
