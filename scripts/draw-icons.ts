/**
 * Draws ClaimLens's toolbar icon (public/icon-16/32/48/128.png, found by WXT) from a few shapes: a
 * navy tile, a white lens with its handle, and inside the lens two short lines of text, one amber —
 * a page read through ClaimLens, a claim picked out. Also writes the same drawing as docs/images/icon.svg.
 * Rasterised here (supersampled coverage, PNG written with node:zlib): no image library, nothing
 * downloaded. Run `npx tsx scripts/draw-icons.ts` after changing a shape.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
/** A shape on a 128-unit canvas: whether a point is inside it. */
interface Shape {
  color: Rgb;
  inside(x: number, y: number): boolean;
  svg: string;
}

const NAVY: Rgb = [0x1d, 0x3f, 0x72];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const AMBER: Rgb = [0xf2, 0xa1, 0x2c];
const PALE: Rgb = [0xb9, 0xc8, 0xe0];
const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number, color: Rgb): Shape {
  return {
    color,
    inside(x, y) {
      const cx = Math.min(Math.max(x, x0 + r), x1 - r);
      const cy = Math.min(Math.max(y, y0 + r), y1 - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
    },
    svg: `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" rx="${r}" fill="${hex(color)}"/>`,
  };
}

function ring(cx: number, cy: number, outer: number, inner: number, color: Rgb): Shape {
  return {
    color,
    inside(x, y) {
      const d = Math.hypot(x - cx, y - cy);
      return d <= outer && d >= inner;
    },
    svg: `<circle cx="${cx}" cy="${cy}" r="${(outer + inner) / 2}" fill="none" stroke="${hex(color)}" stroke-width="${outer - inner}"/>`,
  };
}

function capsule(ax: number, ay: number, bx: number, by: number, r: number, color: Rgb): Shape {
  return {
    color,
    inside(x, y) {
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= r;
    },
    svg: `<line x1="${ax}" y1="${ay}" x2="${bx}" y2="${by}" stroke="${hex(color)}" stroke-width="${2 * r}" stroke-linecap="round"/>`,
  };
}

const SHAPES: Shape[] = [
  roundedRect(4, 4, 124, 124, 26, NAVY),
  capsule(80, 80, 106, 106, 10, WHITE),
  ring(54, 54, 38, 27, WHITE),
  capsule(40, 46, 68, 46, 5.5, PALE),
  capsule(40, 63, 62, 63, 5.5, AMBER),
];

function pixels(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const samples = 8;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 128) / size;
          const y = ((py + (sy + 0.5) / samples) * 128) / size;
          const top = SHAPES.findLast((s) => s.inside(x, y));
          if (!top) continue;
          r += top.color[0];
          g += top.color[1];
          b += top.color[2];
          a++;
        }
      const i = (py * size + px) * 4;
      if (a === 0) continue;
      out[i] = Math.round(r / a);
      out[i + 1] = Math.round(g / a);
      out[i + 2] = Math.round(b / a);
      out[i + 3] = Math.round((255 * a) / samples ** 2);
    }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number): Buffer {
  const rgba = pixels(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PUBLIC = join(import.meta.dirname, '..', 'public');
for (const size of [16, 32, 48, 128]) writeFileSync(join(PUBLIC, `icon-${size}.png`), png(size));
writeFileSync(
  join(import.meta.dirname, '..', 'docs', 'images', 'icon.svg'),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">${SHAPES.map((s) => s.svg).join('')}</svg>\n`,
);
