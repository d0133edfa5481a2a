import type { Topic, Variant } from "../knowledge/schema.js";
import { squeeze } from "../nlp/normalize.js";

/** Shorter quotes than this say too little to pin a row (資格喪失 is 4). */
const MIN_QUOTE = 4;
/** A clause's tail this long still pins its row (「保険証利用登録に失敗しました」 without 「マイナンバーカードの」). */
const MIN_TAIL = 8;

/** A screen message, its sentences and clauses, and their tails: staff often quote only a part. */
function quotesOf(message: string): string[] {
  const clauses = [message, ...message.split(/[。、！？!?]/)].map(squeeze).filter((q) => q.length >= MIN_QUOTE);
  const tails = clauses.flatMap((c) =>
    Array.from({ length: Math.max(0, c.length - MIN_TAIL) }, (_, i) => c.slice(i + 1)),
  );
  return [...clauses, ...tails];
}

const cache = new WeakMap<Variant, readonly string[]>();
function quotesOfVariant(variant: Variant): readonly string[] {
  let quotes = cache.get(variant);
  if (!quotes) {
    quotes = variant.screenMessages.flatMap(quotesOf);
    cache.set(variant, quotes);
  }
  return quotes;
}

/**
 * The row whose screen message the text quotes. The longest quote wins, so
 * 「現在無効の保険です。新しい保険があるので確認してください」 pins "new", not the "lost" row its first sentence names.
 */
export function variantFromScreen(topic: Topic, text: string): Variant | undefined {
  const flat = squeeze(text);
  if (flat.length === 0) return undefined;
  let best: { variant: Variant; length: number } | undefined;
  for (const variant of topic.variants) {
    for (const quote of quotesOfVariant(variant)) {
      if (quote.length > (best?.length ?? 0) && flat.includes(quote)) best = { variant, length: quote.length };
    }
  }
  return best?.variant;
}
