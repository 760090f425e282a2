const SPACE = /\s/;

/** The text up to the end of its `limit`th whitespace-separated word (all of it when shorter), and how many words that is. */
export function openingWords(text: string, limit: number): { text: string; words: number } {
  let words = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const space = SPACE.test(text[at]);
    if (!space && !inWord && ++words > limit) return { text: text.slice(0, at), words: limit };
    inWord = !space;
  }
  return { text, words };
}

/** How many whitespace-separated words the text has. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
