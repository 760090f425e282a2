import assert from 'node:assert/strict';
import { answersByFolder, buildCourse, readToc, type CourseToc } from '../../src/core';

function toc(file: string, source: string): CourseToc {
  const read = readToc(file, source);
  assert.equal(read.kind, 'toc', JSON.stringify(read));
  return (read as Extract<typeof read, { kind: 'toc' }>).toc;
}

describe('tables of contents', () => {
  it('Hugging Face _toctree.yml: units are modules, sections their pages in order', () => {
    const read = toc(
      'course/units/en/_toctree.yml',
      '- title: Unit 1. Basics\n  sections:\n  - local: unit1/introduction\n    title: Introduction\n  - local: unit1/quiz\n    title: Quiz\n    sections:\n    - local: unit1/quiz-answers\n      title: Answers\n- title: Empty\n  sections: []\n',
    );
    assert.equal(read.root, 'course/units/en');
    assert.deepEqual(read.modules, [
      {
        title: 'Unit 1. Basics',
        pages: [
          { path: 'unit1/introduction', title: 'Introduction' },
          { path: 'unit1/quiz', title: 'Quiz' },
          { path: 'unit1/quiz-answers', title: 'Answers' },
        ],
      },
    ]);
  });

  it('Carpentries config.yaml: the episodes in order, the learner and instructor pages as reference', () => {
    const read = toc(
      'shell/config.yaml',
      "title: 'The Unix Shell'\nepisodes:\n- 01-intro.md\n- 02-filedir.md\nlearners:\n- setup.md\ninstructors:\n- instructor-notes.md\nprofiles:\n",
    );
    assert.deepEqual(read.modules, [
      {
        title: 'The Unix Shell',
        pages: [
          { path: 'index.md', title: 'The Unix Shell', type: 'overview' },
          { path: 'episodes/01-intro.md', title: undefined },
          { path: 'episodes/02-filedir.md', title: undefined },
          { path: 'learners/setup.md', title: undefined, type: 'reference' },
          { path: 'instructors/instructor-notes.md', title: undefined, type: 'reference' },
        ],
      },
    ]);
    assert.equal(
      readToc('site/config.yaml', 'title: A Jekyll site\nbaseurl: /x\n').kind,
      'none',
      'a config.yaml without episodes is not a table of contents',
    );
  });

  it('mdBook SUMMARY.md: parts are modules; without parts, each chapter with its sections', () => {
    const withParts = toc(
      'book/src/SUMMARY.md',
      '# Summary\n\n[Introduction](README.md)\n\n# Getting started\n\n- [Install](install.md)\n    - [On Linux](install/linux.md)\n- [Draft]()\n\n# Reference\n\n- [Glossary](glossary.md)\n',
    );
    assert.deepEqual(
      withParts.modules.map((module) => [module.title, module.pages.map((page) => page.path)]),
      [
        ['Introduction', ['README.md']],
        ['Getting started', ['install.md', 'install/linux.md']],
        ['Reference', ['glossary.md']],
      ],
    );
    const chapters = toc(
      'SUMMARY.md',
      '# Summary\n\n- [Loops](loops.md)\n  - [For](loops/for.md)\n  - [While](loops/while.md)\n- [Functions](functions.md)\n',
    );
    assert.deepEqual(
      chapters.modules.map((module) => [module.title, module.pages.map((page) => page.path)]),
      [
        ['Loops', ['loops.md', 'loops/for.md', 'loops/while.md']],
        ['Functions', ['functions.md']],
      ],
    );
    assert.equal(readToc('SUMMARY.md', '# Summary\n\nJust prose.\n').kind, 'problem');
  });

  it('mkdocs.yml nav: sections are modules, relative to docs_dir', () => {
    const read = toc(
      'site/mkdocs.yml',
      "site_name: Course\ndocs_dir: content\nnav:\n  - Home: index.md\n  - 'Unit 1':\n      - unit1/intro.md\n      - Lab: unit1/lab.md\n      - Nested:\n          - unit1/extra.md\n  - External: https://example.com\nplugins:\n  - search\nextra: !ENV [X]\n",
    );
    assert.equal(read.root, 'site/content');
    assert.deepEqual(
      read.modules.map((module) => [module.title, module.pages.map((page) => page.path)]),
      [
        ['Home', ['index.md']],
        ['Unit 1', ['unit1/intro.md', 'unit1/lab.md', 'unit1/extra.md']],
      ],
    );
  });

  it('Jupyter Book _toc.yml: the root page, then parts (or chapters with their sections)', () => {
    const read = toc(
      'book/_toc.yml',
      'format: jb-book\nroot: intro\nparts:\n  - caption: Basics\n    chapters:\n      - file: basics/variables\n        sections:\n          - file: basics/types\n      - file: basics/quiz\n',
    );
    assert.deepEqual(
      read.modules.map((module) => [module.title, module.pages.map((page) => [page.path, page.type])]),
      [
        ['Introduction', [['intro', 'overview']]],
        [
          'Basics',
          [
            ['basics/variables', undefined],
            ['basics/types', undefined],
            ['basics/quiz', undefined],
          ],
        ],
      ],
    );
  });

  it("a workshop's exercises.json: sections of the menu are modules, each exercise a folder whose runner checks it", () => {
    const read = toc(
      'exercises.json',
      JSON.stringify({
        '» GETTING STARTED: HELLO, GLSL': 'intro-0',
        '» GETTING STARTED: LOOPS': 'intro-1',
        '» SHADERS: CREATING A SHADER': '@exercise/shader-create',
        BONUS: 'bonus',
      }),
    );
    assert.equal(read.format, 'workshop');
    assert.deepEqual(
      read.modules.map((module) => [module.title, module.pages.map((page) => [page.path, page.title])]),
      [
        [
          'GETTING STARTED',
          [
            ['exercises/intro-0', 'HELLO, GLSL'],
            ['exercises/intro-1', 'LOOPS'],
          ],
        ],
        ['SHADERS', [['node_modules/@exercise/shader-create', 'CREATING A SHADER']]],
        ['Exercises', [['exercises/bonus', 'BONUS']]],
      ],
    );
    assert.ok(read.modules.every((module) => module.pages.every((page) => /runner/.test(page.checkedBy ?? ''))));
    assert.equal(readToc('exercises.json', '[{"id": 1}]').kind, 'none', 'another shape is not a workshop menu');
    assert.equal(readToc('exercises.json', '{ not json').kind, 'none');
  });

  it("a workshopper menu.json: the exercises' folders named as workshopper names them, each with its problem.md", () => {
    const read = toc('exercises/menu.json', '["010 Simple objects", "040 Property assignments!"]');
    assert.equal(read.root, 'exercises');
    assert.deepEqual(
      read.modules[0].pages.map((page) => page.path),
      ['010_simple_objects/problem.md', '040_property_assignments/problem.md'],
    );
    assert.equal(readToc('app/menu.json', '{"items": ["File", "Edit"]}').kind, 'none', "an application's menu is not a workshop's");
  });

  it('reports a table of contents that does not parse, and guesses nothing', () => {
    const read = readToc('units/_toctree.yml', '- title: [unclosed\n');
    assert.equal(read.kind, 'problem');
  });
});

describe('courses', () => {
  it('takes its modules from the tables of contents, in their order, and folders for the rest', () => {
    const files = [
      '/c/units/en/unit1/introduction.mdx',
      '/c/units/en/unit1/quiz.mdx',
      '/c/units/en/unit1/what-is-rl.mdx',
      '/c/notes/b-second.md',
      '/c/notes/10-tenth.md',
      '/c/notes/2-second.md',
      '/c/notes/index.md',
    ];
    const hf = toc(
      '/c/units/en/_toctree.yml',
      '- title: Unit 1\n  sections:\n  - local: unit1/introduction\n  - local: unit1/what-is-rl\n  - local: unit1/quiz\n  - local: unit1/missing\n',
    );
    const course = buildCourse(files, [hf]);
    assert.deepEqual(
      course.modules.map((module) => [module.title, module.source.kind, module.pages]),
      [
        [
          'Unit 1',
          'table-of-contents',
          ['/c/units/en/unit1/introduction.mdx', '/c/units/en/unit1/what-is-rl.mdx', '/c/units/en/unit1/quiz.mdx'],
        ],
        ['notes', 'folder', ['/c/notes/index.md', '/c/notes/2-second.md', '/c/notes/10-tenth.md', '/c/notes/b-second.md']],
      ],
    );
    assert.equal(course.page('/c/units/en/unit1/quiz.mdx')?.index, 2);
  });
});

describe('answers beside pages', () => {
  it('finds answer files and answer folders, for the folder that holds them, from a workspace search', () => {
    const answers = answersByFolder([
      '/w/ex1/solution.js',
      '/w/ex2/solutions/part-1.js',
      '/w/ex2/solutions/part-2.js',
      '/w/ex3/expected-output.txt',
      '/w/ex4/solutionary.md',
      '/w/answers/notes/readme.txt',
    ]);
    assert.deepEqual(Object.fromEntries(answers), {
      '/w/ex1': 'solution.js',
      '/w/ex2': 'solutions',
      '/w/ex3': 'expected-output.txt',
      '/w': 'answers',
    });
  });
});
