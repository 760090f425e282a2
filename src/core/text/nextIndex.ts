/** The next occurrence of a string at or after an offset, for offsets asked in increasing order: each occurrence is searched for once. */
export class NextIndex {
  private found = -2;

  constructor(
    private readonly text: string,
    private readonly search: string,
  ) {}

  from(offset: number): number {
    if (this.found === -1 || (this.found >= offset && this.found !== -2)) return this.found;
    this.found = this.text.indexOf(this.search, offset);
    return this.found;
  }
}

/** The next character of a set at or after an offset, for offsets asked in increasing order. */
export class NextIndexOfAny {
  private found = -2;

  constructor(
    private readonly text: string,
    private readonly characters: string,
  ) {}

  from(offset: number): number {
    if (this.found === -1 || (this.found >= offset && this.found !== -2)) return this.found;
    let at = offset;
    while (at < this.text.length && !this.characters.includes(this.text[at])) at++;
    this.found = at < this.text.length ? at : -1;
    return this.found;
  }
}
