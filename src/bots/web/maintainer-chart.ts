// The answered / unanswered / 👎 chart as inline SVG, drawn on the server: no script, no CDN, and only
// presentation attributes (no style attribute), so the page's strict CSP (style-src 'self') holds.
import type { DayRow } from "./maintainer-data.js";

export const SERIES = [
  { key: "answered", label: "回答", color: "#2b6cb0" },
  { key: "unanswered", label: "未回答", color: "#dd6b20" },
  { key: "notHelpful", label: "👎", color: "#c53030" },
] as const;

const W = 760;
const H = 280;
const LEFT = 44;
const RIGHT = 12;
const TOP = 30;
const BOTTOM = 40;

export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** A round top for the y axis: 1, 2, 5, 10, 20, 50 … at or above the largest value. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const base = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * base >= value) return m * base;
  return 10 * base;
}

const shortDay = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;

export function renderDayChart(days: readonly DayRow[]): string {
  const top = niceMax(Math.max(0, ...days.flatMap((d) => [d.answered, d.unanswered, d.notHelpful])));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.max(2, Math.min(14, (slot - 6) / SERIES.length));
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const parts: string[] = [];
  // Counts are whole: the middle line only where it is a whole number.
  for (const tick of Number.isInteger(top / 2) ? [0, top / 2, top] : [0, top]) {
    const ty = y(tick).toFixed(1);
    parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${ty}" y2="${ty}" stroke="#d9dee5" stroke-width="1"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${ty}" dy="4" text-anchor="end" font-size="11" fill="#4a5568">${tick}</text>`);
  }
  days.forEach((d, i) => {
    const x0 = LEFT + i * slot + (slot - bar * SERIES.length) / 2;
    SERIES.forEach((s, k) => {
      const v = d[s.key];
      const h = (v / top) * plotH;
      const x = (x0 + k * bar).toFixed(1);
      parts.push(
        `<rect x="${x}" y="${(TOP + plotH - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}" data-day="${d.day}" data-series="${s.key}" data-value="${v}"><title>${shortDay(d.day)} ${s.label} ${v}件</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(LEFT + i * slot + slot / 2).toFixed(1)}" y="${H - BOTTOM + 16}" text-anchor="middle" font-size="11" fill="#4a5568">${shortDay(d.day)}</text>`,
    );
  });
  const legend = SERIES.map(
    (s, k) =>
      `<rect x="${LEFT + k * 90}" y="8" width="12" height="12" fill="${s.color}"/><text x="${LEFT + k * 90 + 17}" y="18" font-size="12" fill="#1a202c">${s.label}</text>`,
  ).join("");
  const summary = `1日ごとの件数（${days.length}日間）。${SERIES.map((s) => `${s.label} 合計 ${days.reduce((n, d) => n + d[s.key], 0)}件`).join("、")}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="chart-title" id="day-chart">`,
    `<title id="chart-title">${escapeXml(summary)}</title>`,
    legend,
    `<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${TOP + plotH}" stroke="#a0aec0"/>`,
    ...parts,
    "</svg>",
  ].join("");
}
