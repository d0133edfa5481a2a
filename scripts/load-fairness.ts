// npm run load:fairness [-- --seconds 15 --flooders 16 --victim-rate 20 --cpu-ms 50 --burst-ms 100 --no-baseline]
// Does one client flooding /api/ask slow another client down? Drives the real server (spawned) on
// loopback only: the "other client" asks ordinary questions from 127.0.0.1 at a steady rate, alone
// and then while a "flooding client" on 127.0.0.2 keeps 16 distinct 2,000-character questions in
// flight. Run once with the default per-client limits and once with them lifted (as before issue 12).
// Prints figures; asserts nothing (shared machines are noisy).
import type { ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { findProjectRoot } from "../src/project-root.js";
import { freePort, spawnBuiltServer, untilReady } from "./built-server.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 15);
const FLOODERS = arg("flooders", 16);
const VICTIM_RATE = arg("victim-rate", 20);
const VICTIM = "127.0.0.1";
const FLOODER = "127.0.0.2";
const root = findProjectRoot();
const questions = readFileSync(join(root, "test", "fixtures", "eval", "dev.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);
/** 2,000 characters, a different one each time: the answer cache cannot help. */
const floodQuestion = (i: number) =>
  `${i} ${"顔認証付きカードリーダーの接続が切れて資格確認ができない、エラーコードが表示される ".repeat(60)}`.slice(
    0,
    2_000,
  );

function ask(port: number, from: string, agent: Agent, text: string): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify({ text });
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/ask",
        method: "POST",
        agent,
        localAddress: from,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.setTimeout(10_000, () => req.destroy());
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function victim(port: number, seconds: number): Promise<{ ms: number[]; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const ms: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const pending: Promise<void>[] = [];
  for (let i = 0; performance.now() < end; i++) {
    pending.push(
      ask(port, VICTIM, agent, questions[i % questions.length] ?? "停電").then((r) => {
        if (r.status === 200) ms.push(r.ms);
        else errors++;
      }),
    );
    await new Promise((r) => setTimeout(r, 1000 / VICTIM_RATE));
  }
  await Promise.all(pending);
  agent.destroy();
  return { ms, errors };
}

async function flood(port: number, stop: { done: boolean }): Promise<Map<number, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: FLOODERS });
  const statuses = new Map<number, number>();
  let n = 0;
  await Promise.all(
    Array.from({ length: FLOODERS }, async () => {
      while (!stop.done) {
        const { status } = await ask(port, FLOODER, agent, floodQuestion(n++));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  return statuses;
}

function figures(label: string, r: { ms: number[]; errors: number }): string {
  const s = [...r.ms].sort((a, b) => a - b);
  return `${label.padEnd(34)} ${String(s.length).padStart(5)} answers  p50 ${pct(s, 0.5).toFixed(1).padStart(6)} ms  p99 ${pct(s, 0.99).toFixed(1).padStart(7)} ms  max ${(s.at(-1) ?? 0).toFixed(1).padStart(7)} ms  refused ${r.errors}`;
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawnBuiltServer(port, { LOG_LEVEL: "warn", DATA_DIR: dataDir, ...env }, [
    "ignore",
    "ignore",
    "inherit",
  ]);
  await untilReady(port, 100, 30_000);
  return { child, port };
}

async function scenario(title: string, env: Record<string, string>): Promise<void> {
  const { child, port } = await startServer(env);
  try {
    process.stdout.write(`\n== ${title} (load average ${loadavg()[0]?.toFixed(1)} on this machine)\n`);
    // warm-up: the first answers load the dictionary's pages
    await victim(port, 2);
    process.stdout.write(`${figures(`other client alone (${VICTIM})`, await victim(port, SECONDS))}\n`);
    const stop = { done: false };
    const flooding = flood(port, stop);
    const during = await victim(port, SECONDS);
    stop.done = true;
    const statuses = await flooding;
    process.stdout.write(`${figures(`other client during the flood`, during)}\n`);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const shown = [...statuses].map(([s, n]) => `${s}: ${n}`).join(", ");
    process.stdout.write(
      `flooding client (${FLOODER}, ${FLOODERS} in flight, 2,000 characters): ${total} requests, ${(total / SECONDS).toFixed(0)} req/s (${shown})\n`,
    );
  } finally {
    child.kill("SIGTERM");
  }
}

const dataDir = join(tmpdir(), `onshi-fairness-${process.pid}`);
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

process.stdout.write(
  `one flooding client against another client asking ${VICTIM_RATE} ordinary questions a second, ${SECONDS} s each\n`,
);
// --cpu-ms / --burst-ms try other per-client budgets than the defaults
const CPU_MS = arg("cpu-ms", 0);
const BURST_MS = arg("burst-ms", 0);
const limits = {
  ...(CPU_MS > 0 ? { CLIENT_CPU_MS_PER_SECOND: String(CPU_MS) } : {}),
  ...(BURST_MS > 0 ? { CLIENT_CPU_BURST_MS: String(BURST_MS) } : {}),
};
await scenario(
  `per-client limits (CLIENT_CPU_MS_PER_SECOND ${CPU_MS || "50 (default)"}, CLIENT_CPU_BURST_MS ${BURST_MS || "100 (default)"}, CLIENT_MAX_IN_FLIGHT 1 (default))`,
  limits,
);
if (!process.argv.includes("--no-baseline"))
  await scenario("per-client limits lifted (as before issue 12)", {
    CLIENT_CPU_MS_PER_SECOND: "1000",
    CLIENT_CPU_BURST_MS: "10000",
    CLIENT_MAX_IN_FLIGHT: "1000",
    ASK_RATE_LIMIT_PER_MINUTE: "6000",
  });
