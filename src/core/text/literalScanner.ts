/**
 * Which of many strings occur in a text, in one pass over it (an Aho–Corasick automaton, its
 * transitions tabled for every character the strings use). Strings and text are compared code unit
 * by code unit, except that each run of whitespace (`\s`) is read as one space, in the strings and
 * in the text.
 */
export class LiteralScanner {
  /** Each UTF-16 code unit's column in {@link next}; 0 for one no string has. */
  private readonly columns = new Uint16Array(0x10000);
  private readonly width: number;
  /** Two bytes a transition while the states fit: a table half the size stays in the processor's cache. */
  private readonly next: Uint16Array | Int32Array;
  /** 1 for a state at which a string ends. */
  private readonly ends: Uint8Array;
  /** The ids of the strings that end at each state, its suffixes' included: `endIds[endFrom[state]…endFrom[state + 1]]`. */
  private readonly endFrom: Int32Array;
  private readonly endIds: Int32Array;

  /** `strings[i]` is found as id `ids[i]`; several strings may share an id. */
  constructor(given: readonly string[], ids: readonly number[]) {
    const strings = given.map((text) => text.replace(WHITESPACE_RUN, ' '));
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
      ends[state].push(ids[which]);
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
    this.endIds = Int32Array.from(ends.flat());
  }

  /** The ids of the strings that occur in `text`. */
  found(text: string): Set<number> {
    const found = new Set<number>();
    const { columns, next, ends, endFrom, endIds, width } = this;
    let state = 0;
    for (let index = 0; index < text.length; index++) {
      state = next[state * width + columns[text.charCodeAt(index)]];
      if (ends[state] === 1) for (let end = endFrom[state]; end < endFrom[state + 1]; end++) found.add(endIds[end]);
    }
    return found;
  }
}

const SPACE = 0x20;
const WHITESPACE_RUN = /\s+/g;

/** 1 for each UTF-16 code unit that `\s` matches (ECMAScript's WhiteSpace and LineTerminator). */
const WHITESPACE = new Uint8Array(0x10000);
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) WHITESPACE[code] = 1;
for (let code = 0x2000; code <= 0x200a; code++) WHITESPACE[code] = 1;
