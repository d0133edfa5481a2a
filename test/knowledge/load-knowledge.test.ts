import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import { TOPIC_IDS } from "../helpers/topic-ids.js";

const copies: string[] = [];

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway copy of the real data folder, to break on purpose. */
function copyOfBase(): string {
  const dir = mkdtempSync(join(tmpdir(), "kb-broken-"));
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  copies.push(dir);
  return dir;
}

function topicFile(dir: string, id: string): string {
  return join(dir, "topics", `${id}.yaml`);
}

/** Replaces one exact piece of a file; fails loudly if the piece is not there (the fixture drifted). */
function replaceIn(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, "utf8");
  if (typeof from === "string") expect(text, file).toContain(from);
  else expect(text, file).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

function failureOf(dir: string): string {
  const result = loadKnowledge(dir);
  expect(result.ok).toBe(false);
  return result.ok ? "" : result.message;
}

const shown = (...parts: string[]) => join(...parts);

describe("loadKnowledge: the real knowledge base", () => {
  it("loads all 21 topics in contract order, with the contacts", () => {
    const result = loadKnowledge();
    if (!result.ok) expect.fail(result.message);
    expect([...result.kb.topics.keys()]).toEqual([...TOPIC_IDS]);
    expect([...result.kb.phoneLines.keys()]).toEqual(["callcenter", "fujitsu", "panasonic", "almex", "canon", "atlas"]);
    expect([...result.kb.links.keys()].sort()).toEqual(["inquiry-form", "manual", "mhlw", "terms"]);
    expect([...result.kb.parties.keys()].sort()).toEqual(["insurer", "reader-maker", "vendor", "welfare-office"]);
  });

  it("stores each topic in the file named after its id", () => {
    const result = loadKnowledge();
    if (!result.ok) expect.fail(result.message);
    for (const id of TOPIC_IDS) {
      const raw = readFileSync(topicFile(defaultKnowledgeDir(), id), "utf8");
      expect(raw, `${id}.yaml`).toMatch(new RegExp(`^id: "?${id}"?$`, "m"));
    }
  });
});

describe("loadKnowledge: broken copies fail with file, path and reason", () => {
  it("reports the references a missing topic file leaves dangling (the contract check names the file: topic-contract.test)", () => {
    const dir = copyOfBase();
    unlinkSync(topicFile(dir, "2-5"));
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "2-2.yaml")}: related.0: 参照先 "2-5" がありません`);
  });

  it("reports a duplicate topic id with both files", () => {
    const dir = copyOfBase();
    cpSync(topicFile(dir, "1-1"), join(dir, "topics", "zz-copy.yaml"));
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "zz-copy.yaml")}: id: "1-1" は `);
    expect(message).toContain(`${shown("topics", "1-1.yaml")} と重複しています`);
  });

  it("reports a phone number in the wrong format", () => {
    const dir = copyOfBase();
    replaceIn(join(dir, "contacts.yaml"), "phone: 0800-080-4583", "phone: 0800-0804583");
    const message = failureOf(dir);
    expect(message).toContain(
      "contacts.yaml: phoneLines.0.phone: 電話番号は 0から始まり、ハイフン区切りで書いてください",
    );
  });

  it("reports a phone number with too few digits", () => {
    const dir = copyOfBase();
    replaceIn(join(dir, "contacts.yaml"), "phone: 03-6636-0333", "phone: 03-663-033");
    const message = failureOf(dir);
    expect(message).toContain("contacts.yaml: phoneLines.4.phone: 電話番号の桁数が正しくありません");
  });

  it("reports a duplicate phone line id", () => {
    const dir = copyOfBase();
    replaceIn(join(dir, "contacts.yaml"), "id: fujitsu", "id: callcenter");
    const message = failureOf(dir);
    expect(message).toContain('contacts.yaml: phoneLines: id "callcenter" が重複しています');
  });

  it("reports a crossRef to a topic whose file is gone", () => {
    const dir = copyOfBase();
    unlinkSync(topicFile(dir, "1-2"));
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "1-3.yaml")}: crossRefs.0.topic: 参照先 "1-2" がありません`);
    expect(message).toContain(`${shown("topics", "2-3.yaml")}: crossRefs.0.topic: 参照先 "1-2" がありません`);
  });

  it("reports a crossRef to a topic that has no file", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "1-3"), 'topic: "1-2"\n    relation: procedure', 'topic: "1-9"\n    relation: procedure');
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "1-3.yaml")}: crossRefs.0.topic: 参照先 "1-9" がありません`);
  });

  it("reports a crossRef to the topic itself", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "2-3"), 'topic: "1-2"\n    relation: procedure', 'topic: "2-3"\n    relation: procedure');
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "2-3.yaml")}: crossRefs.0.topic: 自分自身は参照できません`);
  });

  it("reports a related topic that has no file", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "2-2"), 'related: ["2-5", "1-2"]', 'related: ["2-5", "2-6"]');
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "2-2.yaml")}: related.1: 参照先 "2-6" がありません`);
  });

  it("reports a phone line that contacts.yaml does not have", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "1-3"), "phoneLines: [callcenter]", "phoneLines: [call-centre]");
    const message = failureOf(dir);
    expect(message).toContain(
      `${shown("topics", "1-3.yaml")}: phoneLines.0: 窓口 "call-centre" は contacts.yaml にありません`,
    );
  });

  it("reports a link that contacts.yaml does not have", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "2-5"), "links: [manual]", "links: [manual-v2]");
    const message = failureOf(dir);
    expect(message).toContain(
      `${shown("topics", "2-5.yaml")}: links.0: リンク "manual-v2" は contacts.yaml にありません`,
    );
  });

  it("reports invalid YAML with its line", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "2-2"), "title: 患者が", 'title: "閉じていない引用符 患者が');
    const message = failureOf(dir);
    expect(message).toMatch(/2-2\.yaml: \d+行目 \d+列 YAML の書式が正しくありません/);
  });

  it("reports a key written twice as invalid YAML", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "3-form"), "links: [inquiry-form]", "links: [inquiry-form]\nlinks: [manual]");
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "3-form.yaml")}:`);
    expect(message).toContain("YAML の書式が正しくありません");
  });

  it("reports a clarify choice naming a variant the topic does not have", () => {
    const dir = copyOfBase();
    replaceIn(
      topicFile(dir, "1-2"),
      "fact: マイナンバーカードで資格確認",
      "fact: マイナンバーカードで資格確認\n      variant: expired",
    );
    const message = failureOf(dir);
    expect(message).toContain(
      `${shown("topics", "1-2.yaml")}: clarify.choices.0.variant: "1-2" に "expired" はありません`,
    );
  });

  it("reports a variant id written twice", () => {
    const dir = copyOfBase();
    replaceIn(topicFile(dir, "2-1"), "id: processing", "id: failed");
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "2-1.yaml")}: variants.1.id: "failed" が重複しています`);
  });

  it("reports an empty readAloud and too few examples", () => {
    const dir = copyOfBase();
    const file = topicFile(dir, "3-vendor");
    replaceIn(file, /^readAloud: .*$/m, 'readAloud: "  "');
    replaceIn(file, /^ {2}examples:\n(?: {4}- .*\n)+/m, "  examples:\n    - レセコンの操作\n    - 電カルの設定\n");
    const message = failureOf(dir);
    expect(message).toContain(`${shown("topics", "3-vendor.yaml")}: readAloud: 空の文字列は使えません`);
    expect(message).toContain(`${shown("topics", "3-vendor.yaml")}: matching.examples: examples は15件以上必要です`);
  });

  it("reports a missing topics folder", () => {
    const dir = copyOfBase();
    rmSync(join(dir, "topics"), { recursive: true });
    const message = failureOf(dir);
    expect(message).toMatch(/topics: フォルダが読み込めません/);
  });
});
