// Entry point of the integration suite (extensionTestsPath). The build bundles it to
// dist/test/integration/index.js (CommonJS); the VS Code extension host requires it
// and calls run(). Every *.test.js file next to the bundle is added to mocha.
//
// The last line it prints, `__MOCHA_RESULT__ {"passed":N,"failed":M}`, is parsed by
// test/vscode/run-tests.mjs; when COURSE_REVIEW_MOCHA_RESULT_FILE is set the same
// JSON is also written to that file.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface MochaResult {
  passed: number;
  failed: number;
  pending: number;
  error?: string;
}

function report(result: MochaResult): void {
  console.log(`__MOCHA_RESULT__ ${JSON.stringify(result)}`);
  const file = process.env.COURSE_REVIEW_MOCHA_RESULT_FILE;
  if (file) {
    try {
      fs.writeFileSync(file, JSON.stringify(result) + '\n');
    } catch (err) {
      console.error(`Could not write ${file}: ${String(err)}`);
    }
  }
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });

  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) {
    const error = `No *.test.js files next to ${__filename}`;
    report({ passed: 0, failed: 0, pending: 0, error });
    throw new Error(error);
  }
  for (const name of files) {
    mocha.addFile(path.join(__dirname, name));
  }

  let passed = 0;
  let failed = 0;
  let pending = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      try {
        const runner = mocha.run(() => resolve());
        runner.on('pass', () => {
          passed++;
        });
        runner.on('fail', () => {
          failed++;
        });
        runner.on('pending', () => {
          pending++;
        });
      } catch (err) {
        reject(err);
      }
    });
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`Mocha could not run the suite: ${error}`);
    report({ passed, failed: failed + 1, pending, error });
    throw err;
  }

  report({ passed, failed, pending });
  if (failed > 0) {
    throw new Error(`${failed} integration test(s) failed.`);
  }
}
