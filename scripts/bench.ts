// npm run bench: figures for the matcher and start-up (printed, never asserted: shared machines are noisy).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCore } from "../src/core.js";
import { findProjectRoot } from "../src/project-root.js";
import { freePort, spawnBuiltServer, startFlags, untilReady } from "./built-server.js";

const startedAt = performance.now();
const loaded = await loadCore();
const readyMs = performance.now() - startedAt;
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const { engine } = loaded.core;
// The core's own matcher without the cache the server puts in front of it: every run below really
// matches, and the process holds one index, as a server does (no second matcher built for the bench).
const matcher = loaded.core.matcher.uncached;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssAfterLoad = process.memoryUsage().rss;

const root = findProjectRoot();
const questions = readFileSync(join(root, "test", "fixtures", "eval", "dev.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);
const short = questions.filter((q) => q.length <= 100);
/** A log line as a paste holds them: the same words line after line, times and terminals changing. */
const logLine = (n: number) =>
  `2026/11/24 09:${String(n % 60).padStart(2, "0")}:${String((n * 7) % 60).padStart(2, "0")} [INFO] 受付端末 #${1 + (n % 4)} 資格確認要求 送信 患者ID=**** 応答待ち${n % 3 === 0 ? "（再送）" : ""}。`;
const pastes = short.slice(0, 60).map((q, i) => {
  let n = i * 37;
  let text = "";
  for (let k = 0; k <= i % 3; k++) text += logLine(n++);
  text += q;
  while (text.length < 2000) text += logLine(n++);
  return text.slice(0, 2048);
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

/** p50 and p99 of every run; with `perInput`, also the p99 of each input's median run (its cost without the machine's hiccups). */
function time(label: string, inputs: string[], rounds: number, run: (q: string) => unknown, perInput = false): void {
  for (const q of inputs.slice(0, 50)) run(q);
  const samples: number[] = [];
  const byInput = inputs.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    inputs.forEach((q, i) => {
      const t0 = performance.now();
      run(q);
      const ms = performance.now() - t0;
      samples.push(ms);
      byInput[i]!.push(ms);
    });
  }
  samples.sort((a, b) => a - b);
  process.stdout.write(
    `${label.padEnd(34)} n=${String(samples.length).padStart(5)}  p50 ${fmt(percentile(samples, 50))}  p99 ${fmt(percentile(samples, 99))}\n`,
  );
  if (perInput) {
    const byValue = (a: number, b: number) => a - b;
    const medians = byInput.map((runs) => percentile(runs.sort(byValue), 50)).sort(byValue);
    process.stdout.write(
      `${"  each question's median run".padEnd(34)} n=${String(medians.length).padStart(5)}  p50 ${fmt(percentile(medians, 50))}  p99 ${fmt(percentile(medians, 99))}  (a shared machine's pauses left out)\n`,
    );
  }
}

// The in-process figures are the server's only with its Node flags (young generation, helper threads).
const missing = startFlags().filter((flag) => !process.execArgv.includes(flag));
process.stdout.write(
  `node ${process.version} ${process.execArgv.join(" ")}${missing.length > 0 ? ` — without npm start's ${missing.join(" ")}: not the server's figures` : ""}\n`,
);
process.stdout.write(`start → core ready (in process): ${readyMs.toFixed(0)} ms\n`);
process.stdout.write(`RSS after load: ${(rssAfterLoad / 1024 / 1024).toFixed(0)} MB\n`);
process.stdout.write("match runs: the core's matcher without its cache (one matcher in memory, as in the server)\n");
time("match, questions ≤ 100 chars", short, 10, (q) => matcher.match(q), true);
time("match, 2 KB pastes", pastes, 5, (q) => matcher.match(q));
time("answer, ≤ 100 chars (first ask, uncached)", short, 1, (q) => engine.answer({ text: `${q} ` }));
time("answer, ≤ 100 chars (repeated: match cached)", short, 5, (q) => engine.answer({ text: q }));
process.stdout.write(`RSS after the runs: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB\n`);

/** Spawns the real server and polls /readyz: the time a user waits after `npm start`. */
async function serverReady(): Promise<void> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawnBuiltServer(port, { LOG_LEVEL: "silent", DATA_DIR: join(root, "data", "bench") }, "ignore");
  try {
    await untilReady(port, 10, 15_000);
    process.stdout.write(`server spawn → /readyz 200: ${(performance.now() - t0).toFixed(0)} ms\n`);
    const pid = child.pid;
    if (pid !== undefined) {
      const status = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
      if (status) process.stdout.write(`server RSS when ready: ${(Number(status[1]) / 1024).toFixed(0)} MB\n`);
    }
  } finally {
    child.kill("SIGTERM");
  }
}

await serverReady().catch((e: unknown) => process.stdout.write(`server start not measured: ${String(e)}\n`));
