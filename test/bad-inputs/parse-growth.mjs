// `node test/bad-inputs/parse-growth.mjs UNIT SIZE FACTOR`: how much longer micromark takes to parse
// UNIT repeated to SIZE·FACTOR characters than to SIZE, fastest of five runs each. Run as plain
// Node ES modules, as the bundles run it: under the test runner's TypeScript loader, micromark's
// array copying is optimised differently and a quadratic parse can look linear.
import { fromMarkdown } from 'mdast-util-from-markdown';

const [unit, size, factor] = [JSON.parse(process.argv[2]), Number(process.argv[3]), Number(process.argv[4])];
const make = (length) => unit.repeat(Math.ceil(length / unit.length));

function fastest(text) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    fromMarkdown(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const small = make(size);
const large = make(size * factor);
fromMarkdown(small);
process.stdout.write(JSON.stringify({ ratio: fastest(large) / fastest(small) }));
