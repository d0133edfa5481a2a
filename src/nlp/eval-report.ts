import { CALIBRATION_BINS, EVAL_KINDS, type EvalReport, type Tally } from "./evaluation.js";

export const pct = (t: Tally | undefined) =>
  !t || t.total === 0 ? "     -" : `${((100 * t.correct) / t.total).toFixed(1).padStart(5)}%`;
const cell = (t: Tally | undefined) => `${pct(t)} ${`${t?.correct ?? 0}/${t?.total ?? 0}`.padStart(7)}`.padEnd(16);

/** Several sets side by side: overall, none recall/precision, refusals, calibration, by kind and by topic. */
export function formatSideBySide(reports: readonly { name: string; report: EvalReport }[]): string {
  const head = (label: string) => `${label.padEnd(22)}${reports.map((r) => r.name.padEnd(16)).join("")}`;
  const row = (label: string, pick: (r: EvalReport) => Tally | undefined) =>
    `${label.padEnd(22)}${reports.map((r) => cell(pick(r.report))).join("")}`;
  const lines = [
    head(""),
    row("overall", (r) => r.overall),
    row("variants", (r) => r.variants),
    row("none recall", (r) => r.noneRecall),
    row("none precision", (r) => r.nonePrecision),
    row("in-scope refused", (r) => r.inScopeRefused),
    row("stated ≥ 0.8 right", (r) => r.confident),
    "calibration (stated → right):",
    ...CALIBRATION_BINS.map((b, i) =>
      row(`  ${b.toFixed(1)}–${(CALIBRATION_BINS[i + 1] ?? 1).toFixed(1)}`, (r) => r.calibration.get(b)),
    ),
    "by kind:",
    ...EVAL_KINDS.filter((k) => reports.some((r) => r.report.byKind.has(k))).map((k) =>
      row(`  ${k}`, (r) => r.byKind.get(k)),
    ),
    "by topic:",
    ...[...new Set(reports.flatMap((r) => [...r.report.byTopic.keys()]))]
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
      .map((t) => row(`  ${t}`, (r) => r.byTopic.get(t))),
  ];
  return lines.join("\n");
}

/** The misses of one set (only ever printed for the sets tuning may read). */
export function formatMisses(name: string, r: EvalReport): string {
  const lines = [`== misses in ${name} (${r.misses.length})`];
  for (const m of r.misses) {
    const want = m.reason === "variant" ? `${m.c.id}/${m.c.variant}` : m.c.id;
    const got = m.got.variant ? `${m.got.id}/${m.got.variant}` : m.got.id;
    lines.push(`  [${m.c.kind}] want ${want} got ${got} (${m.got.confidence}) ${m.c.q.slice(0, 90)}`);
  }
  return lines.join("\n");
}

/** One set alone (failure messages of the gates). */
export function formatReport(name: string, r: EvalReport, showMisses = true): string {
  const table = formatSideBySide([{ name, report: r }]);
  return showMisses && r.misses.length > 0 ? `${table}\n${formatMisses(name, r)}` : table;
}
