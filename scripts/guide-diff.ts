// npm run guide:diff NEW.txt: compares a new edition of the guide with the knowledge base and prints what to re-check.
// Exit code: 0 same text, 1 differences found (like diff), 2 cannot read.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { diffGuide, formatGuideDiff } from "../src/knowledge/guide-diff.js";
import { loadGuide } from "../src/knowledge/load-guide.js";
import { loadKnowledge } from "../src/knowledge/load-knowledge.js";

const file = process.argv[2];
if (!file) {
  process.stderr.write("使い方: npm run guide:diff NEW.txt（新しい版のヘルプガイドのテキスト）\n");
  process.exit(2);
}
// npm runs scripts in the package root; a relative path is the caller's (INIT_CWD).
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
let text: string;
try {
  text = readFileSync(path, "utf8");
} catch {
  process.stderr.write(`${file} を読み込めません\n`);
  process.exit(2);
}
const guide = loadGuide();
const kb = loadKnowledge();
if (!guide.ok || !kb.ok) {
  process.stderr.write(`${guide.ok ? "" : guide.message}${kb.ok ? "" : kb.message}\n`);
  process.exit(2);
}
const diff = diffGuide(guide.guide, text, kb.kb);
process.stdout.write(`${formatGuideDiff(diff, file)}\n`);
process.exitCode = diff.sameText ? 0 : 1;
