import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import manifest from '../../package.json';
import { COMMAND_CATEGORY, COMMANDS } from '../../src/extension/commands/ids';

const ROOT = join(__dirname, '..', '..');

describe('package.json manifest', () => {
  it('declares exactly the commands the extension registers', () => {
    const declared = manifest.contributes.commands.map((command) => ({ command: command.command, title: command.title, category: command.category }));
    const registered = Object.values(COMMANDS).map((command) => ({ command: command.id, title: command.title, category: COMMAND_CATEGORY }));
    assert.deepEqual(declared, registered);
  });

  it('offers the review commands in the palette for Markdown editors only', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map((entry) => [entry.command, entry.when]));
    for (const command of [COMMANDS.approve, COMMANDS.requestChanges, COMMANDS.requestReview, COMMANDS.waive, COMMANDS.withdraw, COMMANDS.reviewActions]) {
      assert.equal(palette.get(command.id), 'editorLangId == markdown', command.id);
    }
  });

  it('declares every courseReview setting the extension reads, with the default the code assumes', () => {
    const properties: Record<string, { default?: unknown }> = manifest.contributes.configuration.properties;
    const source = extensionSources(join(ROOT, 'src/extension')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const read = [...source.matchAll(/getConfiguration\('courseReview'[^)]*\)\.get(?:<[^>]*>)?\('([^']+)', ([^)]+)\)/g)];
    assert.ok(read.length >= 3, 'the pattern finds the settings the code reads');
    for (const [, name, fallback] of read) {
      const declared = properties[`courseReview.${name}`];
      assert.ok(declared, `courseReview.${name} is declared`);
      assert.equal(JSON.stringify(declared.default), fallback.replace(/'/g, '"'), `courseReview.${name} default`);
    }
  });

  it('activates on Markdown only, never on startup', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
  });

  it('targets a VS Code the offline test host can run', () => {
    assert.match(manifest.engines.vscode, /^\^1\.(\d+)\.0$/);
    assert.ok(Number(/^\^1\.(\d+)/.exec(manifest.engines.vscode)?.[1]) <= 100);
    assert.match(manifest.devDependencies['@types/vscode'], /^\^1\.(?:\d|[1-9]\d|100)\.\d+$/);
  });

  it('contributes the generated config schema for .coursereview.json', () => {
    const [validation] = manifest.contributes.jsonValidation;
    assert.equal(validation.fileMatch, '.coursereview.json');
    assert.ok(existsSync(join(ROOT, validation.url)));
  });

  it('packages from an allow-list: the bundle, rule docs and schemas, nothing else', () => {
    const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
    assert.equal(lines.find((line) => line !== '' && !line.startsWith('#')), '**');
    for (const kept of ['!dist/extension.js', '!docs/rules/**', '!schemas/**']) assert.ok(lines.includes(kept), kept);
    assert.equal(manifest.main, './dist/extension.js');
  });
});

function extensionSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? extensionSources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}
