import { AhoCorasick } from "./aho-corasick.js";
import { remembered } from "./bounded-memo.js";
import { ALL_KANJI, HAS_KANJI, HIRAGANA_ONLY, isKanjiCode } from "./char-classes.js";
import { createFuzzyTerms } from "./fuzzy-terms.js";
import { createKanjiHomophones } from "./kanji-homophones.js";
import type { MatchingPolicy } from "./matching-policy.js";
import { foldForMatching, normalizeText, toHiragana } from "./normalize.js";
import { namesTwoPeople, withoutPersonalData } from "./personal-spans.js";
import { type KanjiWords, type Positions, readingKey, readingOf, readingWithStarts } from "./reading.js";
import { readRomaji } from "./romaji.js";
import { type JapaneseTokenizer, KNOWN_TOKENS, type PieceMemo, type Token } from "./tokenizer.js";
import { askConceptId, sideConceptId, type Vocabulary } from "./vocabulary.js";

/** What the matcher compares: content words, concepts and reading bigrams, each a sparse count. */
export interface Features {
  readonly terms: ReadonlyMap<string, number>;
  readonly concepts: ReadonlySet<string>;
  /** Folded surface (lower case, hiragana, punctuation as single spaces), patient data taken out. */
  readonly folded: string;
  /** Folded surface without spaces (screen messages are matched on it). */
  readonly compact: string;
  /** Reading key without spaces (kana, romaji and kanji text meet here; long vowels dropped). */
  readonly reading: string;
  /** The text was romaji, read as kana. */
  readonly romaji: boolean;
}

const CONTENT_POS = new Set(["名詞", "動詞", "形容詞", "副詞", "記号", "接頭詞"]);
const ASCII_WORD = /^[a-z0-9][a-z0-9.+-]*$/;
const KATAKANA_ONLY = /^[\u30A1-\u30FAー\s\p{P}a-z0-9]*$/u;
/** Links and chat mentions (<@U123>, <!channel>, https://…) say nothing of the question. */
const MARKUP = /<[@!#][^>]*>|<?https?:\/\/[^\s>]*>?|&lt;[@!#].*?&gt;/gu;
/** The small kana that end no mora (ゃ in きゃ), by code: a reading never ends before one. */
const SMALL_KANA = new Set([..."ぁぃぅぇぉゃゅょゎ"].map((kana) => kana.charCodeAt(0)));
const HONORIFIC = /^(?:さん|様|さま|くん|ちゃん|氏)$/u;
/** Katakana runs whose verdict is remembered (knowsRun). */
const KNOWN_RUNS = 4_096;
/** The vocabulary's concept for another person's data (別人, 他人). */
const OTHER_PERSON = "other-person";
/** Where the words fall in the compact text (wordEdges). */
interface WordEdges {
  readonly insideKnownWord: (at: number) => boolean;
  readonly wordStart: (at: number) => boolean;
}
const NO_EDGES: WordEdges = { insideKnownWord: () => false, wordStart: () => false };
const WORD_START = 1;
const INSIDE_KNOWN = 2;
const MAKER_IDS = new Set(["fujitsu", "panasonic", "almex", "canon", "atlas"]);

interface CompiledTerm {
  readonly concept: string;
  readonly folded: string;
  readonly reading: string | undefined;
  /** Length of the reading as written (むこう: 3), before long vowels are dropped from the key (むこ). */
  readonly spoken: number;
  readonly ascii: boolean;
  /** Written in katakana in the vocabulary (カナ, パナ). */
  readonly katakana: boolean;
}

/** A term in parts (いつ〜届): each part in the folded text, in order, a few characters apart at most. */
interface GapTerm {
  readonly concept: string;
  readonly parts: readonly string[];
  /**
   * The parts' reading keys (いつ〜反映 → いつ, はんえ), found in text typed in kana or romaji; none when a part
   * has no reading of its own: a kanji cut from its word (届 of 届く reads とどけ alone, 違 has none).
   */
  readonly readings: readonly string[] | undefined;
}
/** What separates a gap term's parts in the vocabulary (〜 or ～). */
const GAP = /[〜～]/u;

/** Whether the parts occur in `compact` in order, each at most `maxGap` characters after the one before. */
function hasInOrder(compact: string, parts: readonly string[], maxGap: number): boolean {
  const first = parts[0] ?? "";
  for (let at = compact.indexOf(first); at >= 0; at = compact.indexOf(first, at + 1)) {
    let end = at + first.length;
    let found = true;
    for (let p = 1; p < parts.length; p++) {
      const part = parts[p]!;
      const next = compact.indexOf(part, end);
      if (next < 0 || next - end > maxGap) {
        found = false;
        break;
      }
      end = next + part.length;
    }
    if (found) return true;
  }
  return false;
}

/**
 * A gap term's part as a reading key, or undefined when the part may have no reading of its own: one lone
 * kanji (届 of 届く, read とどけ), any part of two or more words that ends in kanji (its last kanji may be cut
 * from a word: 切り替 — so 利用登録 is not read either), a kanji unread, or a part with kanji that reads in two
 * kana (死ん しん, 落ち おち: in kana text those are everywhere).
 */
function partReading(tokens: readonly Token[], part: string): string | undefined {
  if (ENDS_IN_KANJI.test(part) && (tokens.length > 1 || [...part].length === 1)) return undefined;
  if (tokens.some((t) => HAS_KANJI.test(t.reading))) return undefined;
  const key = readingOf(tokens);
  return key.length >= (HAS_KANJI.test(part) ? 3 : 2) ? key : undefined;
}
const ENDS_IN_KANJI = /\p{sc=Han}$/u;

/**
 * Whether the reading from `start` to `end` is two or more words written in kanji, end to end: a kanji
 * compound the dictionary cut in pieces (無|劫, 資|各) that reads as a term is the term mis-converted.
 */
function isImeSlip(kanjiWords: KanjiWords, start: number, end: number): boolean {
  let words = 0;
  for (let at = start; at < end; words++) {
    const next = kanjiWords.get(at);
    if (next === undefined) return false;
    at = next;
    if (at > end) return false;
  }
  return words >= 2;
}

/** A term of having or bringing said in the negative (持ってない, 持参していない, 手元にない). */
const NOT_HAVING = /(?:持|もって|もっと|手元|携帯|持参).*(?:ない|ねぇ|ねえ|へん|ません|らん|こん)$/u;

/**
 * 「Xしか持ってない」 says the patient has only X: a term of not having right after the particle しか
 * (not the しか of たしか, 歯科) is no negative — the card was brought — so it names no concept.
 */
function onlyAfterShika(text: string, start: number, term: string, particleAt: (at: number) => boolean): boolean {
  return start >= 2 && text.startsWith("しか", start - 2) && particleAt(start - 2) && NOT_HAVING.test(term);
}

/**
 * Not having or not bringing a phone (スマホを持っていない, 携帯持ってきてない) is no forgotten card: a term of not
 * having right after a phone named in kana or kanji just before it names no concept.
 */
function phoneNotHad(text: string, start: number, term: string): boolean {
  return NOT_HAVING.test(term) && PHONE_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
/** A phone as written, folded or read as a key (long vowels dropped: けいたい → けたい), then a particle. */
const PHONE_BEFORE =
  /(?:スマホ|すまほ|スマートフォン|すまーとふぉん|すまとふぉん|携帯|けいたい|けたい|ガラケー|がらけー|がらけ)[をはもが]?$/u;

/**
 * A verb the writer negates in the te-form right after a term that ends in its stem (保険が変わ|っていない,
 * 忘れ|てない): it did not happen. Not ってな… (資格確認書ってなに: the topic marker).
 */
const NEGATED_AFTER = /^っ?(?:てい?ない|ていな(?:かっ|くて)|てなかっ|てなくて|てへん|てません|てねぇ|とらん)/u;
/** A term that ends in a verb's stem written in kana (変わ, 忘れ, 置いてき): what may be negated after it. */
const VERB_STEM_END = /[\u3041-\u309F]$/u;

/** Whether `term`, ending at `end` of `text`, is a verb stem the writer negates (変わっていない, 忘れてない). */
function negatedAfter(text: string, end: number, term: string): boolean {
  return VERB_STEM_END.test(term) && NEGATED_AFTER.test(text.slice(end, end + 6));
}

/**
 * Whether a term found from `start` to `end` of `text` (any of the forms the scans read: compact, as written,
 * the reading) is said not to be so: only-X after しか, a phone not had, a verb negated right after it.
 * `particleAt` tells whether a しか there is the particle (not inside a word: たしか, 歯科).
 */
function saidNotSo(
  text: string,
  start: number,
  end: number,
  term: string,
  particleAt: (at: number) => boolean,
): boolean {
  return (
    onlyAfterShika(text, start, term, particleAt) || phoneNotHad(text, start, term) || negatedAfter(text, end, term)
  );
}

/**
 * A term written with a symbol, found where the symbol is not the guide's: a one-symbol term between two
 * Latin letters is part of a unit or a word (mg/kg, km/h, and/or); a slash with a space on both sides
 * separates a pasted screen's fields (氏名: 井上 勝也 / 性別: 男); a number with a symbol right after another
 * digit is a longer number (30% in 130%). Only the text as written holds symbols (folding drops them).
 */
function symbolNotTheGuides(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? "";
  if (DIGIT.test(text[start] ?? "") && DIGIT.test(before)) return true;
  if (end - start !== 1 || /[\p{L}\p{N}]/u.test(text[start]!)) return false;
  const after = text[end] ?? "";
  return (LATIN.test(before) && LATIN.test(after)) || (text[start] === "/" && SPACE.test(before) && SPACE.test(after));
}
const LATIN = /^[A-Za-z]$/;
const SPACE = /^\s$/u;
const DIGIT = /^[0-9]$/;

/** Whether a break the writer typed falls strictly inside (start, end). */
function breaksWithin(breaks: readonly number[], start: number, end: number): boolean {
  for (let i = 0; i < breaks.length; i++) if (breaks[i]! > start && breaks[i]! < end) return true;
  return false;
}

/** The block of kana and ー: the characters of a reading. */
const KANA_FROM = 0x3000;

/**
 * The feature keys of words (w:), reading bigrams (g:) and concepts (c:), made once: the same words and bigrams come in
 * question after question. Only the dictionary's own words are remembered (bounded, then cleared): an
 * unknown word — an id, a pasted code, a name the patient-data filter missed — gets its key anew and is
 * kept nowhere.
 */

class FeatureKeys {
  private readonly words = new Map<string, string>();
  /** Reading bigrams by their first and second character's code. */
  private readonly bigrams = new Map<number, Map<number, string>>();
  /** Bigrams of two characters from U+3000–U+30FF (kana, ー) by slot: at most 65,536, never cleared. */
  private readonly kanaBigrams = new Array<string | undefined>(1 << 16);
  /** The vocabulary's concepts: a fixed set, never cleared. */
  private readonly concepts = new Map<string, string>();
  private size = 0;
  constructor(private readonly limit: number) {}
  concept(id: string): string {
    let key = this.concepts.get(id);
    if (key === undefined) {
      key = `c:${id}`;
      this.concepts.set(id, key);
    }
    return key;
  }
  word(base: string, known: boolean): string {
    if (!known) return `w:${base}`;
    let key = this.words.get(base);
    if (key === undefined) {
      key = `w:${base}`;
      this.remember();
      this.words.set(base, key);
    }
    return key;
  }
  bigram(reading: string, i: number): string {
    const a = reading.charCodeAt(i);
    const b = reading.charCodeAt(i + 1);
    // A reading is hiragana and ー (0x3041–0x30FC): a bigram of those is a slot of one table.
    if (a >= KANA_FROM && a < KANA_FROM + 256 && b >= KANA_FROM && b < KANA_FROM + 256) {
      const slot = ((a - KANA_FROM) << 8) | (b - KANA_FROM);
      let kana = this.kanaBigrams[slot];
      if (kana === undefined) {
        kana = `g:${reading.slice(i, i + 2)}`;
        this.kanaBigrams[slot] = kana;
      }
      return kana;
    }
    let key = this.bigrams.get(a)?.get(b);
    if (key === undefined) {
      key = `g:${reading.slice(i, i + 2)}`;
      this.remember();
      let second = this.bigrams.get(a);
      if (!second) {
        second = new Map();
        this.bigrams.set(a, second);
      }
      second.set(b, key);
    }
    return key;
  }
  /** Counts one more key, clearing both maps first when the limit is reached. */
  private remember(): void {
    if (++this.size <= this.limit) return;
    this.words.clear();
    this.bigrams.clear();
    this.size = 1;
  }
}
/** Word and bigram keys remembered (a few thousand: the vocabulary of staff questions). */
const FEATURE_KEYS = 16_384;

function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

export interface FeatureExtractor {
  /** `memo`: the pieces already tokenized for the same question (a story's whole, then its sentences). */
  extract(text: string, memo?: PieceMemo): Features;
  readonly outOfGuideConcepts: ReadonlySet<string>;
  /** An outOfGuide concept said together with one of these concepts is about a procedure the guide has. */
  readonly inGuideWith: ReadonlyMap<string, readonly string[]>;
}

export function createFeatureExtractor(
  tokenizer: JapaneseTokenizer,
  vocabulary: Vocabulary,
  policy: MatchingPolicy,
  phoneNumbers: readonly { digits: string; concept: string }[] = [],
): FeatureExtractor {
  const stopwords = new Set(vocabulary.stopwords.map((w) => foldForMatching(normalizeText(w))));
  const compiled: CompiledTerm[] = [];
  const gapTerms: GapTerm[] = [];
  for (const concept of vocabulary.concepts) {
    for (const term of concept.terms) {
      if (GAP.test(term)) {
        const raw = term.split(GAP).map((part) => normalizeText(part));
        const parts = raw.map((part) => foldForMatching(part).replace(/ /g, ""));
        if (parts.every((part) => part.length > 0)) {
          const readings = raw.map((part) => partReading(tokenizer.tokenize(part), part));
          gapTerms.push({
            concept: concept.id,
            parts,
            readings: readings.every((r) => r !== undefined) ? (readings as string[]) : undefined,
          });
        }
        continue;
      }
      const normalized = normalizeText(term);
      const folded = foldForMatching(normalized);
      // A term of symbols (●, /) is found as written; so is a number with a symbol (10%): folded it would be
      // the bare number, found in 10分 and 20人.
      if (folded.length === 0 || (/^[0-9]+$/.test(folded) && folded !== normalized.toLowerCase())) {
        compiled.push({
          concept: concept.id,
          folded: normalized.toLowerCase(),
          reading: undefined,
          spoken: 0,
          ascii: false,
          katakana: false,
        });
        continue;
      }
      const ascii = /^[a-z0-9 .'+-]+$/.test(folded);
      const tokens = ascii ? [] : tokenizer.tokenize(normalized);
      // A term with Latin letters (ETCカード) has a reading of its kana part only: that is another word (カード).
      // A kanji word the dictionary has no reading for (違 alone) would drop out of the reading and leave
      // another, shorter word (本人と違 read ほんにんと): such a term is found as written only.
      const unread = tokens.some((t) => HAS_KANJI.test(t.reading));
      const reading = ascii || unread || /[a-z]/.test(folded) ? undefined : readingOf(tokens);
      const spoken = tokens.map((t) => t.reading).join("").length;
      compiled.push({
        concept: concept.id,
        folded: ascii ? folded : folded.replace(/ /g, ""),
        reading:
          reading && (reading.length >= policy.minReadingKana || spoken >= policy.minReadingKana) ? reading : undefined,
        spoken,
        ascii,
        katakana: /^[\u30A1-\u30FAー]+$/u.test(normalized),
      });
    }
  }
  /** Gap terms by their first part (and by the first part's reading), as indexes into gapTerms. */
  const gapsByFirst = new Map<string, number[]>();
  const gapReadingsByFirst = new Map<string, number[]>();
  const group = (groups: Map<string, number[]>, first: string, i: number) => {
    const list = groups.get(first);
    if (list) list.push(i);
    else groups.set(first, [i]);
  };
  gapTerms.forEach((term, i) => {
    group(gapsByFirst, term.parts[0]!, i);
    if (term.readings) group(gapReadingsByFirst, term.readings[0]!, i);
  });
  const gapHits = new Uint8Array(gapTerms.length);
  const domainWords = new Set(compiled.filter((t) => !t.ascii).map((t) => t.folded));
  // A word before さん/様 that names a role (常連さん, 薬剤師さん, 皆さん), not a person: the honorific's word
  // is found whole or as the tail of a role (the name pattern takes at most three kanji: 看護師長 → 護師長).
  const isRole = (word: string) => vocabulary.notNames.some((role) => word.startsWith(role) || role.endsWith(word));
  const isDomainWord = (word: string) => domainWords.has(foldForMatching(word)) || isRole(word);
  const outOfGuideConcepts = new Set(vocabulary.concepts.filter((c) => c.outOfGuide).map((c) => c.id));
  const keys = new FeatureKeys(FEATURE_KEYS);
  const inGuideWith = new Map(vocabulary.concepts.map((c) => [c.id, c.inGuideWith] as const));
  const surfaceTerms = new AhoCorasick(compiled.filter((t) => !t.ascii).map((t) => [t.folded, t] as const));
  const asciiTerms = new AhoCorasick(compiled.filter((t) => t.ascii).map((t) => [` ${t.folded} `, t.concept] as const));
  const readingTerms = new AhoCorasick(
    compiled.flatMap((t) => (t.reading === undefined ? [] : [[t.reading, t] as const])),
  );
  // Only what the guide covers is read tolerantly (a misspelt マイナカード is no タイムカード), and only
  // makers' names and words the vocabulary writes in katakana: a hiragana term one edit from an everyday
  // word (やってる / もってる, かおにんしょう / かくにんしょ) would be found in every kana question.
  // Cues of asks and distinctions are phrases (いらなくな, どこで手続), not words: never read tolerantly either.
  const ruleConcepts = new Set([
    ...vocabulary.asks.map((a) => askConceptId(a)),
    ...vocabulary.distinctions.flatMap((d) => d.sides.map((_side, i) => sideConceptId(d, i))),
  ]);
  // Kanji terms typed with a wrong homophone (停伝, 保健者): the same terms as are read tolerantly, by their
  // kanji's sounds.
  const homophones = createKanjiHomophones(
    compiled.flatMap((t) =>
      !t.ascii && !outOfGuideConcepts.has(t.concept) && !ruleConcepts.has(t.concept) && ALL_KANJI.test(t.folded)
        ? [{ text: t.folded, concept: t.concept }]
        : [],
    ),
    (word) => tokenizer.readingsOf(word),
  );
  const fuzzy = createFuzzyTerms(
    compiled.flatMap((t) =>
      !t.ascii &&
      !outOfGuideConcepts.has(t.concept) &&
      !ruleConcepts.has(t.concept) &&
      (MAKER_IDS.has(t.concept) || t.katakana) &&
      !HAS_KANJI.test(t.folded)
        ? [{ key: readingKey(toHiragana(t.folded)), concept: t.concept }]
        : [],
    ),
    compiled
      .filter((t) => MAKER_IDS.has(t.concept) && HAS_KANJI.test(t.folded))
      .map((t) => ({ text: t.folded, concept: t.concept })),
    { kanaScore: policy.fuzzyKana, kanjiScore: policy.fuzzyKanji },
    compiled
      .filter((t) => MAKER_IDS.has(t.concept))
      .map((t) => ({ text: t.folded.replace(/ /g, ""), concept: t.concept })),
  );

  function findConcepts(
    normalized: string,
    folded: string,
    compact: string,
    reading: string,
    starts: Positions,
    ends: Positions,
    breaks: readonly number[],
    kanjiWords: KanjiWords,
    kanaWords: readonly string[],
    romaji: boolean,
    kanaOnly: boolean,
    insideKnownWord: (start: number) => boolean,
    wordStart: (at: number) => boolean,
    compactRaw: string,
  ): Set<string> {
    const found = new Set<string>();
    const add = (concept: string) => found.add(concept);
    // A kana term that starts inside a word the dictionary knows is part of that word (でんわ|すれば
    // holds no わすれ).
    surfaceTerms.scan(compact, (term, end) => {
      const start = end - term.folded.length;
      if (HIRAGANA_ONLY.test(term.folded) && insideKnownWord(start)) return;
      if (saidNotSo(compact, start, end, term.folded, (at) => !insideKnownWord(at))) return;
      // A two-letter katakana term (カナ) is found in hiragana only in text typed all in kana: in a
      // sentence with kanji, かな is a particle (どうなるかな).
      if (
        term.katakana &&
        term.folded.length <= 2 &&
        !kanaOnly &&
        !/^[\u30A1-\u30FAー]+$/u.test(compactRaw.slice(start, end))
      )
        return;
      // In romaji it is a word of its own (kana) other than the sentence's last one: not a particle run on
      // (shiyou ka na) nor the particle ending it (ame furu kana).
      if (term.katakana && term.folded.length <= 2 && romaji && !folded.split(" ").slice(0, -1).includes(term.folded))
        return;
      found.add(term.concept);
    });
    // Kana terms are found in the folded text above; the text as written adds the others.
    surfaceTerms.scan(normalized, (term, end) => {
      if (
        HIRAGANA_ONLY.test(term.folded) ||
        symbolNotTheGuides(normalized, end - term.folded.length, end) ||
        saidNotSo(normalized, end - term.folded.length, end, term.folded, () => true)
      )
        return;
      found.add(term.concept);
    });
    // Latin words are cut from the script around them (Panasonicのロゴ) and from a full stop.
    asciiTerms.scan(` ${folded.replace(/[^a-z0-9'+\-. ]+/g, " ").replace(/\.(?=\s|$)/g, "")} `, add);
    // Readings find concepts in kana typed for kanji, in romaji and in wrong kanji (転織 → てんしょく);
    // in kanji text a short reading mostly finds homophones, so there it must be longer.
    let kanji = 0;
    for (let i = 0; i < compact.length; i++) if (isKanjiCode(compact.charCodeAt(i))) kanji++;
    const minReading = kanji <= compact.length * 0.15 ? policy.minReadingKana : policy.minReadingKanji;
    // A reading starts where a word starts and ends on a whole mora: かんじ (漢字) is not found in
    // かんじゃ (患者), nor となん (盗難) in さぽと|なんじ.
    // In romaji a term whose key is short because its long vowel was dropped (無効 mukou → むこ)
    // counts when it is a whole word.
    const kana = romaji;
    // A maker's name is distinctive enough to be found by its short reading in any text (ふじつー).
    readingTerms.scan(reading, (term, end) => {
      const length = term.reading?.length ?? 0;
      if (SMALL_KANA.has(reading.charCodeAt(end))) return;
      if (saidNotSo(reading, end - length, end, term.folded, (at) => starts.has(at))) return;
      // Romaji is split into words as the writer hears them (kooru sentaa): there a space is no boundary.
      if (!romaji && breaksWithin(breaks, end - length, end)) return;
      // In text without kanji the dictionary cuts words badly (きん|き|ゅうじのしかく…): there a long
      // reading counts wherever it is.
      if (!starts.has(end - length) && !(kanaOnly && length >= policy.minReadingAnywhere)) return;
      // In text with kanji the words are cut well: a reading that ends inside a word (資格|照会 read as
      // しかくしょ|かい) is no term there.
      if (kanji > compact.length * 0.15 && !romaji && !ends.has(end)) return;
      const least = MAKER_IDS.has(term.concept) ? policy.minReadingKana : minReading;
      if (
        length >= least ||
        (kana && term.spoken >= minReading && ends.has(end)) ||
        isImeSlip(kanjiWords, end - length, end)
      )
        found.add(term.concept);
    });
    // In text typed in kana or romaji the parts are found by their reading too (かいじょ…でき for 解除〜でき).
    // Terms sharing a first part (ネット〜落ち, ネット〜止ま …) are tried only when that part is in the text;
    // the concepts are added in the vocabulary's order all the same.
    const kanaText = romaji || kanji <= compact.length * 0.15;
    gapHits.fill(0);
    gapsByFirst.forEach((indexes, first) => {
      if (!compact.includes(first)) return;
      for (const i of indexes) if (hasInOrder(compact, gapTerms[i]!.parts, policy.maxGapChars)) gapHits[i] = 1;
    });
    if (kanaText)
      gapReadingsByFirst.forEach((indexes, first) => {
        if (!reading.includes(first)) return;
        for (const i of indexes) if (hasInOrder(reading, gapTerms[i]!.readings!, policy.maxGapChars)) gapHits[i] = 1;
      });
    for (let i = 0; i < gapTerms.length; i++) if (gapHits[i] === 1) found.add(gapTerms[i]!.concept);
    fuzzy.find(normalized, kanaWords, add, knowsRun, compact);
    homophones.find(compact, wordStart, add);
    const digits = normalized.replace(/[^0-9]/g, "");
    for (const p of phoneNumbers) if (digits.includes(p.digits)) found.add(p.concept);
    return found;
  }

  // Whether the dictionary knows every word of a katakana run: the same runs (マイナンバーカード,
  // コールセンター) come in question after question, so each is tokenized once (bounded, then cleared).
  const knownRuns = new Map<string, boolean>();
  const allWordsKnown = (run: string) => tokenizer.tokenize(run).every((t) => t.known);
  const knowsRun = (run: string): boolean => remembered(knownRuns, run, KNOWN_RUNS, allWordsKnown);

  function katakanaSentencesAsHiragana(text: string): string {
    if (!/[\u30A1-\u30FAー]{6,}/u.test(text)) return text;
    return text.replace(/[\u30A1-\u30FAー]{6,}/gu, (run) => (knowsRun(run) ? run : toHiragana(run)));
  }

  /** A word's feature key (w:…), or null when it is none: a particle, a pronoun, a stopword, punctuation, a number. */
  function wordKey(t: Token): string | null {
    if (!CONTENT_POS.has(t.pos)) return null;
    if (t.pos === "名詞" && (t.posDetail === "非自立" || t.posDetail === "代名詞")) return null;
    let base = t.base;
    if (ASCII_WORD.test(base)) base = stem(base);
    if (base.length === 0 || stopwords.has(base) || /^[\s\p{P}]+$/u.test(base) || /^\d{3,}$/u.test(base)) return null;
    return keys.word(base, t.known);
  }
  // A known word's token is one shared object (tokenizer.ts): its key is decided once (bounded, then cleared).
  const wordKeys = new Map<Token, string | null>();
  const wordKeyOf = (t: Token): string | null =>
    t.known ? remembered(wordKeys, t, KNOWN_TOKENS, wordKey) : wordKey(t);

  /**
   * Where the words of `tokens` fall in the compact text: whether a position is inside (not at the start of) a
   * word the dictionary knows, and whether a word starts there (the text's end counts as one). When the words do
   * not spell the compact text exactly, no position is either.
   */
  function wordEdges(tokens: readonly Token[], compact: string): WordEdges {
    const marks = new Uint8Array(compact.length + 1);
    let at = 0;
    for (const t of tokens) {
      const surface = t.compact;
      if (surface.length === 0) continue;
      if (!compact.startsWith(surface, at)) return NO_EDGES;
      marks[at] = marks[at]! | WORD_START;
      if (t.known) for (let i = at + 1; i < at + surface.length; i++) marks[i] = marks[i]! | INSIDE_KNOWN;
      at += surface.length;
    }
    if (at !== compact.length) return NO_EDGES;
    marks[at] = marks[at]! | WORD_START;
    return {
      insideKnownWord: (position) => position >= 0 && ((marks[position] ?? 0) & INSIDE_KNOWN) !== 0,
      wordStart: (position) => ((marks[position] ?? 0) & WORD_START) !== 0,
    };
  }

  return {
    outOfGuideConcepts,
    inGuideWith,
    extract(text, memo) {
      const normalized = normalizeText(text);
      const cleaned = withoutPersonalData(normalized.replace(MARKUP, " "), isDomainWord);
      const read = readRomaji(cleaned.toLowerCase());
      const folded = foldForMatching(read.text);
      const compact = folded.replace(/ /g, "");
      // Text in katakana only (ｺｰﾙｾﾝﾀｰﾅﾝｼﾞﾏﾃﾞ) is one unknown word to the dictionary: read as hiragana it is cut into words.
      const katakanaOnly = KATAKANA_ONLY.test(read.text) && /[\u30A1-\u30FC]{8,}/u.test(read.text);
      // A sentence typed or pasted in katakana (ﾖﾐﾄﾚﾏｾﾝﾃﾞｼﾀ) beside other text is one unknown word to the
      // dictionary too: such a run, unless the dictionary knows all of it, is read as hiragana.
      const forTokens = katakanaOnly ? toHiragana(read.text) : katakanaSentencesAsHiragana(read.text);
      const kanaOnly = !HAS_KANJI.test(compact) && /[\u3041-\u30FA]/u.test(compact);
      // In text without kanji the dictionary finds names in ordinary words (がいとう → 伊藤): there a
      // name is a name only before an honorific.
      const all = tokenizer.tokenize(forTokens, memo);
      // A "name" in hiragana (がいとう → が|いとう, from a katakana run read as hiragana) is a name only
      // before an honorific too.
      const tokens: Token[] = all.filter(
        (t, i) =>
          !t.personal || ((kanaOnly || HIRAGANA_ONLY.test(t.surface)) && !HONORIFIC.test(all[i + 1]?.surface ?? "")),
      );
      const { reading, starts, ends, breaks, kanjiWords } = readingWithStarts(tokens);
      const terms = new Map<string, number>();
      const add = (key: string, n = 1) => terms.set(key, (terms.get(key) ?? 0) + n);
      // Romaji read as kana is cut into words badly: there the reading and the concepts speak. In kana
      // text the words the dictionary does not know are bad cuts too (ゅうじのしかく…).
      for (const t of read.romaji ? [] : tokens) {
        if (kanaOnly && !t.known) continue;
        const key = wordKeyOf(t);
        if (key !== null) add(key);
      }
      for (let i = 0; i + 1 < reading.length; i++) add(keys.bigram(reading, i));
      const edges = wordEdges(all, compact);
      const concepts = findConcepts(
        read.text,
        folded,
        compact,
        reading,
        starts,
        ends,
        breaks,
        kanjiWords,
        read.kana,
        read.romaji,
        kanaOnly,
        edges.insideKnownWord,
        edges.wordStart,
        read.text.toLowerCase().replace(/[^\p{L}\p{N}ー\-.]+/gu, ""),
      );
      // Two different people named (the screen's 氏名 and the patient's): another person's data (別人).
      if (namesTwoPeople(normalized, isDomainWord)) concepts.add(OTHER_PERSON);
      for (const c of concepts) add(keys.concept(c));
      return { terms, concepts, folded, compact, reading, romaji: read.romaji };
    },
  };
}
