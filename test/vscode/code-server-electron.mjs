#!/usr/bin/env node
// A stand-in for the VS Code (Electron) executable that @vscode/test-electron's
// runTests() spawns: it accepts the same command line, runs the extension tests in
// code-server (VS Code's server + web workbench, real Node extension host) opened in
// a headless Chromium, streams the test output and exits with the tests' exit code.
//
//   code-server-electron.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//       [--extensionDevelopmentKind=web] [--user-data-dir DIR] [--extensions-dir DIR]
//       [other VS Code flags, ignored]
// With --extensionDevelopmentKind=web the extension and its tests run in the browser's web worker
// extension host instead of the Node one.
//
// Environment:
//   CODE_SERVER_PATH                 code-server executable (default:
// <repo>/.vscode-test/code-server-4.100.3/node_modules/.bin/code-server)
//   CHROMIUM_PATH                    Chromium executable (default /usr/bin/chromium)
//   COURSE_REVIEW_VSCODE_TIMEOUT_MS  give up after this long (default 300000); exit code 124
//   COURSE_REVIEW_VSCODE_VERBOSE=1   also print the workbench's own routine log lines
//   COURSE_REVIEW_VSCODE_DEBUG=1     also print the browser console
// Everything else in the environment reaches the extension host (through code-server).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionProblems, openWorkbench, startCodeServer, stopAll, tail } from './code-server.mjs';

const NAME = 'code-server-electron';
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
export const DEFAULT_CODE_SERVER_PATH = path.join(repoRoot, '.vscode-test', 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');

const say = (msg) => process.stderr.write(`[${NAME}] ${msg}\n`);

// VS Code flags that take a value when written as `--flag value` (not `--flag=value`).
const VALUE_FLAGS = new Set([
  'user-data-dir',
  'extensions-dir',
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'extensionDevelopmentKind',
  'locale',
  'log',
  'profile',
  'category',
  'install-extension',
  'uninstall-extension',
  'enable-proposed-api',
  'disable-extension',
  'sync',
  'folder-uri',
  'file-uri',
  'remote',
  'logsPath',
  'crash-reporter-directory',
  'crash-reporter-id',
  'add',
  'remove',
  'goto-line',
  'trace-category-filter',
  'trace-options',
]);

/** Parse the Electron-style command line runTests passes. Unknown flags are ignored. */
export function parseArgs(argv) {
  const out = { extensionDevelopmentPath: [], positional: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const m = /^--?([^=]+)(?:=(.*))?$/s.exec(arg);
    const name = m[1];
    let value = m[2];
    if (value === undefined && VALUE_FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      value = argv[++i];
    }
    switch (name) {
      case 'extensionDevelopmentPath':
        if (value) out.extensionDevelopmentPath.push(value);
        break;
      case 'extensionTestsPath':
        out.extensionTestsPath = value;
        break;
      case 'user-data-dir':
        out.userDataDir = value;
        break;
      case 'extensions-dir':
        out.extensionsDir = value;
        break;
      case 'extensionDevelopmentKind':
        out.extensionDevelopmentKind = value;
        break;
      case 'folder-uri':
        if (value) out.positional.push(value);
        break;
      default:
        out.ignored.push(value === undefined ? arg : `--${name}=${value}`);
    }
  }
  return out;
}

function toPath(p) {
  if (/^file:\/\//i.test(p)) return fileURLToPath(p);
  return path.resolve(p);
}

// Routine workbench log lines that say nothing about the tests.
const NOISE = [
  /^Resolving connection token /,
  /^Resolved connection token /,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\] registered/,
  /^ChatSessionStore: /,
  /^Ignoring fetching additional builtin extensions from gallery as it is disabled/,
];

/**
 * The web workbench ignores the payload's extensionDevelopmentKind when it places an extension
 * (it reads the manifest's kinds, and an extension with a `main` runs in the Node host when there
 * is one); `remote.extensionKind` overrides the kinds, so the extension runs where it was asked to.
 */
function extensionKindSettings(args, developmentPaths) {
  if (!args.extensionDevelopmentKind) return {};
  const kinds = {};
  for (const folder of developmentPaths) {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
    kinds[`${manifest.publisher}.${manifest.name}`] = [args.extensionDevelopmentKind];
  }
  return { 'remote.extensionKind': kinds };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const timeoutMs = Number(process.env.COURSE_REVIEW_VSCODE_TIMEOUT_MS) || 300_000;
  const verbose = !!process.env.COURSE_REVIEW_VSCODE_VERBOSE;

  const codeServerPath = process.env.CODE_SERVER_PATH || DEFAULT_CODE_SERVER_PATH;
  if (!fs.existsSync(codeServerPath)) {
    say(`code-server is not installed (looked for ${codeServerPath}).`);
    say('Run `npm run setup` to install it, or set CODE_SERVER_PATH.');
    return 2;
  }
  if (!args.extensionTestsPath) {
    say('--extensionTestsPath is required: this executable only runs extension tests.');
    return 2;
  }
  if (args.extensionDevelopmentPath.length === 0) {
    say('--extensionDevelopmentPath is required.');
    return 2;
  }
  const extensionTestsPath = toPath(args.extensionTestsPath);
  const extensionDevelopmentPath = args.extensionDevelopmentPath.map(toPath);
  for (const p of [...extensionDevelopmentPath, extensionTestsPath]) {
    if (!fs.existsSync(p)) say(`warning: ${p} does not exist`);
  }

  let folder;
  let workspaceFile;
  for (const raw of args.positional) {
    const p = toPath(raw);
    if (!fs.existsSync(p)) {
      say(`warning: ignoring ${raw}: it does not exist`);
    } else if (fs.statSync(p).isDirectory()) {
      if (!folder && !workspaceFile) folder = p;
      else say(`warning: only one folder can be opened; ignoring ${raw}`);
    } else if (p.endsWith('.code-workspace')) {
      if (!folder && !workspaceFile) workspaceFile = p;
    } else {
      say(`warning: ignoring ${raw}: opening single files is not supported`);
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cse-'));
  const userDataDir = args.userDataDir ? path.resolve(args.userDataDir) : path.join(tmp, 'user-data');
  const extensionsDir = args.extensionsDir ? path.resolve(args.extensionsDir) : path.join(tmp, 'extensions');
  const logsDir = path.join(userDataDir, 'workbench-logs');
  fs.rmSync(logsDir, { recursive: true, force: true });

  let server;
  let workbench;
  let cleaning;
  // keepLogs: keep the temp folder when it holds the user data dir (logs) of a failed run.
  const cleanup = (keepLogs = false) => {
    cleaning ??= (async () => {
      if (workbench) await workbench.close().catch(() => {});
      if (server) await server.stop().catch(() => {});
      await stopAll();
      const target = keepLogs && !args.userDataDir ? path.join(tmp, 'chromium-profile') : tmp;
      try {
        fs.rmSync(target, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (err) {
        say(`could not remove ${target}: ${err.message}`);
      }
    })();
    return cleaning;
  };

  let signalled = false;
  const onSignal = (signal, code) => {
    if (signalled) {
      say(`${signal} again: killing everything now.`);
      process.exit(code);
    }
    signalled = true;
    say(`${signal} received: stopping code-server and the browser...`);
    const force = setTimeout(() => process.exit(code), 20_000);
    force.unref();
    cleanup().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));
  // If whoever started us goes away (killed runner), clean up instead of running on.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  const parent = process.ppid;
  const parentWatch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(parentWatch);
    onSignal('parent exit', 1);
  }, 1000);
  parentWatch.unref();

  const started = Date.now();
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });

  const run = async () => {
    server = await startCodeServer({
      codeServerPath,
      userDataDir,
      extensionsDir,
      env: process.env,
      settings: extensionKindSettings(args, extensionDevelopmentPath),
    });
    say(`code-server ${server.origin} ready after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${server.logFile})`);
    workbench = await openWorkbench({
      origin: server.origin,
      folder,
      workspaceFile,
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionDevelopmentKind: args.extensionDevelopmentKind,
      profileDir: path.join(tmp, 'chromium-profile'),
      logsDir,
      onLog: (type, text) => {
        if (!verbose && NOISE.some((re) => re.test(text))) return;
        const stream = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
        stream.write(text.endsWith('\n') ? text : `${text}\n`);
      },
    });
    return workbench.exitCode;
  };

  let code;
  try {
    const running = run();
    running.catch(() => {}); // if the timeout wins, a late failure must not crash us
    const result = await Promise.race([running, timeout]);
    if (result === 'timeout') {
      say(
        `Timed out after ${timeoutMs} ms waiting for the extension tests to finish ` +
          '(set COURSE_REVIEW_VSCODE_TIMEOUT_MS to change the limit).',
      );
      code = 124;
    } else {
      code = result;
      say(`extension tests finished with exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (err) {
    if (!signalled) say(`error: ${err?.message ?? err}`);
    code = 1;
  } finally {
    clearTimeout(timer);
  }

  if (server) {
    for (const problem of extensionProblems(server, started)) say(`extension problem: ${problem}`);
    if (code !== 0) {
      say(`server log: ${server.logFile}`);
      if (fs.existsSync(logsDir)) say(`workbench logs: ${logsDir}`);
      if (code === 124) process.stderr.write(`${tail(server.logFile, 20)}\n`);
    }
  }
  await cleanup(code !== 0);
  return code;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    say(`fatal: ${err?.stack ?? err}`);
    await stopAll().catch(() => {});
    process.exit(1);
  },
);
