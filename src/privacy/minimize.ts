import { maskPersonalData, mayNeedMasking } from "./mask.js";

/**
 * What may be stored or quoted back of a question: maskPersonalData's output with every other kind
 * of patient data replaced too (names, addresses, phone numbers other than the guide's lines,
 * e-mail addresses, dates in any form). Stricter than what the matcher is given: a date or a place
 * can matter to the answer, never to the record of an unanswered question.
 */
export interface MinimizeOptions {
  /** Digits of the phone numbers that may stay (the guide's lines). */
  readonly keepPhones?: ReadonlySet<string>;
}

export type PersonalKind = "name" | "address" | "phone" | "email" | "date" | "postcode";

const HAN = "\\p{sc=Han}";
const KATA = "\\p{sc=Katakana}ー";
const HIRA = "\\p{sc=Hiragana}";
const NAME_PART = `[${HAN}${KATA}]{1,8}`;
const NAME = `${NAME_PART}(?:[ 　]${NAME_PART})?`;
const HONORIFIC = "(?:さん|様|さま|氏(?!名)|殿|くん|君|ちゃん)";
/** Words that are followed by さん/様 without being anyone's name. */
const NOT_NAMES = new Set(
  "患者 患者本人 本人 お客 客 皆 皆様 業者 担当 担当者 窓口 職員 医師 先生 薬剤師 事務 受付 保険者 被保険者 メーカー ベンダー 業者 利用者 受診者 家族 ご家族 奥 お子 子供 病院 薬局 医院 会社 役所 区役所 市役所 コールセンター サポート 皆さん 同僚 上司 院長 看護師 富士通 パナソニック キヤノン アルメックス アトラス カナ フリガナ 漢字 各位".split(
    " ",
  ),
);
/** A label a name may follow directly (患者山田太郎様): kept, the rest replaced. */
const NAME_PREFIX = /^(?:患者|被保険者|受診者|利用者|本人|氏名|名前)/u;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gu;
const POSTCODE = /〒 ?[0-9]{3}-?[0-9]{4}|(?<![0-9-])[0-9]{3}-[0-9]{4}(?![0-9-])/gu;
// 03-1234-5678, 090 1234 5678, (03)1234-5678, 0312345678, +81 3 1234 5678
const PHONE =
  /(?<![0-9])(?:\+81[ -]?[0-9]{1,4}|0[0-9]{1,4}|\(0[0-9]{1,4}\))[ \-)]?[0-9]{1,4}[ -]?[0-9]{3,4}(?![0-9])/gu;
const ERA = "(?:明治|大正|昭和|平成|令和|(?<![A-Za-z])[MTSHRmtshr])";
const DATE = new RegExp(
  [
    // 1975年1月2日, 1975/1/2, 1975-01-02 (not an ISO timestamp), 1975.1.2
    `(?<![0-9])[0-9]{4} ?[年/.-] ?[0-9]{1,2} ?[月/.-] ?[0-9]{1,2}(?: ?日)?(?![0-9]|T[0-9])`,
    // 平成元年5月6日, S50.1.2, 昭和50年, 令和2年3月
    `${ERA} ?(?:元|[0-9]{1,2}) ?[年./-](?: ?[0-9]{1,2} ?[月./-]?(?: ?[0-9]{1,2} ?日?)?)?`,
    // 1975年1月, 1月2日, 1/2 (month and day)
    `(?<![0-9])[0-9]{4}年 ?[0-9]{1,2}月`,
    `(?<![0-9])[0-9]{1,2} ?月 ?[0-9]{1,2} ?日`,
    `(?<![0-9/.])(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])(?![0-9/])`,
    // 19750102 as a date
    `(?<![0-9])(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])`,
  ].join("|"),
  "gu",
);
/** A name before an honorific, also quoted from a screen before it (「佐藤一郎」さん, 『タナカ ハナコ』様). */
const HONORED_NAME = new RegExp(`(${NAME})(?=[」』”"]?${HONORIFIC})`, "gu");
// 氏名: 山田 太郎 / 名前は ヤマダ / フリガナ やまだ たろう (but not 氏名が表示されない)
const LABELLED_NAME = new RegExp(
  `((?:氏名|名前|フリガナ|カナ氏名|被保険者名|患者名)(?:は|:|\\s)+)([${HAN}${KATA}${HIRA}]{1,8}(?:[ 　][${HAN}${KATA}${HIRA}]{1,8})?)`,
  "gu",
);
/** 患者のやまだたろうさん: a name in hiragana only where it is plainly a patient's. */
const KANA_PATIENT = new RegExp(`(患者(?:さん|様)?の)([${HIRA}]{2,8})(?=${HONORIFIC})`, "gu");
/** Words after a name label that start a question about the field, not a name. */
const FIELD_TALK = /^(?:表示|変更|入力|確認|登録|欄|漢字|外字|文字|相違|違|不一致|誤|間違|空|未|が|を|に|も|で|と)/u;
const PLACE = `[${HAN}${KATA}0-9\\-ヶケの丁目番地号]`;
const PREFECTURE = "(?:東京都|北海道|(?:大阪|京都)府|[\\p{sc=Han}]{2,3}県)";
const ADDRESS = new RegExp(
  [
    `${PREFECTURE}${PLACE.replace("の", "")}{1,40}`,
    `[${HAN}]{1,6}[市区町村郡][${HAN}${KATA}]{0,10}[0-9]+(?:(?:丁目|番地?|号|-)[0-9]*){0,4}`,
    `(?<=(?:住所|所在地|住まい)(?:は|:| )*)(?![は: ])[^\\s、。,]{2,40}`,
  ].join("|"),
  "gu",
);

/** Cheap pre-check: false only when minimize can change nothing beyond maskPersonalData. */
const HINT =
  /@|[0-9]{3}|[0-9]{1,4}[/.年月日-]|氏名|フリガナ|カナ|[都道府県市区町村郡]|さん|様|氏|殿|くん|君|ちゃん|患者|名前|住所|元年/u;

function replaceName(match: string, name: string, found: Map<PersonalKind, number>): string {
  const prefix = NAME_PREFIX.exec(name)?.[0] ?? "";
  const rest = name.slice(prefix.length);
  if (rest === "" || NOT_NAMES.has(rest) || NOT_NAMES.has(name)) return match;
  found.set("name", (found.get("name") ?? 0) + 1);
  return `${prefix}[氏名]`;
}

export interface MinimizeResult {
  readonly text: string;
  readonly found: ReadonlyMap<PersonalKind, number>;
  /** True when a 個人番号 (or any 12-digit number) was in the text. */
  readonly personalNumberSeen: boolean;
}

/** Conservative pre-check (also on JSON text): false only when minimizePersonalData can find nothing in `text`. */
export function mayNeedMinimizing(text: string): boolean {
  return mayNeedMasking(text) || HINT.test(text) || /[\uff01-\uff5e\u{1d7ce}-\u{1d7ff}]/u.test(text);
}

export function minimizePersonalData(text: string, options: MinimizeOptions = {}): MinimizeResult {
  const masked = maskPersonalData(text);
  const personalNumberSeen = masked.found.myNumber + masked.found.twelveDigit > 0;
  const found = new Map<PersonalKind, number>();
  if (!HINT.test(masked.text)) return { text: masked.text, found, personalNumberSeen };
  const count = (kind: PersonalKind, label: string) => () => {
    found.set(kind, (found.get(kind) ?? 0) + 1);
    return label;
  };
  const keep = options.keepPhones ?? new Set<string>();
  const out = masked.text
    .replace(EMAIL, count("email", "[メール]"))
    .replace(DATE, count("date", "[日付]"))
    .replace(PHONE, (m) => (keep.has(m.replace(/[^0-9]/gu, "")) ? m : count("phone", "[電話番号]")()))
    .replace(POSTCODE, count("postcode", "[郵便番号]"))
    .replace(ADDRESS, count("address", "[住所]"))
    .replace(LABELLED_NAME, (m, head: string, name: string) => {
      if (FIELD_TALK.test(name)) return m;
      const replaced = replaceName(name, name, found);
      return replaced === name ? m : `${head}${replaced}`;
    })
    .replace(KANA_PATIENT, (_m, head: string) => `${head}${count("name", "[氏名]")()}`)
    .replace(HONORED_NAME, (m, name: string) => replaceName(m, name, found));
  return { text: out, found, personalNumberSeen };
}

/** The kinds of patient data in `text` that minimizePersonalData would replace (the log scan's question). */
export function personalDataIn(text: string): PersonalKind[] {
  return [...minimizePersonalData(text).found.keys()];
}
