// Golden cases for CopLive's OT engine, computed by the reference implementation ot-text-unicode@4.0.0.
// Run: npm ci && npm run generate   (deterministic: the same seed gives the same file)
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { type } = require('ot-text-unicode');

// Small seeded PRNG (mulberry32), so the file is reproducible.
let seed = 0x5eed_c0de;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const below = n => Math.floor(random() * n);
const pick = items => items[below(items.length)];

// Code points chosen to exercise counting: ASCII, precomposed and combining accents, astral emoji with a
// skin-tone modifier, CJK and line breaks.
const alphabet = ['a', 'b', 'c', ' ', '\n', 'é', 'e', '\u0301', '中', '😀', '👍', '\u{1F3FD}', '𝒳'];
const text = n => Array.from({ length: n }, () => pick(alphabet)).join('');
const cps = s => [...s];

function randomOp(doc) {
  const points = cps(doc);
  const op = [];
  let at = 0;
  while (at < points.length || random() < 0.3) {
    const roll = random();
    const left = points.length - at;
    if (roll < 0.4 && left > 0) {
      const n = 1 + below(Math.min(left, 6));
      op.push(n);
      at += n;
    } else if (roll < 0.7) {
      op.push(text(1 + below(4)));
    } else if (left > 0) {
      const n = 1 + below(Math.min(left, 4));
      op.push(random() < 0.5 ? { d: n } : { d: points.slice(at, at + n).join('') });
      at += n;
    } else {
      break;
    }
    if (random() < 0.15) break;
  }
  return type.normalize(op);
}

const cases = [];
for (let i = 0; i < 600; i++) {
  const doc = text(below(16));
  const a = randomOp(doc);
  const b = randomOp(doc);
  const afterA = type.apply(doc, a);
  const c = randomOp(afterA);
  const length = cps(doc).length;
  const cursors = [0, below(length + 1), length];
  cases.push({
    doc,
    a,
    b,
    c,
    applyA: afterA,
    transformLeft: type.transform(a, b, 'left'),
    transformRight: type.transform(a, b, 'right'),
    composeAC: type.compose(a, c),
    applyComposeAC: type.apply(doc, type.compose(a, c)),
    cursors,
    cursorsAfterA: cursors.map(p => type.transformPosition(p, a)),
    invertA: type.invert(type.makeInvertible(a, doc)),
  });
}
// One case per line keeps the file small and its diffs readable.
process.stdout.write(`{"reference":"ot-text-unicode@4.0.0","cases":[\n${cases.map(c => JSON.stringify(c)).join(',\n')}\n]}\n`);
