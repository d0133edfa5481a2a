import type { KnownDifferences } from "./answer-model.js";

/** Every user-facing Japanese sentence the engine, the line status and the text renderer produce. */

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

/** 11月24日（火）8:00 */
export function formatJstMoment(month: number, day: number, weekday: number, minutes: number): string {
  return `${month}月${day}日（${WEEKDAYS[weekday] ?? ""}）${formatClock(minutes)}`;
}

/** 8:00, 17:30 */
export function formatClock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The clock time of an ISO-8601 instant written with +09:00: 2026-11-24T18:00:00+09:00 → 18:00. */
export function clockOfIso(iso: string | undefined): string {
  return iso ? formatClock(Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16))) : "";
}

/** What an undated or silent closure is called in a status: 「年末年始：ガイドに日付の記載がありません」. */
const askWhy = (label: string, guide: "dated" | "undated" | "silent") =>
  `${label}：ガイドに${guide === "silent" ? "記載がありません" : "日付の記載がありません"}`;

export const lineMsg = {
  allDay: "24時間365日受付",
  open: (closes: string) => `受付中（${closes}まで）`,
  /** A sentence about the next opening: a date and time, or 要確認 when it falls in an undated closure. */
  next: (opens: string) => `次の受付開始は${opens}です。`,
  nextAsk: (label: string, guide: "dated" | "undated" | "silent") =>
    `次の受付開始は要確認です（${askWhy(label, guide)}）。`,
  closed: (reason: string | undefined, next: string) => `受付時間外${reason ? `（${reason}）` : ""}。${next}`,
  uncertain: (label: string, guide: "dated" | "undated" | "silent", closes: string) =>
    `要確認（${askWhy(label, guide)}。通常の受付は${closes}まで）`,
  reasonWeekend: "土曜・日曜",
  reasonSaturday: "土曜",
  reasonSunday: "日曜",
  reasonHoliday: (name: string) => `祝日：${name}`,
  /** An undated closure, said every day: the guide's own words, and that the dates are not in it. */
  caveatUndated: (label: string, hoursText: string) =>
    `${label}の日付はガイドに記載がありません（ガイドの記載：「${hoursText}」）。${label}の期間はご確認ください。`,
  /** A period the guide says nothing about for this line, said on the days it may apply. */
  caveatSilent: (label: string, hoursText: string) =>
    `${label}の受付について、ガイドには記載がありません（ガイドの記載：「${hoursText}」）。ご確認ください。`,
} as const;

export const timeMsg = {
  open: (name: string, at: string, closes: string) => `${name}は${at} 時点で受付中です（${closes}まで）。`,
  allDay: (name: string) => `${name}は24時間365日受付です。`,
  closed: (name: string, at: string, reason: string | undefined, next: string) =>
    `${name}は${at} 時点で受付時間外です${reason ? `（${reason}）` : ""}。${next}`,
  uncertain: (name: string, at: string, status: string) => `${name}は${at} 時点で${status}です。`,
  /** 「年末もやってますか」: what the guide says about that period for the line, nothing more. */
  seasonDated: (name: string, label: string, hoursText: string) =>
    `${name}は${label}は受付を行っていません（ガイドの記載：「${hoursText}」）。`,
  seasonUndated: (name: string, label: string, hoursText: string) =>
    `${name}は${label}は受付を行っていませんが、その日付はガイドに記載がありません（ガイドの記載：「${hoursText}」）。要確認です。`,
  seasonSilent: (name: string, label: string, hoursText: string) =>
    `${name}の${label}の受付について、ガイドには記載がありません（ガイドの記載：「${hoursText}」）。要確認です。`,
} as const;

export const outageMsg = {
  /** 2-④ 利用手続きの流れ 1. */
  tellFirst: ["医療機関コード", "医療機関・薬局名", "担当者名"] as const,
  callWith:
    "コールセンターへ連絡する際は、医療機関コード、医療機関・薬局名、担当者名と、「緊急時医療情報・資格確認機能」利用希望の旨をお伝えください。",
  meanwhile:
    "「緊急時医療情報・資格確認機能」の開放まで（1～3）およそ30分程度かかります。その間は 2-④ の①②の方法で資格確認を行ってください。",
  meanwhileShort: "開放を待つ間は 2-④ の①②の方法で資格確認を行ってください。",
  report:
    "後日、利用報告書をコールセンターから届いたメールアドレスに提出してください。その際、タイトルを「システム障害時機能の利用報告」としてください。",
  closedNow: (at: string, next: string) =>
    `「緊急時医療情報・資格確認機能」の利用はコールセンターへの連絡から始まりますが、コールセンターは${at} 時点で受付時間外です。${next}`,
  uncertainNow: (at: string, status: string) =>
    `「緊急時医療情報・資格確認機能」の利用はコールセンターへの連絡から始まります。コールセンターは${at} 時点で${status}です。`,
  closingSoon: (closes: string, next: string) =>
    `コールセンターの本日の受付は${closes}までです。「緊急時医療情報・資格確認機能」の開放まで（1～3）はおよそ30分程度かかります。${next}`,
} as const;

export const differenceMsg = {
  rule: "オンライン資格確認用端末/レセプトコンピュータ用端末に表示された内容のままのレセプト請求をしてください（例外の場合（P6、P9）を除く）。資格確認書等の情報も活用し、各医療機関のご判断により、券面情報に基づいて資格情報の修正を行ってレセプト請求を行っていただいても差し支えありません。",
  found: (labels: readonly string[]) => `ガイドに記載のある差異です：${labels.join("／")}。`,
  exceptions: (refs: readonly string[]) => `例外に当たる項目：${refs.join("、")}`,
  exceptionRef: (section: string, title: string) => `${section}「${title}」`,
} as const;

export const comboMsg = {
  ratioLabel: (r: string) => `${r}割`,
  fits: (ratio: string, category: string) =>
    `高齢受給者証負担割合「${ratio}」と限度額適用認定証区分「${category}」の組合せは、ガイドの表の「正しい登録」に当てはまります。`,
  doesNotFit: (ratio: string, category: string, no: number, right: string) =>
    `高齢受給者証負担割合「${ratio}」と限度額適用認定証区分「${category}」の組合せは、ガイドの表の「誤っている登録（齟齬が生じている場合）」の#${no}に当たります。世帯の構成に変更が生じた場合などにより齟齬が生じている可能性があるため、保険者に確認をしてください。正しい登録は${right}です。`,
  right: (ratio: string, category: string) => `「${ratio}」なら「${category}」`,
  notInGuide: (category: string) =>
    `「${category}」はガイドの表にない区分です。ガイドの表は「現役並み」「一般」「低所得」で書かれています。判断できない場合は保険者に確認をしてください。`,
  needCategory: (ratio: string) =>
    `負担割合「${ratio}」はわかりました。限度額適用認定証区分（現役並み／一般／低所得）も教えてください。`,
  needRatio: (category: string) =>
    `区分「${category}」はわかりました。高齢受給者証負担割合（1割／2割／3割）も教えてください。`,
  noRow: (ratio: string) =>
    `負担割合「${ratio}」はガイドの表にありません。判断できない場合は保険者に確認をしてください。`,
} as const;

export const clarifyMsg = {
  methodCard: "マイナンバーカード",
  methodCertificate: "資格確認書",
  methodNote: (method: string, text: string) => `${method}で資格確認した場合：${text}`,
} as const;

/** The parts of an answer as every channel names them (text, Teams card, Slack blocks, web page). */
export const ANSWER_LABELS = {
  warnings: "ご注意",
  clarify: "確認させてください",
  steps: "対処方法",
  notes: "補足",
  check: "確認結果",
  variant: "表示の例と資格の状態",
  variantScreens: "表示の例",
  variantResult: "資格確認結果",
  variantState: "資格の状態",
  lines: "問い合わせ先",
  parties: "確認先",
  links: "参考リンク",
  related: "関連する内容",
  alternatives: "こちらの内容ではありませんか",
  readAloud: "電話でのご案内（読み上げ例）",
  knownDifferences: "差異が生じる可能性がある場合（ガイドの補足説明）",
  feedbackQuestion: "この回答は役に立ちましたか？",
  tollFree: "（通話無料）",
  fact: (fact: string) => `確認方法：${fact}`,
  crossRef: (section: string, title: string) => `参照：${section} ${title}`,
  tellFirst: (items: readonly string[]) => `はじめにお伝えいただくこと：${items.join("、")}`,
  /** Every live status says when it was true: a card read hours later must not mislead. */
  statusNow: (status: string, at: string) => `${at} 時点：${status}`,
} as const;

const L = ANSWER_LABELS;

/** The guide's list of known differences as lines: its lead, 「・」 per item, 「例）」 per example (text, Teams, Slack). */
export function knownDifferenceLines(kd: KnownDifferences): string[] {
  return [kd.lead, ...kd.items.flatMap((i) => [`・${i.text}`, ...i.examples.map((e) => `　例）${e}`)])];
}

export const textMsg = {
  sectionTitle: (sectionTitle: string) => `（${sectionTitle}）`,
  steps: `■ ${L.steps}`,
  notes: `■ ${L.notes}`,
  variant: `■ ${L.variant}`,
  variantResult: L.variantResult,
  variantState: L.variantState,
  variantScreens: L.variantScreens,
  fact: L.fact,
  clarify: `■ ${L.clarify}`,
  check: `■ ${L.check}`,
  lines: `■ ${L.lines}`,
  tollFree: L.tollFree,
  tellFirst: L.tellFirst,
  statusNow: L.statusNow,
  parties: `■ ${L.parties}`,
  links: `■ ${L.links}`,
  crossRef: (section: string, title: string) => `■ ${L.crossRef(section, title)}`,
  related: `■ ${L.related}`,
  alternatives: `■ ${L.alternatives}`,
  warnings: `■ ${L.warnings}`,
  readAloud: `■ ${L.readAloud}`,
  knownDifferences: `■ ${L.knownDifferences}`,
  source: (guide: string, section: string, pages: readonly string[]) =>
    `出典：${guide} ${section}${pages.length > 0 ? `（${pages.join("、")}）` : ""}`,
} as const;
