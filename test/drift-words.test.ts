// A text column's vocabulary in the model package: only words found in at least 20 training rows are
// named (a rarer word, which may identify a person, stays a hashed bucket), and drift is told by them.
import { frequentWords, MIN_WORD_ROWS } from '../src/engine/model/profile.ts';
import { columnInputs, tableSide } from '../src/engine/drift/columns.ts';
import { columnDrift } from '../src/engine/drift/detect.ts';
import type { Table } from '../src/engine/data/table.ts';

const textColumn = (texts: string[]): Table => {
  const levels = [...new Set(texts)];
  return { columns: [{ name: 't', kind: 'categorical', type: 'text', levels, codes: Int32Array.from(texts, (t) => levels.indexOf(t)) }], rowCount: texts.length, files: ['x.csv'], fileIndex: new Uint16Array(texts.length), line: new Uint32Array(texts.length), issues: [], issueCounts: {} };
};

test(`a word is named from ${MIN_WORD_ROWS} rows on, never below`, () => {
  const texts = [...Array(MIN_WORD_ROWS).fill('refund please'), ...Array(MIN_WORD_ROWS - 1).fill('call ramanathan now'), 'ramanathan ramanathan'];
  const levels = [...new Set(texts)];
  const rows = levels.map((l) => texts.filter((t) => t === l).length);
  const words = frequentWords(levels, rows);
  // "call" and "now" are in 19 rows: not named. "ramanathan" is in 20 (one of them says it twice).
  expect(Object.keys(words).sort()).toEqual(['please', 'ramanathan', 'refund']);
  // Without that row, 19 rows and 19 + 0 occurrences: not named, although it occurs 19 times.
  const fewer = frequentWords(levels.slice(0, 2), rows.slice(0, 2));
  expect(Object.keys(fewer).sort()).toEqual(['please', 'refund']);
});

test('drift of a text column names the words that rose and fell, with the reference\'s vocabulary', () => {
  const ref = textColumn([...Array(60).fill('please visit the bank website'), ...Array(40).fill('your parcel is late')]);
  const cur = textColumn([...Array(60).fill('please pay by upi now'), ...Array(40).fill('your parcel is late')]);
  const side = tableSide(ref.columns[0]!, 'text');
  expect([...(side.vocabulary ?? [])].sort()).toEqual(['bank', 'is', 'late', 'parcel', 'please', 'the', 'visit', 'website', 'your']);
  const [input] = columnInputs([{ name: 't', kind: 'text', side }], cur);
  const drift = columnDrift(input!, { stattest: undefined, threshold: undefined, columns: {}, share: 0.5, weighted: false } as never);
  expect(drift.drifted).toBe(true);
  // "upi" is not in the reference's vocabulary: it rose inside a bucket, and is not named.
  expect(drift.words!.rose).toEqual([]);
  expect(drift.words!.fell.map(([w]) => w).slice(0, 4).sort()).toEqual(['bank', 'the', 'visit', 'website']);
  expect(drift.bins.labels.some((l) => l.startsWith('#'))).toBe(true);
});
