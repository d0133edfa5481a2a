// Run by `npm test` after the whole suite: nothing the tests made the server write — log lines
// (test-output/logs) and stores (test-output/stores) — may hold patient data in clear: no 個人番号 or
// 12-digit number in any separator, width or script, and none of the other kinds the store minimises
// (names, addresses, postcodes, phone numbers other than the guide's lines, e-mails, dates).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { guidePhoneDigits } from "../src/core.js";
import { loadKnowledge } from "../src/knowledge/load-knowledge.js";
import { maskPersonalData } from "../src/privacy/mask.js";
import { minimizePersonalData } from "../src/privacy/minimize.js";
import { findProjectRoot } from "../src/project-root.js";

/** Machine fields: pino's level, time (13 digits), pid and hostname; a record's ISO timestamp. */
const MACHINE_FIELDS = new Set(["level", "time", "pid", "hostname", "ts"]);

function strings(value: unknown, top: boolean, out: string[]): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number") out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) strings(v, false, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (top && MACHINE_FIELDS.has(k)) continue;
      out.push(k);
      strings(v, false, out);
    }
  }
  return out;
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const loaded = loadKnowledge();
if (!loaded.ok) {
  process.stderr.write(`log scan: the knowledge base does not load:\n${loaded.message}\n`);
  process.exit(1);
}
const keepPhones = guidePhoneDigits(loaded);

/** What of `text` is patient data in clear: the kinds found, empty when none. */
function leaksIn(text: string): string[] {
  const masked = maskPersonalData(text).found;
  const kinds = Object.entries(masked)
    .filter(([, n]) => n > 0)
    .map(([k]) => k);
  return [...kinds, ...minimizePersonalData(text, { keepPhones }).found.keys()];
}

const root = join(findProjectRoot(), "test-output");
const logs = files(join(root, "logs"));
// daily-counts.json holds counts keyed by day (src/stats/daily-counts.ts): its dates are the buckets, not a patient's.
const stores = files(join(root, "stores")).filter((f) => !f.endsWith("daily-counts.json"));
let lines = 0;
const offending: string[] = [];
for (const file of [...logs, ...stores]) {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    lines++;
    let fields: string[];
    try {
      fields = strings(JSON.parse(line), true, []);
    } catch {
      fields = [line];
    }
    const kinds = [...new Set(fields.flatMap(leaksIn))];
    if (kinds.length > 0) offending.push(`${file} [${kinds.join(", ")}]: ${line.slice(0, 200)}`);
  }
}
if (logs.length === 0 || lines === 0) {
  process.stderr.write("log scan: no server log lines were written by the tests (expected some)\n");
  process.exit(1);
}
if (offending.length > 0) {
  process.stderr.write(
    `log scan: ${offending.length} of ${lines} lines written by the tests hold patient data in clear:\n${offending.join("\n")}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `log scan: ${lines} lines from ${logs.length} log and ${stores.length} store files; no 個人番号, name, address, phone, e-mail or date in clear\n`,
);
