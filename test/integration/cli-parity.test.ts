import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, courseReviewDiagnostics, EXTENSION_ID, openLesson, ruleOf, waitFor } from './helpers';

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

describe('the CLI and VS Code agree', function () {
  this.timeout(60000);
  afterEach(closeAllEditors);

  it('reports the same findings for the same lesson', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const { document } = await openLesson('course/02-unopened.md');
    const diagnostics = await waitFor('diagnostics', () => {
      const found = courseReviewDiagnostics(document.uri);
      return found.length > 0 && found;
    });
    const fromEditor = diagnostics
      .map(
        (diagnostic) =>
          `${ruleOf(diagnostic)} ${SEVERITY_NAMES[diagnostic.severity]} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-${diagnostic.range.end.line + 1}:${diagnostic.range.end.character + 1} ${diagnostic.message}`,
      )
      .sort();

    const cli = spawnSync(
      process.execPath,
      [path.join(extension.extensionPath, 'dist', 'cli.js'), 'lint', document.uri.fsPath, '--format', 'json'],
      {
        cwd: path.dirname(document.uri.fsPath),
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      },
    );
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = (JSON.parse(cli.stdout) as Array<Record<string, string | number>>)
      .map(
        (finding) =>
          `${finding.ruleId} ${finding.severity} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.message}`,
      )
      .sort();
    assert.deepEqual(fromEditor, fromCli);
  });
});
