// Adds up `twiggy top -f json` (scripts/wasm-breakdown) by crate, and our crates
// by module: raw bytes of code and data, the names section left out.
//
//   node benches/breakdown.mjs TOP.json
import { readFileSync } from 'node:fs';

const items = JSON.parse(readFileSync(process.argv[2], 'utf8')).filter((i) => !/names" subsection/.test(i.name));
const total = items.reduce((a, i) => a + i.shallow_size, 0);
const byCrate = new Map();
const byModule = new Map();
const add = (map, key, n) => map.set(key, (map.get(key) ?? 0) + n);

for (const { name, shallow_size: n } of items) {
  // `<T as Trait>::f` and `<&mut T as …>` count under T's crate, `<_ as Trait>`
  // (or `<T as Trait>` of a generic T) under the trait's; `crate[hash]::…`.
  const bare = name.replace(/^[<&(]+(mut |dyn )?/, '').replace(/^(_|[A-Z]\w*) as /, '');
  if (/^data segment/.test(bare)) add(byCrate, '(data: strings, tables)', n);
  else {
    const crate = bare.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1];
    if (!crate) add(byCrate, '(wasm: types, tables, glue, unnamed)', n);
    else {
      add(byCrate, crate, n);
      const m = bare.match(/^(broadsheet_\w+)(?:\[[0-9a-f]+\])?::(\w+)(?:::(\w+))?/);
      if (m) add(byModule, [m[1], m[2], ...(['components', 'routes'].includes(m[2]) && m[3] ? [m[3]] : [])].join('::'), n);
    }
  }
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const print = (title, map, limit) => {
  console.log(`\n${title}`);
  const rows = [...map].sort((a, b) => b[1] - a[1]);
  for (const [k, v] of rows.slice(0, limit)) console.log(`${kB(v).padStart(10)} ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  const rest = rows.slice(limit).reduce((a, [, v]) => a + v, 0);
  if (rest) console.log(`${kB(rest).padStart(10)} ${((100 * rest) / total).toFixed(1).padStart(5)} %  (${rows.length - limit} more)`);
};
console.log(`${kB(total)} raw, without the names section`);
print('By crate', byCrate, 24);
print('Our crates, by module', byModule, 30);
