// Small library to run VS Code's own server and web workbench (code-server) with
// the real Node extension host, driven by a headless Chromium through playwright-core.
//
// Facts this relies on (checked against code-server 4.100.3 / VS Code 1.100.3):
// - The workbench reads `?folder=/abs/path` (or `?workspace=…`, `?ew=true`) and
//   `?payload=<JSON array of [key, value] pairs>`; `extensionDevelopmentPath` may
//   repeat, `extensionTestsPath` is a URI. Both must be `vscode-remote://HOST:PORT/…`
//   URIs whose authority equals the page's `location.host`.
// - With `extensionTestsPath` set, the window's log service forwards every entry
//   (including the extension host's console output, which the extension host also
//   captures from process.stdout/stderr writes line by line) to
//   `window.codeAutomationLog(level, args)`, and calls
//   `window.codeAutomationExit(code, logs)` when the extension host exits.
// - The extension host gets its environment from the code-server process (plus the
//   user's login-shell environment unless VSCODE_CLI=1, which we set to skip that).
//   So environment meant for tests must be passed to startCodeServer.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';

export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
});

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

const LOG_PREFIX = '[code-server]';

// Environment variables that would make code-server do something else than start
// a fresh server on our port (see code-server's out/node/cli.js and wrapper.js), or
// that leak from a surrounding VS Code / Electron process.
const ENV_TO_DROP = [
  'PORT',
  'CODE_SERVER_HOST',
  'CODE_SERVER_CONFIG',
  'CODE_SERVER_PARENT_PID',
  'CODE_SERVER_SESSION_SOCKET',
  'PASSWORD',
  'HASHED_PASSWORD',
  'GITHUB_TOKEN',
  'LOG_LEVEL',
  'ELECTRON_RUN_AS_NODE',
  'ELECTRON_NO_ATTACH_CONSOLE',
];

/** Servers and browsers still running, killed synchronously if this process exits. */
const active = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const entry of active) {
      try {
        entry.killSync();
      } catch {
        /* best effort */
      }
    }
  });
}

export function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

function healthz(origin, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(`${origin}/healthz`, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.on('error', () => resolve(false));
  });
}

function readJsonObject(file) {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

// A detached watchdog that kills the server's process group if this process dies
// without cleaning up (SIGKILL, crash). It exits by itself once the group is gone.
function startWatchdog(pgid) {
  const script = `
    const [ppid, pgid] = process.argv.slice(1).map(Number);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
    const timer = setInterval(() => {
      if (!alive(-pgid)) process.exit(0);
      if (!alive(ppid)) {
        clearInterval(timer);
        try { process.kill(-pgid, 'SIGTERM'); } catch {}
        setTimeout(() => { try { process.kill(-pgid, 'SIGKILL'); } catch {} process.exit(0); }, 3000);
      }
    }, 1000);
  `;
  try {
    const child = spawn(process.execPath, ['-e', script, String(process.pid), String(pgid)], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => {});
    child.unref();
    return child;
  } catch {
    return undefined;
  }
}

/**
 * Start code-server in its own process group and wait until /healthz answers.
 *
 * @param {object} opts
 * @param {string} opts.codeServerPath  path of the code-server executable
 * @param {string} opts.userDataDir     user data dir (created; User/settings.json is written)
 * @param {string} opts.extensionsDir   extensions dir (created)
 * @param {number} [opts.port]          port on 127.0.0.1; a free one is picked if omitted
 * @param {Record<string,string|undefined>} [opts.env] base environment (default process.env);
 *        the extension host inherits it, so put variables meant for tests here
 * @param {object} [opts.settings]      extra user settings
 * @param {number} [opts.startTimeoutMs=60000]
 * @param {number} [opts.stopGraceMs=5000]
 * @returns {Promise<{port:number, origin:string, authority:string, pid:number, logFile:string,
 *          userDataDir:string, extensionsDir:string, homeDir:string, stop:()=>Promise<void>}>}
 */
export async function startCodeServer(opts) {
  const {
    codeServerPath,
    userDataDir,
    extensionsDir,
    env: baseEnv = process.env,
    settings = {},
    startTimeoutMs = 60_000,
    stopGraceMs = 5_000,
  } = opts;
  if (!codeServerPath || !fs.existsSync(codeServerPath)) {
    throw new Error(`code-server not found at ${codeServerPath}. Run \`npm run setup\` to install it.`);
  }
  if (!userDataDir || !extensionsDir) throw new Error('startCodeServer: userDataDir and extensionsDir are required');

  const userDir = path.resolve(userDataDir);
  const extDir = path.resolve(extensionsDir);
  fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  const settingsFile = path.join(userDir, 'User', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...readJsonObject(settingsFile), ...DEFAULT_SETTINGS, ...settings }, null, 2) + '\n');

  // Isolated HOME / XDG dirs (short path: it also holds the session socket).
  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-home-'));
  const xdg = {
    XDG_CONFIG_HOME: path.join(homeDir, '.config'),
    XDG_DATA_HOME: path.join(homeDir, '.local', 'share'),
    XDG_CACHE_HOME: path.join(homeDir, '.cache'),
    XDG_STATE_HOME: path.join(homeDir, '.local', 'state'),
    XDG_RUNTIME_DIR: path.join(homeDir, 'run'),
  };
  for (const dir of Object.values(xdg)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

  const env = {};
  for (const [k, v] of Object.entries(baseEnv)) {
    if (v === undefined || ENV_TO_DROP.includes(k) || k.startsWith('VSCODE_')) continue;
    env[k] = v;
  }
  Object.assign(env, xdg, {
    HOME: homeDir,
    // Skip resolving the login shell's environment for the extension host: it would
    // spawn `$SHELL -i -l -c …` and override PATH etc. with /etc/profile's values.
    VSCODE_CLI: '1',
  });
  // No extension gallery: nothing to download here, and without it the workbench
  // stops querying open-vsx.org (which fails offline and logs a stack trace).
  if (env.EXTENSIONS_GALLERY === undefined) env.EXTENSIONS_GALLERY = '{}';

  const logFile = path.join(userDir, 'code-server.log');
  const configFile = path.join(userDir, 'code-server-config.yaml');
  const wantedPort = opts.port;
  const attempts = wantedPort ? 1 : 3;

  for (let attempt = 1; ; attempt++) {
    const port = wantedPort ?? (await freePort());
    const origin = `http://127.0.0.1:${port}`;
    fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const logFd = fs.openSync(logFile, 'w');
    const args = [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--config',
      configFile,
      '--user-data-dir',
      userDir,
      '--extensions-dir',
      extDir,
      '--session-socket',
      path.join(homeDir, 'cs.sock'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ];
    const child = spawn(codeServerPath, args, {
      env,
      cwd: homeDir,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
    fs.closeSync(logFd);
    let exited = null;
    let spawnError = null;
    child.on('exit', (code, signal) => {
      exited = { code, signal };
    });
    child.on('error', (err) => {
      spawnError = err;
    });
    child.unref();

    const pgid = child.pid;
    let watchdog;
    let stopping;
    const entry = {
      killSync() {
        if (pgid) killGroup(pgid, 'SIGKILL');
        if (watchdog?.pid) {
          try {
            process.kill(watchdog.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
      },
      stop: () => stop(),
    };
    const stop = () => {
      stopping ??= (async () => {
        if (pgid && groupAlive(pgid)) {
          killGroup(pgid, 'SIGTERM');
          const deadline = Date.now() + stopGraceMs;
          while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
          if (groupAlive(pgid)) {
            killGroup(pgid, 'SIGKILL');
            const killDeadline = Date.now() + 3000;
            while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(100);
          }
        }
        if (watchdog?.pid) {
          try {
            process.kill(watchdog.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        active.delete(entry);
        try {
          fs.rmSync(homeDir, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          /* best effort */
        }
      })();
      return stopping;
    };

    if (pgid) {
      installExitHook();
      active.add(entry);
      watchdog = startWatchdog(pgid);
    }

    const started = Date.now();
    let ready = false;
    while (Date.now() - started < startTimeoutMs) {
      if (spawnError || exited) break;
      if (await healthz(origin)) {
        ready = true;
        break;
      }
      await sleep(200);
    }
    if (ready) {
      return {
        port,
        origin,
        authority: `127.0.0.1:${port}`,
        pid: pgid,
        logFile,
        userDataDir: userDir,
        extensionsDir: extDir,
        homeDir,
        stop,
      };
    }

    const log = tail(logFile);
    if (!spawnError && !exited) {
      await stop();
      throw new Error(
        `code-server did not answer ${origin}/healthz within ${startTimeoutMs} ms.\n` + `Server log (${logFile}), last lines:\n${log}`,
      );
    }
    if (pgid) {
      // The main process is gone; make sure nothing of its group stays behind,
      // but keep homeDir for a retry.
      killGroup(pgid, 'SIGKILL');
      if (watchdog?.pid) {
        try {
          process.kill(watchdog.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      active.delete(entry);
    }
    if (!spawnError && attempt < attempts && /EADDRINUSE/.test(log)) continue;
    try {
      fs.rmSync(homeDir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
    const why = spawnError
      ? `could not be started (${spawnError.message})`
      : `exited before it was ready (code ${exited.code}, signal ${exited.signal})`;
    throw new Error(`code-server ${why}: ${codeServerPath}\nServer log (${logFile}), last lines:\n${log}`);
  }
}

/** `vscode-remote://HOST:PORT/abs/path` with each path segment URI-encoded. */
export function remoteUri(authority, absPath) {
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${p.startsWith('/') ? p : `/${p}`}`;
}

/** The workbench URL for a folder (or a .code-workspace file, or an empty window) and a payload. */
export function workbenchUrl({ origin, folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind }) {
  const authority = new URL(origin).host;
  const payload = [];
  const devPaths = [extensionDevelopmentPath].flat().filter(Boolean);
  for (const p of devPaths) payload.push(['extensionDevelopmentPath', remoteUri(authority, p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(authority, extensionTestsPath)]);
  // 'web' runs the extension under development in the browser's web worker extension host.
  if (extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  payload.push(['skipWelcome', 'true']);
  payload.push(['skipReleaseNotes', 'true']);
  const q = (p) => encodeURIComponent(path.resolve(p)).replace(/%2F/g, '/');
  let query;
  if (folder) query = `folder=${q(folder)}`;
  else if (workspaceFile) query = `workspace=${q(workspaceFile)}`;
  else query = 'ew=true';
  return `${origin}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function defaultLog(type, text) {
  const stream = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * Open the web workbench in a headless Chromium.
 *
 * @param {object} opts
 * @param {string} opts.origin
 * @param {string} [opts.folder]          absolute folder to open
 * @param {string} [opts.workspaceFile]   a .code-workspace file to open instead of a folder
 * @param {string|string[]} [opts.extensionDevelopmentPath]
 * @param {string} [opts.extensionTestsPath]
 * @param {string} opts.profileDir        Chromium profile dir (use a fresh one per run)
 * @param {Record<string,string>} [opts.env]  environment of the browser process (HOME/XDG_* are
 *        always redirected into profileDir); the extension host's environment comes from code-server
 * @param {(type:string, text:string)=>void} [opts.onLog]  where codeAutomationLog lines go
 * @param {string} [opts.logsDir]         where to save the workbench logs passed to codeAutomationExit
 * @param {number} [opts.navigationTimeoutMs=60000]
 * @returns {Promise<{page:any, context:any, url:string, exitCode:Promise<number>, close:()=>Promise<void>}>}
 */
export async function openWorkbench(opts) {
  const {
    origin,
    folder,
    workspaceFile,
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionDevelopmentKind,
    profileDir,
    env,
    onLog = defaultLog,
    logsDir,
    navigationTimeoutMs = 60_000,
  } = opts;
  if (!profileDir) throw new Error('openWorkbench: profileDir is required');
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install Debian's chromium or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(profileDir, { recursive: true });
  // Keep Chromium's own files (crash report database, caches) out of the real HOME.
  const browserHome = path.join(profileDir, '.home');
  fs.mkdirSync(browserHome, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [...CHROMIUM_ARGS],
    env: {
      ...(env ?? process.env),
      HOME: browserHome,
      XDG_CONFIG_HOME: path.join(browserHome, '.config'),
      XDG_CACHE_HOME: path.join(browserHome, '.cache'),
    },
    // Our callers handle signals themselves and close the browser; Playwright's
    // handlers would call process.exit() before code-server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closed;
  const entry = {
    killSync() {
      const pid = context.browser?.()?.process?.()?.pid;
      if (pid) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
    stop: () => close(),
  };
  installExitHook();
  active.add(entry);
  const close = () => {
    closed ??= (async () => {
      let timer;
      const timeout = new Promise((r) => {
        timer = setTimeout(r, 10_000, 'timeout');
      });
      const result = await Promise.race([context.close().catch(() => {}), timeout]);
      clearTimeout(timer);
      if (result === 'timeout') entry.killSync();
      active.delete(entry);
    })();
    return closed;
  };

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let resolveExit;
    let rejectExit;
    const exitCode = new Promise((resolve, reject) => {
      resolveExit = resolve;
      rejectExit = reject;
    });
    exitCode.catch(() => {}); // callers that never await it must not see an unhandled rejection

    await page.exposeFunction('codeAutomationLog', (type, args) => {
      try {
        const list = Array.isArray(args) ? args : [args];
        onLog(String(type), util.format(...list));
      } catch (err) {
        process.stderr.write(`${LOG_PREFIX} codeAutomationLog failed: ${err}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (logsDir && Array.isArray(logs)) {
        try {
          for (const { relativePath, contents } of logs) {
            const target = path.join(logsDir, relativePath);
            if (!target.startsWith(path.resolve(logsDir))) continue;
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, contents);
          }
        } catch {
          /* logs are a convenience */
        }
      }
      resolveExit(typeof code === 'number' ? code : Number(code) || 0);
    });
    page.on('crash', () => rejectExit(new Error('The workbench page crashed.')));
    page.on('close', () => rejectExit(new Error('The workbench page was closed before the tests finished.')));
    if (process.env.COURSE_REVIEW_VSCODE_DEBUG) {
      page.on('console', (msg) => process.stderr.write(`[browser ${msg.type()}] ${msg.text()}\n`));
      page.on('pageerror', (err) => process.stderr.write(`[browser pageerror] ${err.stack || err}\n`));
    }

    const url = workbenchUrl({ origin, folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind });
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: navigationTimeoutMs });
    if (response && !response.ok()) {
      throw new Error(`The workbench page answered HTTP ${response.status()} for ${url}`);
    }
    return { page, context, url, exitCode, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Wait until the workbench has rendered (the editor area and status bar exist).
 * @param {any} page
 * @param {number} [timeoutMs=60000]
 */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  try {
    await page.waitForSelector('.monaco-workbench .part.editor', { state: 'visible', timeout: timeoutMs });
    await page.waitForSelector('.monaco-workbench .part.statusbar', { state: 'visible', timeout: timeoutMs });
  } catch (err) {
    throw new Error(`The VS Code workbench did not render within ${timeoutMs} ms (${err.message.split('\n')[0]})`);
  }
}

/**
 * Problems worth showing from a server run: extensions skipped as incompatible (server
 * log) and extension activation failures (extension host log, with the error line).
 * @param {{logFile:string, userDataDir:string}} server
 * @param {number} [sinceMs]  ignore extension host logs older than this (Date.now() value)
 * @returns {string[]}
 */
export function extensionProblems(server, sinceMs = 0) {
  const found = [];
  try {
    for (const line of fs.readFileSync(server.logFile, 'utf8').split('\n')) {
      if (/not compatible with/i.test(line)) found.push(line.trim());
    }
  } catch {
    /* no log */
  }
  const logsRoot = path.join(server.userDataDir, 'logs');
  let sessions = [];
  try {
    sessions = fs.readdirSync(logsRoot);
  } catch {
    /* none */
  }
  for (const session of sessions) {
    let hosts = [];
    try {
      hosts = fs.readdirSync(path.join(logsRoot, session)).filter((d) => d.startsWith('exthost'));
    } catch {
      continue;
    }
    for (const host of hosts) {
      const file = path.join(logsRoot, session, host, 'remoteexthost.log');
      try {
        if (fs.statSync(file).mtimeMs < sinceMs) continue;
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, i) => {
          if (/\[error\] Activating extension .* failed/.test(line)) {
            found.push(`${line.replace(/^\S+ \S+ /, '').trim()} ${(lines[i + 1] ?? '').replace(/^\S+ \S+ \[error\] /, '').trim()}`);
          }
        });
      } catch {
        /* no log */
      }
    }
  }
  return found;
}

/** Stop everything started through this module that is still running (browsers first). */
export async function stopAll() {
  const entries = [...active].reverse();
  await Promise.all(
    entries.map(async (entry) => {
      try {
        await entry.stop();
      } catch {
        try {
          entry.killSync();
        } catch {
          /* best effort */
        }
      }
      active.delete(entry);
    }),
  );
}
