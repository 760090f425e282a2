// Entry point of the web suite (extensionTestsPath), bundled for the browser to
// dist/test/web/index.js: VS Code's web worker extension host loads it and calls run(). It uses
// mocha's browser build; its last line, `__MOCHA_RESULT__ {"passed":N,"failed":M}`, is read by
// test/vscode/run-tests.mjs from the workbench's log.
import 'mocha/mocha.js';

declare const mocha: BrowserMocha;

interface BrowserMocha {
  setup(options: { ui: 'bdd'; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): { on(event: 'pass' | 'fail' | 'pending', listener: () => void): void };
}

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60000, color: false });
  // After setup, which defines describe() and it().
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- after setup, which defines describe() and it()
  require('./web.test');
  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, pending: 0 };
    const runner = mocha.run(() => {
      console.log(`__MOCHA_RESULT__ ${JSON.stringify(counts)}`);
      if (counts.failed > 0) reject(new Error(`${counts.failed} web test(s) failed.`));
      else resolve();
    });
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.pending++);
  });
}
