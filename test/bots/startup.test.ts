import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDictionaryDir } from "../../src/nlp/load-dictionary.js";
import { findProjectRoot } from "../../src/project-root.js";

const root = findProjectRoot();
const main = join(root, "dist", "src", "main.js");
const scratch = mkdtempSync(join(tmpdir(), "onshi-startup-"));

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, "scripts", "ensure-built.mjs")], { encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let err = "";
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", DATA_DIR: join(scratch, "data"), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

async function waitReady(port: number, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("not ready");
}

async function refusesToStart(env: Record<string, string>, expected: RegExp): Promise<void> {
  const port = await freePort();
  const s = start({ PORT: String(port), ...env });
  const code = await s.exited;
  expect(code).toBe(1);
  expect(s.stderr()).toMatch(expected);
  expect(s.stderr()).not.toMatch(/\n\s+at \S+ \(/);
  const listening = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => true,
    () => false,
  );
  expect(listening).toBe(false);
}

describe("start-up: a bad setting or file stops the server before it listens", () => {
  it("a corrupt knowledge file names the file", async () => {
    const dir = join(scratch, "kb");
    cpSync(join(root, "src", "knowledge", "data"), dir, { recursive: true });
    writeFileSync(join(dir, "topics", "1-2.yaml"), "id: 1-2\nsteps: [unclosed\n");
    await refusesToStart({ KNOWLEDGE_DIR: dir }, /1-2\.yaml/);
  });

  it("a missing dictionary is named", async () => {
    await refusesToStart({ DICTIONARY_DIR: join(scratch, "no-such-dict") }, /辞書/);
  });

  it("a truncated dictionary is named", async () => {
    const dir = join(scratch, "dict");
    cpSync(defaultDictionaryDir(), dir, { recursive: true });
    const base = readFileSync(join(dir, "base.dat.gz"));
    writeFileSync(join(dir, "base.dat.gz"), base.subarray(0, base.length / 3));
    await refusesToStart({ DICTIONARY_DIR: dir }, /辞書/);
  });

  it("a wrong variable is named", async () => {
    await refusesToStart({ PORT: "not-a-port" }, /PORT/);
  });

  it("production without MicrosoftAppId refuses to start", async () => {
    await refusesToStart({ NODE_ENV: "production" }, /MicrosoftAppId/);
  });

  it("off loopback without AGENT_TOKEN the agents' page refuses to start unless AGENT_PAGE_PUBLIC=true", async () => {
    await refusesToStart({ HOST: "0.0.0.0" }, /AGENT_TOKEN: .*AGENT_PAGE_PUBLIC=true/u);
  });

  it("a DATA_DIR that cannot be written is found at start, not per question", async () => {
    writeFileSync(join(scratch, "not-a-folder"), "");
    await refusesToStart({ DATA_DIR: join(scratch, "not-a-folder") }, /DATA_DIR=.*に書き込めません/u);
  });

  it.each([
    [{ SLACK_API_URL: "http://slack.example.com/api/" }, /SLACK_API_URL: https: の URL/u],
    [{ CORS_ORIGINS: "https://crm.example.jp,*" }, /CORS_ORIGINS: \* は指定できません/u],
    [{ MISS_RETENTION_DAYS: "0" }, /MISS_RETENTION_DAYS/u],
    [{ MISS_RETENTION_DAYS: "ninety" }, /MISS_RETENTION_DAYS/u],
    [{ AGENT_PAGE_PUBLIC: "maybe" }, /AGENT_PAGE_PUBLIC/u],
  ])("config refuses %o", async (env, expected) => {
    await refusesToStart(env, expected);
  });

  it("a port in use is said plainly", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const s = start({ PORT: String(port) });
      expect(await s.exited).toBe(1);
      expect(s.stderr()).toContain(`ポート ${port} は既に使われています`);
    } finally {
      blocker.close();
    }
  });
});

describe("running and stopping", () => {
  it("with no credentials it serves on loopback and says what it serves", async () => {
    const port = await freePort();
    const s = start({ PORT: String(port) });
    try {
      await waitReady(port);
      expect(s.stderr()).toContain(`http://127.0.0.1:${port}`);
      expect(s.stderr()).toContain("/api/messages");
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      s.child.kill("SIGTERM");
      await s.exited;
    }
  }, 30_000);

  it("on an address others can reach, Teams stays off without an app ID and the banner says why", async () => {
    const port = await freePort();
    // the agents' page open to anyone only when that is said explicitly
    const s = start({ PORT: String(port), HOST: "0.0.0.0", AGENT_PAGE_PUBLIC: "true" });
    try {
      await waitReady(port);
      expect(s.stderr()).toContain("Teams（/api/messages）は起動していません");
      expect(s.stderr()).toContain("AGENT_PAGE_PUBLIC=true");
      const reply = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "message", text: "停電", serviceUrl: "http://127.0.0.1:9/" }),
      });
      expect(reply.status).toBe(404);
    } finally {
      s.child.kill("SIGTERM");
      await s.exited;
    }
  }, 30_000);

  it("SIGTERM: stops accepting, finishes the reply in flight, exits 0 within 10 s", async () => {
    const received: string[] = [];
    let onReceived: () => void = () => {};
    const replyArrived = new Promise<void>((resolve) => {
      onReceived = resolve;
    });
    // A slow Bot Connector: the bot's reply is still in flight when SIGTERM arrives.
    const connector = createHttpServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        const activity = JSON.parse(body) as { type?: string };
        if (activity.type === "message") {
          received.push(body);
          onReceived();
        }
        setTimeout(() => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end('{"id":"1"}');
        }, 1_500);
      });
    });
    await new Promise<void>((r) => connector.listen(0, "127.0.0.1", () => r()));
    const address = connector.address();
    const connectorUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const port = await freePort();
    const s = start({ PORT: String(port) });
    try {
      await waitReady(port);
      const activity = {
        type: "message",
        id: "sigterm-1",
        serviceUrl: connectorUrl,
        channelId: "msteams",
        from: { id: "u1" },
        recipient: { id: "bot" },
        conversation: { id: "c1", conversationType: "personal" },
        text: "停電",
      };
      const inFlight = fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity),
      });
      await replyArrived;
      const t0 = Date.now();
      s.child.kill("SIGTERM");
      expect((await inFlight).status).toBe(200);
      expect(await s.exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(received).toHaveLength(1);
      expect(received[0]).toContain("2-④");
      const after = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => "served",
        () => "refused",
      );
      expect(after).toBe("refused");
    } finally {
      s.child.kill("SIGKILL");
      connector.close();
    }
  }, 30_000);
});
