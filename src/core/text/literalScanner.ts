/**
 * At the start or end of a string to find, a word's edge: the text holds no letter on that side of
 * the string (or ends there). Elsewhere in a string it says nothing.
 */
export const WORD_EDGE = '\uE000';

/**
 * Which of many strings occur in a text, in one pass over it (an Aho–Corasick automaton, its
 * transitions tabled for every character the strings use). Strings and text are compared code unit
 * by code unit, except that each run of whitespace (`\s`) is read as one space, in the strings and
 * in the text, and a {@link WORD_EDGE} at a string's start or end is looked at where it is found.
 */
export class LiteralScanner {
  /** Each UTF-16 code unit's column in {@link next}; 0 for one no string has. */
  private readonly columns = new Uint16Array(0x10000);
  private readonly width: number;
  /** Two bytes a transition while the states fit: a table half the size stays in the processor's cache. */
  private readonly next: Uint16Array | Int32Array;
  /** 1 for a state at which a string ends. */
  private readonly ends: Uint8Array;
  /** The strings that end at each state, its suffixes' included: `endStrings[endFrom[state]…endFrom[state + 1]]`. */
  private readonly endFrom: Int32Array;
  private readonly endStrings: Int32Array;
  private readonly ids: Int32Array;
  /** Each string's word edges to check where it is found: {@link LEFT_EDGE} and {@link RIGHT_EDGE}. */
  private readonly edges: Uint8Array;
  private readonly strings: readonly string[];

  /** `strings[i]` is found as id `ids[i]`; several strings may share an id. */
  constructor(given: readonly string[], ids: readonly number[]) {
    this.edges = Uint8Array.from(given, edgesOf);
    const strings = given.map((text) => text.replaceAll(WORD_EDGE, '').replace(WHITESPACE_RUN, ' '));
    this.strings = strings;
    this.ids = Int32Array.from(ids);
    let width = 1;
    for (const text of strings)
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (this.columns[code] === 0) this.columns[code] = width++;
      }
    this.width = width;
    const space = this.columns[SPACE];
    if (space !== 0) for (let code = 0; code < 0x10000; code++) if (WHITESPACE[code] === 1) this.columns[code] = space;

    const children: Array<Map<number, number>> = [new Map()];
    const ends: number[][] = [[]];
    const afterSpace: number[] = [];
    strings.forEach((text, which) => {
      if (text === '') throw new Error('LiteralScanner: an empty string occurs in every text');
      let state = 0;
      for (let index = 0; index < text.length; index++) {
        const column = this.columns[text.charCodeAt(index)];
        let child = children[state].get(column);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          ends.push([]);
          children[state].set(column, child);
          if (column === space) afterSpace.push(child);
        }
        state = child;
      }
      ends[state].push(which);
      if (text.startsWith(' ')) this.edges[which] &= ~LEFT_EDGE;
      if (text.endsWith(' ')) this.edges[which] &= ~RIGHT_EDGE;
    });

    // Breadth first, so that each state's longest proper suffix in the trie is complete before it.
    const next = new Int32Array(children.length * width);
    const suffix = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [column, child] of children[0]) {
      next[column] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      const fallback = suffix[state];
      if (ends[fallback].length > 0) ends[state] = [...new Set([...ends[state], ...ends[fallback]])];
      const row = state * width;
      const fallbackRow = fallback * width;
      for (let column = 0; column < width; column++) {
        const child = children[state].get(column);
        if (child === undefined) {
          next[row + column] = next[fallbackRow + column];
        } else {
          next[row + column] = child;
          suffix[child] = next[fallbackRow + column];
          queue.push(child);
        }
      }
    }
    // A space after a space leaves the automaton where it was: a run of whitespace is one space.
    for (const state of afterSpace) next[state * width + space] = state;
    this.next = children.length <= 0x10000 ? Uint16Array.from(next) : next;
    this.ends = Uint8Array.from(ends, (found) => (found.length > 0 ? 1 : 0));
    this.endFrom = new Int32Array(ends.length + 1);
    ends.forEach((found, state) => (this.endFrom[state + 1] = this.endFrom[state] + found.length));
    this.endStrings = Int32Array.from(ends.flat());
  }

  /** The ids of the strings that occur in `text`. */
  found(text: string): Set<number> {
    const found = new Set<number>();
    const { columns, next, ends, endFrom, endStrings, ids, edges, width } = this;
    let state = 0;
    for (let index = 0; index < text.length; index++) {
      state = next[state * width + columns[text.charCodeAt(index)]];
      if (ends[state] === 1)
        for (let end = endFrom[state]; end < endFrom[state + 1]; end++) {
          const string = endStrings[end];
          if (edges[string] === 0 || this.edgesHold(text, index, string)) found.add(ids[string]);
        }
    }
    return found;
  }

  /** Whether the text has no letter at the word edges of the string found ending at `last`. */
  private edgesHold(text: string, last: number, string: number): boolean {
    const letters = letterTable();
    const edges = this.edges[string];
    if (edges & RIGHT_EDGE && last + 1 < text.length && letters[text.charCodeAt(last + 1)] === 1) return false;
    if (edges & LEFT_EDGE) {
      const core = this.strings[string];
      let at = last;
      for (let index = core.length - 1; index >= 0; index--) {
        if (core.charCodeAt(index) !== SPACE) at--;
        else while (at >= 0 && WHITESPACE[text.charCodeAt(at)] === 1) at--;
      }
      if (at >= 0 && letters[text.charCodeAt(at)] === 1) return false;
    }
    return true;
  }
}

const LEFT_EDGE = 1;
const RIGHT_EDGE = 2;

function edgesOf(text: string): number {
  return (text.startsWith(WORD_EDGE) ? LEFT_EDGE : 0) | (text.endsWith(WORD_EDGE) ? RIGHT_EDGE : 0);
}

/** 1 for each UTF-16 code unit that `\p{L}` matches alone (a surrogate does not). */
let letters: Uint8Array | undefined;

function letterTable(): Uint8Array {
  if (letters) return letters;
  letters = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  for (let code = 0; code < 0x10000; code++) if (letter.test(String.fromCharCode(code))) letters[code] = 1;
  return letters;
}

const SPACE = 0x20;
const WHITESPACE_RUN = /\s+/g;

/** 1 for each UTF-16 code unit that `\s` matches (ECMAScript's WhiteSpace and LineTerminator). */
const WHITESPACE = new Uint8Array(0x10000);
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) WHITESPACE[code] = 1;
for (let code = 0x2000; code <= 0x200a; code++) WHITESPACE[code] = 1;
