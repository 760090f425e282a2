import type { TocPage, TocResult } from './model';
import { isRecord, readYaml, text } from './yamlValue';

/**
 * A Carpentries Workbench lesson's `config.yaml`: `episodes:` lists the lesson's episodes in order
 * (in `episodes/`); `learners:`, `instructors:` and `profiles:` list pages that are not lessons
 * (setup, glossary, notes). One lesson site is one module.
 */
export function parseCarpentriesConfig(source: string, file: string, root: string): TocResult {
  const read = readYaml(source);
  if ('error' in read) return { kind: 'problem', problem: { file, message: `The lesson configuration does not parse: ${read.error}` } };
  if (!isRecord(read.value) || !Array.isArray(read.value.episodes)) return { kind: 'none' };
  const config = read.value;
  const listed = (key: string, folder: string, type?: TocPage['type']): TocPage[] =>
    (Array.isArray(config[key]) ? config[key] : []).flatMap((name: unknown) => {
      const path = text(name);
      return path ? [{ path: `${folder}/${path}`, title: undefined, ...(type && { type }) }] : [];
    });
  const title = text(config.title);
  const episodes = [{ path: 'index.md', title, type: 'overview' as const }, ...listed('episodes', 'episodes')];
  const extras = [
    ...listed('learners', 'learners', 'reference'),
    ...listed('instructors', 'instructors', 'reference'),
    ...listed('profiles', 'profiles', 'reference'),
  ];
  return {
    kind: 'toc',
    toc: { format: 'carpentries', file, root, title, modules: [{ title: title ?? 'Lesson', pages: [...episodes, ...extras] }] },
  };
}
