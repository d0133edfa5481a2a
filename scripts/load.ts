// npm run load [-- --seconds 60 --rate 200 --ask-seconds 10 --soak-seconds 0]
// Drives the real server (spawned) on loopback only, with a fake Bot Connector and a fake Slack Web API.
// Prints figures; asserts nothing (shared machines are noisy).
import type { ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findProjectRoot } from "../src/project-root.js";
import { freePort, spawnBuiltServer, startFlags, untilReady } from "./built-server.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 60);
const RATE = arg("rate", 200);
const ASK_SECONDS = arg("ask-seconds", 10);
const SOAK_SECONDS = arg("soak-seconds", 0);
const SOAK_RATE = arg("soak-rate", 100);
const SIGNING_SECRET = "load-test-signing-secret";
const root = findProjectRoot();
const questions = readFileSync(join(root, "test", "fixtures", "eval", "dev.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);

interface Fake {
  server: Server;
  url: string;
  received: number;
}

function startFake(reply: (path: string) => unknown): Promise<Fake> {
  const fake: Fake = { server: createServer(), url: "", received: 0 };
  fake.server.on("request", (req, res) => {
    req.resume();
    req.on("end", () => {
      fake.received++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(reply(req.url ?? "")));
    });
  });
  return new Promise((resolve) =>
    fake.server.listen(0, "127.0.0.1", () => {
      fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
      resolve(fake);
    }),
  );
}

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

function post(port: number, path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        agent,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.setTimeout(10_000, () => req.destroy());
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
  return status ? Number(status[1]) / 1024 : Number.NaN;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

function teamsActivity(connector: string, i: number): string {
  return JSON.stringify({
    type: "message",
    id: `load-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector,
    channelId: "msteams",
    from: { id: `user-${i % 50}`, name: "受付" },
    conversation: { id: `conv-${i % 50}`, conversationType: "personal", tenantId: "tenant-load" },
    recipient: { id: "bot", name: "onshi" },
    text: questions[i % questions.length],
    locale: "ja-JP",
    channelData: { tenant: { id: "tenant-load" } },
  });
}

function slackEvent(i: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    type: "event_callback",
    team_id: "T0LOAD",
    api_app_id: "A0LOAD",
    event_id: `Ev${randomUUID().replace(/-/g, "")}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "app_mention",
      user: `U${i % 50}`,
      text: `<@U0BOT> ${questions[i % questions.length]}`,
      ts: `${Math.floor(Date.now() / 1000)}.${String(i).padStart(6, "0")}`,
      channel: "C0LOAD",
    },
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    body,
    headers: { "content-type": "application/json", "x-slack-request-timestamp": ts, "x-slack-signature": signature },
  };
}

type Kind = "teams" | "slack" | "ask";

async function fixedRate(port: number, connector: string, seconds: number, rate: number) {
  const latencies: Record<Kind, number[]> = { teams: [], slack: [], ask: [] };
  const errors: Record<Kind, number> = { teams: 0, slack: 0, ask: 0 };
  const pending: Promise<void>[] = [];
  const total = Math.floor(seconds * rate);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const kind: Kind = (["teams", "slack", "ask"] as const)[i % 3]!;
    const t0 = performance.now();
    let sent: Promise<number>;
    if (kind === "teams") {
      sent = post(port, "/api/messages", teamsActivity(connector, i), { "content-type": "application/json" });
    } else if (kind === "slack") {
      const { body, headers } = slackEvent(i);
      sent = post(port, "/slack/events", body, headers);
    } else {
      sent = post(port, "/api/ask", JSON.stringify({ text: questions[i % questions.length] }), {
        "content-type": "application/json",
      });
    }
    pending.push(
      sent.then((status) => {
        latencies[kind].push(performance.now() - t0);
        if (status < 200 || status >= 300) errors[kind]++;
      }),
    );
  }
  await Promise.all(pending);
  return { latencies, errors, elapsed: (performance.now() - start) / 1000, total };
}

async function askThroughput(port: number, seconds: number, connections: number) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const bodies = questions.slice(0, 200).map((q) => JSON.stringify({ text: q }));
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let i = c; performance.now() < end; i += connections) {
        const t0 = performance.now();
        const status = await post(port, "/api/ask", bodies[i % bodies.length]!, { "content-type": "application/json" });
        latencies.push(performance.now() - t0);
        if (status !== 200) errors++;
      }
    }),
  );
  return { latencies, errors };
}

function line(label: string, lat: number[], errors: number, seconds: number) {
  const s = [...lat].sort((a, b) => a - b);
  process.stdout.write(
    `${label.padEnd(22)} ${String(lat.length).padStart(7)} req  ${(lat.length / seconds).toFixed(0).padStart(6)} req/s  p50 ${pct(s, 0.5).toFixed(2)} ms  p99 ${pct(s, 0.99).toFixed(2)} ms  errors ${errors}\n`,
  );
}

const connector = await startFake(() => ({ id: "reply" }));
const slackApi = await startFake((path) =>
  path.includes("auth.test")
    ? { ok: true, user_id: "U0BOT", bot_id: "B0BOT", team_id: "T0LOAD" }
    : { ok: true, ts: "1.0" },
);
const port = await freePort();
// The same Node flags as `npm start` (package.json), so the figures are those of a real start.
const NODE_FLAGS = process.env.ONSHI_NODE_FLAGS?.split(" ").filter(Boolean) ?? startFlags();
const child = spawnBuiltServer(
  port,
  {
    LOG_LEVEL: "warn",
    DATA_DIR: join(tmpdir(), `onshi-load-${process.pid}`),
    SLACK_BOT_TOKEN: "xoxb-load-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slackApi.url}/api/`,
    // throughput of one client: the per-client limits (measured by npm run load:fairness) lifted
    ASK_RATE_LIMIT_PER_MINUTE: "100000000",
    CLIENT_CPU_MS_PER_SECOND: "1000",
    CLIENT_CPU_BURST_MS: "10000",
    CLIENT_MAX_IN_FLIGHT: "1000",
    MAX_ANSWERS_IN_FLIGHT: "10000",
  },
  ["ignore", "ignore", "inherit"],
  NODE_FLAGS,
);
try {
  await untilReady(port, 100, 30_000);
  const rssBefore = rssMb(child);
  process.stdout.write(`server ready on 127.0.0.1:${port}; RSS ${rssBefore.toFixed(0)} MB\n`);
  process.stdout.write(`\n== mixed traffic: ${RATE} msg/s for ${SECONDS} s (Teams, Slack, /api/ask in turn)\n`);
  const mixed = await fixedRate(port, connector.url, SECONDS, RATE);
  await new Promise((r) => setTimeout(r, 2_000));
  for (const kind of ["teams", "slack", "ask"] as const)
    line(kind, mixed.latencies[kind], mixed.errors[kind], mixed.elapsed);
  const teamsSent = mixed.latencies.teams.length;
  const slackSent = mixed.latencies.slack.length;
  process.stdout.write(
    `replies received: Bot Connector ${connector.received} (sent ${teamsSent}), Slack chat.postMessage ${slackApi.received} (sent ${slackSent}, incl. auth.test)\n`,
  );
  process.stdout.write(
    `achieved rate ${(mixed.total / mixed.elapsed).toFixed(0)} msg/s; RSS ${rssMb(child).toFixed(0)} MB\n`,
  );

  process.stdout.write(`\n== /api/ask as fast as it answers: ${ASK_SECONDS} s, 64 connections\n`);
  const ask = await askThroughput(port, ASK_SECONDS, 64);
  line("/api/ask", ask.latencies, ask.errors, ASK_SECONDS);
  process.stdout.write(`RSS ${rssMb(child).toFixed(0)} MB\n`);

  if (SOAK_SECONDS > 0) {
    process.stdout.write(`\n== soak: ${SOAK_RATE} msg/s for ${SOAK_SECONDS} s\n`);
    const base = rssMb(child);
    const samples: string[] = [];
    const sampler = setInterval(() => samples.push(rssMb(child).toFixed(0)), 30_000);
    const soak = await fixedRate(port, connector.url, SOAK_SECONDS, SOAK_RATE);
    clearInterval(sampler);
    const after = rssMb(child);
    const errors = soak.errors.teams + soak.errors.slack + soak.errors.ask;
    process.stdout.write(
      `requests ${soak.total}, errors ${errors}; RSS ${base.toFixed(0)} → ${after.toFixed(0)} MB (${(((after - base) / base) * 100).toFixed(1)} %); samples ${samples.join(" ")}\n`,
    );
  }
  process.stdout.write(`\nRSS before ${rssBefore.toFixed(0)} MB, after ${rssMb(child).toFixed(0)} MB\n`);
} finally {
  child.kill("SIGTERM");
  connector.server.close();
  slackApi.server.close();
  agent.destroy();
}
