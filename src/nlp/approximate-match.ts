// Approximate matching of one string inside another (screen messages, long maker names misspelt).

/**
 * Sellers' approximate substring match: `best[m]` is the fewest edits that turn `pattern` into some
 * substring of `text`; `atEnd[i]`, the fewest that turn its first i characters into the end of
 * `text` (a paste cut short).
 */
export function approximateMatch(pattern: string, text: string): { best: number; atEnd: Int32Array } {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    cur[0] = 0;
    const c = text.charCodeAt(j);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[m]! < best) best = cur[m]!;
    const row = prev;
    prev = cur;
    cur = row;
  }
  return { best, atEnd: prev };
}
