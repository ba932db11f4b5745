import { stemmer } from 'stemmer';

// Words that say nothing about why a customer writes: function words, greetings and sign-offs.
const stopWords = new Set(
  `a about above after again all am an and any are as at be been being but by could did do does doing for from
  had has have having he her here hers him his i if in into is it its itself just me my myself no nor not of
  off on once only or our ours ourselves she should so some such than that the their theirs them then there these
  they this those to too very was we were what when where which while who whom why will with would you your yours
  yourself hi hello hey dear team thanks thank cheers regards best kind sincerely greetings please pls thx ok okay
  also still already just really again yet would could can get got us let know s t m d ll ve re`.split(/\s+/),
);

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const isAsciiWordCharacter = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
const DIGITS_ONLY = /^\p{N}+$/u;
/** The word's stem, or null for a word that says nothing (a stop word, a bare number). */
export function stemOf(word: string): string | null {
  return stopWords.has(word) || DIGITS_ONLY.test(word) ? null : stemmer(word);
}

/** Calls visit with each word of the text, in lower case, in order: a plain character loop, as an import reads every ticket through it. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    const inWord = code < 128 ? isAsciiWordCharacter(code) : WORD_CHARACTER.test(lower[i]!);
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(lower.slice(start, i));
      start = -1;
    }
  }
}

/** The separator of a pair of stems in a feature's name. */
export const PAIR_SEPARATOR = ' ';

/**
 * What a text is learned by: the stems of its words (Porter stemmer, stop words and bare numbers left
 * out) and each pair of neighbouring stems, once each — so "credit card" and "credit note" differ, and
 * a long text repeating a word does not outweigh a short one.
 */
export function textFeatures(text: string): Set<string> {
  const features = new Set<string>();
  let previous: string | null = null;
  forEachWord(text, (word) => {
    const stem = stemOf(word);
    if (stem === null) return;
    features.add(stem);
    if (previous !== null) features.add(`${previous}${PAIR_SEPARATOR}${stem}`);
    previous = stem;
  });
  return features;
}
