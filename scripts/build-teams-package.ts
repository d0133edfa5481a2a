// npm run manifest:teams: writes dist/teams-app.zip (manifest.json with the bot's app ID, color.png,
// outline.png) to upload in Teams (アプリを管理 → アプリをアップロード) or the Developer Portal.
// Needs MicrosoftAppId only: the package holds no secret.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { zipSync } from "fflate";
import { readTeamsPackageConfig } from "../src/config.js";
import { findProjectRoot } from "../src/project-root.js";

export const APP_ID_PLACEHOLDER = "{{MicrosoftAppId}}";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const ICONS = ["color.png", "outline.png"] as const;
const DEVELOPER_URLS = ["websiteUrl", "privacyUrl", "termsOfUseUrl"] as const;

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** The manifest template with the app ID in `id` and every `botId`. */
export function fillManifest(template: string, appId: string): string {
  if (!GUID.test(appId)) {
    throw new Error(`MicrosoftAppId は GUID（例 00000000-0000-0000-0000-000000000000）で指定してください: ${appId}`);
  }
  const filled = template.split(APP_ID_PLACEHOLDER).join(appId.toLowerCase());
  return `${JSON.stringify(JSON.parse(filled), null, 2)}\n`;
}

/** The developer URLs still on a reserved example domain (RFC 2606): they must be replaced before release. */
export function placeholderUrls(manifest: string): string[] {
  const developer = (JSON.parse(manifest) as { developer?: Record<string, unknown> }).developer ?? {};
  return DEVELOPER_URLS.filter((key) => {
    const value = developer[key];
    if (typeof value !== "string") return false;
    const host = URL.canParse(value) ? new URL(value).hostname : "";
    return /(^|\.)example\.(com|net|org)$/u.test(host);
  }).map((key) => `developer.${key}: ${String(developer[key])}`);
}

// Local time, as zip stores it: 1980-01-01 00:00, the earliest a zip can say, in any time zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** A zip (fflate, deflate level 9) whose bytes depend only on the entries: no clock, no file system. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const { name, data } of entries) files[name] = data;
  return Buffer.from(zipSync(files, { level: 9, mtime: FIXED_MTIME }));
}

/** The app package: manifest.json (app ID filled in) and the two icons, at the zip's top level. */
export function buildTeamsPackage(root: string, appId: string): Buffer {
  const dir = join(root, "manifest", "teams");
  const manifest = fillManifest(readFileSync(join(dir, "manifest.json"), "utf8"), appId);
  return createZip([
    { name: "manifest.json", data: Buffer.from(manifest, "utf8") },
    ...ICONS.map((name) => ({ name, data: readFileSync(join(dir, name)) })),
  ]);
}

export interface PackageRun {
  readonly root: string;
  readonly out: string;
  readonly stderr: (line: string) => void;
}

/** The command: 0 when the package was written (warning about placeholder URLs), 1 with a one-line reason. */
export function runBuildTeamsPackage(env: NodeJS.ProcessEnv, { root, out, stderr }: PackageRun): number {
  const configured = readTeamsPackageConfig(env);
  if (!configured.ok) {
    stderr(configured.message);
    return 1;
  }
  try {
    const template = readFileSync(join(root, "manifest", "teams", "manifest.json"), "utf8");
    const placeholders = placeholderUrls(template);
    const zip = buildTeamsPackage(root, configured.appId);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    if (placeholders.length > 0) {
      stderr(
        `警告: manifest/teams/manifest.json の提供元 URL が仮の値（example.com）のままです。配布の前に自組織のサイト・プライバシーポリシー・利用規約の URL に直してください: ${placeholders.join(", ")}`,
      );
    }
  } catch (err) {
    stderr(`Teams アプリパッケージを作成できません: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  stderr(
    `Teams アプリパッケージを作成しました: ${relative(process.cwd(), out) || out}（アプリ ID ${configured.appId}）`,
  );
  return 0;
}

if (process.argv[1]?.endsWith("build-teams-package.js")) {
  const root = findProjectRoot();
  process.exitCode = runBuildTeamsPackage(process.env, {
    root,
    out: join(root, "dist", "teams-app.zip"),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
