// The Teams bot through a Teams client nobody on the team wrote: Microsoft 365 Agents Playground
// (npm @microsoft/m365agentsplayground, offline), driven in headless Chromium like a clinic's staff would.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountTeams } from "../../../src/bots/teams/mount-teams.js";
import { findProjectRoot } from "../../../src/project-root.js";
import { launchChromium } from "../../helpers/chromium.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

const PLAYGROUND = join(findProjectRoot(), "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
/** Tuesday 10:00 JST: every line with hours is open. */
const NOW = new Date("2026-11-24T10:00:00+09:00");

let server: TestServer;
let playground: ChildProcess;
let browser: Browser;
let page: Page;
/** The Playground writes devTools/ logs where it starts: never in the repository. */
const cwd = mkdtempSync(join(tmpdir(), "onshi-playground-"));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function startPlayground(endpoint: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [PLAYGROUND, "-e", endpoint, "-c", "msteams", "-p", String(port), "--disable-telemetry"],
      { cwd, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    const timer = setTimeout(() => reject(new Error(`Agents Playground did not start: ${out}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`Listening on ${port}`)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`Agents Playground exited (${code}): ${out}`)));
  });
}

/** How often `needle` is on the page now (the chat keeps every message, so a new reply adds to it). */
async function countOf(needle: string): Promise<number> {
  const text = String(await page.evaluate("document.body.innerText"));
  return text.split(needle).length - 1;
}

async function send(text: string): Promise<void> {
  const box = page.getByRole("textbox").last();
  await box.click();
  await box.fill(text);
  await box.press("Enter");
}

/** Sends `text` and waits until a reply adds `needle` to the page. */
async function ask(text: string, needle: string): Promise<void> {
  const before = await countOf(needle);
  await send(text);
  await expect.poll(() => countOf(needle), { timeout: 20_000, interval: 200 }).toBeGreaterThan(before);
}

beforeAll(async () => {
  server = await startTestServer({}, [mountTeams], { now: () => NOW });
  const port = await freePort();
  playground = await startPlayground(`${server.url}/api/messages`, port);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Loopback only: the Playground's page asks for fonts and animations on Office's CDN; they are refused here.
  await page.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" || host === "localhost" ? route.continue() : route.abort();
  });
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "domcontentloaded" });
  await page.getByRole("textbox").last().waitFor({ timeout: 30_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  playground?.kill();
  await server?.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe("Teams through Microsoft 365 Agents Playground", () => {
  it("answers a question with the guide's section, and a card button without retyping", async () => {
    await ask("患者さんがカードを忘れました", "2-②");
    const heading = "患者が転職等により保険者を異動した直後に医療機関・薬局を受診した場合の対応";
    await ask("無効って出ました", "1-②");
    const before = await countOf(heading);
    await page.getByRole("button", { name: /^2-③/ }).last().click();
    await expect.poll(() => countOf(heading), { timeout: 20_000, interval: 200 }).toBeGreaterThan(before);
  }, 60_000);

  it("reads a follow-up in the light of the answer before it", async () => {
    await ask("マイナ保険証で読んだら無効って出ました", "1-②");
    const before = await countOf("被保険者資格申立書");
    await ask("資格確認書もないです", "（前の回答）について");
    expect(await countOf("被保険者資格申立書")).toBeGreaterThan(before);
  }, 60_000);
});
