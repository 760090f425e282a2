/**
 * Generated lessons for the queue benchmarks: realistic front matter (a quarter approved, with
 * fingerprints), 500–3,000-word bodies of workplace words, a claim in about one paragraph in a hundred.
 */
import { lessonFingerprint } from '../src/core';

/** Deterministic, so that every run indexes the same lessons. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a an of to and in that it for you with as on is be are this your can will when each step caller customer team report policy refund ' +
  'record system check answer question example practice learner lesson module skill task review approve process data value table chart ' +
  'explain describe compare choose apply write list open close save share send call email note time day week first next then before after ' +
  'because while during without within under over between simple clear short useful careful quick early late new old common important ' +
  'account payment invoice order ticket queue escalation manager agent script greeting summary outcome goal feedback solution exercise ' +
  'number total average rate cost price balance notice change update request deadline meeting document template form field entry log'
).split(' ');
const VERBS = [
  'Explain',
  'Describe',
  'Apply',
  'Compare',
  'Identify',
  'Write',
  'Calculate',
  'Classify',
  'Demonstrate',
  'Evaluate',
  'Log',
  'Resolve',
];
const AUDIENCES = ['New contact-centre agents', 'Team leads', 'Finance clerks', 'Support engineers', 'Sales trainees', 'Warehouse staff'];
const REVIEWERS = ['Priya Patel', 'legal@example.com', 'Sam Okafor <sam@example.com>', 'Ana Lima', 'marketing@example.com', 'Wei Chen'];
const CLAIMS = [
  'This method is 40% faster than the old one.',
  'Studies show that agents who follow the script resolve more calls.',
  'It is always the best choice.',
];

export interface Generated {
  name: string;
  text: string;
  approved: boolean;
}

/**
 * One generated lesson, the same for the same index. With `triggeredRecords: false` no lesson has a
 * legal or marketing record, so the queue must check every lesson's claims.
 */
export function generateLesson(index: number, { triggeredRecords = true } = {}): Generated {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 13));
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const date = (from: number, span: number) => {
    const day = new Date(Date.UTC(2026, 9, 1 + from + Math.floor(next() * span)));
    return day.toISOString().slice(0, 10);
  };

  const topic = words(2 + Math.floor(next() * 3));
  const title = `${topic[0].toUpperCase()}${topic.slice(1)}`;
  const titleLine = next() < 0.1 ? `title: "${title}: the basics"` : next() < 0.1 ? `title: '${title}, "in practice"'` : `title: ${title}`;
  const frontMatter = [titleLine, `audience: ${pick(AUDIENCES)}`, `duration: ${5 + Math.floor(next() * 50)} min`, 'objectives:'];
  const objectives = 2 + Math.floor(next() * 3);
  for (let i = 0; i < objectives; i++) frontMatter.push(`  - ${pick(VERBS)} ${words(4 + Math.floor(next() * 6))}`);
  if (next() < 0.3) frontMatter.push('keypoints:', ...Array.from({ length: 3 }, () => `  - ${sentence()}`));
  if (next() < 0.5) frontMatter.push(`tags: [${words(3).split(' ').join(', ')}]   # for the course menu`);

  const body: string[] = [`# ${title}`, '', sentence() + ' ' + sentence(), ''];
  const target = 500 + Math.floor(next() * 2500);
  let count = 0;
  for (let section = 1; count < target; section++) {
    body.push(`## ${words(2 + Math.floor(next() * 3))}`, '');
    const paragraphs = 2 + Math.floor(next() * 4);
    for (let p = 0; p < paragraphs && count < target; p++) {
      const sentences = Array.from({ length: 3 + Math.floor(next() * 4) }, sentence);
      if (next() < 0.01) sentences.push(pick(CLAIMS));
      const paragraph = sentences.join(' ');
      count += paragraph.split(' ').length;
      body.push(paragraph, '');
    }
    if (next() < 0.3) {
      for (let i = 0; i < 3; i++) body.push(`- ${sentence()}`);
      body.push('');
    }
  }
  const lesson = (review: string[]) => `---\n${[...frontMatter, ...review].join('\n')}\n---\n\n${body.join('\n')}`;

  const kind = next();
  const review: string[] = [];
  let approved = false;
  if (kind < 0.25) {
    approved = true;
    const fingerprint = lessonFingerprint(lesson([]));
    const stale = next() < 0.2 ? 'x' : '';
    review.push(
      'review:',
      '  sme:',
      '    status: approved',
      `    reviewer: ${pick(REVIEWERS)}`,
      `    requested: ${date(0, 20)}`,
      `    signed: ${date(25, 10)}`,
      `    fingerprint: ${fingerprint}`,
    );
    if (next() < 0.3 && triggeredRecords)
      review.push(
        '  legal:',
        '    status: waived',
        '    reviewer: legal@example.com',
        `    signed: ${date(25, 10)}`,
        '    note: No claims',
      );
    return { name: `lesson-${index}.md`, text: lesson(review) + stale, approved };
  }
  if (kind < 0.55) {
    const status = kind < 0.45 ? 'requested' : 'changes-requested';
    review.push(
      'review:',
      '  sme:',
      `    status: ${status}`,
      `    reviewer: ${pick(REVIEWERS)}`,
      `    requested: ${date(0, 40)}`,
      `    due: ${date(40, 30)}`,
    );
    if (status === 'changes-requested') review.push(`    signed: ${date(45, 10)}`, `    note: ${sentence()}`);
    if (next() < 0.3 && triggeredRecords)
      review.push('  legal:', '    status: requested', '    reviewer: legal@example.com', `    due: ${date(50, 30)}`);
  } else if (kind < 0.6) {
    review.push(
      'review:',
      '  sme:',
      '    status: waived',
      `    reviewer: ${pick(REVIEWERS)}`,
      `    signed: ${date(0, 40)}`,
      '    note: Reused from the 2025 course',
    );
  }
  return { name: `lesson-${index}.md`, text: lesson(review), approved };
}
