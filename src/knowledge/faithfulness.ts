// The guide is the only source: every phone number, hour range, URL and quote of the knowledge base
// must stand in the guide, and every number, URL and hour range of the guide must be in the knowledge base.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Guide } from "./load-guide.js";
import type { KnowledgeBase } from "./schema.js";

const PHONE = /(?<!\d)0\d+-\d+-\d+(?!\d)/g;
const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+/g;
const HOURS = /(?<!\d)\d{1,2}:\d{2}～\d{1,2}:\d{2}(?!\d)/g;

/** Bold markers and all whitespace (the guide breaks lines and table cells anywhere) removed. */
export function normaliseGuideText(text: string): string {
  return text.replace(/\*\*/g, "").replace(/\s+/g, "");
}

function uniqueMatches(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])];
}

/** What the guide holds that the knowledge base must agree with, read once. */
export interface GuideFacts {
  phones: string[];
  urls: string[];
  hours: string[];
  /** Whitespace-free text with the guide's typos corrected, for quotes. */
  normalised: string;
  raw: string;
}

export function readGuideFacts(guide: Guide): GuideFacts {
  const corrected = guide.identity.corrections.reduce((t, c) => t.split(c.typo).join(c.corrected), guide.text);
  return {
    phones: uniqueMatches(guide.text, PHONE),
    urls: uniqueMatches(guide.text, URL),
    hours: uniqueMatches(guide.text, HOURS),
    normalised: normaliseGuideText(corrected),
    raw: guide.text,
  };
}

export interface YamlText {
  file: string;
  text: string;
}

/** The knowledge base's YAML files as text, so numbers written anywhere in them are checked. */
export function readKnowledgeYaml(dir: string): YamlText[] {
  const topicDir = join(dir, "topics");
  const files = [
    "contacts.yaml",
    ...readdirSync(topicDir)
      .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
      .sort()
      .map((f) => `topics/${f}`),
  ];
  return files.map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const CIRCLED = "①②③④⑤⑥⑦⑧⑨";

/** The guide's typos and the forms copying them produces: answers use the corrected form instead. */
function wordingProblems(guide: Guide, yaml: readonly YamlText[]): string[] {
  const problems: string[] = [];
  const banned = [...guide.identity.corrections.map((c) => c.typo), ...guide.identity.avoid];
  for (const { file, text } of yaml) {
    for (const form of banned) {
      if (!text.includes(form)) continue;
      const fix = guide.identity.corrections.find((c) => c.typo === form)?.corrected;
      problems.push(
        `${file}: 「${form}」はガイドの誤記（またはその写し）です${fix ? `。「${fix}」と書いてください` : ""}`,
      );
    }
  }
  return problems;
}

/** 「（通話無料）」 and tollFree only for a number the guide writes with 「（通話無料）」. */
function tollFreeProblems(facts: GuideFacts, kb: KnowledgeBase, yaml: readonly YamlText[]): string[] {
  const problems: string[] = [];
  const free = (phone: string) => facts.normalised.includes(`${phone}（通話無料）`);
  for (const line of kb.phoneLines.values()) {
    if (line.tollFree && !free(line.phone))
      problems.push(
        `contacts.yaml: ${line.id}: ガイドは ${line.phone} を「通話無料」と書いていません（tollFree: false）`,
      );
  }
  for (const { file, text } of yaml) {
    for (const m of normaliseGuideText(text).matchAll(/(0\d+-\d+-\d+)（通話無料）/g)) {
      if (m[1] && !free(m[1])) problems.push(`${file}: ガイドは ${m[1]} を「通話無料」と書いていません`);
    }
  }
  return problems;
}

/** Closures as the guide words them: dated and undated ones are in the line's hours text, silent ones are not. */
function closureProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const line of kb.phoneLines.values()) {
    const hours = normaliseGuideText(line.hoursText);
    for (const c of line.closures.filter((x) => x.kind !== "public-holidays")) {
      const said = hours.includes(normaliseGuideText(c.label));
      if (c.guide === "silent" && said)
        problems.push(
          `contacts.yaml: ${line.id}: 「${c.label}」はガイドに記載があります（guide: silent ではありません）`,
        );
      if (c.guide !== "silent" && !said)
        problems.push(`contacts.yaml: ${line.id}: 「${c.label}」が受付時間の記載（hoursText）にありません`);
    }
  }
  return problems;
}

/** A page is shown only where the guide names it for the section (「P3の「② 資格確認が…」」). */
function pageProblems(facts: GuideFacts, kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const topic of kb.topics.values()) {
    const circled = [...topic.source.section].find((ch) => CIRCLED.includes(ch)) ?? "";
    for (const page of topic.source.pages) {
      if (!circled || !facts.normalised.includes(`${page}の「${circled}`))
        problems.push(
          `${topic.id}: source.pages: ${page} はガイドがこの項目のページとして書いていません（推測のページ番号は書かないでください）`,
        );
    }
  }
  return problems;
}

/** Every way the knowledge base departs from the guide, one line each (empty: faithful). */
export function checkFaithfulness(guide: Guide, kb: KnowledgeBase, yaml: readonly YamlText[]): string[] {
  const facts = readGuideFacts(guide);
  const problems: string[] = [];
  if (guide.actualSha256 !== guide.identity.sha256) {
    problems.push(
      `guide/${guide.identity.file}: SHA-256 が guide/guide.yaml の記録と違います（${guide.actualSha256}）。新しい版なら npm run guide:diff で確認してから記録を更新してください`,
    );
  }
  const lines = [...kb.phoneLines.values()];
  const phones = lines.map((l) => l.phone);
  const urls = [...kb.links.values()].map((l) => l.url);
  for (const phone of facts.phones) {
    if (!phones.includes(phone)) problems.push(`contacts.yaml: ガイドの電話番号 ${phone} が窓口にありません`);
  }
  for (const url of facts.urls) {
    if (!urls.includes(url)) problems.push(`contacts.yaml: ガイドの URL ${url} がリンクにありません`);
  }
  for (const range of facts.hours) {
    const [open = "", close = ""] = range.split("～").map((t) => t.padStart(5, "0"));
    const inText = lines.some((l) => normaliseGuideText(l.hoursText).includes(range));
    const inHours = lines.some((l) => l.hours.some((h) => h.open === open && h.close === close));
    if (!inText || !inHours)
      problems.push(`contacts.yaml: ガイドの受付時間 ${range} が窓口の hoursText・hours にありません`);
  }
  for (const { file, text } of yaml) {
    for (const phone of uniqueMatches(text, PHONE)) {
      if (!facts.phones.includes(phone)) problems.push(`${file}: 電話番号 ${phone} はガイドにありません`);
    }
    for (const url of uniqueMatches(text, URL)) {
      if (!facts.urls.includes(url)) problems.push(`${file}: URL ${url} はガイドにありません`);
    }
    for (const range of uniqueMatches(text, HOURS)) {
      if (!facts.hours.includes(range)) problems.push(`${file}: 受付時間 ${range} はガイドにありません`);
    }
    for (const line of text.split("\n").filter((l) => l.includes("申立書"))) {
      if (line.match(URL))
        problems.push(`${file}: 被保険者資格申立書にリンクを付けています（ガイドに URL はありません）`);
    }
  }
  for (const line of lines) {
    for (const h of line.hours) {
      const range = `${h.open.replace(/^0/, "")}～${h.close.replace(/^0/, "")}`;
      if (!facts.hours.includes(range))
        problems.push(`contacts.yaml: ${line.id}: 受付時間 ${range} はガイドにありません`);
    }
  }
  problems.push(...wordingProblems(guide, yaml), ...tollFreeProblems(facts, kb, yaml));
  problems.push(...closureProblems(kb), ...pageProblems(facts, kb));
  for (const topic of kb.topics.values()) {
    if (topic.differenceLead !== undefined && !facts.normalised.includes(normaliseGuideText(topic.differenceLead)))
      problems.push(`${topic.id}: differenceLead: ガイドにない文言です: 「${short(topic.differenceLead)}」`);
    for (const quote of topic.source.quotes) {
      if (!facts.normalised.includes(normaliseGuideText(quote))) {
        problems.push(`${topic.id}: source.quotes: ガイドにない文言です: 「${short(quote)}」`);
      }
    }
    for (const variant of topic.variants) {
      for (const m of variant.screenMessages) {
        if (!facts.raw.includes(m))
          problems.push(`${topic.id}/${variant.id}: 画面の文言がガイドのとおりではありません: 「${m}」`);
      }
      for (const cell of [variant.result, variant.state]) {
        if (cell !== undefined && !facts.normalised.includes(normaliseGuideText(cell))) {
          problems.push(`${topic.id}/${variant.id}: 表の文言がガイドにありません: 「${short(cell)}」`);
        }
      }
    }
    for (const p of topic.differencePatterns) {
      for (const part of p.guideText.split("（例）")) {
        if (!facts.normalised.includes(normaliseGuideText(part))) {
          problems.push(`${topic.id}: differencePatterns.${p.id}: ガイドの文言ではありません: 「${short(part)}」`);
        }
      }
    }
    for (const row of topic.comboTable) {
      const cells = [row.no, row.wrong.ratio, row.wrong.category, row.right.ratio, row.right.category].join("");
      if (!facts.normalised.includes(normaliseGuideText(cells))) {
        problems.push(`${topic.id}: comboTable ${row.no}: ガイドの表の行ではありません`);
      }
    }
  }
  return problems;
}
