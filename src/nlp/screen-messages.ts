import type { KnowledgeBase, TopicId } from "../knowledge/schema.js";
import { approximateMatch } from "./approximate-match.js";
import { HAS_KANJI } from "./char-classes.js";
import { normalizeText, squeeze } from "./normalize.js";
import { readingOf } from "./reading.js";
import type { JapaneseTokenizer } from "./tokenizer.js";

export interface ScreenHit {
  readonly topic: TopicId;
  readonly variant: string;
  /** 0..1: how closely the text holds the message (1 = verbatim). */
  readonly similarity: number;
}

interface Pattern {
  readonly topic: TopicId;
  readonly variant: string;
  readonly text: string;
  readonly reading: string;
  /** The whole message (not one clause of it): wins a tie. */
  readonly whole: boolean;
  /** Its distinct bigrams as keys of the detector's alphabet (bigramKeys). */
  readonly bigrams: Int32Array;
  readonly readingBigrams: Int32Array;
  /** The most edits a match of the text (held or cut short) / of the reading can have: the DP counts no further. */
  readonly textEdits: number;
  readonly readingEdits: number;
}

const SHORT = 7;
/**
 * How closely a pattern must be held: a whole message at 0.8; one clause of it (マイナンバーカードの保険証利用
 * 登録を受け付けました) shares most of its words with questions about the same thing (…登録を解除したい), so
 * a clause only nearly verbatim.
 */
const required = (p: { whole: boolean }) => (p.whole ? 0.8 : 0.9);

/** The most edits a match of `length` characters can have and still be held as closely as `share` asks. */
function editsWithin(length: number, share: number): number {
  let edits = 0;
  while (edits < length && 1 - (edits + 1) / length >= share) edits++;
  return edits;
}

/** A whole message cut short where the paste ends: a prefix of `i` characters with at most this many edits. */
const cutShortEdits = (i: number) => Math.floor(i * 0.12);

/** A short message with one kanji mis-converted by the IME (資格喪夫 for 資格喪失), never in its first two characters. */
function containsWithKanjiTypo(text: string, pattern: string): boolean {
  if (pattern.length < 4) return false;
  for (
    let start = text.indexOf(pattern.slice(0, 2));
    start >= 0;
    start = text.indexOf(pattern.slice(0, 2), start + 1)
  ) {
    const candidate = text.slice(start, start + pattern.length);
    if (candidate.length !== pattern.length) return false;
    let diffs = 0;
    for (let i = 2; i < pattern.length && diffs <= 1; i++) {
      if (candidate[i] !== pattern[i]) {
        diffs++;
        if (!HAS_KANJI.test(pattern[i]!) || !HAS_KANJI.test(candidate[i]!)) diffs = 2;
      }
    }
    if (diffs === 1) return true;
  }
  return false;
}

/**
 * Bigrams as numbers: each character the messages and their readings use has an index (1…), and a bigram
 * is `first × width + second`; a bigram with a character no message uses is no key (0) and can match none.
 */
interface BigramKeys {
  key(text: string, i: number): number;
  readonly size: number;
}

function bigramKeys(texts: readonly string[]): BigramKeys {
  // A code unit's index (0: no message uses it), read from a table rather than hashed.
  const index = new Uint16Array(0x10000);
  let size = 0;
  for (const text of texts)
    for (let i = 0; i < text.length; i++) if (index[text.charCodeAt(i)] === 0) index[text.charCodeAt(i)] = ++size;
  const width = size + 1;
  return {
    size: width * width,
    key(text, i) {
      const a = index[text.charCodeAt(i)]!;
      const b = index[text.charCodeAt(i + 1)]!;
      return a === 0 || b === 0 ? 0 : a * width + b;
    },
  };
}

function distinctBigrams(text: string, keys: BigramKeys): Int32Array {
  const set = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) set.add(keys.key(text, i));
  return Int32Array.from(set);
}

/** The text's bigrams marked in a table of the alphabet's keys (only those a message can share), cleared after use. */
class BigramMarks {
  private readonly marks: Uint8Array;
  private readonly touched: number[] = [];
  constructor(private readonly keys: BigramKeys) {
    this.marks = new Uint8Array(keys.size);
  }
  fill(text: string): this {
    for (const k of this.touched) this.marks[k] = 0;
    this.touched.length = 0;
    for (let i = 0; i + 1 < text.length; i++) {
      const k = this.keys.key(text, i);
      if (k !== 0 && this.marks[k] === 0) {
        this.marks[k] = 1;
        this.touched.push(k);
      }
    }
    return this;
  }
  has(key: number): boolean {
    return this.marks[key] === 1;
  }
}

/** A match needs ≥ 80 % of the message, or a 45 % prefix: either keeps at least a third of its bigrams. */
function mayMatch(patternBigrams: Int32Array, textBigrams: BigramMarks, share = 0.3): boolean {
  let shared = 0;
  for (let i = 0; i < patternBigrams.length; i++) if (textBigrams.has(patternBigrams[i]!)) shared++;
  return shared >= patternBigrams.length * share;
}

/** Kana bigrams are common in any text: a message typed in kana keeps most of its reading's. */
const READING_SHARE = 0.6;

/**
 * The message typed in kana (げんざいむこうのほけんです, ｹﾞﾝｻﾞｲ ﾑｺｳﾉ ﾎｹﾝﾃﾞｽ) is found by reading, as
 * closely as the written one.
 */
function scoreByReading(p: Pattern, reading: string): number | undefined {
  if (p.reading.length < SHORT) return undefined;
  const { best } = approximateMatch(p.reading, reading, p.readingEdits);
  const full = 1 - best / p.reading.length;
  return full >= required(p) ? full : undefined;
}

/** `bySurface` / `byReading`: the bigram filters let the written text / the reading through. */
function score(
  p: Pattern,
  text: string,
  reading: string,
  bySurface: boolean,
  byReading: boolean,
): { matched: number; similarity: number } | undefined {
  if (p.text.length < SHORT) {
    if (text.includes(p.text) || (p.reading.length >= 5 && reading.includes(p.reading))) {
      return { matched: p.text.length, similarity: 1 };
    }
    if (containsWithKanjiTypo(text, p.text)) return { matched: p.text.length - 1, similarity: 0.8 };
    return undefined;
  }
  const m = p.text.length;
  if (bySurface) {
    const { best, atEnd } = approximateMatch(p.text, text, p.textEdits);
    const full = 1 - best / m;
    if (full >= required(p)) return { matched: m - best, similarity: full };
    if (p.whole) {
      // A whole message cut short where the paste ends: a long enough prefix, nearly verbatim.
      for (let i = m - 1; i >= Math.max(12, Math.ceil(m * 0.45)); i--) {
        if (atEnd[i]! <= cutShortEdits(i)) return { matched: i - atEnd[i]!, similarity: 1 - atEnd[i]! / i };
      }
    }
  }
  const similarity = byReading ? scoreByReading(p, reading) : undefined;
  return similarity === undefined ? undefined : { matched: Math.round(m * similarity), similarity };
}

export interface ScreenMessageDetector {
  detect(compact: string, reading: string): ScreenHit | undefined;
}

/** Recognises the guide's display texts (1-② table, 2-①) in pasted screens, typed or cut short. */
export function createScreenMessageDetector(kb: KnowledgeBase, tokenizer: JapaneseTokenizer): ScreenMessageDetector {
  const found: Omit<Pattern, "bigrams" | "readingBigrams" | "textEdits" | "readingEdits">[] = [];
  const seen = new Set<string>();
  const add = (topic: TopicId, variant: string, raw: string, whole: boolean) => {
    const text = squeeze(raw);
    const key = `${variant}:${text}`;
    if (text.length < 4 || seen.has(key)) return;
    seen.add(key);
    const reading = readingOf(tokenizer.tokenize(normalizeText(raw)));
    found.push({ topic, variant, text, reading, whole });
  };
  for (const topic of kb.topics.values()) {
    for (const variant of topic.variants) {
      for (const message of variant.screenMessages) {
        add(topic.id, variant.id, message, true);
        for (const clause of message.split(/[。、]/))
          if (squeeze(clause).length >= 10) add(topic.id, variant.id, clause, false);
      }
    }
  }
  const keys = bigramKeys(found.flatMap((p) => [p.text, p.reading]));
  const patterns: Pattern[] = found.map((p) => ({
    ...p,
    bigrams: distinctBigrams(p.text, keys),
    readingBigrams: distinctBigrams(p.reading, keys),
    textEdits: Math.max(
      editsWithin(p.text.length, required(p)),
      p.whole ? cutShortEdits(Math.max(0, p.text.length - 1)) : 0,
    ),
    readingEdits: editsWithin(p.reading.length, required(p)),
  }));
  const textMarks = new BigramMarks(keys);
  const readingMarks = new BigramMarks(keys);
  return {
    detect(compact, reading) {
      const text = squeeze(compact);
      if (text.length < 4) return undefined;
      let winner: { p: Pattern; matched: number; similarity: number } | undefined;
      const textBigrams = textMarks.fill(text);
      const readingBigrams = readingMarks.fill(reading);
      for (const p of patterns) {
        const bySurface = p.text.length < SHORT || mayMatch(p.bigrams, textBigrams);
        const byReading = p.text.length >= SHORT && mayMatch(p.readingBigrams, readingBigrams, READING_SHARE);
        if (!bySurface && !byReading) continue;
        const s = score(p, text, reading, bySurface, byReading);
        if (!s) continue;
        const better =
          !winner ||
          s.matched > winner.matched + 1 ||
          (Math.abs(s.matched - winner.matched) <= 1 &&
            (p.whole && !winner.p.whole ? true : s.similarity > winner.similarity));
        if (better) winner = { p, ...s };
      }
      return winner ? { topic: winner.p.topic, variant: winner.p.variant, similarity: winner.similarity } : undefined;
    },
  };
}
