// The maintainers' page: unanswered questions and feedback over time, as one server-rendered HTML page.
import type { KnowledgeBase } from "../../knowledge/schema.js";
import { escapeXml as esc, renderDayChart, SERIES } from "./maintainer-chart.js";
import type { MaintainerView } from "./maintainer-data.js";

export const maintainerMsg = {
  title: "保守担当者向け：未回答の質問と評価",
  banner: (url: string) =>
    `保守担当者向けの未回答・評価のページ: ${url}（受付担当者のページと同じ AGENT_TOKEN で保護）`,
  lead: (from: string, to: string) =>
    `${from}～${to} の記録です。質問文は伏せ字済み（個人番号・保険者番号・生年月日など）で、回答件数は日ごとの件数だけを記録しています。`,
  back: "受付担当者のページへ",
  chart: "1日ごとの回答・未回答・👎",
  chartTable: "表で見る",
  day: "日付",
  misses: "よく聞かれた未回答の質問（伏せ字済み）",
  count: "件数",
  question: "質問",
  disliked: "👎 の多いトピック",
  topic: "トピック",
  notHelpful: "👎",
  helpful: "👍",
  low: "確信度の低い回答",
  confidence: "確信度",
  none: "まだ記録がありません。",
  hint: "よくある言い方はトピックの matching.examples か言い換え辞書に加えてください。端末では npm run report:misses で同じ記録を一覧できます。",
} as const;

const M = maintainerMsg;

function table(head: readonly string[], rows: readonly (readonly string[])[], id: string): string {
  if (rows.length === 0) return `<p class="empty" id="${id}">${M.none}</p>`;
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("");
  return `<table id="${id}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function topicName(kb: KnowledgeBase, id: string): string {
  const t = kb.topics.get(id);
  return t ? `${t.section} ${t.title}` : id;
}

export function renderMaintainerPage(view: MaintainerView, kb: KnowledgeBase): string {
  const from = view.days[0]?.day ?? "";
  const to = view.days.at(-1)?.day ?? "";
  const dayRows = view.days.map((d) => [d.day, ...SERIES.map((s) => String(d[s.key]))]);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${M.title}</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="/maintainer.css">
</head>
<body>
<header>
<h1>${M.title}</h1>
<p>${esc(M.lead(from, to))}</p>
<nav><a href="/">${M.back}</a></nav>
</header>
<main>
<section aria-labelledby="h-chart">
<h2 id="h-chart">${M.chart}</h2>
${renderDayChart(view.days)}
<details><summary>${M.chartTable}</summary>${table([M.day, ...SERIES.map((s) => s.label)], dayRows, "day-table")}</details>
</section>
<section aria-labelledby="h-misses">
<h2 id="h-misses">${M.misses}</h2>
${table(
  [M.count, M.question],
  view.misses.map((m) => [String(m.count), m.text]),
  "misses",
)}
<p class="hint">${esc(M.hint)}</p>
</section>
<section aria-labelledby="h-disliked">
<h2 id="h-disliked">${M.disliked}</h2>
${table(
  [M.topic, M.notHelpful, M.helpful],
  view.disliked.map((d) => [topicName(kb, d.topic), String(d.notHelpful), String(d.helpful)]),
  "disliked",
)}
</section>
<section aria-labelledby="h-low">
<h2 id="h-low">${M.low}</h2>
${table(
  [M.day, M.question, M.topic, M.confidence],
  view.lowConfidence.map((l) => [l.day, l.text, topicName(kb, l.topic), l.confidence.toFixed(2)]),
  "low-confidence",
)}
</section>
</main>
<footer><p>出典：${esc(kb.citation)}</p></footer>
</body>
</html>
`;
}
