import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../../src/project-root.js";

const root = findProjectRoot();

function ask(args: string[], input: string) {
  const result = spawnSync("npm", ["run", "--silent", "ask", "--", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, "scripts", "ensure-built.mjs")], { encoding: "utf8" });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

describe("npm run ask -- --dialog (the contract of spec/conversation.md)", () => {
  it("one resolution a line, in order; interleaved conversations see only their own turns", () => {
    const turns = [
      { conversation: "c1", text: "マイナ保険証で無効って出た" },
      { conversation: "c2", text: "富士通のリーダーの電話番号" },
      { conversation: "c1", text: "資格確認書も持ってないです" },
      { conversation: "c2", text: "それって土曜もやってる？" },
      { conversation: "c3", text: "それって土曜もやってる？" },
      { conversation: "c2", text: "ありがとう" },
    ];
    const input = `${turns.map((t) => JSON.stringify(t)).join("\n")}\nnot json\n`;
    const { code, stdout, stderr } = ask(["--dialog", "--now", "2026-11-28T10:00:00+09:00"], input);
    expect(code, stderr).toBe(0);
    const out = stdout
      .split("\n")
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(turns.length + 1);
    expect(out[0]).toMatchObject({ id: "1-2" });
    expect(out[1]).toMatchObject({ id: "3-reader-fujitsu" });
    expect(out[2]).toMatchObject({ id: "1-2", context: true });
    expect(out[3]).toMatchObject({ id: "3-reader-fujitsu", context: true });
    expect(out[4]).not.toMatchObject({ id: "3-reader-fujitsu" });
    expect(out[4]?.context).toBeUndefined();
    expect(out[5]).toMatchObject({ id: "none", act: "thanks" });
    expect(out[6]).toMatchObject({ id: "none", error: expect.any(String) });
    for (const o of out) {
      expect(typeof o.confidence).toBe("number");
      expect(Array.isArray(o.alternatives)).toBe(true);
    }
  });

  it("a bad --now is refused with a clear message", () => {
    const { code, stderr } = ask(["--dialog", "--now", "yesterday"], "");
    expect(code).toBe(2);
    expect(stderr).toContain("--now");
  });
});
