import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import manifest from '../../package.json';
import { COMMAND_CATEGORY, COMMANDS, OUTLINE_VIEW, QUEUE_STATES, QUEUE_VIEW } from '../../src/extension/commands/ids';

const ROOT = join(__dirname, '..', '..');

describe('package.json manifest', () => {
  it('declares exactly the commands the extension registers', () => {
    const declared = manifest.contributes.commands.map((command) => ({
      command: command.command,
      title: command.title,
      category: command.category,
    }));
    const registered = Object.values(COMMANDS).map((command) => ({
      command: command.id,
      title: command.title,
      category: COMMAND_CATEGORY,
    }));
    assert.deepEqual(declared, registered);
  });

  it('offers the review commands in the palette for Markdown and MDX editors only', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map((entry) => [entry.command, entry.when]));
    for (const command of [
      COMMANDS.approve,
      COMMANDS.requestChanges,
      COMMANDS.requestReview,
      COMMANDS.waive,
      COMMANDS.withdraw,
      COMMANDS.reviewActions,
    ]) {
      assert.equal(palette.get(command.id), 'editorLangId =~ /^(markdown|mdx)$/', command.id);
    }
  });

  it('declares every courseReview setting the extension reads, with the default the code assumes', () => {
    const properties: Record<string, { default?: unknown }> = manifest.contributes.configuration.properties;
    const source = extensionSources(join(ROOT, 'src/extension'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const read = [...source.matchAll(/getConfiguration\('courseReview'[^)]*\)\.get(?:<[^>]*>)?\('([^']+)', ([^)]+)\)/g)];
    assert.ok(read.length >= 3, 'the pattern finds the settings the code reads');
    for (const [, name, fallback] of read) {
      const declared = properties[`courseReview.${name}`];
      assert.ok(declared, `courseReview.${name} is declared`);
      assert.equal(JSON.stringify(declared.default), fallback.replace(/'/g, '"'), `courseReview.${name} default`);
    }
  });

  it('contributes the Review Queue and the Course Outline in their own activity bar container, with an icon that exists', () => {
    const [container] = manifest.contributes.viewsContainers.activitybar;
    assert.equal(container.id, QUEUE_VIEW.container);
    assert.equal(container.icon, QUEUE_VIEW.icon);
    assert.deepEqual(Object.keys(manifest.contributes.views), [QUEUE_VIEW.container]);
    assert.deepEqual(
      manifest.contributes.views.courseReview.map((view) => view.id),
      [QUEUE_VIEW.id, OUTLINE_VIEW.id],
    );
    assert.equal(manifest.contributes.views.courseReview[1].name, OUTLINE_VIEW.name);
    const svg = readFileSync(join(ROOT, QUEUE_VIEW.icon), 'utf8');
    assert.match(svg, /viewBox="0 0 24 24"/);
    assert.match(svg, /currentColor/);
  });

  it('menus and welcome content name declared commands, the views and their context keys', () => {
    const declared = new Map(manifest.contributes.commands.map((command) => [command.command, command as { icon?: string }]));
    const menus = manifest.contributes.menus;
    for (const entry of [...menus['view/title'], ...menus['view/item/context']]) {
      assert.ok(declared.has(entry.command), entry.command);
      assert.ok(
        entry.when.startsWith(`view == ${QUEUE_VIEW.id}`) || entry.when.startsWith(`view == ${OUTLINE_VIEW.id}`),
        `${entry.command}: ${entry.when}`,
      );
      if (entry.group.startsWith('navigation') || entry.group.startsWith('inline'))
        assert.ok(declared.get(entry.command)?.icon, `${entry.command} has an icon`);
    }
    for (const welcome of manifest.contributes.viewsWelcome) {
      assert.ok(([QUEUE_VIEW.id, OUTLINE_VIEW.id] as string[]).includes(welcome.view), welcome.view);
      for (const [, state] of welcome.when.matchAll(/courseReview\.outline\.state == (\w+)/g))
        assert.ok(['idle', 'indexing', 'noLessons', 'modules'].includes(state), state);
      for (const [, state] of welcome.when.matchAll(/courseReview\.queue\.state == (\w+)/g))
        assert.ok((QUEUE_STATES as readonly string[]).includes(state), state);
      for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g))
        assert.ok(declared.has(command) || command.startsWith('vscode.'), command);
    }
    const welcomed = manifest.contributes.viewsWelcome.flatMap((welcome) =>
      [...welcome.when.matchAll(/courseReview\.queue\.state == (\w+)/g)].map(([, state]) => state),
    );
    assert.deepEqual([...welcomed].sort(), ['clear', 'indexing', 'noLessons', 'noneAssigned']);
  });

  it('hides the commands that need a queue item from the palette', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map((entry) => [entry.command, entry.when]));
    for (const command of [
      COMMANDS.queueOpen,
      COMMANDS.queueApprove,
      COMMANDS.queueRequestChanges,
      COMMANDS.queueRequestReview,
      COMMANDS.queueWaive,
      COMMANDS.queueCopyReminder,
    ]) {
      assert.equal(palette.get(command.id), 'false', command.id);
    }
    assert.equal(palette.get(COMMANDS.queueAssignedToMe.id), `!${QUEUE_VIEW.assignedContext}`);
    assert.equal(palette.get(COMMANDS.queueShowAll.id), QUEUE_VIEW.assignedContext);
  });

  it("offers Export HTML in the health report's title bar, and the module action only on a module", () => {
    const [exported] = manifest.contributes.menus['editor/title'];
    assert.equal(exported.command, COMMANDS.exportHealthReport.id);
    assert.equal(exported.when, 'activeWebviewPanelId == courseReview.healthReport');
    const moduleActions = manifest.contributes.menus['view/item/context'].filter(
      (entry) => entry.command === COMMANDS.outlineShowModuleFindings.id,
    );
    assert.ok(moduleActions.some((entry) => entry.group.startsWith('inline')));
    for (const entry of moduleActions) assert.equal(entry.when, `view == ${OUTLINE_VIEW.id} && viewItem == outlineModule`);
  });

  it('activates on Markdown and MDX only, never on startup', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown', 'onLanguage:mdx']);
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
    const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    assert.equal(
      lines.find((line) => line !== '' && !line.startsWith('#')),
      '**',
    );
    for (const kept of [
      '!dist/extension.js',
      '!dist/core.js',
      '!dist/web/extension.js',
      '!dist/lintWorker.js',
      '!docs/rules/**',
      '!schemas/**',
    ])
      assert.ok(lines.includes(kept), kept);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
  });

  it('declares what works in Restricted Mode and in virtual workspaces, and hides what needs git or Node from the browser', () => {
    for (const capability of ['untrustedWorkspaces', 'virtualWorkspaces'] as const) {
      assert.equal(manifest.capabilities[capability].supported, 'limited', capability);
      assert.match(manifest.capabilities[capability].description, /Show Review History/, capability);
    }
    const desktopOnly = new Set<string>([
      COMMANDS.showChangesSinceApproval.id,
      COMMANDS.showReviewHistory.id,
      COMMANDS.openHealthReport.id,
      COMMANDS.exportHealthReport.id,
    ]);
    const entries = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string; when?: string }>>)
      .flat()
      .filter((entry) => desktopOnly.has(entry.command));
    assert.ok(entries.length >= 7);
    // The report's own title bar shows only where the report opened: the desktop.
    for (const entry of entries.filter((each) => !each.when?.startsWith('activeWebviewPanelId')))
      assert.match(entry.when ?? '', /courseReview\.nodeHost/, `${entry.command} at ${entry.when}`);
    for (const id of [COMMANDS.openHealthReport.id, COMMANDS.exportHealthReport.id])
      assert.ok(
        manifest.contributes.menus.commandPalette.some((entry: { command: string }) => entry.command === id),
        id,
      );
  });

  it('walks a new user through checking a lesson, the team configuration, a review request and the queue, with shipped media', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    const commands = new Set<string>([
      ...Object.values(COMMANDS).map((command) => command.id),
      'workbench.action.quickOpen',
      `${QUEUE_VIEW.id}.focus`,
    ]);
    const allowed = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    assert.ok(allowed.includes('!media/walkthrough/**'), 'the media are packaged');
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ['openLesson', 'fixFinding', 'createConfig', 'requestReview', 'openQueue'],
    );
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(ROOT, step.media.markdown)) && step.media.markdown.startsWith('media/walkthrough/'), step.media.markdown);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g))
        assert.ok(commands.has(command), `${step.id} links ${command}`);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(target), event);
        else if (kind === 'onView') assert.equal(target, QUEUE_VIEW.id, event);
        else assert.equal(kind, 'onLanguage', event);
      }
    }
  });
});

function extensionSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? extensionSources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}
