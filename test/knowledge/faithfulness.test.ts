import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { findProjectRoot } from "../../src/project-root.js";

// The guide is the only source: numbers, URLs and hours flow from it, never into it.
const guidePath = join(findProjectRoot(), "..", "shared", "guide", "help-guide.ja.txt");
const guide = readFileSync(guidePath, "utf8");

/** The guide's own typos, corrected in quotes without changing the meaning. */
const TYPO_FIXES: ReadonlyArray<readonly [string, string]> = [
  ["へてにその旨", "へその旨"],
  ["記入いただいでください", "記入いただいてください"],
  ["記入いただってください", "記入いただいてください"],
];

/** Bold markers and all whitespace (the guide breaks lines and table cells anywhere) removed. */
function normalise(text: string): string {
  return text.replace(/\*\*/g, "").replace(/\s+/g, "");
}

const guideNormalised = normalise(TYPO_FIXES.reduce((text, [from, to]) => text.split(from).join(to), guide));

const PHONE = /(?<!\d)0\d+-\d+-\d+(?!\d)/g;
const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+/g;
const HOURS = /(?<!\d)\d{1,2}:\d{2}～\d{1,2}:\d{2}(?!\d)/g;

const dataDir = defaultKnowledgeDir();
const yamlFiles = [
  join(dataDir, "contacts.yaml"),
  ...readdirSync(join(dataDir, "topics"))
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .map((f) => join(dataDir, "topics", f)),
];
const yamlTexts = yamlFiles.map((file) => ({ file: relative(dataDir, file), text: readFileSync(file, "utf8") }));

function uniqueMatches(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])];
}

function loadKb(): KnowledgeBase {
  const result = loadKnowledge();
  if (!result.ok) throw new Error(result.message);
  return result.kb;
}

const kb = loadKb();
const guidePhones = uniqueMatches(guide, PHONE);
const guideUrls = uniqueMatches(guide, URL);
const guideHours = uniqueMatches(guide, HOURS);

describe("the guide itself (guards the patterns below)", () => {
  it("has the phone numbers, URLs and hours this test looks for", () => {
    expect(guidePhones).toHaveLength(6);
    expect(guidePhones).toContain("0800-080-4583");
    expect(guideUrls).toHaveLength(4);
    expect(guideHours).toEqual(expect.arrayContaining(["8:00～18:00", "8:00～16:00", "9:00～17:30"]));
  });
});

describe("everything in the guide is in the knowledge base", () => {
  const phones = [...kb.phoneLines.values()].map((l) => l.phone);
  const urls = [...kb.links.values()].map((l) => l.url);

  it.each(guidePhones)("phone %s is a phone line", (phone) => {
    expect(phones).toContain(phone);
  });

  it.each(guideUrls)("URL %s is a link", (url) => {
    expect(urls).toContain(url);
  });

  it.each(guideHours)("hours %s are in a line's hoursText and hours", (range) => {
    const [open = "", close = ""] = range.split("～").map((t) => t.padStart(5, "0"));
    const lines = [...kb.phoneLines.values()];
    expect(lines.some((l) => normalise(l.hoursText).includes(range))).toBe(true);
    expect(lines.some((l) => l.hours.some((h) => h.open === open && h.close === close))).toBe(true);
  });
});

describe("nothing in the knowledge base is missing from the guide", () => {
  it.each(yamlTexts)("$file holds only the guide's phone numbers, URLs and hours", ({ text }) => {
    for (const phone of uniqueMatches(text, PHONE)) expect(guidePhones, `phone ${phone}`).toContain(phone);
    for (const url of uniqueMatches(text, URL)) expect(guideUrls, `URL ${url}`).toContain(url);
    for (const range of uniqueMatches(text, HOURS)) expect(guideHours, `hours ${range}`).toContain(range);
  });

  it("every phone line's hours are hours the guide gives", () => {
    for (const line of kb.phoneLines.values()) {
      for (const h of line.hours) {
        const range = `${h.open.replace(/^0/, "")}～${h.close.replace(/^0/, "")}`;
        expect(guideHours, `${line.id} ${range}`).toContain(range);
      }
    }
  });

  const topics = [...kb.topics.values()];

  it.each(topics.flatMap((t) => t.source.quotes.map((quote) => ({ id: t.id, quote }))))(
    "$id quotes the guide: $quote",
    ({ quote }) => {
      expect(guideNormalised).toContain(normalise(quote));
    },
  );

  it.each(
    topics.flatMap((t) => t.variants.flatMap((v) => v.screenMessages.map((m) => ({ id: `${t.id}/${v.id}`, m })))),
  )("$id screen message appears verbatim: $m", ({ m }) => {
    expect(guide).toContain(m);
  });

  it("the 1-② variants' result and state are the guide's table cells", () => {
    const variants = kb.topics.get("1-2")?.variants ?? [];
    expect(variants).toHaveLength(3);
    for (const v of variants) {
      expect(guideNormalised, `${v.id} result`).toContain(normalise(v.result ?? "(none)"));
      expect(guideNormalised, `${v.id} state`).toContain(normalise(v.state ?? "(none)"));
    }
  });

  it("every difference pattern of 1-① is the guide's wording", () => {
    const patterns = kb.topics.get("1-1")?.differencePatterns ?? [];
    expect(patterns.length).toBeGreaterThanOrEqual(6);
    for (const p of patterns) {
      for (const part of p.guideText.split("（例）")) expect(guideNormalised, p.id).toContain(normalise(part));
    }
  });

  it("the 1-④ table rows are the guide's rows", () => {
    for (const row of kb.topics.get("1-4")?.comboTable ?? []) {
      const cells = [row.no, row.wrong.ratio, row.wrong.category, row.right.ratio, row.right.category].join("");
      expect(guideNormalised).toContain(normalise(cells));
    }
  });

  it("never links the 被保険者資格申立書 form (the guide gives no URL for 様式はこちら)", () => {
    for (const { file, text } of yamlTexts) {
      for (const line of text.split("\n").filter((l) => l.includes("申立書"))) {
        expect(line, file).not.toMatch(URL);
      }
    }
  });
});
