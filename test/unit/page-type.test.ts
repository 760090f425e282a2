import assert from 'node:assert/strict';
import { classifyPage, parseLesson, pageTypeOfName, type PageHints, type PageType } from '../../src/core';

describe('page types', () => {
  describe('from a name (a title, a file name, a table of contents entry)', () => {
    const cases: Array<[string, PageType | undefined]> = [
      ['Quiz', 'assessment'],
      ['quiz.mdx', 'assessment'],
      ['Unit 2 quiz', 'assessment'],
      ['Q&A', undefined],
      ['Conclusion', 'summary'],
      ['conclusion_full_stack_javascript', 'summary'],
      ['Key points', 'summary'],
      ['Introduction', 'overview'],
      ['00-introduction', 'overview'],
      ['Introduction to React', undefined],
      ['introduction_to_react', undefined],
      ['How this course will work', 'overview'],
      ['What you will learn in this course', undefined],
      ['Glossary', 'reference'],
      ['Additional Readings', 'reference'],
      ['instructor-notes', 'reference'],
      ['setup', 'reference'],
      ['Discord 101 [[discord-101]]', 'reference'],
      ['Join the community', 'reference'],
      ['Credits', 'reference'],
      ['join_the_odin_community', undefined],
      ['Citation', undefined],
      ['Hands-on', 'lab'],
      ['Lab 3: Deploy the app', 'lab'],
      ['project_sql_zoo', 'assignment'],
      ['Project: Recipes', 'assignment'],
      ['Final project', 'assignment'],
      ['hints', 'fragment'],
      ['Solution', 'fragment'],
      ['The Reinforcement Learning Framework', undefined],
      ['What is RL? A short recap', undefined],
      ['Summary [[summary]]', 'summary'],
      ['Quiz 🎓', 'assessment'],
      // Words that are also names of Object.prototype's properties.
      ['Constructor functions', undefined],
      ['080 Constructor functions', undefined],
      ['Using toString', undefined],
      ['The __proto__ property', undefined],
      ['hasOwnProperty and valueOf', undefined],
    ];
    for (const [name, expected] of cases) it(`"${name}" → ${expected ?? 'nothing'}`, () => assert.equal(pageTypeOfName(name), expected));
  });

  describe('of a page, strongest evidence first', () => {
    const type = (text: string, hints?: PageHints) => classifyPage(parseLesson(text), hints);

    it("its own `type:` wins over everything, then the team's pageTypes glob", () => {
      const decision = type('---\ntype: quiz\n---\n\n# Glossary\n', {
        path: 'unit1/glossary.md',
        tocTitle: 'Glossary',
        configType: { type: 'reference', glob: '**/glossary.md' },
      });
      assert.deepEqual(decision, { type: 'assessment', source: 'front-matter', reason: '`type: quiz` in front matter' });
      assert.equal(type('# Glossary\n', { path: 'unit1/glossary.md', configType: { type: 'lesson', glob: 'unit1/**' } }).type, 'lesson');
    });

    it('a `lab:` mapping makes a lab; so does `islab`', () => {
      assert.equal(type("---\nlab:\n  title: 'Analyze text'\n  description: Use the SDK.\n---\n\n# Analyze text\n").type, 'lab');
      assert.equal(type('---\nislab: true\n---\n\n# Analyze text\n').source, 'front-matter');
    });

    it('the table of contents, then the file name, then the folder, then the title', () => {
      assert.deepEqual(type('# Wrap\n', { path: 'u1/end.mdx', tocTitle: 'Conclusion', tocFile: '_toctree.yml' }), {
        type: 'summary',
        source: 'table-of-contents',
        reason: 'listed as "Conclusion" in _toctree.yml',
      });
      assert.equal(type('# Wrap\n', { path: 'u1/glossary.md' }).source, 'file-name');
      assert.deepEqual(type('# Labs\n', { path: 'Instructions/Labs/lab-one.md' }), {
        type: 'lab',
        source: 'file-name',
        reason: 'file name lab-one.md',
      });
      assert.deepEqual(type('# Deploy\n', { path: 'Instructions/Labs/deploy-an-app.md' }), {
        type: 'lab',
        source: 'file-name',
        reason: 'in a folder named Labs',
      });
      assert.deepEqual(type('# Knowledge check\n\nText.\n', { path: 'u1/page.md' }), {
        type: 'assessment',
        source: 'title',
        reason: 'titled "Knowledge check"',
      });
    });

    it('mostly numbered steps to carry out is a lab; mostly questions is a quiz', () => {
      const steps = Array.from(
        { length: 12 },
        (_, index) => `${index + 1}. ${['Select', 'Open', 'Enter', 'Run'][index % 4]} the thing number ${index}.`,
      ).join('\n');
      assert.equal(type(`# Deploy a web app\n\n## Task 1: Sign in\n\n${steps}\n\n## Task 2: Deploy\n\n${steps}\n`).type, 'lab');
      assert.equal(
        type('# Check yourself\n\n### Q1: What is a loop?\n\nA.\n\n### Q2: What is a list?\n\nB.\n\n### Q3: Why indent?\n\nC.\n').type,
        'assessment',
      );
      assert.equal(type('# Loops\n\nA loop repeats. Here is how.\n\n1. Open the file.\n2. Run it.\n').type, 'lesson');
    });

    it('a page that opens with the task it sets is an assignment; an objective worded as a task is not that task', () => {
      assert.equal(type('# Word counter\n\nWrite a program that counts the words in a file.\n').type, 'assignment');
      const objectives = [
        '# Giving pre-application advice',
        '',
        '## Learning objectives',
        '',
        '- Write a response that separates policy from opinion.',
        '- Explain what the advice commits us to.',
        '',
        '## Why we give advice',
        '',
        'Advice before an application saves everyone a refusal.',
      ].join('\n');
      assert.equal(type(objectives).type, 'lesson');
      const leadIn = '# Notes\n\nBy the end of this lesson you will be able to:\n\n- Write a report that a panel can follow.\n';
      assert.equal(type(leadIn).type, 'lesson');
    });

    it('is a lesson by default', () => {
      assert.deepEqual(type('# Loops\n\nA loop repeats.\n', { path: 'course/loops.md' }), {
        type: 'lesson',
        source: 'default',
        reason: 'a lesson unless something says otherwise',
      });
    });
  });
});
