// Preloaded by bench/startup.bench.ts (`node --import`): on exit, prints how many @slack/* CommonJS files
// the process loaded (Bolt and the Web API client are CommonJS, so they land in require.cache).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
process.on('exit', () => {
  const n = Object.keys(require.cache).filter((k) => k.includes('/node_modules/@slack/')).length;
  process.stderr.write(`\nSLACK_MODULES ${n}\n`);
});
