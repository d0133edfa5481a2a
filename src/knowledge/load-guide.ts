import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { findProjectRoot } from "../project-root.js";

/** guide/guide.yaml: which text the knowledge base was written from, as the text names itself. */
const guideIdentitySchema = z.strictObject({
  title: z.string().min(1),
  audience: z.string().min(1),
  publishers: z.array(z.string().min(1)).min(1),
  edition: z.string().min(1),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "SHA-256 は 16 進 64 文字で書いてください"),
  /** The guide's own typos and the corrected form that answers use instead. */
  corrections: z.array(z.strictObject({ typo: z.string().min(1), corrected: z.string().min(1) })).default([]),
  /** Forms no answer may use: what copying the typos would produce (「いただいてください」). */
  avoid: z.array(z.string().min(1)).default([]),
});

export type GuideIdentity = z.infer<typeof guideIdentitySchema>;

export interface Guide {
  identity: GuideIdentity;
  text: string;
  /** The SHA-256 of the text as it is on disk (differs from identity.sha256 after an unrecorded edit). */
  actualSha256: string;
}

export type GuideLoadResult = { ok: true; guide: Guide } | { ok: false; message: string };

export function defaultGuideDir(): string {
  return join(findProjectRoot(), "guide");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function loadGuide(dir: string = defaultGuideDir()): GuideLoadResult {
  let identity: GuideIdentity;
  try {
    const parsed = guideIdentitySchema.safeParse(parseYaml(readFileSync(join(dir, "guide.yaml"), "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `guide/guide.yaml: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""}` };
    }
    identity = parsed.data;
  } catch (err) {
    return { ok: false, message: `guide/guide.yaml を読み込めません: ${(err as Error).message.split("\n")[0]}` };
  }
  try {
    const text = readFileSync(join(dir, identity.file), "utf8");
    return { ok: true, guide: { identity, text, actualSha256: sha256(text) } };
  } catch {
    return { ok: false, message: `guide/${identity.file} を読み込めません` };
  }
}

/** How an answer cites the guide: title and edition (the hash's start names an undated edition). */
export function citeGuide(identity: GuideIdentity): string {
  return `${identity.title}（${identity.edition}・SHA-256 ${identity.sha256.slice(0, 12)}）`;
}
