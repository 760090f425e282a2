// The VSIX as it ships, and VS Code with nothing but that VSIX installed: used by the installed
// smoke phase (installed-smoke.mjs) and the activation bench (bench/activation.mjs).
//
// packageVsix() runs `npm run package` in a staging copy of the working tree (the files git
// tracks, or would track, plus a node_modules link), so that it neither overwrites the
// repository's dist/ with a production build nor leaves a .vsix in the repository, and a
// build someone runs in the repository meanwhile cannot end up in the package. What the package
// holds is decided exactly as in the repository: by its .vscodeignore and package.json.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from './code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
export const EXTENSION_ID = 'course-review.course-review';
export const DEFAULT_CODE_SERVER_PATH = path.join(REPO_ROOT, '.vscode-test', 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${output}`);
  }
  return result;
}

/**
 * The working tree's files that git tracks or would track (not ignored), relative paths; without
 * git (a source tarball), every file but the ones git would ignore for certain.
 */
function workingTreeFiles(repoRoot) {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return [...new Set(out.split('\0').filter(Boolean))];
  } catch {
    const skip = new Set(['.git', 'node_modules', '.vscode-test', 'dist', 'out', '.scratch', 'test-results']);
    const files = [];
    const walk = (dir) => {
      for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
        const relative = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!skip.has(relative)) walk(relative);
        } else if (!entry.name.endsWith('.vsix')) files.push(relative);
      }
    };
    walk('');
    return files;
  }
}

/**
 * `npm run package` in a staging copy of the working tree; the VSIX is moved to `outFile`.
 * @param {{ repoRoot?: string, tmp: string, outFile?: string }} opts
 * @returns {{ vsix: string, bytes: number, seconds: number, files: string[] }} files: the VSIX's entries
 */
export function packageVsix({ repoRoot = REPO_ROOT, tmp, outFile }) {
  const started = Date.now();
  const stage = path.join(tmp, 'package-stage');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  for (const file of workingTreeFiles(repoRoot)) {
    const from = path.join(repoRoot, file);
    let stat;
    try {
      stat = fs.lstatSync(from);
    } catch {
      continue;
    } // deleted in the working tree
    if (!stat.isFile() && !stat.isSymbolicLink()) continue;
    const to = path.join(stage, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.cpSync(from, to, { verbatimSymlinks: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(stage, 'node_modules'), 'dir');

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['run', '--silent', 'package'], { cwd: stage, env: { ...process.env, npm_config_update_notifier: 'false' } });
  const made = fs.readdirSync(stage).filter((name) => name.endsWith('.vsix'));
  if (made.length !== 1) throw new Error(`npm run package made ${made.length} .vsix files in ${stage}: ${made.join(', ') || 'none'}`);
  const vsix = path.resolve(outFile ?? path.join(tmp, made[0]));
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  fs.renameSync(path.join(stage, made[0]), vsix);
  fs.rmSync(stage, { recursive: true, force: true });
  return { vsix, bytes: fs.statSync(vsix).size, seconds: (Date.now() - started) / 1000, files: vsixEntries(vsix) };
}

/** The entries of a VSIX (a zip), read from its central directory. */
export function vsixEntries(vsix) {
  const zip = fs.readFileSync(vsix);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${vsix} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${vsix}: bad central directory`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * Installs a VSIX the way a user does, `--install-extension`, into a fresh extensions dir: with
 * code-server, or with the desktop VS Code named by COURSE_REVIEW_VSCODE_EXECUTABLE.
 * @returns {{ extensionPath: string, seconds: number, output: string }} the installed copy's folder
 */
export function installVsix({ vsix, extensionsDir, userDataDir, id = EXTENSION_ID }) {
  const started = Date.now();
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const desktop = process.env.COURSE_REVIEW_VSCODE_EXECUTABLE;
  const executable = desktop ? path.resolve(desktop) : process.env.CODE_SERVER_PATH || DEFAULT_CODE_SERVER_PATH;
  if (!fs.existsSync(executable)) {
    throw new Error(`${executable} does not exist: run \`npm run setup\` to install code-server (or set CODE_SERVER_PATH).`);
  }
  // The same isolation as startCodeServer: no HOME or XDG folder of the user's is written.
  const home = path.join(userDataDir, 'install-home');
  fs.mkdirSync(home, { recursive: true });
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    EXTENSIONS_GALLERY: '{}',
  };
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  const args = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix];
  if (!desktop) args.unshift('--disable-telemetry');
  const { stdout, stderr } = run(executable, args, { cwd: home, env, timeout: 120_000 });
  const output = `${stdout}${stderr}`.trim();
  const [publisher, name] = id.split('.');
  const installed = fs.readdirSync(extensionsDir).filter((dir) => dir.toLowerCase().startsWith(`${publisher}.${name}-`.toLowerCase()));
  if (installed.length !== 1) {
    throw new Error(
      `expected one ${id} folder in ${extensionsDir} after --install-extension, found ${installed.length} (${installed.join(', ')}). Output:\n${output}`,
    );
  }
  return { extensionPath: path.join(extensionsDir, installed[0]), seconds: (Date.now() - started) / 1000, output };
}

/**
 * A runner extension for extensionDevelopmentPath: a package.json and nothing else, so that the
 * Course Review in the window is the installed one and not a copy under development.
 */
export function writeRunnerExtension(dir, name = 'course-review-installed-runner') {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name,
    displayName: 'Course Review: tests of the installed VSIX',
    publisher: 'course-review-tests',
    version: '0.0.0',
    private: true,
    engines: { vscode: '^1.100.0' },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** User settings for the installed runs (what startCodeServer writes, for a desktop VS Code too). */
export function writeUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...DEFAULT_SETTINGS, ...extra }, null, 2)}\n`);
}

export function megabytes(bytes) {
  return (bytes / (1024 * 1024)).toFixed(2);
}
