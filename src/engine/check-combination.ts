import type { ComboRow } from "../knowledge/schema.js";
import type { CheckResult } from "./answer-model.js";
import { comboMsg } from "./messages.js";
import { normalizeCue } from "./prepare-text.js";

export type Ratio = "1" | "2" | "3";
export type Category = "現役並み" | "一般" | "低所得";

/** Two fields from a form, or one free-text sentence. */
export type CombinationInput = string | { readonly ratio: string; readonly category: string };

const KANJI_DIGITS: Readonly<Record<string, Ratio>> = { "1": "1", "2": "2", "3": "3", 一: "1", 二: "2", 三: "3" };
const RATIO = /([1-3一二三])\s*割/u;
const BARE_RATIO = /^\s*([1-3一二三])\s*$/u;
// 区分ア～オ (not in the guide's table); a katakana word such as エラー is not one.
const OTHER_CATEGORY = /区分\s*[:：は]?\s*([アイウエオ])(?![ァ-ヶー])/u;
const CATEGORIES: readonly { readonly re: RegExp; readonly category: Category }[] = [
  { re: /現役並/u, category: "現役並み" },
  { re: /一般/u, category: "一般" },
  { re: /低所得/u, category: "低所得" },
];

export function parseRatio(text: string): Ratio | undefined {
  const norm = normalizeCue(text);
  const m = RATIO.exec(norm) ?? BARE_RATIO.exec(norm);
  return m?.[1] !== undefined ? KANJI_DIGITS[m[1]] : undefined;
}

export type ParsedCategory =
  | { readonly kind: "guide"; readonly category: Category }
  | { readonly kind: "other"; readonly label: string };

/** The first category named (by position); 区分ア～オ are reported as not in the guide. */
export function parseCategory(text: string): ParsedCategory | undefined {
  const norm = normalizeCue(text);
  let best: { index: number; parsed: ParsedCategory } | undefined;
  for (const { re, category } of CATEGORIES) {
    const m = re.exec(norm);
    if (m && (best === undefined || m.index < best.index))
      best = { index: m.index, parsed: { kind: "guide", category } };
  }
  const other = OTHER_CATEGORY.exec(norm);
  if (other?.[1] && (best === undefined || other.index < best.index)) {
    best = { index: other.index, parsed: { kind: "other", label: `区分${other[1]}` } };
  }
  return best?.parsed;
}

function result(verdict: CheckResult["verdict"], findings: string[], text: string): CheckResult {
  return { kind: "combination", verdict, findings, text };
}

/**
 * 1-④: does 高齢受給者証負担割合 × 限度額適用認定証区分 fit the guide's table?
 * undefined when the input names neither.
 */
export function checkCombination(table: readonly ComboRow[], input: CombinationInput): CheckResult | undefined {
  const ratio = typeof input === "string" ? parseRatio(input) : parseRatio(input.ratio);
  const parsed = typeof input === "string" ? parseCategory(input) : parseCategory(input.category);
  const shownCategory = parsed?.kind === "guide" ? parsed.category : parsed?.label;
  const findings = [
    ...(ratio ? [`ratio:${ratio}`] : []),
    ...(shownCategory !== undefined ? [`category:${shownCategory}`] : []),
  ];
  if (parsed?.kind === "other") return result("unknown", findings, comboMsg.notInGuide(parsed.label));
  if (typeof input !== "string" && parsed === undefined && input.category.trim() !== "") {
    return result("unknown", findings, comboMsg.notInGuide(input.category.trim().slice(0, 40)));
  }
  if (ratio === undefined) return parsed ? result("unknown", findings, comboMsg.needRatio(parsed.category)) : undefined;
  const ratioText = comboMsg.ratioLabel(ratio);
  if (parsed === undefined) return result("unknown", findings, comboMsg.needCategory(ratioText));
  const row = table.find((r) => r.ratios.includes(ratio));
  if (!row) return result("unknown", findings, comboMsg.noRow(ratioText));
  findings.push(`row:${row.no}`);
  if (row.rightCategories.includes(parsed.category))
    return result("fits", findings, comboMsg.fits(ratioText, parsed.category));
  const right = comboMsg.right(row.right.ratio, row.right.category);
  return result("does-not-fit", findings, comboMsg.doesNotFit(ratioText, parsed.category, row.no, right));
}
