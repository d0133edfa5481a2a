import { beforeAll, describe, expect, it } from "vitest";
import { answerMessage, renderAnswerCard } from "../../../src/bots/teams/render-card.js";
import { renderHelpCard, renderWelcomeCard } from "../../../src/bots/teams/static-cards.js";
import type { Core } from "../../../src/core.js";
import type { Answer } from "../../../src/engine/answer-model.js";
import { PERSONAL_NUMBER_WARNING } from "../../../src/privacy/messages.js";
import { sharedCore } from "../../helpers/test-server.js";
import { cardActions, cardProblems, cardTexts } from "./validate-card.js";

// Teams refuses bot messages over about 28 KB.
const TEAMS_MESSAGE_LIMIT = 28 * 1024;
const NOW = new Date("2026-11-24T10:00:00+09:00");

let core: Core;

beforeAll(async () => {
  core = await sharedCore();
});

function every(): { name: string; answer: Answer }[] {
  const out: { name: string; answer: Answer }[] = [];
  for (const topic of core.kb.topics.values()) {
    out.push({ name: topic.id, answer: core.engine.answer({ text: "", topic: topic.id, now: NOW }) });
    for (const variant of topic.variants) {
      const answer = core.engine.answer({ text: "", topic: topic.id, variant: variant.id, now: NOW });
      out.push({ name: `${topic.id}/${variant.id}`, answer });
    }
  }
  return out;
}

describe("Adaptive Cards the bot sends", () => {
  it("1-① lists the guide's known differences; each line's status says 「HH:MM 時点」; makers are not 通話無料", () => {
    const texts = cardTexts(renderAnswerCard(core.engine.answer({ text: "", topic: "1-1", now: NOW }))).join("\n");
    expect(texts).toContain("差異が生じる可能性がある場合（ガイドの補足説明）");
    expect(texts).toContain("・本人・家族区分が異なっているもの");
    expect(texts).toContain("　例）カナの小文字が大文字になっているもの");
    const makers = cardTexts(renderAnswerCard(core.engine.answer({ text: "", topic: "3-reader", now: NOW }))).join(
      "\n",
    );
    expect(makers.match(/10:00 時点：/g)?.length).toBe(5);
    expect(makers).not.toContain("通話無料");
    expect(makers).toContain("出典：オンライン資格確認 運用時のヘルプガイド（版・日付の記載なし");
  });

  it("renders a valid 1.5 card, under Teams' size limit, for every topic and variant", () => {
    const all = every();
    expect(all.length).toBeGreaterThanOrEqual(core.kb.topics.size);
    for (const { name, answer } of all) {
      const card = renderAnswerCard(answer);
      expect({ name, problems: cardProblems(card) }).toEqual({ name, problems: [] });
      expect(card.version).toBe("1.5");
      expect(JSON.stringify(answerMessage(answer)).length, name).toBeLessThan(TEAMS_MESSAGE_LIMIT);
      expect(cardTexts(card).some((t) => t.startsWith("出典：オンライン資格確認 運用時のヘルプガイド"))).toBe(true);
    }
  });

  it("renders the clarifying question with a button per choice (3-reader: five makers)", () => {
    const answer = core.engine.answer({ text: "", topic: "3-reader", now: NOW });
    expect(answer.clarify?.choices).toHaveLength(5);
    const card = renderAnswerCard(answer);
    expect(cardProblems(card)).toEqual([]);
    const topics = cardActions(card, "Action.Submit").map((a) => a.data?.topic);
    for (const choice of answer.clarify?.choices ?? []) expect(topics).toContain(choice.topic);
  });

  it("renders the out-of-guide answer with the call center's number and the inquiry form", () => {
    const answer = core.engine.answer({ text: "今日の天気は？", now: NOW });
    expect(answer.topic).toBe("none");
    const card = renderAnswerCard(answer);
    expect(cardProblems(card)).toEqual([]);
    expect(cardTexts(card)[0]).toBe("ヘルプガイドに記載のない内容です");
    const urls = cardActions(card, "Action.OpenUrl").map((a) => a.url);
    expect(urls).toContain("tel:08000804583");
    expect(urls.some((u) => u?.startsWith("https://"))).toBe(true);
  });

  it("puts warnings first, in an attention container", () => {
    const base = core.engine.answer({ text: "", topic: "1-2", now: NOW });
    const card = renderAnswerCard({ ...base, warnings: [PERSONAL_NUMBER_WARNING] });
    expect(cardProblems(card)).toEqual([]);
    const warning = card.body.find((e) => e.type === "Container" && e.style === "attention");
    expect(JSON.stringify(warning)).toContain(PERSONAL_NUMBER_WARNING);
  });

  it("renders did-you-mean and related topics as buttons that pick the topic", () => {
    const answer = core.engine.answer({ text: "無効と表示された", now: NOW });
    const picks = cardActions(renderAnswerCard(answer), "Action.Submit").map((a) => a.data);
    for (const alt of answer.alternatives) expect(picks).toContainEqual({ action: "topic", topic: alt.topic });
    for (const rel of answer.related) expect(picks).toContainEqual({ action: "topic", topic: rel.topic });
  });

  it("renders valid welcome and help cards", () => {
    for (const card of [renderWelcomeCard(), renderHelpCard(core.kb)]) {
      expect(cardProblems(card)).toEqual([]);
      expect(card.fallbackText?.length).toBeGreaterThan(0);
    }
  });

  it("the validator does catch a broken card", () => {
    const broken = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "x", weight: "heavy" }] };
    expect(cardProblems(broken)).not.toEqual([]);
    const noUrl = { type: "AdaptiveCard", version: "1.5", body: [], actions: [{ type: "Action.OpenUrl", title: "x" }] };
    expect(cardProblems(noUrl)).not.toEqual([]);
  });
});
