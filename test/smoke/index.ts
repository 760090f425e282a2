// Entry point of the installed-VSIX smoke suite (extensionTestsPath): the integration suite's
// mocha runner, bundled to dist/test/smoke/index.js, so it runs the *.test.js files beside it and
// prints `__MOCHA_RESULT__ {...}` for test/vscode/installed-smoke.mjs.
export { run } from '../integration/index';
