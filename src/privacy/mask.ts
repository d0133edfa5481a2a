import { maskMyNumbers } from "./my-number.js";
import { normalizeForMasking } from "./normalize-for-masking.js";

export { isValidMyNumber } from "./my-number.js";

export interface MaskFindings {
  myNumber: number;
  twelveDigit: number;
  insurerNumber: number;
  symbolNumber: number;
  birthDate: number;
  pin: number;
}

export interface MaskResult {
  readonly text: string;
  readonly found: MaskFindings;
}

const DG = "[0-9０-９]";
const AN = "0-9０-９A-Za-zＡ-Ｚａ-ｚ\\-－";
// spaces, hyphens and dashes, minus, 長音 (ー ｰ), zero-width characters
const SEP = " \\t\\u00a0\\u3000\\-\\u2010-\\u2015\\u2212\\u30fc\\uff0d\\uff70\\u200b-\\u200d\\u2060\\ufeff";
const NO_DG_BEFORE = "(?<![0-9０-９])";
const NO_DG_AFTER = "(?![0-9０-９])";
const GAP = "(?:は|が)?[\\s:：=＝]{0,3}";
const UNIT = "桁|文字|回|件|個|番目|歳|才|人|枚|円|[日時分%％]";
// a value holding at least one digit, e.g. 1234, ABC-12, あいう１２ (kana/kanji only after a delimiter)
const KK = "(?:(?!番号|枝番)[\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Han}ー])";
const ALNUM_VALUE = `[${AN}]{0,15}?${DG}[${AN}]*(?![${AN}]|${UNIT})`;
const VALUE = `(?:(?<=[\\s:：=＝])${KK}{0,6}${ALNUM_VALUE}|${ALNUM_VALUE})`;

const ERA = "(?:明治|大正|昭和|平成|令和|(?<![A-Za-z])[MTSHRmtshrＭＴＳＨＲ])";
const YEAR = `(?:${NO_DG_BEFORE}${DG}{4}|${ERA}\\s?(?:元|${DG}{1,2}))`;
const FULL_DATE = `(?:${YEAR}\\s?[年/／\\-－.．]\\s?${DG}{1,2}\\s?[月/／\\-－.．]\\s?${DG}{1,2}日?|${NO_DG_BEFORE}${DG}{8})`;
const DATE = `(?:${FULL_DATE}|${NO_DG_BEFORE}${DG}{1,2}\\s?[月/／]\\s?${DG}{1,2}日?)${NO_DG_AFTER}`;
const BIRTH_AFTER_LABEL = new RegExp(`((?:生年月日|誕生日|生まれ)[^0-9０-９\\n。]{0,8}?)${DATE}`, "gu");
const BIRTH_BEFORE_LABEL = new RegExp(`${DATE}(?=\\s?(?:生まれ|生|うまれ))`, "gu");

// 暗唱番号 is a common slip for 暗証番号
const PIN = new RegExp(`(暗[証唱]番号${GAP})${ALNUM_VALUE}`, "gu");
const INSURER_LABELED = new RegExp(
  `((?<!被)保険者\\s?(?:番号|[NnＮｎ][OoＯｏ][.．]?|№)[^0-9０-９\\n。]{0,12}?)(${NO_DG_BEFORE}${DG}(?:[${SEP}]?${DG}){5,7})(?![${SEP}]?${DG})`,
  "gu",
);
const INSURER_BARE = new RegExp(`${NO_DG_BEFORE}${DG}{8}${NO_DG_AFTER}`, "gu");
const SYMBOL_AND_NUMBER = new RegExp(
  `((?:被保険者証?)?記号[\\s・･/／]?番号${GAP})(${VALUE}(?:[\\s・･/／]+${ALNUM_VALUE})?)`,
  "gu",
);
const SYMBOL = new RegExp(`((?:被保険者証?)?記号${GAP})(${VALUE})`, "gu");
const NUMBER = new RegExp(
  `((?:(?:記号|\\[記号\\])[^\\n\\[\\]]{0,16}?(?<!電話|暗証|個人|法人|郵便|受付)|被保険者証?)番号${GAP})(${VALUE})`,
  "gu",
);
const BRANCH = new RegExp(`(枝番号?${GAP})(${VALUE})`, "gu");

const toAscii = (s: string): string => s.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** `digits`: 8 ASCII digits (保険者番号 / 公費負担者番号 検証番号). */
export function isValidInsurerNumber(digits: string): boolean {
  if (!/^[0-9]{8}$/u.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const product = digitAt(digits, 6 - i) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10 === digitAt(digits, 7);
}

function isPlausibleDate(digits: string): boolean {
  const y = Number(digits.slice(0, 4));
  const m = Number(digits.slice(4, 6));
  const d = Number(digits.slice(6, 8));
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function emptyFindings(): MaskFindings {
  return { myNumber: 0, twelveDigit: 0, insurerNumber: 0, symbolNumber: 0, birthDate: 0, pin: 0 };
}

// Every rule below needs one of these labels, or (unlabelled) a number of 8 or more digits.
const LABEL = /生|誕|うまれ|暗証|暗唱|保険者|記号|番号|枝番/;
// 8 digits of any script or width, with anything but letters between them (as typed, or as JSON escapes it).
const LONG_NUMBER = /\p{Nd}(?:(?:[^\p{L}\p{Nd}]|ー|u[0-9a-fA-F]{4}|[ntr])*\p{Nd}){7,}/u;

/** Conservative pre-check (also on JSON text): false only when maskPersonalData can find nothing in `text`. */
export function mayNeedMasking(text: string): boolean {
  return LABEL.test(text) || LONG_NUMBER.test(text);
}

/**
 * Replaces 個人番号, 12-digit numbers, 保険者番号, 記号・番号・枝番, 生年月日 and 暗証番号 with bracketed
 * labels, in the text after normalizeForMasking (which is what it returns, masked).
 */
export function maskPersonalData(raw: string): MaskResult {
  const found = emptyFindings();
  const text = normalizeForMasking(raw);
  const labelled = (label: string, key: keyof MaskFindings) => (_m: string, head: string) => {
    found[key]++;
    return `${head}${label}`;
  };
  let out = maskMyNumbers(text, found);
  out = out.replace(BIRTH_AFTER_LABEL, labelled("[生年月日]", "birthDate"));
  out = out.replace(BIRTH_BEFORE_LABEL, () => {
    found.birthDate++;
    return "[生年月日]";
  });
  out = out.replace(PIN, labelled("[暗証番号]", "pin"));
  out = out.replace(INSURER_LABELED, (m: string, head: string, value: string) => {
    const n = value.replace(/[^0-9０-９]/gu, "").length;
    if (n !== 6 && n !== 8) return m;
    found.insurerNumber++;
    return `${head}[保険者番号]`;
  });
  out = out.replace(SYMBOL_AND_NUMBER, labelled("[記号・番号]", "symbolNumber"));
  out = out.replace(SYMBOL, labelled("[記号]", "symbolNumber"));
  out = out.replace(NUMBER, labelled("[番号]", "symbolNumber"));
  out = out.replace(BRANCH, labelled("[枝番]", "symbolNumber"));
  out = out.replace(INSURER_BARE, (m) => {
    const digits = toAscii(m);
    if (!isValidInsurerNumber(digits) || isPlausibleDate(digits)) return m;
    found.insurerNumber++;
    return "[保険者番号]";
  });
  return { text: out, found };
}

/** True when the text holds a 12-digit number whose My Number check digit holds. */
export function containsValidMyNumber(text: string): boolean {
  const found = emptyFindings();
  maskMyNumbers(normalizeForMasking(text), found);
  return found.myNumber > 0;
}
