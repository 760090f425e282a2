#!/usr/bin/env node
/**
 * `node bench/activation.mjs [--runs 5] [--settle-ms 2000] [--vsix FILE] [--json FILE]`: the VSIX's
 * size, and Course Review's activation time in the real extension host, from a cold start.
 *
 * Packages the extension as it ships (`npm run package` in a staging copy of the working tree,
 * as the installed smoke phase does; or takes --vsix), installs it with code-server's
 * `--install-extension` into a fresh extensions dir, then launches code-server + headless
 * Chromium --runs times, each with a fresh user-data dir and browser profile, on a copy of
 * test/fixtures/workspace with no Markdown file open (so nothing has activated Course Review).
 * In each window a runner (extensionTestsPath, in the extension host) waits --settle-ms for the
 * host's own startup work to finish, then times:
 *
 *   activate()   `await vscode.extensions.getExtension(id).activate()`, performance.now() around it
 *                (what a caller waits: VS Code's activation bookkeeping, the extension context with
 *                its storage, loading dist/extension.js, and the extension's activate())
 *
 * and reads VS Code's own figures for the same activation from the "Developer: Startup
 * Performance" document (perf:Startup Performance, "Extension Activation Stats", which the
 * extension host measures with Date.now()):
 *
 *   load code        require() of dist/extension.js
 *   call activate    the extension's activate() function
 *   finish activate  waiting for what activate() returns (0: it returns the API synchronously)
 *
 * "Developer: Show Running Extensions" shows load code + call activate as "Activation: N ms".
 * Prints each run and the median; fails if a run found Course Review already active, or not the
 * installed copy. Targets (the issue "Ship it"): VSIX < 1 MB, activation < 100 ms.
 * Needs code-server and Chromium (`npm run setup`). Takes about a minute for 5 runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkbench, startCodeServer, stopAll } from '../test/vscode/code-server.mjs';
import {
  DEFAULT_CODE_SERVER_PATH,
  EXTENSION_ID,
  REPO_ROOT,
  installVsix,
  megabytes,
  packageVsix,
  vsixEntries,
  writeRunnerExtension,
  writeUserSettings,
} from '../test/vscode/vsix.mjs';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'settle-ms': { type: 'string', default: '2000' },
    vsix: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(options.runs) || 5);
const settleMs = Math.max(0, Number(options['settle-ms']) || 0);
const TARGET_BYTES = 1024 * 1024;
const TARGET_MS = 100;
const say = (msg) => console.log(`[activation] ${msg}`);

// The runner, in the extension host: times activate() and reads VS Code's own figures.
const RUNNER = `
const fs = require('fs');
const vscode = require('vscode');
const { performance } = require('perf_hooks');
const ID = ${JSON.stringify(EXTENSION_ID)};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The row of ID in the "Extension Activation Stats" table of the Startup Performance document. */
async function vscodeFigures() {
  const uri = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });
  let lastError;
  // The document's provider is registered when the command first runs; it fills the text in later.
  try {
    await vscode.commands.executeCommand('perfview.show');
  } catch (err) {
    return { error: 'perfview.show: ' + String(err && err.message || err) };
  }
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      const text = (await vscode.workspace.openTextDocument(uri)).getText();
      const header = text.split('\\n').find((line) => /\\|\\s*Extension\\s*\\|\\s*Eager\\s*\\|/.test(line));
      const row = text.split('\\n').find((line) => line.split('|').map((cell) => cell.trim())[1] === ID);
      if (header && row) {
        const names = header.split('|').map((cell) => cell.trim());
        const cells = row.split('|').map((cell) => cell.trim());
        const get = (name) => cells[names.indexOf(name)];
        return {
          loadCodeMs: Number(get('Load Code')),
          callActivateMs: Number(get('Call Activate')),
          finishActivateMs: Number(get('Finish Activate')),
          event: get('Event'),
          eager: get('Eager'),
        };
      }
      lastError = 'no row for ' + ID;
    } catch (err) {
      lastError = String(err && err.message || err);
    }
    await sleep(250);
  }
  return { error: lastError };
}

exports.run = async function run() {
  const out = process.env.COURSE_REVIEW_ACTIVATION_RESULT;
  const result = {};
  try {
    await sleep(Number(process.env.COURSE_REVIEW_ACTIVATION_SETTLE_MS) || 0);
    const extension = vscode.extensions.getExtension(ID);
    if (!extension) throw new Error(ID + ' is not installed');
    result.extensionPath = extension.extensionPath;
    result.wasActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    result.activateMs = performance.now() - started;
    result.vscode = await vscodeFigures();
  } catch (err) {
    result.error = String(err && err.stack || err);
  }
  fs.writeFileSync(out, JSON.stringify(result) + '\\n');
};
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (ms) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');

async function oneRun({ index, tmp, extensionsDir, runner, codeServerPath }) {
  const dir = path.join(tmp, `run-${index}`);
  const userDataDir = path.join(dir, 'user-data');
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  writeUserSettings(userDataDir);
  const resultFile = path.join(dir, 'result.json');
  const server = await startCodeServer({
    codeServerPath,
    userDataDir,
    extensionsDir,
    env: { ...process.env, COURSE_REVIEW_ACTIVATION_RESULT: resultFile, COURSE_REVIEW_ACTIVATION_SETTLE_MS: String(settleMs) },
  });
  let workbench;
  try {
    const log = [];
    workbench = await openWorkbench({
      origin: server.origin,
      folder: workspace,
      extensionDevelopmentPath: runner,
      extensionTestsPath: path.join(runner, 'activation-runner.js'),
      profileDir: path.join(dir, 'chromium-profile'),
      onLog: (type, text) => log.push(`${type}: ${text}`),
    });
    let timer;
    const code = await Promise.race([
      workbench.exitCode,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out after 120 s')), 120_000);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!fs.existsSync(resultFile))
      throw new Error(`the runner wrote no result (exit code ${code}); last log lines:\n${log.slice(-15).join('\n')}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    if (result.error) throw new Error(result.error);
    return result;
  } finally {
    if (workbench) await workbench.close().catch(() => {});
    await server.stop().catch(() => {});
  }
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-review-activation-'));
  const codeServerPath = process.env.CODE_SERVER_PATH || DEFAULT_CODE_SERVER_PATH;
  let failed = false;
  try {
    let vsix;
    if (options.vsix) {
      vsix = { vsix: path.resolve(options.vsix), bytes: fs.statSync(options.vsix).size, files: vsixEntries(options.vsix) };
      say(`VSIX: ${vsix.vsix}`);
    } else {
      say('packaging: npm run package in a staging copy of the working tree...');
      vsix = packageVsix({ tmp });
      say(`packaged in ${vsix.seconds.toFixed(1)} s`);
    }
    const sizeOk = vsix.bytes < TARGET_BYTES;
    say(
      `VSIX size: ${vsix.bytes} bytes = ${megabytes(vsix.bytes)} MB (${vsix.files.length} entries); target < 1 MB: ${sizeOk ? 'met' : 'NOT met'}`,
    );

    const extensionsDir = path.join(tmp, 'extensions');
    const installed = installVsix({ vsix: vsix.vsix, extensionsDir, userDataDir: path.join(tmp, 'install-user-data') });
    const big = fs
      .readdirSync(path.join(installed.extensionPath, 'dist'))
      .map((name) => `${name} ${(fs.statSync(path.join(installed.extensionPath, 'dist', name)).size / 1024).toFixed(0)} KB`);
    say(`installed with --install-extension: ${installed.extensionPath} (dist: ${big.join(', ')})`);

    const runner = writeRunnerExtension(path.join(tmp, 'runner'), 'course-review-activation-runner');
    fs.writeFileSync(path.join(runner, 'activation-runner.js'), RUNNER);

    const results = [];
    for (let index = 1; index <= runs; index++) {
      const started = Date.now();
      const result = await oneRun({ index, tmp, extensionsDir, runner, codeServerPath });
      if (result.wasActive) throw new Error(`run ${index}: Course Review was already active before activate() was called`);
      if (path.relative(extensionsDir, result.extensionPath).startsWith('..'))
        throw new Error(`run ${index}: Course Review came from ${result.extensionPath}, not the installed copy`);
      const v = result.vscode ?? {};
      say(
        `run ${index}: activate() ${fmt(result.activateMs)}; VS Code: load code ${fmt(v.loadCodeMs)}, call activate ${fmt(v.callActivateMs)}, ` +
          `finish activate ${fmt(v.finishActivateMs)}${v.event ? ` (event ${v.event})` : ''}${v.error ? ` (VS Code's figures unavailable: ${v.error})` : ''} ` +
          `[window ${((Date.now() - started) / 1000).toFixed(1)} s]`,
      );
      results.push(result);
    }

    const series = {
      activate: results.map((r) => r.activateMs),
      loadCode: results.map((r) => r.vscode?.loadCodeMs).filter(Number.isFinite),
      callActivate: results.map((r) => r.vscode?.callActivateMs).filter(Number.isFinite),
      finishActivate: results.map((r) => r.vscode?.finishActivateMs).filter(Number.isFinite),
    };
    const line = (name, values) =>
      values.length
        ? `${name}: median ${fmt(median(values))}, min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))} (${values.map((v) => Math.round(v)).join(', ')})`
        : `${name}: n/a`;
    say(line('activate() awaited', series.activate));
    say(line('VS Code load code', series.loadCode));
    say(line('VS Code call activate', series.callActivate));
    say(line('VS Code finish activate', series.finishActivate));
    const running = results.map((r) => (r.vscode?.loadCodeMs ?? NaN) + (r.vscode?.callActivateMs ?? NaN)).filter(Number.isFinite);
    say(line('Running Extensions "Activation" (load code + call activate)', running));
    const activationOk = median(series.activate) < TARGET_MS;
    say(`target activation < ${TARGET_MS} ms (median of activate() awaited): ${activationOk ? 'met' : 'NOT met'}`);

    if (options.json) {
      fs.writeFileSync(options.json, `${JSON.stringify({ vsixBytes: vsix.bytes, settleMs, runs: results }, null, 2)}\n`);
      say(`wrote ${options.json}`);
    }
  } catch (err) {
    failed = true;
    console.error(`[activation] FAILED: ${err?.stack ?? err}`);
  } finally {
    await stopAll().catch(() => {});
    if (options.keep || failed) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
