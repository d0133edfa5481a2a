import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { createAnswerEngine } from "../../src/engine/answer-engine.js";
import type { Answer, Query } from "../../src/engine/answer-model.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import { contactsFileSchema, type KnowledgeBase, type TopicId, topicSchema } from "../../src/knowledge/schema.js";
import type { Matcher, MatchResult } from "../../src/nlp/match-result.js";
import { TOPIC_IDS } from "../helpers/topic-ids.js";

/** A wall-clock time in Tokyo, whatever the machine's TZ. */
export const jst = (local: string) => new Date(`${local}+09:00`);
/** Tuesday 10:00: every line with hours is open. */
export const WEEKDAY_MORNING = jst("2026-11-24T10:00:00");

/** A fake matcher: exact strings to results; anything else is "none". */
export function fakeMatcher(table: Readonly<Record<string, Partial<MatchResult> & { id: TopicId }>> = {}): Matcher {
  return {
    match(text: string): MatchResult {
      const hit = table[text];
      return hit ? { confidence: 0.9, alternatives: [], ...hit } : { id: "none", confidence: 0.1, alternatives: [] };
    },
  };
}

export function engineFor(kb: KnowledgeBase, matcher: Matcher = fakeMatcher()) {
  const engine = createAnswerEngine({ kb, matcher, clock: () => WEEKDAY_MORNING });
  return (query: Query | string): Answer => engine.answer(typeof query === "string" ? { text: query } : query);
}

let real: KnowledgeBase | undefined;
/** The knowledge base as the topic authors wrote it. */
export function realKb(): KnowledgeBase {
  if (real) return real;
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error(`knowledge base does not load:\n${loaded.message}`);
  real = loaded.kb;
  return real;
}

const step = (text: string, substeps: string[] = []) => ({ text, substeps });
const MAKERS = ["fujitsu", "panasonic", "almex", "canon", "atlas"] as const;

/** Only what the engine reads; the rest is filler that satisfies the schema. */
const SPECIFIC: Partial<Record<TopicId, Record<string, unknown>>> = {
  "1-1": {
    checker: "difference",
    differenceLead: "下記の場合、差異が生じる可能性があります。",
    differencePatterns: [
      { id: "symbol", label: "記号・番号に●", guideText: "g", cues: ["●", "空白"] },
      { id: "name-blank", label: "氏名に空白", guideText: "g", cues: ["氏名に空白"] },
    ],
    crossRefs: [
      { topic: "1-4", relation: "exception", text: "例外（P6）" },
      { topic: "2-3", relation: "exception", text: "例外（P9）" },
    ],
  },
  "1-2": {
    steps: [step("①fixture 資格確認"), step("②fixture 申立書")],
    variants: [
      {
        id: "lost",
        label: "無効",
        screenMessages: ["資格喪失"],
        state: "マイナンバーカード、資格確認書情報による資格確認で喪失。",
      },
      {
        id: "new",
        label: "新しい資格あり",
        screenMessages: ["無効（新しい資格あり）"],
        state: "資格確認書情報による資格確認で新しい資格。",
      },
      {
        id: "none",
        label: "該当資格なし",
        screenMessages: ["該当資格なし"],
        state: "資格確認書情報による資格確認では入力誤り。マイナンバーカードによる資格確認では登録遅れ。",
      },
    ],
    clarify: {
      question: "どちらで確認しましたか？",
      settledBy: "method",
      choices: [
        { label: "マイナンバーカード", topic: "1-2", fact: "マイナンバーカードで資格確認" },
        { label: "資格確認書", topic: "1-2", fact: "資格確認書で資格確認" },
      ],
    },
  },
  "1-3": {
    crossRefs: [{ topic: "1-2", relation: "procedure", text: "P3 参照" }],
    phoneLines: ["callcenter"],
    parties: ["vendor"],
  },
  "1-4": {
    checker: "combination",
    comboTable: [
      {
        no: 1,
        wrong: { ratio: "1割または2割負担", category: "現役並み" },
        right: { ratio: "1割または2割負担", category: "一般又は低所得" },
        ratios: ["1", "2"],
        rightCategories: ["一般", "低所得"],
      },
      {
        no: 2,
        wrong: { ratio: "3割負担", category: "一般又は低所得" },
        right: { ratio: "3割負担", category: "現役並み" },
        ratios: ["3"],
        rightCategories: ["現役並み"],
      },
    ],
    parties: ["insurer"],
  },
  "2-1": {
    variants: [
      {
        id: "failed",
        label: "失敗",
        screenMessages: ["登録に失敗しました。受付窓口までお越しください。"],
        steps: [step("資格確認書で確認")],
      },
      {
        id: "processing",
        label: "処理中",
        screenMessages: ["登録を受け付けました。処理しております"],
        steps: [step("2-3分程度")],
      },
    ],
  },
  "2-2": { parties: ["welfare-office"] },
  "2-3": { crossRefs: [{ topic: "1-2", relation: "procedure", text: "P3 参照" }] },
  "2-4": {
    steps: [step("①提示"), step("②申立書")],
    outage: true,
    crossRefs: [{ topic: "2-4-emergency", relation: "see-also", text: "手続き", carrySteps: true }],
  },
  "2-4-emergency": {
    steps: [step("1. コールセンターへ連絡"), step("2. 電話確認"), step("3. 利用設定"), step("4. 利用")],
    outage: true,
    crossRefs: [{ topic: "2-4", relation: "see-also", text: "その場の対応", carrySteps: true }],
    phoneLines: ["callcenter"],
  },
  "3-callcenter": { phoneLines: ["callcenter"] },
  "3-vendor": { parties: ["vendor"] },
  "3-reader": {
    phoneLines: [...MAKERS],
    parties: ["reader-maker"],
    clarify: {
      question: "どのメーカーですか？",
      settledBy: "nothing",
      choices: MAKERS.map((m) => ({ label: m, topic: `3-reader-${m}` })),
    },
  },
  ...Object.fromEntries(MAKERS.map((m) => [`3-reader-${m}`, { phoneLines: [m], parties: ["reader-maker"] }])),
  none: { phoneLines: ["callcenter"] },
};

/** A small, stable knowledge base: real contacts, topics that hold only what a test needs. */
export function fixtureKb(): KnowledgeBase {
  const contacts = contactsFileSchema.parse(parse(readFileSync(join(defaultKnowledgeDir(), "contacts.yaml"), "utf8")));
  const topics = new Map(
    TOPIC_IDS.map((id) => [
      id,
      topicSchema.parse({
        id,
        section: `S${id}`,
        sectionTitle: `見出し${id}`,
        title: `題${id}`,
        situation: "状況",
        summary: `要約${id}。`,
        readAloud: "読み上げ",
        source: { section: `S${id}`, pages: [], quotes: ["引用"] },
        matching: { examples: Array.from({ length: 15 }, (_, i) => `例${i}`), keywords: ["k"] },
        ...SPECIFIC[id],
      }),
    ]),
  );
  return {
    citation: "ヘルプガイド（fixture 版）",
    topics,
    phoneLines: new Map(contacts.phoneLines.map((l) => [l.id, l])),
    links: new Map(contacts.links.map((l) => [l.id, l])),
    parties: new Map(contacts.parties.map((p) => [p.id, p])),
  };
}
