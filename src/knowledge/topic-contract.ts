// The topic IDs are a public contract (docs/spec/topics.md). They come from the knowledge base's files;
// this check keeps the two in step: a topic file the contract does not list, or a listed ID with no file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../project-root.js";
import type { KnowledgeBase } from "./schema.js";

export function defaultContractPath(): string {
  return join(findProjectRoot(), "docs", "spec", "topics.md");
}

/** The IDs of the contract's first table: rows of the form | `1-1` | 1-① | … |, before the「## Variants」section. */
export function contractTopicIds(markdown: string): string[] {
  const head = markdown.split(/^## Variants/m)[0] ?? "";
  return [...head.matchAll(/^\| `([^`]+)` \|/gm)].flatMap((m) => (m[1] ? [m[1]] : []));
}

export function readContractTopicIds(path: string = defaultContractPath()): string[] {
  return contractTopicIds(readFileSync(path, "utf8"));
}

/** One line per disagreement between the topic files and the contract (empty: in step). */
export function checkTopicContract(kb: KnowledgeBase, contractIds: readonly string[]): string[] {
  const problems: string[] = [];
  for (const id of kb.topics.keys()) {
    if (!contractIds.includes(id)) problems.push(`topics/${id}: docs/spec/topics.md の表にないトピック ID です`);
  }
  for (const id of contractIds) {
    if (!kb.topics.has(id)) problems.push(`docs/spec/topics.md: トピック "${id}" のファイルが topics/ にありません`);
  }
  return problems;
}
