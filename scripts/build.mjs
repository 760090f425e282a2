// Bundles the extension, the CLI, the integration tests and the installed-VSIX smoke tests with
// esbuild: unified and remark are ESM-only, while VS Code loads extensions as CommonJS.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

/** zod's `z` namespace re-exports its 40 locales (258 KB minified, in each bundle); messages are English. */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer) ? { path: join(root, 'scripts', 'zod-english.mjs') } : undefined,
    );
  },
};

/** The core hashes in pure JavaScript so that it runs in the browser; the Node bundles use node:crypto (same values). */
const nativeSha256 = {
  name: 'native-sha256',
  setup(builder) {
    builder.onResolve({ filter: /[\\/]text[\\/]sha256$/ }, (args) =>
      /[\\/]src[\\/]core[\\/]/.test(args.importer) ? { path: join(root, 'src', 'node', 'sha256.ts') } : undefined,
    );
  },
};

/**
 * A hash of the core's sources and the version: the extension keeps the queue's trigger counts
 * between sessions under it, so that a build with other rules never reuses them.
 */
function engineHash() {
  const hash = createHash('sha256').update(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  const files = readdirSync(join(root, 'src', 'core'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(root.length)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 32);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  plugins: [englishOnlyZod, nativeSha256],
  define: { COURSE_REVIEW_ENGINE: JSON.stringify(engineHash()) },
};

/**
 * VS Code's web worker extension host (vscode.dev, github.dev): no Node built-in may be imported,
 * and there is no DOM (the `worker` condition picks decode-named-character-reference's DOM-free build).
 */
const browser = {
  ...common,
  platform: 'browser',
  conditions: ['worker'],
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [englishOnlyZod],
};

const integrationTests = readdirSync(join(root, 'test/integration'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => `test/integration/${name}`);
// The smoke suite that test/vscode/installed-smoke.mjs runs against the VSIX installed in VS Code.
const smokeTests = readdirSync(join(root, 'test/smoke'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => `test/smoke/${name}`);

/** An import of the core's index (`../core`, `../../core`) from the adapters' sources. */
const CORE_INDEX = /^(?:\.\.\/)+core$/;

/**
 * The lint core, once, in dist/core.js: the extension and its worker require it instead of each
 * carrying a copy. The worker needs it at once; the extension only when it first checks a lesson or
 * reads the queue, so its import is a module of getters that requires dist/core.js on first use
 * (VS Code loads the extension, and activates it, without evaluating the core).
 */
function sharedCore({ lazy }) {
  return {
    name: 'shared-core',
    setup(builder) {
      builder.onResolve({ filter: CORE_INDEX }, (args) =>
        /[\\/]src[\\/](?:extension|git|report)[\\/]/.test(args.importer)
          ? lazy
            ? { path: 'core', namespace: 'lazy-core' }
            : { path: './core.js', external: true }
          : undefined,
      );
      builder.onResolve({ filter: /^\.\/core\.js$/, namespace: 'lazy-core' }, () => ({ path: './core.js', external: true }));
      builder.onLoad({ filter: /.*/, namespace: 'lazy-core' }, () => {
        const names = Object.keys(createRequire(import.meta.url)(join(root, 'dist', 'core.js')));
        return {
          loader: 'js',
          contents: `let core;
const load = () => (core ??= require('./core.js'));
for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        };
      });
    },
  };
}

await build({ ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' });

/**
 * The built-in prefilters' alternatives and literal factors, worked out once here for the CLI's
 * bundle (see src/core/queue/plannedAlternatives.ts): each of its processes and worker threads
 * would otherwise spend a third of a second on them before its first lesson.
 */
async function plannedAlternatives() {
  const { outputFiles } = await build({
    ...common,
    sourcemap: false,
    minify: false,
    write: false,
    stdin: {
      contents: `import { BUILTIN_PREFILTERS } from './src/core/queue/builtinPrefilters';
import { plannedTable } from './src/core/queue/plannedAlternatives';
module.exports = plannedTable(Object.values(BUILTIN_PREFILTERS).flat());`,
      resolveDir: root,
      loader: 'ts',
    },
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}
const cliDefine = { ...common.define, COURSE_REVIEW_PLANNED_ALTERNATIVES: JSON.stringify(await plannedAlternatives()) };

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [...common.plugins, sharedCore({ lazy: true })],
  }),
  build({ ...browser, entryPoints: ['src/extension/browser.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['src/extension/lint/workerMain.ts'],
    outfile: 'dist/lintWorker.js',
    plugins: [...common.plugins, sharedCore({ lazy: false })],
  }),
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: cliDefine,
  }),
  build({ ...common, entryPoints: integrationTests, outdir: 'dist/test/integration', external: ['vscode', 'mocha'], sourcemap: true }),
  build({ ...common, entryPoints: smokeTests, outdir: 'dist/test/smoke', external: ['vscode', 'mocha'], sourcemap: true }),
  // The web suite (test/web), for the web worker extension host: mocha's browser build, and the
  // npm port of Node's assert.
  build({
    ...browser,
    entryPoints: ['test/web/index.ts'],
    outfile: 'dist/test/web/index.js',
    external: ['vscode'],
    sourcemap: true,
    define: { ...common.define, 'process.env.NODE_DEBUG': 'false' },
  }),
]);
