// npm run eval:split: splits the outside field questions ONCE, with a fixed seed, into a tuning part
// (about 2/3, stratified by kind) and a field holdout (about 1/3) that no tuning ever reads.
// The two files are committed; re-running this writes the same files.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findProjectRoot } from "../src/project-root.js";

const SEED = 20261201;
const dir = join(findProjectRoot(), "test", "fixtures", "eval");

/** mulberry32: a small seeded PRNG, so the split is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lines = readFileSync(join(dir, "field-questions.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim().length > 0);
const byKind = new Map<string, string[]>();
for (const line of lines) {
  const kind = (JSON.parse(line) as { kind: string }).kind;
  byKind.set(kind, [...(byKind.get(kind) ?? []), line]);
}
const next = random(SEED);
const tuning: string[] = [];
const holdout: string[] = [];
for (const kind of [...byKind.keys()].sort()) {
  const group = [...(byKind.get(kind) ?? [])];
  for (let i = group.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [group[i], group[j]] = [group[j]!, group[i]!];
  }
  const cut = Math.round(group.length / 3);
  holdout.push(...group.slice(0, cut));
  tuning.push(...group.slice(cut));
}
writeFileSync(join(dir, "field-tuning.jsonl"), `${tuning.join("\n")}\n`);
writeFileSync(join(dir, "field-holdout.jsonl"), `${holdout.join("\n")}\n`);
process.stdout.write(`field-tuning ${tuning.length}, field-holdout ${holdout.length} (seed ${SEED})\n`);
