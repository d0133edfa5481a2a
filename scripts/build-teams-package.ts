// npm run manifest:teams: writes dist/teams-app.zip (manifest.json with the bot's app ID, color.png,
// outline.png) to upload in Teams (アプリを管理 → アプリをアップロード) or the Developer Portal.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { crc32 } from "node:zlib";
import { readConfig } from "../src/config.js";
import { findProjectRoot } from "../src/project-root.js";

export const APP_ID_PLACEHOLDER = "{{MicrosoftAppId}}";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const ICONS = ["color.png", "outline.png"] as const;

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** The manifest template with the app ID in `id` and every `botId`. */
export function fillManifest(template: string, appId: string): string {
  if (!GUID.test(appId)) {
    throw new Error(`MicrosoftAppId は GUID（例 00000000-0000-0000-0000-000000000000）で指定してください: ${appId}`);
  }
  const filled = template.split(APP_ID_PLACEHOLDER).join(appId.toLowerCase());
  return `${JSON.stringify(JSON.parse(filled), null, 2)}\n`;
}

// 1980-01-01 00:00 in MS-DOS format: the same input gives the same zip, byte for byte.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of stored (uncompressed) entries: all Teams needs for three small files. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4); // version needed: stored
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
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

function main(): number {
  const configured = readConfig();
  if (!configured.ok) {
    process.stderr.write(`${configured.message}\n`);
    return 1;
  }
  const appId = configured.config.MicrosoftAppId;
  if (!appId) {
    process.stderr.write(
      "設定エラー: MicrosoftAppId: Teams アプリパッケージにはボットのアプリ ID が必要です。環境変数 MicrosoftAppId（と MicrosoftAppPassword）を設定してください。\n",
    );
    return 1;
  }
  const root = findProjectRoot();
  const out = join(root, "dist", "teams-app.zip");
  try {
    const zip = buildTeamsPackage(root, appId);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
  } catch (err) {
    process.stderr.write(
      `Teams アプリパッケージを作成できません: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  process.stderr.write(
    `Teams アプリパッケージを作成しました: ${relative(process.cwd(), out) || out}（アプリ ID ${appId}）\n`,
  );
  return 0;
}

if (process.argv[1]?.endsWith("build-teams-package.js")) process.exitCode = main();
