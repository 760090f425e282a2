import { parseRegExpLiteral } from '@eslint-community/regexpp';
import type { Alternative, Assertion, CharacterClass, CharacterSet, Element, Node as RegExpNode } from '@eslint-community/regexpp/ast';
import { foldCase } from './caseless';
import { WORD_EDGE } from './literalScanner';

/**
 * Strings one of which every match of a pattern contains, in its {@link factorText} form; undefined
 * when the pattern has none worth looking for (a match may be any digit, any word). Read from the
 * pattern's syntax: literal runs, small character classes and alternations of them, joined across
 * whitespace (`every\s+time` gives "every time") and zero-width assertions, cut to 12 characters.
 * Of the runs a match must contain, the one whose commonest string is likely rarest is kept (see
 * {@link rarity}): a pass over a paragraph for these strings rules out a pattern far more cheaply
 * than trying it.
 */
export function literalFactors(pattern: RegExp): string[] | undefined {
  let ast;
  try {
    ast = parseRegExpLiteral(new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
  } catch {
    return undefined;
  }
  const best = summarizeAlternatives(ast.pattern.alternatives, ast.flags.ignoreCase).best;
  // Any part of a factor is one too: shorter strings make a smaller automaton.
  return best && usable(best) ? unique(best.map((factor) => factor.slice(0, MAX_LENGTH))) : undefined;
}

/**
 * The text as {@link literalFactors} reads it: folded to lower case as {@link foldCase} does (so a
 * case-insensitive pattern's letters are found in either case) and each run of whitespace one
 * space. Undefined where the text cannot be folded so.
 */
export function factorText(text: string): string | undefined {
  return foldCase(text)?.replace(WHITESPACE_RUN, ' ');
}

const WHITESPACE_RUN = /\s+/g;
const WHITESPACE = /^\s$/;
const ASCII = /^[\0-\x7F]$/;
const LETTER = /^\p{L}$/u;

/** Past these, a set of strings stops being a literal and a class stops being expanded. */
const MAX_EXACT = 128;
const MAX_CLASS = 12;
const MAX_FACTORS = 1000;
const MAX_LENGTH = 12;

/**
 * What a piece of a pattern says of every text it matches: `exact`, the whole set of them when it
 * is small; `head` and `tail`, strings one of which each starts or ends with ([''] when nothing is
 * known); `best`, the strongest factor set found inside it.
 */
interface Summary {
  exact?: string[];
  head: string[];
  tail: string[];
  best?: string[];
}

const UNKNOWN: Summary = { head: [''], tail: [''] };
const EMPTY: Summary = { exact: [''], head: [''], tail: [''] };

function summarize(node: Element, ignoreCase: boolean): Summary {
  switch (node.type) {
    case 'Assertion':
      return sideHasNoLetter(node) ? literal([WORD_EDGE]) : EMPTY;
    case 'Character':
      return literal(characterText(node.value, ignoreCase));
    case 'CharacterSet':
      return literal(setChoices(node));
    case 'CharacterClass':
      return literal(classChoices(node, ignoreCase));
    case 'Group':
    case 'CapturingGroup':
      return summarizeAlternatives(node.alternatives, ignoreCase);
    case 'Quantifier':
      return quantified(summarize(node.element, ignoreCase), node.min, node.max);
    default:
      return UNKNOWN;
  }
}

function literal(choices: string[] | undefined): Summary {
  return choices ? { exact: choices, head: choices, tail: choices, best: choices } : UNKNOWN;
}

function quantified(element: Summary, min: number, max: number): Summary {
  if (max === 0) return EMPTY;
  // A run of whitespace is one space in the text read.
  if (element.exact?.length === 1 && element.exact[0] === ' ') return min > 0 ? literal([' ']) : { ...UNKNOWN, exact: ['', ' '] };
  if (min === 0) return max === 1 && element.exact ? { ...UNKNOWN, exact: unique([...element.exact, '']) } : UNKNOWN;
  if (min === max && element.exact) {
    let exact: string[] | undefined = [''];
    for (let count = 0; count < min && exact; count++) exact = joined(exact, element.exact);
    if (exact) return literal(exact);
  }
  // At least one match of the element: it starts and ends the text.
  return { head: element.exact ?? element.head, tail: element.exact ?? element.tail, best: element.exact ?? element.best };
}

function summarizeAlternatives(alternatives: readonly Alternative[], ignoreCase: boolean): Summary {
  const summaries = alternatives.map((alternative) => summarizeSequence(alternative, ignoreCase));
  if (summaries.length === 1) return summaries[0];
  const exacts = summaries.map((summary) => summary.exact);
  const exact = exacts.every((choices) => choices !== undefined) ? bounded(unique(exacts.flat()), MAX_EXACT) : undefined;
  const bests = summaries.map((summary) => summary.best);
  const best = bests.every((choices) => choices && usable(choices)) ? bounded(unique(bests.flat() as string[]), MAX_FACTORS) : undefined;
  return {
    ...(exact && { exact }),
    head: anyOf(summaries.map((summary) => summary.head)),
    tail: anyOf(summaries.map((summary) => summary.tail)),
    ...(best && { best }),
  };
}

function summarizeSequence(alternative: Alternative, ignoreCase: boolean): Summary {
  const candidates: string[][] = [];
  // The run of exact elements since the last inexact one, and each of them.
  let pieces: string[][] = [];
  let run: string[] = [''];
  let head: string[] | undefined;
  let sawInexact = false;
  const closeRun = () => {
    candidates.push(run);
    head ??= run;
    sawInexact = true;
  };
  for (const element of alternative.elements) {
    const summary = summarize(element, ignoreCase);
    if (summary.exact) {
      const longer = joined(run, summary.exact);
      if (longer) {
        run = longer;
        pieces.push(summary.exact);
        continue;
      }
      // Too many strings: the run so far is a factor, and the next starts from its last pieces that fit.
      closeRun();
      pieces.push(summary.exact);
      do {
        pieces = pieces.slice(1);
        run = pieces.reduce<string[] | undefined>((strings, piece) => strings && joined(strings, piece), ['']) ?? [''];
      } while (pieces.length > 1 && run.length === 1 && run[0] === '');
      continue;
    }
    const into = joinedShortened(run, summary.head) ?? run;
    candidates.push(into);
    head ??= into;
    if (summary.best) candidates.push(summary.best);
    pieces = [summary.tail];
    run = summary.tail;
    sawInexact = true;
  }
  candidates.push(run);
  if (!sawInexact) return literal(run);
  return { head: head ?? [''], tail: run, ...pick(candidates) };
}

function pick(candidates: string[][]): { best?: string[] } {
  let best: string[] | undefined;
  for (const candidate of candidates) if (usable(candidate) && (!best || stronger(candidate, best))) best = candidate;
  return best ? { best } : {};
}

/** Every string says something: none empty, only a space or only word edges. */
function usable(choices: readonly string[]): boolean {
  return choices.length > 0 && choices.every((choice) => choice.replaceAll(WORD_EDGE, '').trim() !== '');
}

/**
 * Whether a lookaround says that the character on its side is no letter: a negative one of which an
 * alternative is a class that holds every letter (`(?<![\p{L}\p{N}_-])`, `(?![\p{L}])`).
 */
function sideHasNoLetter(node: Assertion): boolean {
  if ((node.kind !== 'lookahead' && node.kind !== 'lookbehind') || !node.negate) return false;
  return node.alternatives.some(({ elements }) => elements.length === 1 && holdsEveryLetter(elements[0]));
}

function holdsEveryLetter(element: Element): boolean {
  if (element.type === 'CharacterSet') return isLetterProperty(element);
  if (element.type !== 'CharacterClass' || element.negate) return false;
  return (element.elements as readonly RegExpNode[]).some((inner) => inner.type === 'CharacterSet' && isLetterProperty(inner));
}

function isLetterProperty(set: CharacterSet): boolean {
  return set.kind === 'property' && !set.negate && set.key === 'General_Category' && (set.value === 'L' || set.value === 'Letter');
}

function stronger(a: readonly string[], b: readonly string[]): boolean {
  const weakA = weakest(a);
  const weakB = weakest(b);
  return weakA !== weakB ? weakA > weakB : a.length < b.length;
}

/**
 * How rare the commonest string of the set is likely to be: its characters (a digit counts twice,
 * a sign as `%` or `$` four times: prose has few), less for an everyday word, and more for each
 * word after the first (words together are far rarer than apart).
 */
function weakest(choices: readonly string[]): number {
  let known = weakestOf.get(choices);
  if (known === undefined) weakestOf.set(choices, (known = Math.min(...choices.map(rarity))));
  return known;
}

/** A set is compared with each candidate after it: its weakest string is read once. */
const weakestOf = new WeakMap<readonly string[], number>();

function rarity(choice: string): number {
  const words = choice.replaceAll(WORD_EDGE, '').trim().split(' ');
  const joins = words.filter((word, index) => index > 0 && word.length > 1 && words[index - 1].length > 1).length;
  let weight = 0;
  for (const char of choice) weight += char === ' ' ? 0 : char === WORD_EDGE || isLetter(char) ? 1 : char >= '0' && char <= '9' ? 2 : 4;
  return weight + 4 * joins - (words.length === 1 && EVERYDAY.has(words[0]) ? 3 : 0);
}

/** Most strings are ASCII: their letters are told without a Unicode property lookup. */
function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char > '\x7F' && LETTER.test(char));
}

const EVERYDAY = new Set([
  ...'a an and any all are as at be by can do for from has have in is it its more most'.split(' '),
  ...'no not of on one or our so the their them this to up we will with you your'.split(' '),
]);

/** Each of `left` followed by each of `right`, a run of spaces made one; undefined past {@link MAX_EXACT} strings. */
function joined(left: readonly string[], right: readonly string[]): string[] | undefined {
  if (left.length * right.length > MAX_EXACT * 4) return undefined;
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a.endsWith(' ') && b.startsWith(' ') ? a + b.slice(1) : a + b);
  return out.size <= MAX_EXACT ? [...out] : undefined;
}

/** `left` joined to the starts of `right`, as long as they can be without too many strings. */
function joinedShortened(left: readonly string[], right: readonly string[]): string[] | undefined {
  for (let length = Math.max(...right.map((text) => text.length)); length > 0; length--) {
    const joinedStrings = joined(left, unique(right.map((text) => text.slice(0, length))));
    if (joinedStrings) return joinedStrings;
  }
  return undefined;
}

/** Strings one of which each text starts (or ends) with: [''] as soon as one alternative knows nothing. */
function anyOf(sets: readonly string[][]): string[] {
  if (sets.some((choices) => choices.includes(''))) return [''];
  return bounded(unique(sets.flat()), MAX_EXACT) ?? [''];
}

function bounded(choices: string[], limit: number): string[] | undefined {
  return choices.length <= limit ? choices : undefined;
}

function unique(choices: string[]): string[] {
  return [...new Set(choices)];
}

/**
 * A case-insensitive pattern's non-ASCII letter is left unread: which letters it equates depends on
 * Unicode's case folding, which {@link foldCase} is only proven against for whole patterns.
 */
function characterText(codePoint: number, ignoreCase: boolean): string[] | undefined {
  const char = String.fromCodePoint(codePoint);
  if (WHITESPACE.test(char)) return [' '];
  if (ignoreCase && !ASCII.test(char) && LETTER.test(char)) return undefined;
  const folded = foldCase(char);
  return folded === undefined ? undefined : [folded];
}

function setChoices(node: CharacterSet): string[] | undefined {
  if (node.kind === 'any' || node.negate) return undefined;
  if (node.kind === 'space') return [' '];
  if (node.kind === 'digit') return [...'0123456789'];
  return undefined;
}

function classChoices(node: CharacterClass, ignoreCase: boolean): string[] | undefined {
  if (node.negate) return undefined;
  const out = new Set<string>();
  for (const element of node.elements as readonly RegExpNode[]) {
    let choices: string[] | undefined;
    if (element.type === 'Character') choices = characterText(element.value, ignoreCase);
    else if (element.type === 'CharacterSet') choices = setChoices(element);
    else if (element.type === 'CharacterClassRange' && element.max.value - element.min.value < MAX_CLASS) {
      choices = [];
      for (let code = element.min.value; code <= element.max.value && choices; code++) {
        const text = characterText(code, ignoreCase);
        choices = text && [...choices, ...text];
      }
    }
    if (!choices) return undefined;
    for (const choice of choices) out.add(choice);
    if (out.size > MAX_CLASS) return undefined;
  }
  return out.size > 0 ? [...out] : undefined;
}

/**
 * The pattern as several, one per alternative of its outermost alternation (at the top, or of the
 * one group that holds the rest of the pattern between assertions): together they match exactly
 * where it matches, and each has literal factors of its own, so that an alternative with common
 * words does not make the others be tried on every lesson. The pattern alone when it has none.
 */
export function alternativesOf(pattern: RegExp): RegExp[] {
  let ast;
  try {
    ast = parseRegExpLiteral(new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
  } catch {
    return [pattern];
  }
  const flags = pattern.flags.replace(/[gy]/g, '');
  const { alternatives } = ast.pattern;
  if (alternatives.length > 1) return alternatives.map((alternative) => new RegExp(alternative.raw, flags));
  const elements = alternatives[0].elements;
  const groups = elements.filter((element) => element.type !== 'Assertion');
  const group = groups[0];
  if (groups.length !== 1 || group.type !== 'Group' || group.alternatives.length < 2) return [pattern];
  const source = ast.pattern.raw;
  const before = source.slice(0, group.start - ast.pattern.start);
  const after = source.slice(group.end - ast.pattern.start);
  return group.alternatives.map((alternative) => new RegExp(`${before}(?:${alternative.raw})${after}`, flags));
}
