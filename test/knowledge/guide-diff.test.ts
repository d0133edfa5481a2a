import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffGuide, formatGuideDiff, guideSections } from "../../src/knowledge/guide-diff.js";
import { type Guide, loadGuide } from "../../src/knowledge/load-guide.js";
import { loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { findProjectRoot } from "../../src/project-root.js";

const guide: Guide = (() => {
  const g = loadGuide();
  if (!g.ok) throw new Error(g.message);
  return g.guide;
})();
const kb: KnowledgeBase = (() => {
  const k = loadKnowledge();
  if (!k.ok) throw new Error(k.message);
  return k.kb;
})();

/** The guide with one edit; the edit must change something. */
function edited(from: string, to: string): string {
  expect(guide.text).toContain(from);
  return guide.text.replace(from, to);
}

const PANASONIC = "パナソニック コネクト株式会社：0120-878-400\n\n-受付時間 9:00～17:30（土・日・祝日除く）";
const ATLAS = "-受付時間 9:00～20:00（土・日・祝日・年末年始を除く）";
const SENTENCE = "なお、その間に別の患者が顔認証付きカードリーダーをご利用頂いても問題ございません。";

describe("guide:diff — a new edition against the knowledge base", () => {
  it("the same text: nothing to re-check", () => {
    const diff = diffGuide(guide, guide.text, kb);
    expect(diff.sameText).toBe(true);
    expect(diff.sections).toEqual([]);
  });

  it("a changed hour: names the line, the old and new wording, and the topic to re-check", () => {
    const diff = diffGuide(guide, edited(PANASONIC, PANASONIC.replace("9:00～17:30", "9:00～18:00")), kb);
    const text = formatGuideDiff(diff, "new.txt");
    expect(text).toContain("受付時間 9:00～18:00 が加わりました");
    expect(text).toContain("パナソニック コネクト（0120-878-400）の記載が変わりました");
    expect(text).toContain("3-reader-panasonic source.quotes: 「受付時間 9:00～17:30（土・日・祝日除く）」");
    expect(diff.topics).toEqual(["3-reader-panasonic"]);
  });

  it("a new maker: names its number and wording and what to add", () => {
    const added = `${ATLAS}\n\n株式会社サンプル電機：0120-000-111\n\n-受付時間 10:00～16:00（土・日・祝日除く）`;
    const text = formatGuideDiff(diffGuide(guide, edited(ATLAS, added), kb), "new.txt");
    expect(text).toContain("電話番号 0120-000-111 が加わりました");
    expect(text).toContain("新しい番号 0120-000-111：「株式会社サンプル電機：0120-000-111-受付時間10:00～16:00");
    expect(text).toContain("contacts.yaml に窓口を");
  });

  it("a removed sentence: names the quote and its topic", () => {
    const diff = diffGuide(guide, edited(SENTENCE, ""), kb);
    expect(diff.topics).toEqual(["2-1"]);
    expect(formatGuideDiff(diff, "new.txt")).toContain(`2-1 source.quotes: 「${SENTENCE}」`);
  });

  it("sections added or gone in the table of contents", () => {
    const toc = "- ⑤ 患者の実物のマイナンバーカードが使用できない場合の対応\n";
    expect(guideSections(guide.text).size).toBe(12);
    const more = diffGuide(guide, edited(toc, `${toc}- ⑥ 新しい場合の対応\n`), kb);
    expect(formatGuideDiff(more, "n")).toContain("追加：2-⑥ 新しい場合の対応");
    const fewer = diffGuide(guide, edited(toc, ""), kb);
    expect(formatGuideDiff(fewer, "n")).toContain("削除：2-⑤ 患者の実物のマイナンバーカードが使用できない場合の対応");
    expect(fewer.topics).toContain("2-5");
  });

  describe("npm run guide:diff NEW.txt (the built script)", () => {
    const dir = mkdtempSync(join(tmpdir(), "guide-diff-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = (file: string) => {
      try {
        const stdout = execFileSync(
          process.execPath,
          [join(findProjectRoot(), "dist", "scripts", "guide-diff.js"), file],
          {
            stdio: "pipe",
            encoding: "utf8",
          },
        );
        return { status: 0, stdout };
      } catch (err) {
        const e = err as { status: number; stdout: string; stderr: string };
        return { status: e.status, stdout: e.stdout + e.stderr };
      }
    };

    it("prints what to re-check and exits 1 when the edition differs, 0 when it is the same", () => {
      const changed = join(dir, "changed.txt");
      writeFileSync(changed, edited(SENTENCE, ""));
      const result = run(changed);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("■ 確認し直す回答（トピック）：2-1");
      const same = join(dir, "same.txt");
      writeFileSync(same, guide.text);
      expect(run(same).status).toBe(0);
      expect(run(join(dir, "missing.txt"))).toEqual({ status: 2, stdout: expect.stringContaining("読み込めません") });
    });
  });
});
