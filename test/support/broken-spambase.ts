// A copy of Spambase with one of each problem the issue lists, at known lines. It also has a BOM,
// CRLF line ends and a quoted newline (which pushes every later physical line down by one).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './run-action.ts';

/** Physical line of each planted problem in the broken copy. */
export const PLANTED = {
  ragged: 100,
  forty: 200,
  newCategory: 300,
  missingLabel: 400,
  latin1: 500,
  hostile: 600,
  quotedNewline: 700,
  /** After the quoted newline, the file's line numbers are one more than the source row's. */
  fortyAfterNewline: 801,
} as const;

export const HOSTILE_LABEL = '| <img src=x> @org/team <!-- mlops -->';

export function brokenSpambase(): Buffer {
  const lines = readFileSync(path.join(REPO_ROOT, 'data/spambase.csv'), 'utf8').trimEnd().split('\n');
  const setField = (line: number, field: number, value: string) => {
    const cells = lines[line - 1]!.split(',');
    cells[field] = value;
    lines[line - 1] = cells.join(',');
  };
  const last = 57;
  lines[PLANTED.ragged - 1] = lines[PLANTED.ragged - 1]!.split(',').slice(0, 55).join(',');
  setField(PLANTED.forty, 0, 'forty');
  setField(PLANTED.newCategory, last, '"phishing"');
  setField(PLANTED.missingLabel, last, '');
  setField(PLANTED.latin1, last, 'LATIN1');
  setField(PLANTED.hostile, last, `"${HOSTILE_LABEL}"`);
  setField(PLANTED.quotedNewline, last, '"spam\r\nor not"');
  // Source line 800 is physical line 801 once the quoted newline is in.
  setField(800, 1, 'forty');
  const text = `\ufeff${lines.join('\r\n')}\r\n`;
  const [before, after] = text.split('LATIN1');
  return Buffer.concat([Buffer.from(before!, 'utf8'), Buffer.from('spam\xe9', 'latin1'), Buffer.from(after!, 'utf8')]);
}
