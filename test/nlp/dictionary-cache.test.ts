import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDictionaryCache } from "../../src/nlp/dictionary-cache.js";
import { defaultDictionaryDir, loadDictionary } from "../../src/nlp/load-dictionary.js";

const root = mkdtempSync(join(tmpdir(), "dict-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SAMPLE = "カードリーダーで無効と表示された。資格確認書も持っていない患者さん";
const surfaces = (t: { tokenize(s: string): { surface_form: string; pos: string }[] }) =>
  t.tokenize(SAMPLE).map((x) => `${x.surface_form}/${x.pos}`);

describe("the inflated dictionary cache", () => {
  it("is written on the first load and gives the same tokens as inflating", async () => {
    const cache = openDictionaryCache(defaultDictionaryDir(), root);
    const first = await loadDictionary(defaultDictionaryDir(), cache);
    const files = readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith(".bin"));
    expect(files.length).toBe(12);
    const cached = await loadDictionary(defaultDictionaryDir(), cache);
    const uncached = await loadDictionary(defaultDictionaryDir(), undefined);
    expect(surfaces(cached)).toEqual(surfaces(uncached));
    expect(surfaces(first)).toEqual(surfaces(uncached));
  });

  it("is not used for another dictionary folder, and a cache it cannot write is ignored", async () => {
    const other = openDictionaryCache(join(root, "no-such-dictionary"), root);
    expect(other.read("base.dat.gz")).toBeUndefined();
    const blocked = join(root, "a-file");
    writeFileSync(blocked, "not a folder");
    const readOnly = openDictionaryCache(defaultDictionaryDir(), join(blocked, "cache"));
    readOnly.write("base.dat.gz", new Uint8Array(4));
    expect(readOnly.read("base.dat.gz")).toBeUndefined();
  });
});
