import { beforeAll, describe, expect, it } from "vitest";
import type { Block } from "../../../src/bots/slack/block-parts.js";
import { renderAnswerBlocks, type SlackMessage } from "../../../src/bots/slack/render-blocks.js";
import { renderHome } from "../../../src/bots/slack/render-home.js";
import { clip, clipEscaped, escapeMrkdwn, plainFromSlack } from "../../../src/bots/slack/slack-text.js";
import type { Core } from "../../../src/core.js";
import type { Answer } from "../../../src/engine/answer-model.js";
import { lineStatus } from "../../../src/engine/line-status.js";
import { sharedCore } from "../../helpers/test-server.js";

let core: Core;
beforeAll(async () => {
  core = await sharedCore();
});

const NOW = new Date("2026-11-24T10:00:00+09:00");

interface Element {
  type: string;
  text?: string | { text: string };
  action_id?: string;
  value?: string;
}

/** Every limit Slack enforces on what we send (https://docs.slack.dev/reference/block-kit/blocks). */
function limitProblems(blocks: readonly Block[], maxBlocks: number): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks`);
  for (const raw of blocks) {
    const block = raw as unknown as { type: string; text?: { text: string }; elements?: Element[] };
    if (block.type === "header" && (block.text!.text.length > 150 || block.text!.text === "")) problems.push("header");
    if (block.type === "section" && (block.text!.text.length > 3000 || block.text!.text.trim() === ""))
      problems.push(`section of ${block.text!.text.length}`);
    if (block.type === "context") {
      if (block.elements!.length > 10) problems.push("context elements");
      for (const e of block.elements!) if (String(e.text).length > 2000) problems.push("context text");
    }
    if (block.type === "actions") {
      if (block.elements!.length > 25 || block.elements!.length === 0) problems.push("actions elements");
      for (const e of block.elements!) {
        const label = typeof e.text === "object" ? e.text.text : "";
        if (label.length > 75 || label === "") problems.push(`button text ${label.length}`);
        if ((e.value ?? "").length > 2000) problems.push("button value");
        if (!e.action_id || e.action_id.length > 255 || ids.has(e.action_id)) problems.push(`action_id ${e.action_id}`);
        ids.add(e.action_id ?? "");
      }
    }
  }
  return problems;
}

function check(message: SlackMessage, what: string) {
  expect(limitProblems(message.blocks, 50), what).toEqual([]);
  expect(message.text.length, what).toBeGreaterThan(0);
  expect(message.text.length, what).toBeLessThan(40_000);
}

describe("renderAnswerBlocks", () => {
  it("keeps Slack's limits for every topic, variant and clarifying choice", () => {
    let rendered = 0;
    for (const topic of core.kb.topics.values()) {
      const answers: Answer[] = [core.engine.answer({ text: "", topic: topic.id, now: NOW })];
      for (const v of topic.variants)
        answers.push(core.engine.answer({ text: "", topic: topic.id, variant: v.id, now: NOW }));
      for (const c of topic.clarify?.choices ?? [])
        answers.push(core.engine.answer({ text: "", topic: c.topic, ...(c.fact ? { fact: c.fact } : {}), now: NOW }));
      for (const answer of answers) {
        check(renderAnswerBlocks(answer, { question: "質問".repeat(2000), shareable: true }), topic.id);
        check(renderAnswerBlocks(answer), topic.id);
        rendered++;
      }
      const first = renderAnswerBlocks(answers[0]!);
      expect(JSON.stringify(first.blocks), topic.id).toContain(
        `出典：オンライン資格確認 運用時のヘルプガイド（版・日付の記載なし・SHA-256 4178091420b5） ${topic.source.section}`,
      );
    }
    expect(rendered).toBeGreaterThanOrEqual(core.kb.topics.size);
  });

  it("cuts an oversized answer safely: 50 blocks, 3,000-character sections, 75-character buttons", () => {
    const base = core.engine.answer({ text: "", topic: "3-reader", now: NOW });
    const long = "長い説明&<>".repeat(700);
    const huge: Answer = {
      ...base,
      title: "題".repeat(400),
      summary: long,
      warnings: [long, long],
      steps: Array.from({ length: 80 }, () => ({ text: long, substeps: [long], notes: [long] })),
      notes: Array.from({ length: 40 }, () => long),
      related: Array.from({ length: 30 }, () => ({ topic: "1-2" as const, title: "題".repeat(200), section: "1-②" })),
      alternatives: Array.from({ length: 30 }, () => ({
        topic: "1-3" as const,
        title: "別",
        section: "1-③",
        confidence: 0.3,
      })),
    };
    const message = renderAnswerBlocks(huge, { question: long, shareable: true });
    check(message, "huge");
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain("省略しました");
    expect(shown).toContain("onshi_feedback_yes");
    expect(shown).toContain("出典：");
  });

  it("escapes quoted user text so it cannot mention anyone or disguise a link", () => {
    // A question whose two best topics are close: the runner-up is offered beside the answer.
    const answer = core.engine.answer({ text: "問い合わせたい", now: NOW });
    expect(answer.alternatives.length).toBeGreaterThan(0);
    const question = "<!channel> <!here> <@U123> <https://evil.example|bank> & 無効";
    const message = renderAnswerBlocks(answer, { question });
    const shown = JSON.stringify(message.blocks, (key, v) => (key === "value" ? undefined : v));
    expect(shown).toContain(
      "『&lt;!channel&gt; &lt;!here&gt; &lt;＠U123&gt; &lt;https://evil.example|bank&gt; &amp; 無効』",
    );
    for (const raw of ["<!channel>", "<!here>", "<@U123>", "<https://evil"]) expect(shown).not.toContain(raw);
  });

  it("quotes the question without NUL, bidi overrides, zero-width characters or lone surrogates", () => {
    const answer = core.engine.answer({ text: "問い合わせたい", now: NOW });
    const question = "\u202e無\u200b効\u0000と\u2060表示\ud800された";
    const shown = JSON.stringify(renderAnswerBlocks(answer, { question }).blocks);
    expect(shown).toContain("『無効と表示された』");
    expect(shown).not.toMatch(/[\u200b\u202e\u2060]|\\u0000|\\ud800/);
  });

  it("adds the share button only when asked, and the feedback buttons always", () => {
    const answer = core.engine.answer({ text: "", topic: "2-2", now: NOW });
    const ids = (m: SlackMessage) => JSON.stringify(m.blocks).match(/"action_id":"[^"]+"/g) ?? [];
    expect(ids(renderAnswerBlocks(answer)).join()).not.toContain("onshi_share");
    expect(ids(renderAnswerBlocks(answer, { shareable: true })).join()).toContain("onshi_share");
    expect(ids(renderAnswerBlocks(answer)).join()).toContain("onshi_feedback_no");
  });

  it("shows each phone line with its number as text, hours and status now", () => {
    const answer = core.engine.answer({ text: "", topic: "3-callcenter", now: NOW });
    const shown = JSON.stringify(renderAnswerBlocks(answer).blocks);
    expect(shown).toContain("0800-080-4583");
    expect(shown).toContain("受付時間：");
    expect(shown).toContain("10:00 時点：受付中");
  });

  it("1-① lists the guide's known differences; every status says 「HH:MM 時点」; only the call center is 通話無料", () => {
    const diff = JSON.stringify(renderAnswerBlocks(core.engine.answer({ text: "", topic: "1-1", now: NOW })).blocks);
    expect(diff).toContain("・記号の漢字部分が省略されているもの");
    expect(diff).toContain("　例）カナが表示されていない");
    expect(diff).not.toContain("当てはまりませんでした");
    const makers = renderAnswerBlocks(core.engine.answer({ text: "", topic: "3-reader", now: NOW }));
    const rows = JSON.stringify(makers.blocks);
    expect(rows.match(/\d{1,2}:\d{2} 時点：/g)?.length).toBe(5);
    expect(rows).not.toContain("通話無料");
  });
});

describe("renderHome", () => {
  it("fits a Home tab and lists every topic and line", () => {
    const view = renderHome({
      topics: core.kb.topics.values(),
      lines: [...core.kb.phoneLines.values()].map((l) => lineStatus(l, NOW)),
      at: "11月24日（火）10:00",
      citation: core.kb.citation,
    });
    expect(limitProblems(view.blocks as Block[], 100)).toEqual([]);
    const shown = JSON.stringify(view.blocks);
    for (const t of core.kb.topics.values()) if (t.id !== "none") expect(shown).toContain(t.title);
  });
});

describe("slack text", () => {
  it("turns Slack markup back into the words the user wrote", () => {
    expect(plainFromSlack("<@UBOT> 無効と&lt;表示&gt; <https://x.example|ここ> <#C1|uketsuke> <!here>")).toBe(
      "無効と<表示> ここ #uketsuke @here",
    );
  });

  it("escapes and clips without breaking an entity or a surrogate pair", () => {
    expect(escapeMrkdwn("a&b<c>")).toBe("a&amp;b&lt;c&gt;");
    expect(clip("😀😀😀", 4)).toBe("😀…");
    expect(clipEscaped("ab&amp;cd", 5)).toBe("ab…");
  });
});
