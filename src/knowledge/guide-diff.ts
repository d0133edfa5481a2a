// A new edition of the guide against the knowledge base: what a maintainer must re-check before
// replacing guide/help-guide.ja.txt (npm run guide:diff NEW.txt).
import { normaliseGuideText } from "./faithfulness.js";
import { type Guide, sha256 } from "./load-guide.js";
import type { KnowledgeBase, Topic } from "./schema.js";

const PHONE = /(?<!\d)0\d+-\d+-\d+(?!\d)/g;
const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+/g;
const HOURS = /(?<!\d)\d{1,2}:\d{2}～\d{1,2}:\d{2}(?!\d)/g;

export interface GuideDiff {
  readonly sameText: boolean;
  /** One heading and its lines per kind of change; empty when nothing needs re-checking. */
  readonly sections: readonly { readonly title: string; readonly lines: readonly string[] }[];
  /** Topic IDs whose answers rest on something that changed. */
  readonly topics: readonly string[];
}

const unique = (text: string, re: RegExp) => [...new Set(text.match(re) ?? [])];
const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

/** 「1-②」 → 資格確認が「無効」…: the sections the table of contents lists (up to the first chapter's second heading). */
export function guideSections(text: string): Map<string, string> {
  const lines = text.split("\n").map((l) => l.trim());
  const chapters = lines.filter((l) => /^\d\.\s*\S/.test(l));
  const first = chapters[0];
  const end = first === undefined ? lines.length : lines.indexOf(first, lines.indexOf(first) + 1);
  const sections = new Map<string, string>();
  let chapter = "";
  for (const line of lines.slice(0, end < 0 ? lines.length : end)) {
    const c = line.match(/^(\d)\.\s*(.+)$/);
    if (c?.[1]) {
      chapter = c[1];
      if (!/[①-⑩]/.test(line)) sections.set(chapter, c[2] ?? "");
      continue;
    }
    const s = line.match(/^-?\s*([①-⑩])\s*(.+)$/);
    if (s?.[1] && chapter) sections.set(`${chapter}-${s[1]}`, s[2] ?? "");
  }
  return sections;
}

/** The line holding the phone number and the next non-empty line (the guide writes the hours there). */
function phoneContext(text: string, phone: string): string | undefined {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const i = lines.findLastIndex((l) => l.includes(phone));
  return i < 0 ? undefined : normaliseGuideText([lines[i], lines[i + 1] ?? ""].join(" "));
}

/** Every piece of guide wording a topic rests on, as [where, words]. */
function wordingOf(topic: Topic): [string, string][] {
  return [
    ...topic.source.quotes.map((q): [string, string] => ["source.quotes", q]),
    ...(topic.differenceLead ? [["differenceLead", topic.differenceLead] as [string, string]] : []),
    ...topic.differencePatterns.flatMap((p) =>
      p.guideText.split("（例）").map((part): [string, string] => [`differencePatterns.${p.id}`, part]),
    ),
    ...topic.variants.flatMap((v) =>
      [...v.screenMessages, v.result, v.state].flatMap((w): [string, string][] =>
        w === undefined ? [] : [[`variants.${v.id}`, w]],
      ),
    ),
  ];
}

const sectionOfTopic = (topic: Topic) => {
  const m = topic.source.section.match(/^(\d)(?:-([①-⑩]))?/);
  return m ? (m[2] ? `${m[1]}-${m[2]}` : (m[1] ?? "")) : "";
};

export function diffGuide(current: Guide, newText: string, kb: KnowledgeBase): GuideDiff {
  const sameText = sha256(newText) === current.identity.sha256;
  const corrected = current.identity.corrections.reduce((t, c) => t.split(c.typo).join(c.corrected), newText);
  const norm = normaliseGuideText(corrected);
  const topics = new Set<string>();
  const out: { title: string; lines: string[] }[] = [];
  const add = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push({ title, lines });
  };

  const quoteLines: string[] = [];
  for (const topic of kb.topics.values()) {
    for (const [where, words] of wordingOf(topic)) {
      if (norm.includes(normaliseGuideText(words))) continue;
      topics.add(topic.id);
      quoteLines.push(`${topic.id} ${where}: 「${words.length > 60 ? `${words.slice(0, 60)}…` : words}」`);
    }
  }
  add("新しい版にない文言（引用・画面の文言・表の文言）", quoteLines);

  const old = current.text;
  const factLines: string[] = [];
  for (const [label, re] of [
    ["電話番号", PHONE],
    ["URL", URL],
    ["受付時間", HOURS],
  ] as const) {
    for (const gone of minus(unique(old, re), unique(newText, re))) factLines.push(`${label} ${gone} がなくなりました`);
    for (const added of minus(unique(newText, re), unique(old, re))) factLines.push(`${label} ${added} が加わりました`);
  }
  for (const line of kb.phoneLines.values()) {
    const before = phoneContext(old, line.phone);
    const after = phoneContext(newText, line.phone);
    if (after === undefined || before === after) {
      if (after === undefined) topics.add(line.topic);
      continue;
    }
    topics.add(line.topic);
    factLines.push(`${line.shortName}（${line.phone}）の記載が変わりました：「${before ?? ""}」→「${after}」`);
  }
  for (const added of minus(unique(newText, PHONE), unique(old, PHONE))) {
    const context = phoneContext(newText, added);
    factLines.push(
      `新しい番号 ${added}：「${context ?? ""}」→ contacts.yaml に窓口を、topics/ にトピックを追加してください`,
    );
  }
  for (const c of current.identity.corrections) {
    if (!newText.includes(c.typo))
      factLines.push(`誤記「${c.typo}」は新しい版にありません（guide.yaml の corrections を見直してください）`);
  }
  add("番号・時間・URL の変更", factLines);

  const oldSections = guideSections(old);
  const newSections = guideSections(newText);
  const sectionLines: string[] = [];
  for (const [key, title] of newSections) {
    if (!oldSections.has(key))
      sectionLines.push(
        `追加：${key} ${title}（topics/ にファイルを追加し、docs/spec/topics.md に行を加えてください）`,
      );
    else if (oldSections.get(key) !== title)
      sectionLines.push(`見出しの変更：${key}「${oldSections.get(key)}」→「${title}」`);
  }
  for (const [key, title] of oldSections) {
    if (!newSections.has(key)) sectionLines.push(`削除：${key} ${title}`);
  }
  for (const topic of kb.topics.values()) {
    const key = sectionOfTopic(topic);
    if (key && sectionLines.some((l) => l.includes(`：${key}`) || l.includes(`：${key} `))) topics.add(topic.id);
  }
  add("項目（目次）の追加・削除・変更", sectionLines);

  const ordered = [...kb.topics.keys()].filter((id) => topics.has(id));
  return { sameText, sections: out, topics: ordered };
}

export function formatGuideDiff(diff: GuideDiff, newFile: string): string {
  if (diff.sameText) return `${newFile} は guide/help-guide.ja.txt と同じ版です（SHA-256 が一致）。`;
  const body = diff.sections.flatMap((s) => [
    `■ ${s.title}（${s.lines.length}件）`,
    ...s.lines.map((l) => `  ・${l}`),
    "",
  ]);
  const topics =
    diff.topics.length > 0 ? `■ 確認し直す回答（トピック）：${diff.topics.join("、")}` : "■ 確認し直す回答はありません";
  const tail =
    "次に：ガイドを差し替え、guide/guide.yaml の sha256 と edition を更新し、npm run kb:check を通してください。";
  return [`${newFile} と知識ベースの比較`, "", ...body, topics, "", tail].join("\n");
}
