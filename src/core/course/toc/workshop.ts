import type { TocModule, TocPage, TocResult } from './model';

/**
 * NodeSchool-style workshops (workshopper, adventure and their kin) run each exercise in a program
 * that checks the learner's solution (`<workshop> verify`): the check is the exercise's feedback,
 * though the page never mentions it.
 */
export const WORKSHOP_RUNNER = "the workshop's runner, which checks each exercise";

/**
 * A workshop's `exercises.json`: `{ "» SECTION: TITLE": "folder" }`, in menu order. A folder is under
 * `exercises/` beside the file, or a package (`@exercise/name`) under `node_modules/`; its page is the
 * folder's README. Titles sharing a `SECTION:` prefix form a module.
 */
export function parseWorkshopExercises(source: string, file: string, root: string): TocResult {
  const menu = readJson(source);
  if (menu === undefined) return { kind: 'none' };
  if (typeof menu !== 'object' || menu === null || Array.isArray(menu) || !Object.values(menu).every((value) => typeof value === 'string'))
    return { kind: 'none' };
  const entries = Object.entries(menu as Record<string, string>).map(([title, folder]) => ({
    title,
    path: folder.startsWith('@') ? `node_modules/${folder}` : `exercises/${folder}`,
  }));
  return workshop(entries, file, root);
}

/**
 * A workshopper `exercises/menu.json`: `["010 Simple objects", …]`, in menu order. Each title names
 * its folder as workshopper does (lower case, punctuation dropped, spaces as `_`), whose page is
 * `problem.md`.
 */
export function parseWorkshopMenu(source: string, file: string, root: string): TocResult {
  const menu = readJson(source);
  if (!Array.isArray(menu) || menu.length === 0 || !menu.every((title) => typeof title === 'string')) return { kind: 'none' };
  return workshop(
    menu.map((title: string) => ({ title, path: `${folderOf(title)}/problem.md` })),
    file,
    root,
  );
}

function workshop(entries: ReadonlyArray<{ title: string; path: string }>, file: string, root: string): TocResult {
  const modules: TocModule[] = [];
  for (const { title, path } of entries) {
    const { section, name } = sectionOf(title);
    const page: TocPage = { path, title: name, checkedBy: WORKSHOP_RUNNER };
    const last = modules.at(-1);
    if (last && last.title === section) last.pages.push(page);
    else modules.push({ title: section, pages: [page] });
  }
  return { kind: 'toc', toc: { format: 'workshop', file, root, title: undefined, modules } };
}

/** "» GETTING STARTED: HELLO, GLSL": the section "GETTING STARTED", the page "HELLO, GLSL"; a title without a section is in "Exercises". */
function sectionOf(title: string): { section: string; name: string } {
  const clean = title.replace(/^[»>\s]+/, '').trim();
  const colon = clean.indexOf(': ');
  return colon > 0 ? { section: clean.slice(0, colon), name: clean.slice(colon + 2) } : { section: 'Exercises', name: clean };
}

/** workshopper's own rule for an exercise's folder: "010 Simple objects" is `010_simple_objects`. */
function folderOf(title: string): string {
  return title
    .toLowerCase()
    .trim()
    .replace(/[^\w\s]/g, '')
    .replace(/\s+/g, '_');
}

function readJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    return undefined;
  }
}
