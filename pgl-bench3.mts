import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
const f = fs.readdirSync('.data/test').find((x) => x.endsWith('.tar'))!;
const buf = fs.readFileSync('.data/test/' + f);
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const c = await PGlite.create({ loadDataDir: new Blob([buf]) });
  const t1 = performance.now() - t;
  t = performance.now();
  await c.query('select 1');
  await c.close();
  console.log('load', Math.round(t1), 'q+close', Math.round(performance.now() - t));
}
let t = performance.now();
const wasm = await WebAssembly.compile(fs.readFileSync('node_modules/@electric-sql/pglite/dist/pglite.wasm'));
console.log('compile only', Math.round(performance.now() - t));
for (let i = 0; i < 2; i++) {
  t = performance.now();
  const c = await PGlite.create({ loadDataDir: new Blob([buf]), wasmModule: wasm });
  console.log('load with precompiled', Math.round(performance.now() - t));
  await c.close();
}
process.exit(0);
