/** `solution.js`, `answer.md`, `solutions/`, `expected-output.txt`: where exercises keep their answers. */
export const ANSWER_FILE = /^(?:solutions?|answers?|expected[-_]?(?:output|result))(?:[._-].*)?$/i;

/**
 * Globs for the files that are answers, and for those inside an answer folder, for a workspace search (which `ANSWER_FILE` then sorts out).
 */
export const ANSWER_GLOBS = ['**/{solution,answer,expected}*', '**/{solution,answer,expected}*/**'];

/**
 * For each folder that holds an answer, its name (the first in path order): from the paths of
 * files that are answers (`a/solution.js`) or are inside an answer folder (`a/solutions/1.js`).
 */
export function answersByFolder(paths: readonly string[]): Map<string, string> {
  const answers = new Map<string, string>();
  for (const path of [...paths].sort()) {
    const parts = path.split('/');
    for (let index = parts.length - 1; index >= 1; index--) {
      if (!ANSWER_FILE.test(parts[index])) continue;
      const folder = parts.slice(0, index).join('/');
      if (!answers.has(folder)) answers.set(folder, parts[index]);
      break;
    }
  }
  return answers;
}
