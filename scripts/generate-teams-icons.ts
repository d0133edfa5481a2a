// node dist/scripts/generate-teams-icons.js: writes manifest/teams/color.png (192×192, full colour) and
// outline.png (32×32, white on transparent). The PNGs are committed; rerun only to change the design.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants } from "node:zlib";
import { PNG } from "pngjs";
import { findProjectRoot } from "../src/project-root.js";

type Rgba = readonly [number, number, number, number];
/** Coverage of a shape at a point in the unit square (0..1 both ways). */
type Shape = (x: number, y: number) => boolean;

const BLUE: Rgba = [30, 111, 184, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [46, 160, 67, 255];
const CHIP: Rgba = [242, 184, 48, 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A thick line segment (for the check mark). */
function stroke(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** Layers painted in order, each sampled 4×4 per pixel for smooth edges. */
function render(size: number, layers: readonly (readonly [Shape, Rgba])[]): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [shape, color] of layers) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++) {
          for (let sx = 0; sx < n; sx++) {
            if (shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
          }
        }
        const cov = (hits / (n * n)) * (color[3] / 255);
        if (cov === 0) continue;
        const outA = cov + a * (1 - cov);
        r = (color[0] * cov + r * a * (1 - cov)) / outA;
        g = (color[1] * cov + g * a * (1 - cov)) / outA;
        b = (color[2] * cov + b * a * (1 - cov)) / outA;
        a = outA;
      }
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return pixels;
}

/**
 * An 8-bit RGBA PNG, encoded by pngjs. No row filter and zlib's default strategy give the smallest
 * files for these flat-colour icons (measured: 2,445 + 262 bytes; pngjs's defaults, adaptive filter
 * with Z_RLE, give 4,204 + 418).
 */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const png = new PNG({ width: size, height: size });
  rgba.copy(png.data);
  return PNG.sync.write(png, {
    colorType: 6,
    inputColorType: 6,
    bitDepth: 8,
    filterType: 0,
    deflateLevel: 9,
    deflateStrategy: constants.Z_DEFAULT_STRATEGY,
  });
}

// A card (マイナンバーカード) with its IC chip, and a check mark badge: 資格確認.
const check = (cx: number, cy: number, s: number, w: number) =>
  union(
    stroke(cx - 0.45 * s, cy, cx - 0.12 * s, cy + 0.32 * s, w),
    stroke(cx - 0.12 * s, cy + 0.32 * s, cx + 0.5 * s, cy - 0.35 * s, w),
  );

export function colorIcon(): Buffer {
  const size = 192;
  const card = roundedRect(0.2, 0.28, 0.74, 0.66, 0.05);
  const badge = circle(0.7, 0.67, 0.15);
  return encodePng(
    size,
    render(size, [
      [roundedRect(0, 0, 1, 1, 0.18), BLUE],
      [card, WHITE],
      [roundedRect(0.27, 0.38, 0.39, 0.47, 0.015), CHIP],
      [
        union(roundedRect(0.27, 0.53, 0.6, 0.56, 0.01), roundedRect(0.45, 0.38, 0.66, 0.41, 0.01)),
        [180, 200, 220, 255],
      ],
      [circle(0.7, 0.67, 0.175), BLUE],
      [badge, GREEN],
      [check(0.7, 0.67, 0.16, 0.045), WHITE],
    ]),
  );
}

export function outlineIcon(): Buffer {
  const size = 32;
  const cardOutline = minus(roundedRect(0.06, 0.16, 0.8, 0.68, 0.08), roundedRect(0.13, 0.23, 0.73, 0.61, 0.04));
  const chip = roundedRect(0.2, 0.32, 0.38, 0.46, 0.02);
  const cut = circle(0.73, 0.7, 0.23);
  const mark = check(0.73, 0.7, 0.3, 0.09);
  return encodePng(size, render(size, [[union(minus(union(cardOutline, chip), cut), mark), WHITE]]));
}

if (process.argv[1]?.endsWith("generate-teams-icons.js")) {
  const dir = join(findProjectRoot(), "manifest", "teams");
  writeFileSync(join(dir, "color.png"), colorIcon());
  writeFileSync(join(dir, "outline.png"), outlineIcon());
  process.stderr.write(`アイコンを書き出しました: ${dir}/color.png, outline.png\n`);
}
