import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { frontMatterValueRange, type FrontMatter } from '../document/frontMatter';
import type { LessonDocument } from '../document/model';
import { wordCount } from '../prose';
import { parseDuration } from './duration';
import { findPractice } from './lessonParts';
import { PRACTICE } from './vocabulary';
import type { OffsetRange } from '../types/range';

export interface Declared {
  minutes: number;
  /** Where the duration is written, for the finding. */
  range: OffsetRange;
  /** How the lesson declares it, for the message. */
  label: string;
  /** Exercise minutes declared apart from teaching (The Carpentries), used instead of counting practice items. */
  exercises: number | undefined;
}

export interface Pace {
  /** Reading speed for instructional text, in words a minute. */
  wordsPerMinute: number;
  /** Minutes counted for each practice item. */
  minutesPerActivity: number;
}

export const DEFAULT_PACE: Pace = { wordsPerMinute: 200, minutesPerActivity: 5 };

/**
 * How long the lesson takes: its prose words at a reading speed, plus time for each practice item
 * (or the exercise minutes the front matter declares). Code is not counted, so it errs short.
 */
export function estimatedMinutes(
  doc: LessonDocument,
  pace: Pace,
  declaredExercises?: number,
): { words: number; activities: number; minutes: number } {
  const words = doc.prose.reduce((sum, block) => sum + wordCount(block), 0);
  const activities = declaredExercises ?? findPractice(doc, PRACTICE).length * pace.minutesPerActivity;
  return { words, activities, minutes: words / pace.wordsPerMinute + activities };
}

/** The first duration the front matter declares, in the order of the dialects' precedence. */
export function declaredDuration(frontMatter: FrontMatter): Declared | undefined {
  const data = frontMatter.data;
  if (!data) return undefined;
  const duration = parseDuration(data.duration);
  const durationRange = frontMatterValueRange(frontMatter, 'duration');
  if (duration !== undefined && durationRange)
    return { minutes: duration, range: durationRange, label: '`duration`', exercises: undefined };

  const teaching = parseDuration(data.teaching);
  const exercises = parseDuration(data.exercises);
  if (teaching !== undefined || exercises !== undefined) {
    const key = teaching !== undefined ? 'teaching' : 'exercises';
    const range = frontMatterValueRange(frontMatter, key);
    const label = teaching !== undefined && exercises !== undefined ? '`teaching` + `exercises`' : `\`${key}\``;
    if (range) return { minutes: (teaching ?? 0) + (exercises ?? 0), range, label, exercises };
  }

  const minutes = parseDuration(data.minutes);
  const minutesRange = frontMatterValueRange(frontMatter, 'minutes');
  if (minutes !== undefined && minutesRange) return { minutes, range: minutesRange, label: '`minutes`', exercises: undefined };

  const lab = nestedValue(frontMatter, 'lab', 'duration');
  const labMinutes = parseDuration(lab?.value);
  if (lab && labMinutes !== undefined) return { minutes: labMinutes, range: lab.range, label: '`lab.duration`', exercises: undefined };
  return undefined;
}

function nestedValue(frontMatter: FrontMatter, key: string, child: string): { value: unknown; range: OffsetRange } | undefined {
  const contents = frontMatter.document.contents;
  if (!isMap(contents)) return undefined;
  const parent = contents.get(key, true) as YamlNode | undefined;
  if (!isMap(parent)) return undefined;
  const node = parent.get(child, true) as YamlNode | undefined;
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  return { value: node.value, range: { start: frontMatter.content.start + start, end: frontMatter.content.start + end } };
}
