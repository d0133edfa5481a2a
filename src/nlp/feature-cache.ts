// The matcher's index is built from every example of the knowledge base: tokenizing and reading them
// is most of a cold start's work. Their features are kept on disk, keyed by everything they depend on
// (the matcher's own code, its data files, the dictionary, the policy and the guide's phone numbers),
// so `npm run ask` and a restarting server compute only what changed. Best effort, like the
// dictionary cache: a cache that cannot be read or written is simply not used.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectCacheDir } from "./dictionary-cache.js";
import type { Features } from "./features.js";

export interface FeatureCache {
  get(text: string): Features | undefined;
  set(text: string, features: Features): void;
  /** Writes what was added since the cache was opened (nothing when nothing was). */
  save(): void;
}

interface StoredFeatures {
  t: [string, number][];
  c: string[];
  f: string;
  k: string;
  r: string;
  o: boolean;
}

const toStored = (f: Features): StoredFeatures => ({
  t: [...f.terms],
  c: [...f.concepts],
  f: f.folded,
  k: f.compact,
  r: f.reading,
  o: f.romaji,
});

const fromStored = (s: StoredFeatures): Features => ({
  terms: new Map(s.t),
  concepts: new Set(s.c),
  folded: s.f,
  compact: s.k,
  reading: s.r,
  romaji: s.o,
});

/**
 * A hash of the code as it runs (every module under src/, or dist/src/ when built: features also
 * depend on the masker and the normaliser) and of `inputs` (vocabulary, phone lines, dictionary stamp).
 */
export function featureCacheKey(inputs: readonly string[]): string {
  const hash = createHash("sha256");
  const sourceRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  for (const file of codeFiles(sourceRoot)) hash.update(file).update(readFileSync(join(sourceRoot, file)));
  for (const input of inputs) hash.update("\0").update(input);
  return hash.digest("hex").slice(0, 24);
}

function codeFiles(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => /\.(?:[jt]s|ya?ml|json)$/.test(f))
      .sort();
  } catch {
    return [];
  }
}

export function openFeatureCache(key: string, dir: string = join(projectCacheDir(), "features")): FeatureCache {
  const file = join(dir, `${key}.json`);
  let stored: Record<string, StoredFeatures> = {};
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, StoredFeatures>;
  } catch {
    // absent or unreadable: computed afresh
  }
  let added = 0;
  return {
    get(text) {
      const s = Object.hasOwn(stored, text) ? stored[text] : undefined;
      return s ? fromStored(s) : undefined;
    },
    set(text, features) {
      stored[text] = toStored(features);
      added++;
    },
    save() {
      if (added === 0) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, JSON.stringify(stored));
        renameSync(partial, file);
        added = 0;
        // One key is current: the features of older code or data are never read again.
        for (const old of readdirSync(dir)) if (old !== basename(file)) rmSync(join(dir, old), { force: true });
      } catch {
        // optional: the next start computes them again
      }
    },
  };
}
