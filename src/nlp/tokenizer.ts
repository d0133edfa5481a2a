import { loadDictionary } from "./load-dictionary.js";
import { foldForMatching, foldKana } from "./normalize.js";

export interface Token {
  readonly surface: string;
  /** Dictionary form, folded for matching (出た → でる, 無効 → 無効). */
  readonly base: string;
  /** Reading in hiragana; the folded surface when the dictionary has none. */
  readonly reading: string;
  readonly pos: string;
  readonly posDetail: string;
}

export interface JapaneseTokenizer {
  tokenize(normalized: string): Token[];
}

const NO_VALUE = "*";

function createFacade(raw: Awaited<ReturnType<typeof loadDictionary>>): JapaneseTokenizer {
  return {
    tokenize(normalized) {
      if (normalized.length === 0) return [];
      return raw.tokenize(normalized).map((t) => {
        const surface = t.surface_form;
        const folded = foldForMatching(surface);
        const reading = t.reading && t.reading !== NO_VALUE ? foldKana(t.reading) : folded;
        const base = t.basic_form && t.basic_form !== NO_VALUE ? foldForMatching(t.basic_form) : folded;
        return { surface, base: base || folded, reading, pos: t.pos, posDetail: t.pos_detail_1 };
      });
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
