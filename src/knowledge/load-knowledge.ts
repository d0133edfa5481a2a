import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { findProjectRoot } from "../project-root.js";
import { citeGuide, loadGuide } from "./load-guide.js";
import {
  type ContactsFile,
  contactsFileSchema,
  type KnowledgeBase,
  type Link,
  type Party,
  type PhoneLine,
  type Topic,
  type TopicId,
  topicSchema,
} from "./schema.js";

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; message: string };

export function defaultKnowledgeDir(): string {
  return join(findProjectRoot(), "src", "knowledge", "data");
}

class KnowledgeError extends Error {}

function readYaml(file: string, shownAs: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (err) {
    throw new KnowledgeError(`${shownAs}: 読み込めません (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return parseYaml(raw, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const where = err.linePos?.[0] ? ` ${err.linePos[0].line}行目 ${err.linePos[0].col}列` : "";
      throw new KnowledgeError(`${shownAs}:${where} YAML の書式が正しくありません: ${err.message.split("\n")[0]}`);
    }
    throw new KnowledgeError(`${shownAs}: YAML の書式が正しくありません`);
  }
}

function formatIssues(shownAs: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(ファイル全体)";
      return `${shownAs}: ${path}: ${issue.message}`;
    })
    .join("\n");
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown, shownAs: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new KnowledgeError(formatIssues(shownAs, result.error));
  return result.data;
}

function crossCheck(topics: Map<TopicId, Topic>, contacts: ContactsFile, topicFiles: Map<TopicId, string>): string[] {
  const problems: string[] = [];
  const lineIds = new Set<string>();
  for (const line of contacts.phoneLines) {
    if (lineIds.has(line.id)) problems.push(`contacts.yaml: phoneLines: id "${line.id}" が重複しています`);
    lineIds.add(line.id);
  }
  const linkIds = new Set(contacts.links.map((l) => l.id));
  if (!topics.has("none")) problems.push(`topics/: トピック "none"（ガイドにない質問）のファイルがありません`);
  for (const [id, topic] of topics) {
    const file = topicFiles.get(id) ?? id;
    topic.phoneLines.forEach((ref, i) => {
      if (!lineIds.has(ref)) problems.push(`${file}: phoneLines.${i}: 窓口 "${ref}" は contacts.yaml にありません`);
    });
    topic.links.forEach((ref, i) => {
      if (!linkIds.has(ref)) problems.push(`${file}: links.${i}: リンク "${ref}" は contacts.yaml にありません`);
    });
    topic.crossRefs.forEach((ref, i) => {
      if (!topics.has(ref.topic)) problems.push(`${file}: crossRefs.${i}.topic: 参照先 "${ref.topic}" がありません`);
      if (ref.topic === id) problems.push(`${file}: crossRefs.${i}.topic: 自分自身は参照できません`);
    });
    topic.related.forEach((ref, i) => {
      if (!topics.has(ref)) problems.push(`${file}: related.${i}: 参照先 "${ref}" がありません`);
    });
    const variantIds = new Set<string>();
    topic.variants.forEach((v, i) => {
      if (variantIds.has(v.id)) problems.push(`${file}: variants.${i}.id: "${v.id}" が重複しています`);
      variantIds.add(v.id);
    });
    topic.clarify?.choices.forEach((choice, i) => {
      const target = topics.get(choice.topic);
      if (!target) {
        problems.push(`${file}: clarify.choices.${i}.topic: 参照先 "${choice.topic}" がありません`);
      } else if (choice.variant && !target.variants.some((v) => v.id === choice.variant)) {
        problems.push(`${file}: clarify.choices.${i}.variant: "${choice.topic}" に "${choice.variant}" はありません`);
      }
    });
  }
  contacts.phoneLines.forEach((line, i) => {
    if (!topics.has(line.topic)) problems.push(`contacts.yaml: phoneLines.${i}.topic: "${line.topic}" がありません`);
  });
  return problems;
}

/** The guide's order: `order` first, then the ID with numbers compared as numbers (2-4 before 2-4-emergency). */
function byOrder(a: Topic, b: Topic): number {
  const oa = a.order ?? Number.MAX_SAFE_INTEGER;
  const ob = b.order ?? Number.MAX_SAFE_INTEGER;
  return oa !== ob ? oa - ob : a.id.localeCompare(b.id, "en", { numeric: true });
}

/**
 * Loads and checks the whole knowledge base (the topics are the files in topics/); never returns a
 * half-loaded one. The guide's identity (guide/guide.yaml) gives every answer its citation.
 */
export function loadKnowledge(dir: string = defaultKnowledgeDir(), guideDir?: string): LoadResult {
  const shown = (file: string) => relative(process.cwd(), file) || basename(file);
  const guide = loadGuide(guideDir);
  if (!guide.ok) return { ok: false, message: guide.message };
  try {
    const contactsPath = join(dir, "contacts.yaml");
    const contacts = parseWith(contactsFileSchema, readYaml(contactsPath, shown(contactsPath)), shown(contactsPath));
    const topicDir = join(dir, "topics");
    let files: string[];
    try {
      files = readdirSync(topicDir)
        .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
        .sort();
    } catch {
      throw new KnowledgeError(`${shown(topicDir)}: フォルダが読み込めません`);
    }
    const topics = new Map<TopicId, Topic>();
    const topicFiles = new Map<TopicId, string>();
    const duplicates: string[] = [];
    for (const f of files) {
      const path = join(topicDir, f);
      const topic = parseWith(topicSchema, readYaml(path, shown(path)), shown(path));
      const previous = topicFiles.get(topic.id);
      if (previous) duplicates.push(`${shown(path)}: id: "${topic.id}" は ${previous} と重複しています`);
      topics.set(topic.id, topic);
      topicFiles.set(topic.id, shown(path));
    }
    const problems = [...duplicates, ...crossCheck(topics, contacts, topicFiles)];
    if (problems.length > 0) return { ok: false, message: problems.join("\n") };
    const ordered = new Map<TopicId, Topic>([...topics.values()].sort(byOrder).map((t) => [t.id, t]));
    return {
      ok: true,
      kb: {
        citation: citeGuide(guide.guide.identity),
        topics: ordered,
        phoneLines: new Map<string, PhoneLine>(contacts.phoneLines.map((l) => [l.id, l])),
        links: new Map<string, Link>(contacts.links.map((l) => [l.id, l])),
        parties: new Map<string, Party>(contacts.parties.map((p) => [p.id, p])),
      },
    };
  } catch (err) {
    if (err instanceof KnowledgeError) return { ok: false, message: err.message };
    throw err;
  }
}
