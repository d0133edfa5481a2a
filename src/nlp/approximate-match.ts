// Approximate matching of one string inside another (screen messages, long maker names misspelt).

/**
 * Sellers' approximate substring match: `best` is the fewest edits that turn `pattern` into some
 * substring of `text`; `atEnd[i]`, the fewest that turn its first i characters into the end of
 * `text` (a paste cut short).
 *
 * With `maxEdits` (Ukkonen's cut-off) only counts up to it are exact: a count above it is reported as some
 * number above it. A column is computed only down to the last row still within `maxEdits` and one more
 * (below, every count exceeds it), so a question far from a message costs a few rows per character,
 * not the message's length.
 */
export function approximateMatch(
  pattern: string,
  text: string,
  maxEdits: number = pattern.length,
): { best: number; atEnd: Int32Array } {
  const m = pattern.length;
  const k = Math.min(Math.max(0, maxEdits), m);
  const over = k + 1;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  /** The last row of the previous column within k edits. */
  let last = k;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    cur[0] = 0;
    const c = text.charCodeAt(j);
    const rows = last < m ? last + 1 : m;
    for (let i = 1; i <= rows; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = prev[i]! + 1;
      const ins = cur[i - 1]! + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    // The row below the computed ones is read by the next column: it holds a count above k.
    if (rows < m) cur[rows + 1] = over;
    last = rows;
    while (last > 0 && cur[last]! > k) last--;
    if (rows === m && cur[m]! < best) best = cur[m]!;
    const row = prev;
    prev = cur;
    cur = row;
  }
  // Rows below the last computed one may hold counts of older columns: they are above k.
  for (let i = last + 1; i <= m; i++) if (prev[i]! <= k) prev[i] = over;
  return { best, atEnd: prev };
}
