// Types for the tests that import synthetic.mjs.
/** LetterRecognition's shape: 20,000 rows, 16 integer features 0..15, 26 classes (seeded); resolves to the file. */
export function letterCsv(file: string): Promise<string>;
