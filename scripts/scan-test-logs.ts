// Run by `npm test` after the whole suite: no server log line written by the tests may hold a valid
// 個人番号 in clear (a run of 12 digits, joined only by the separators staff use, whose check digit holds).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isValidMyNumber } from "../src/privacy/mask.js";
import { findProjectRoot } from "../src/project-root.js";

export function validMyNumbersIn(text: string): string[] {
  const runs = text.normalize("NFKC").match(/\d(?:[\s\-‐ー\u200b\u3000]*\d)*/g) ?? [];
  return runs.map((run) => run.replace(/\D/g, "")).filter((d) => d.length === 12 && isValidMyNumber(d));
}

const logDir = join(findProjectRoot(), "test-output", "logs");
const files = existsSync(logDir) ? readdirSync(logDir) : [];
let lines = 0;
const offending: string[] = [];
for (const file of files) {
  for (const line of readFileSync(join(logDir, file), "utf8").split("\n")) {
    if (!line) continue;
    lines++;
    if (validMyNumbersIn(line).length > 0) offending.push(`${file}: ${line.slice(0, 200)}`);
  }
}
if (lines === 0) {
  process.stderr.write("log scan: no server log lines were written by the tests (expected some)\n");
  process.exit(1);
}
if (offending.length > 0) {
  process.stderr.write(
    `log scan: ${offending.length} of ${lines} server log lines hold a valid 個人番号 in clear:\n${offending.join("\n")}\n`,
  );
  process.exit(1);
}
process.stdout.write(`log scan: ${lines} server log lines from ${files.length} files, no valid 個人番号 in clear\n`);
