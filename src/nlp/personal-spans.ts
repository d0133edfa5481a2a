import { maskPersonalData, mayNeedMasking } from "../privacy/mask.js";

/**
 * The masker's placeholders (src/privacy/mask.ts) and the ones a name/address masker would add,
 * with the label the value stood after (保険者番号 [保険者番号]): the label belongs to the patient's
 * data, not to the question.
 */
const PLACEHOLDER =
  /(?:(?:被保険者証?|保険者|個人|暗証)?(?:記号[・･/／]?番号|記号|番号|枝番号?)|生年月日|誕生日|氏名|住所)?[\s:：=＝はが]{0,3}\[(?:個人番号|12桁番号|保険者番号|記号・番号|記号|番号|枝番|生年月日|暗証番号|氏名|名前|患者名|住所|電話番号)\](?:生まれ|生)?/gu;
const ERA = "(?:明治|大正|昭和|平成|令和|[MTSHR])";
/** Dates with a year (2024/4/1, 令和6年4月1日, S27.3.3, H5.10.10), with 生 / 生まれ after them. */
const DATE = new RegExp(
  `(?:${ERA}\\s?(?:元|\\d{1,2})|\\d{4})\\s?[年/.\\-]\\s?\\d{1,2}\\s?[月/.\\-]\\s?\\d{1,2}日?(?:生まれ|生)?`,
  "giu",
);
/** A phone number as the guide writes one (kept: it names a line). */
const PHONE = /^0\d{1,4}-\d{1,4}-\d{3,4}$/u;
/** Digit groups that make 5 or more digits (card, insurer and house numbers), unless a phone number. */
const NUMBER = /\d+(?:[ \-・]\d+)*/gu;
/** A street address's number after a place (栄9-9-9, 天神1丁目2番3号). */
const HOUSE = /(?<=[\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}])\d+(?:丁目|-)\d+(?:番地?|-)?\d*号?/gu;
/** An address after 住所, from its place name up to the next space or punctuation (住所 名古屋市中区栄9-9-9). */
const ADDRESS = /(?<=住所[\s:：]*)\p{sc=Han}{1,4}[都道府県市区町村郡][^\s、。,)）]*/gu;
/**
 * A name right before an honorific (佐藤 花子さん, 森田 あゆみ ちゃん, タカハシさん, 鈴木様, 田中氏 but not 氏名), also
 * a name quoted from the screen before it (「高木」さん; quoted, four kanji written together too: 「佐藤一郎」さん).
 * Not a verb before 〜くんで, 〜くんだ
 * (届くんでしたっけ, 行くんだけど), nor a word that ends in 様 (同様, 仕様, 模様).
 */
const NAMED =
  /(?<=[「『“"])[\p{sc=Han}]{4}(?=[」』”"] ?(?:さん|様|さま|ちゃん))|([\p{sc=Han}]{1,3}(?: (?:[\p{sc=Han}]{1,3}|[\p{sc=Hiragana}]{2,4}))?|[\p{sc=Katakana}ー]{2,8}(?: [\p{sc=Katakana}ー]{2,8})?)(?= ?[」』”"]?(?:さん|様|さま|くん(?!で|だ|じゃ|や|なら)|ちゃん)|氏(?!名))/gu;
/** A character NAMED cannot match without (its honorifics' first characters). */
const HONORIFIC_CHAR = /[さ様くち氏]/u;
/** DATE, HOUSE and NUMBER each need a digit (an era's first year, 元年, has one after its month). */
const DIGIT = /[0-9]/u;
const WORDS_IN_SAMA = /(?:同|仕|模|多|異|一|今)$/u;

/** A NAMED match at `at` of `text` is a name: not a domain word (患者さん) nor a word ending in 様 (仕様). */
function isName(name: string, text: string, at: number, isDomainWord: (word: string) => boolean): boolean {
  return !isDomainWord(name.replace(/ /gu, "")) && !(text[at + name.length] === "様" && WORDS_IN_SAMA.test(name));
}

/**
 * Patient data never steers the match: after masking (src/privacy/mask.ts), its placeholders,
 * dated years, long numbers, house numbers and names before さん/様 are taken out of the text the
 * features are built from. `isDomainWord` keeps the words that are not names (患者さん, 富士通さん).
 */
export function withoutPersonalData(normalized: string, isDomainWord: (word: string) => boolean): string {
  const masked = mayNeedMasking(normalized) ? maskPersonalData(normalized).text : normalized;
  const spans = /[[0-9さ様氏くち住]/u.test(masked);
  if (!spans) return masked;
  // Each pattern is tried only when the character it cannot match without is there.
  let text = masked;
  if (text.includes("[")) text = text.replace(PLACEHOLDER, " ");
  if (DIGIT.test(text)) {
    text = text
      .replace(DATE, " ")
      .replace(ADDRESS, " ")
      .replace(HOUSE, " ")
      .replace(NUMBER, (run) => (PHONE.test(run) || run.replace(/\D/gu, "").length < 5 ? run : " "));
  } else if (text.includes("住所")) text = text.replace(ADDRESS, " ");
  if (HONORIFIC_CHAR.test(text))
    text = text.replace(NAMED, (name: string, _n: string, at: number, whole: string) =>
      isName(name, whole, at, isDomainWord) ? " " : name,
    );
  return text.replace(/\s+/gu, " ").trim();
}

/** A name as a screen shows it, after 氏名 (氏名:サトウ ハナコ, 氏名：佐藤 花子). */
const SHOWN_NAME =
  /氏名\s?[:：]\s?([\p{sc=Han}]{1,4}(?: [\p{sc=Han}]{1,4})?|[\p{sc=Katakana}ー]{2,8}(?: [\p{sc=Katakana}ー]{2,8})?)/gu;
const SMALL_KANA: Readonly<Record<string, string>> = {
  ァ: "ア",
  ィ: "イ",
  ゥ: "ウ",
  ェ: "エ",
  ォ: "オ",
  ッ: "ツ",
  ャ: "ヤ",
  ュ: "ユ",
  ョ: "ヨ",
  ヮ: "ワ",
};
const toLargeKana = (name: string) => name.replace(/[ァィゥェォッャュョヮ]/gu, (c) => SMALL_KANA[c] ?? c);

/** A full name right before a birth date (カトウ ミキ H2.3.3生, 村上 修 S55.12.1): a person. */
const NAME_BEFORE_BIRTH = new RegExp(
  `([\\p{sc=Han}]{1,4} (?:[\\p{sc=Han}]{1,4}|[\\p{sc=Hiragana}]{2,4})|[\\p{sc=Katakana}ー]{2,8} [\\p{sc=Katakana}ー]{2,8})\\s?[(（]?(?:(?:男性|女性|男|女)\\s?)?(?:${ERA}\\s?(?:元|\\d{1,2})|\\d{4})\\s?(?:[年/.\\-]|生)`,
  "gu",
);
/** Two people listed together (田中さんと鈴木さん, 二人とも): not one shown for the other. */
const LISTED = /(?:さん|様)\s?(?:と|や|、|,)\s?\S{1,8}(?:さん|様)|二人|2人|ふたり|両方|それぞれ/u;
/** A sex as a screen or a writer gives it: 性別:男, 女性, 女の子, 男の患者さん, or 男 / 女 standing alone before a date. */
const SEX =
  /性別\s?[:：]\s?(男|女)|(男|女)(?:性|の子|の患者|の方|の人)|(?<=[\s(（])(男|女)(?=[)）]|\s?(?:[MTSHR]\d|\d|[(（]))/gu;

/**
 * The question names two different people (the screen's 氏名 and the patient at the counter, or two
 * names with さん), or two sexes: another person's data was shown (「別人」 said without the word).
 */
export function namesTwoPeople(normalized: string, isDomainWord: (word: string) => boolean): boolean {
  if (LISTED.test(normalized)) return false;
  const names = new Set<string>();
  // Each pattern is tried only when the character it cannot match without is there.
  if (normalized.includes("氏名"))
    for (const m of normalized.matchAll(SHOWN_NAME)) names.add((m[1] ?? "").replace(/ /gu, ""));
  if (/[0-9元]/u.test(normalized))
    for (const m of normalized.matchAll(NAME_BEFORE_BIRTH)) names.add((m[1] ?? "").replace(/ /gu, ""));
  if (HONORIFIC_CHAR.test(normalized))
    for (const m of normalized.matchAll(NAMED)) {
      if (isName(m[0], normalized, m.index ?? 0, isDomainWord)) names.add(m[0].replace(/ /gu, ""));
    }
  // The same name written small or large (ショウタ / シヨウタ) is one person; in one script two names are
  // two people (小島 直樹 / 小島 直子: a family member's data); across scripts only two surnames are.
  // A given name said alone (ショウイチさん) is the full name it ends (サイトウ シヨウイチ): one person.
  const large = [...names].map((n) => toLargeKana(n));
  const folded = new Set(large.filter((n) => !large.some((m) => m !== n && m.length > n.length && m.endsWith(n))));
  const scripts = new Set([...folded].map((n) => (/\p{sc=Han}/u.test(n) ? "han" : "kana")));
  const surnames = new Set([...folded].map((n) => n.slice(0, 2)));
  if (folded.size >= 2 && (scripts.size === 1 || surnames.size >= 2)) return true;
  if (!normalized.includes("男") || !normalized.includes("女")) return false;
  const sexes = new Set([...normalized.matchAll(SEX)].map((m) => m[1] ?? m[2] ?? m[3]));
  return sexes.size >= 2;
}
