import type { IpadicFeatures } from "kuromoji";
import type { PathNode } from "./best-path.js";
import { loadDictionary, type RawTokenizer } from "./load-dictionary.js";
import { foldForMatching, foldKana } from "./normalize.js";
import { kanaOf } from "./reading.js";

export interface Token {
  readonly surface: string;
  /** Dictionary form, folded for matching (出た → でる, 無効 → 無効). */
  readonly base: string;
  /** Reading in hiragana; the folded surface when the dictionary has none. */
  readonly reading: string;
  readonly pos: string;
  readonly posDetail: string;
  /** A person's or a place's name or its suffix (固有名詞・人名/地域, 接尾・地域: 市, 区): patient data, never a feature. */
  readonly personal: boolean;
  /** The dictionary knows the word (kuromoji's KNOWN); unknown words are cut by character class only. */
  readonly known: boolean;
  /** The surface folded for matching without spaces, as the matcher's compact text writes it (made once per word). */
  readonly compact: string;
  /** The hiragana the word is read in (kana and kanji words only: Latin and digits are read as nothing; reading.ts). */
  readonly kana: string;
  /** The first word after a space or punctuation the writer typed: no word runs across that boundary. */
  readonly opensPiece?: boolean;
}

/**
 * The words of the pieces one question's texts were cut into: a story is tokenized whole, then sentence by
 * sentence (their pieces are the whole's). Made for one question and dropped with it: a cache that outlived
 * it kept every new piece's words alive across the young generation's collections (copied, then promoted).
 */
export type PieceMemo = Map<string, readonly Token[]>;

export interface JapaneseTokenizer {
  /** `memo`: pieces already cut for the same question (filled with those it lacks). */
  tokenize(normalized: string, memo?: PieceMemo): Token[];
  /** The readings (hiragana) the dictionary gives `word` as one word of its own; none when it has no such word. */
  readingsOf(word: string): readonly string[];
}

const NO_VALUE = "*";
const MAX_PIECE = 48;
const BREAKS = /[\s。、．，！？!?「」『』（）()【】［］[\]:：;；]+/;

/**
 * kuromoji re-encodes the rest of the sentence at every position (O(n²) on a long run without
 * 。): a pasted screen is tokenized in pieces cut at spaces and punctuation, at most 48 characters.
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(BREAKS)) {
    for (let i = 0; i < part.length; i += MAX_PIECE) {
      let end = Math.min(part.length, i + MAX_PIECE);
      if (/[\uD800-\uDBFF]/.test(part[end - 1] ?? "")) end--;
      if (end > i) out.push(part.slice(i, end));
      if (end < i + MAX_PIECE) i = end - MAX_PIECE;
    }
  }
  return out;
}

function toToken(t: IpadicFeatures): Token {
  const surface = t.surface_form;
  const folded = foldForMatching(surface);
  const reading = t.reading && t.reading !== NO_VALUE ? foldKana(t.reading) : folded;
  const base = t.basic_form && t.basic_form !== NO_VALUE ? foldForMatching(t.basic_form) : folded;
  const personal =
    (t.pos_detail_1 === "固有名詞" && (t.pos_detail_2 === "人名" || t.pos_detail_2 === "地域")) ||
    (t.pos_detail_1 === "接尾" && (t.pos_detail_2 === "人名" || t.pos_detail_2 === "地域"));
  return {
    surface,
    base: base || folded,
    reading,
    pos: t.pos,
    posDetail: t.pos_detail_1,
    personal,
    known: t.word_type === "KNOWN",
    compact: folded.replace(/ /g, ""),
    kana: kanaOf(surface, reading),
  };
}

const KATAKANA_WORD = /^[\u30A1-\u30FAー]+$/u;

/**
 * A katakana word the dictionary calls a name (コール) that runs on into another katakana word which is
 * not one (センタ) is part of a loanword (コールセンタ), not a person: a name is written apart (サトウ ハナコ).
 */
function inLoanword(tokens: readonly Token[], i: number): boolean {
  if (!KATAKANA_WORD.test(tokens[i]?.surface ?? "")) return false;
  const joins = (t: Token | undefined) => t !== undefined && !t.personal && KATAKANA_WORD.test(t.surface);
  return joins(tokens[i - 1]) || joins(tokens[i + 1]);
}

/** Known words' tokens by dictionary id: all their fields come from the dictionary entry, so one object serves. */
export const KNOWN_TOKENS = 16_384;

function createFacade(raw: RawTokenizer): JapaneseTokenizer {
  const known = new Map<number, Token>();
  const token = (node: PathNode): Token => {
    if (node.type !== "KNOWN") return toToken(raw.format(node));
    let cached = known.get(node.name);
    if (!cached) {
      cached = Object.freeze(toToken(raw.format(node)));
      if (known.size >= KNOWN_TOKENS) known.clear();
      known.set(node.name, cached);
    }
    return cached;
  };
  // A known word's variants (a katakana "name" inside a loanword, the first word of a piece) are made once
  // like the word itself: every known word's token is one shared object (features.ts keys its decisions by it).
  const notNamed = new Map<Token, Token>();
  const opening = new Map<Token, Token>();
  const variant = (variants: Map<Token, Token>, t: Token, change: Partial<Token>): Token => {
    if (!t.known) return Object.freeze({ ...t, ...change });
    let made = variants.get(t);
    if (!made) {
      made = Object.freeze({ ...t, ...change });
      if (variants.size >= KNOWN_TOKENS) variants.clear();
      variants.set(t, made);
    }
    return made;
  };
  const cut = (piece: string): readonly Token[] => {
    const found = raw.bestPath(piece).map(token);
    // The first word of a piece follows a space or punctuation the writer typed.
    return Object.freeze(
      found.map((t, i) => {
        const word = t.personal && inLoanword(found, i) ? variant(notNamed, t, { personal: false }) : t;
        return i === 0 ? variant(opening, word, { opensPiece: true }) : word;
      }),
    );
  };
  // A piece's words depend on the piece alone: within one question they are cut once.
  const wordsOf = (piece: string, memo: PieceMemo | undefined): readonly Token[] => {
    if (!memo) return cut(piece);
    let words = memo.get(piece);
    if (!words) {
      words = cut(piece);
      memo.set(piece, words);
    }
    return words;
  };
  return {
    readingsOf: (word) => raw.readingsOf(word).map((reading) => foldKana(reading)),
    tokenize(normalized, memo) {
      const tokens: Token[] = [];
      if (normalized.length === 0) return tokens;
      for (const piece of pieces(normalized)) {
        const words = wordsOf(piece, memo);
        for (let i = 0; i < words.length; i++) tokens.push(words[i]!);
      }
      return tokens;
    },
  };
}

const shared = new Map<string, Promise<JapaneseTokenizer>>();

/** The dictionary is built once per folder and shared: every caller awaits the same promise. */
export function loadTokenizer(dictionaryDir?: string): Promise<JapaneseTokenizer> {
  const key = dictionaryDir ?? "";
  let pending = shared.get(key);
  if (!pending) {
    pending = loadDictionary(dictionaryDir).then(createFacade);
    pending.catch(() => shared.delete(key));
    shared.set(key, pending);
  }
  return pending;
}
