import { AhoCorasick } from "./aho-corasick.js";
import { foldForMatching, normalizeText } from "./normalize.js";
import type { JapaneseTokenizer, Token } from "./tokenizer.js";
import type { Vocabulary } from "./vocabulary.js";

/** What the matcher compares: content words, concepts and reading bigrams, each a sparse count. */
export interface Features {
  readonly terms: ReadonlyMap<string, number>;
  readonly concepts: ReadonlySet<string>;
  /** Folded surface (lower case, hiragana, punctuation as single spaces). */
  readonly folded: string;
  /** Folded surface without spaces (screen messages are matched on it). */
  readonly compact: string;
  /** Hiragana reading without spaces (kana-only input meets kanji text here). */
  readonly reading: string;
}

const CONTENT_POS = new Set(["名詞", "動詞", "形容詞", "副詞", "記号", "接頭詞"]);
const ASCII_WORD = /^[a-z0-9][a-z0-9.+-]*$/;
const HAS_KANJI = /[\u4E00-\u9FFF]/;

interface CompiledTerm {
  readonly concept: string;
  readonly folded: string;
  readonly reading: string | undefined;
  readonly ascii: boolean;
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

function readingOf(tokens: readonly Token[]): string {
  return tokens
    .map((t) => (/[\u3041-\u309F]/.test(t.reading) || HAS_KANJI.test(t.surface) ? t.reading : ""))
    .join("")
    .replace(/[^\u3041-\u309Fー]/g, "");
}

export interface FeatureExtractor {
  extract(text: string): Features;
  readonly outOfGuideConcepts: ReadonlySet<string>;
}

export function createFeatureExtractor(tokenizer: JapaneseTokenizer, vocabulary: Vocabulary): FeatureExtractor {
  const stopwords = new Set(vocabulary.stopwords.map((w) => foldForMatching(normalizeText(w))));
  const compiled: CompiledTerm[] = [];
  for (const concept of vocabulary.concepts) {
    for (const term of concept.terms) {
      const normalized = normalizeText(term);
      const folded = foldForMatching(normalized);
      if (folded.length === 0) {
        compiled.push({ concept: concept.id, folded: normalized.toLowerCase(), reading: undefined, ascii: false });
        continue;
      }
      const ascii = /^[a-z0-9 .'+-]+$/.test(folded);
      const reading = !ascii && HAS_KANJI.test(normalized) ? readingOf(tokenizer.tokenize(normalized)) : undefined;
      compiled.push({
        concept: concept.id,
        folded: ascii ? folded : folded.replace(/ /g, ""),
        reading: reading && reading.length >= 3 ? reading : undefined,
        ascii,
      });
    }
  }
  const outOfGuideConcepts = new Set(vocabulary.concepts.filter((c) => c.outOfGuide).map((c) => c.id));
  const surfaceTerms = new AhoCorasick(compiled.filter((t) => !t.ascii).map((t) => [t.folded, t.concept] as const));
  const asciiTerms = new AhoCorasick(compiled.filter((t) => t.ascii).map((t) => [` ${t.folded} `, t.concept] as const));
  const readingTerms = new AhoCorasick(
    compiled.flatMap((t) => (t.reading === undefined ? [] : [[t.reading, t] as const])),
  );

  function findConcepts(normalized: string, folded: string, compact: string, reading: string): Set<string> {
    const found = new Set<string>();
    const add = (concept: string) => found.add(concept);
    surfaceTerms.scan(compact, add);
    surfaceTerms.scan(normalized, add);
    asciiTerms.scan(` ${folded} `, add);
    // Readings find concepts in kana typed for kanji and in wrong kanji (転織 → てんしょく); in kanji
    // text a short reading mostly finds homophones, so there it must be longer.
    let kanji = 0;
    for (const ch of compact) if (HAS_KANJI.test(ch)) kanji++;
    const minReading = kanji <= compact.length * 0.15 ? 3 : 4;
    readingTerms.scan(reading, (term) => {
      if ((term.reading?.length ?? 0) >= minReading) found.add(term.concept);
    });
    return found;
  }

  return {
    outOfGuideConcepts,
    extract(text) {
      const normalized = normalizeText(text);
      const folded = foldForMatching(normalized);
      const compact = folded.replace(/ /g, "");
      const tokens = tokenizer.tokenize(normalized);
      const reading = readingOf(tokens);
      const terms = new Map<string, number>();
      const add = (key: string, n = 1) => terms.set(key, (terms.get(key) ?? 0) + n);
      for (const t of tokens) {
        if (!CONTENT_POS.has(t.pos)) continue;
        if (t.pos === "名詞" && (t.posDetail === "非自立" || t.posDetail === "代名詞")) continue;
        let base = t.base;
        if (ASCII_WORD.test(base)) base = stem(base);
        if (base.length === 0 || stopwords.has(base) || /^[\s\p{P}]+$/u.test(base)) continue;
        add(`w:${base}`);
      }
      for (let i = 0; i + 1 < reading.length; i++) add(`g:${reading.slice(i, i + 2)}`);
      const concepts = findConcepts(normalized.toLowerCase(), folded, compact, reading);
      for (const c of concepts) add(`c:${c}`);
      return { terms, concepts, folded, compact, reading };
    },
  };
}
