import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { unzipSync } from "fflate";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  APP_ID_PLACEHOLDER,
  buildTeamsPackage,
  createZip,
  fillManifest,
  placeholderUrls,
  runBuildTeamsPackage,
} from "../../../scripts/build-teams-package.js";
import { colorIcon, outlineIcon } from "../../../scripts/generate-teams-icons.js";
import { EXAMPLE_QUESTIONS } from "../../../src/bots/teams/messages.js";
import { findProjectRoot } from "../../../src/project-root.js";

const root = findProjectRoot();
const dir = join(root, "manifest", "teams");
const APP_ID = "11111111-2222-3333-4444-555555555555";
// The newest schema @microsoft/app-manifest ships offline; the manifest validates against it unchanged.
const SCHEMA_VERSION = "1.30";
const SCHEMA = join(
  root,
  `node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
);

// ajv-formats is CommonJS with a default export; under NodeNext the function sits on `.default`.
const addFormats = addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv };

function validator() {
  const schema = JSON.parse(readFileSync(SCHEMA, "utf8")) as Record<string, unknown>;
  delete schema.$schema; // draft-04: Ajv 8 validates it once the meta-schema reference is gone
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

interface Manifest {
  $schema?: string;
  manifestVersion: string;
  permissions?: string[];
  id: string;
  name: { short: string; full: string };
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  composeExtensions: { botId: string; commands: { id: string; type: string }[] }[];
}

function built(): Manifest {
  return JSON.parse(fillManifest(readFileSync(join(dir, "manifest.json"), "utf8"), APP_ID)) as Manifest;
}

/** Size and RGBA pixels, decoded by pngjs (which checks the signature, the chunks' CRCs and zlib). */
function readPng(file: string) {
  const png = PNG.sync.read(readFileSync(join(dir, file)));
  return { width: png.width, height: png.height, rgba: png.data };
}

describe("Teams app manifest", () => {
  it(`validates against the v${SCHEMA_VERSION} schema once the app ID is filled in`, () => {
    const manifest = built();
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    );
    expect(manifest.manifestVersion).toBe(SCHEMA_VERSION);
    const { $schema: _ignored, ...rest } = manifest;
    const validate = validator();
    expect(validate(rest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("the validator does reject a broken manifest", () => {
    const { $schema: _ignored, ...rest } = built();
    const validate = validator();
    expect(validate({ ...rest, name: { short: "あ".repeat(31), full: "x" } })).toBe(false);
    expect(validate({ ...rest, id: APP_ID_PLACEHOLDER })).toBe(false);
  });

  it("uses one placeholder for id and botIds, replaced everywhere by the build", () => {
    const template = readFileSync(join(dir, "manifest.json"), "utf8");
    expect(template.split(APP_ID_PLACEHOLDER).length - 1).toBe(3);
    const manifest = built();
    expect([manifest.id, manifest.bots[0]?.botId, manifest.composeExtensions[0]?.botId]).toEqual([
      APP_ID,
      APP_ID,
      APP_ID,
    ]);
    expect(() => fillManifest(template, "not-a-guid")).toThrow(/MicrosoftAppId/u);
  });

  it("declares the bot in three scopes, help and the examples as commands, and the search command", () => {
    const manifest = built();
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.bots[0]?.scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    const titles = manifest.bots[0]?.commandLists.flatMap((l) => l.commands.map((c) => c.title)) ?? [];
    expect(titles).toContain("ヘルプ");
    for (const q of EXAMPLE_QUESTIONS) expect(titles).toContain(q);
    expect(manifest.composeExtensions[0]?.commands[0]).toMatchObject({ id: "searchTopics", type: "query" });
  });

  it("asks for no permission the bot does not use: it only replies, never messages team members first", () => {
    expect(built().permissions ?? []).not.toContain("messageTeamMembers");
    const teamsDir = join(root, "src", "bots", "teams");
    for (const file of readdirSync(teamsDir)) {
      const source = readFileSync(join(teamsDir, file), "utf8");
      expect(source, file).not.toMatch(/continueConversation|createConversation|sendMessageToTeamsChannel/u);
    }
  });

  it("ships a 192×192 colour icon and a 32×32 white-on-transparent outline icon", () => {
    const color = readPng("color.png");
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng("outline.png");
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let opaque = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      if (outline.rgba[i + 3] === 0) continue;
      opaque++;
      expect([outline.rgba[i], outline.rgba[i + 1], outline.rgba[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
    expect(outline.rgba[3]).toBe(0); // the corner is transparent
  });

  it("commits the icons the generator draws (rerun it after changing the design)", () => {
    expect(colorIcon()).toEqual(readFileSync(join(dir, "color.png")));
    expect(outlineIcon()).toEqual(readFileSync(join(dir, "outline.png")));
  });
});

describe("app package (npm run manifest:teams)", () => {
  const unzip = (zip: Buffer) =>
    new Map(Object.entries(unzipSync(zip)).map(([name, data]) => [name, Buffer.from(data)]));

  it("holds manifest.json with the app ID and both icons at the top level", () => {
    const files = unzip(buildTeamsPackage(root, APP_ID));
    expect([...files.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const manifest = JSON.parse(files.get("manifest.json")?.toString("utf8") ?? "{}") as Manifest;
    expect(manifest.id).toBe(APP_ID);
    expect(files.get("color.png")).toEqual(readFileSync(join(dir, "color.png")));
    expect(files.get("outline.png")).toEqual(readFileSync(join(dir, "outline.png")));
  });

  it("writes the same bytes for the same input, whatever the clock says", () => {
    const entries = [{ name: "a.txt", data: Buffer.from("あいう") }];
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2026-01-05T09:00:00+09:00"));
      const first = createZip(entries);
      vi.setSystemTime(new Date("2031-07-20T18:31:07+09:00"));
      expect(createZip(entries)).toEqual(first);
    } finally {
      vi.useRealTimers();
    }
  });

  describe("the command", () => {
    let tmp: string;
    beforeEach(() => {
      tmp = mkdtempSync(join(tmpdir(), "teams-package-"));
    });
    afterEach(() => rmSync(tmp, { recursive: true, force: true }));

    function run(env: NodeJS.ProcessEnv, manifestRoot = root) {
      const lines: string[] = [];
      const out = join(tmp, "teams-app.zip");
      const code = runBuildTeamsPackage(env, { root: manifestRoot, out, stderr: (line) => lines.push(line) });
      return { code, lines, out };
    }

    it("needs the app ID only (no password, tenant or app type) and warns about example.com URLs", () => {
      const { code, lines, out } = run({ MicrosoftAppId: APP_ID });
      expect(code).toBe(0);
      expect(unzip(readFileSync(out)).has("manifest.json")).toBe(true);
      const warning = lines.find((l) => l.startsWith("警告:"));
      expect(warning).toContain("example.com");
      for (const key of ["websiteUrl", "privacyUrl", "termsOfUseUrl"]) expect(warning).toContain(`developer.${key}`);
    });

    it("does not warn once the developer URLs are the organisation's own", () => {
      const own = join(tmp, "root");
      mkdirSync(join(own, "manifest", "teams"), { recursive: true });
      const template = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
      template.developer = {
        name: "さくら薬局",
        websiteUrl: "https://sakura-pharmacy.jp/",
        privacyUrl: "https://sakura-pharmacy.jp/privacy",
        termsOfUseUrl: "https://sakura-pharmacy.jp/terms",
      };
      writeFileSync(join(own, "manifest", "teams", "manifest.json"), JSON.stringify(template));
      for (const icon of ["color.png", "outline.png"])
        copyFileSync(join(dir, icon), join(own, "manifest", "teams", icon));
      const { code, lines } = run({ MicrosoftAppId: APP_ID }, own);
      expect(code).toBe(0);
      expect(lines.filter((l) => l.startsWith("警告:"))).toEqual([]);
      expect(placeholderUrls(readFileSync(join(dir, "manifest.json"), "utf8"))).toHaveLength(3);
    });

    it("without the app ID says which variable in one line and writes nothing", () => {
      const { code, lines, out } = run({ MicrosoftAppPassword: "secret" });
      expect(code).toBe(1);
      expect(lines).toEqual([expect.stringMatching(/^設定エラー: MicrosoftAppId: /u)]);
      expect(existsSync(out)).toBe(false);
    });
  });
});
