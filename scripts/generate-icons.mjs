/**
 * Draws the Teams app icons into manifest/ (committed PNGs; re-run after a design change):
 * - color.png 192x192: the full-colour icon, a coloured tile (Teams crops it to its own shape);
 * - outline.png 32x32: white on a transparent background, as Teams requires for the outline icon
 *   (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package).
 * The motif: three people (departments) around one circle (the citizen's one plan).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** @type {[number, number, number]} */
const ACCENT = [0x1f, 0x5f, 0x8b];

/**
 * Draws with 4x4 supersampling so edges are anti-aliased.
 * @param {number} size
 * @param {(x: number, y: number) => [number, number, number, number] | null} shade colour at a point in [0,1]^2, or null for transparent
 */
function draw(size, shade) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (c) {
            r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
          }
        }
      }
      const i = (y * size + x) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (S * S));
    }
  }
  return PNG.sync.write(png);
}

/** @type {(x: number, y: number, cx: number, cy: number) => number} */
const dist = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);
/** @type {[number, number][]} */
const PEOPLE = [0, 1, 2].map((k) => {
  const angle = -Math.PI / 2 + (k * 2 * Math.PI) / 3;
  return /** @type {[number, number]} */ ([0.5 + 0.3 * Math.cos(angle), 0.5 + 0.3 * Math.sin(angle)]);
});

/**
 * The motif: a ring (the plan) and three dots (the departments) on it.
 * @param {number} x
 * @param {number} y
 * @param {number} stroke
 */
function motif(x, y, stroke) {
  const d = dist(x, y, 0.5, 0.5);
  if (Math.abs(d - 0.3) < stroke / 2) return true;
  if (d < 0.09) return true;
  return PEOPLE.some(([px, py]) => dist(x, y, px, py) < 0.1);
}

const color = draw(192, (x, y) => {
  if (motif(x, y, 0.05)) return [255, 255, 255, 1];
  return [ACCENT[0], ACCENT[1], ACCENT[2], 1];
});
const outline = draw(32, (x, y) => (motif(x, y, 0.09) ? [255, 255, 255, 1] : null));

const dir = fileURLToPath(new URL('../manifest/', import.meta.url));
writeFileSync(`${dir}color.png`, color);
writeFileSync(`${dir}outline.png`, outline);
console.log('wrote manifest/color.png (192x192) and manifest/outline.png (32x32)');
