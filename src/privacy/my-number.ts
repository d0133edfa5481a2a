/**
 * 個人番号 in text already through normalizeForMasking (ASCII digits only). Digit groups joined by
 * any run of characters that are neither letters nor digits (spaces, newlines, `.` `,` `、` `/`,
 * brackets, dashes, 長音) are read as one number; every 12 consecutive digits of such a run whose
 * check digit holds are a 個人番号, even inside a longer run. Phone numbers (0AA-BBBB-CCCC) are
 * taken out of a run first.
 */

const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Digits joined by anything but letters and digits; 長音 (a letter to Unicode) counts as a dash. */
const RUN = /[0-9](?:(?:[^\p{L}\p{N}]|ー)*[0-9])*/gu;
const BLOCK = /[0-9]+/g;
/** Digits joined by the gaps staff type inside one number: 12 of them are never shown, valid or not. */
const NARROW_RUN = /(?<![0-9])[0-9](?:[ \t\-\u2010-\u2015\u2212ー]{0,3}[0-9])*/gu;

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

export interface MyNumberCounts {
  myNumber: number;
  twelveDigit: number;
}

/** `digits`: 12 ASCII digits. */
export function isValidMyNumber(digits: string): boolean {
  if (!/^[0-9]{12}$/u.test(digits)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * digitAt(digits, i), 0);
  const remainder = sum % 11;
  return (remainder <= 1 ? 0 : 11 - remainder) === digitAt(digits, 11);
}

interface Block {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

// 0120-924-524, 03-6636-0333, 090 1234 5678: three groups, the first starting with 0, 10 or 11 digits
function isPhoneAt(blocks: readonly Block[], i: number): boolean {
  const [a, b, c] = [blocks[i]?.digits ?? "", blocks[i + 1]?.digits ?? "", blocks[i + 2]?.digits ?? ""];
  const total = a.length + b.length + c.length;
  return (
    a.startsWith("0") &&
    a.length >= 2 &&
    a.length <= 5 &&
    b.length >= 1 &&
    b.length <= 4 &&
    c.length >= 3 &&
    c.length <= 4 &&
    total >= 10 &&
    total <= 11
  );
}

const PHONE_GAP = /^ ?[-\u2010-\u2015\u2212ー] ?$/u;

/** A phone written as phones are, 0120-924-524: its groups joined by one dash each. */
function isDashedPhoneAt(run: string, blocks: readonly Block[], i: number): boolean {
  const [a, b, c] = [blocks[i], blocks[i + 1], blocks[i + 2]];
  if (!a || !b || !c || !isPhoneAt(blocks, i)) return false;
  return PHONE_GAP.test(run.slice(a.end, b.start)) && PHONE_GAP.test(run.slice(b.end, c.start));
}

/** Runs of blocks with the dashed phone numbers taken out. */
function segments(run: string, blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [];
  let current: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const phoneLength = isDashedPhoneAt(run, blocks, i) ? 3 : 0;
    if (phoneLength > 0) {
      if (current.length > 0) out.push(current);
      current = [];
      i += phoneLength - 1;
      continue;
    }
    current.push(block);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Spans [start, end) of the run covered by valid 12-digit windows, leftmost first, not overlapping. */
function validSpans(segment: readonly Block[]): [number, number][] {
  const digits = segment.map((b) => b.digits).join("");
  const positions: number[] = [];
  for (const b of segment) for (let k = 0; k < b.digits.length; k++) positions.push(b.start + k);
  const spans: [number, number][] = [];
  for (let i = 0; i + 12 <= digits.length; i++) {
    if (!isValidMyNumber(digits.slice(i, i + 12))) continue;
    spans.push([positions[i] ?? 0, (positions[i + 11] ?? 0) + 1]);
    i += 11;
  }
  return spans;
}

function maskRun(run: string, found: MyNumberCounts): string {
  const blocks: Block[] = [...run.matchAll(BLOCK)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    digits: m[0],
  }));
  const all = blocks.map((b) => b.digits).join("");
  if (all.length < 12) return run;
  if (all.length === 12 && isValidMyNumber(all)) {
    found.myNumber++;
    return "[個人番号]";
  }
  const spans = segments(run, blocks).flatMap(validSpans);
  if (spans.length === 0) return run;
  let out = "";
  let pos = 0;
  for (const [start, end] of spans) {
    out += `${run.slice(pos, start)}[個人番号]`;
    pos = end;
    found.myNumber++;
  }
  return out + run.slice(pos);
}

/** Exactly 12 digits joined by the gaps staff type inside one number, not a phone: never shown, valid or not. */
function maskTwelveDigits(run: string, found: MyNumberCounts): string {
  const blocks = [...run.matchAll(BLOCK)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: m[0] }));
  if (blocks.reduce((n, b) => n + b.digits.length, 0) !== 12) return run;
  if (blocks.some((_, i) => isPhoneAt(blocks, i))) return run;
  found.twelveDigit++;
  return "[12桁番号]";
}

/** `text` must come from normalizeForMasking. */
export function maskMyNumbers(text: string, found: MyNumberCounts): string {
  return text.replace(RUN, (run) => maskRun(run, found)).replace(NARROW_RUN, (run) => maskTwelveDigits(run, found));
}
