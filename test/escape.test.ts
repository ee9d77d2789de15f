import { escapeMarkdown, quoteValue } from '../src/engine/text/escape.ts';

test('HTML, mentions, table pipes, comments and newlines are neutralised', () => {
  const hostile = '| <img src=x> @org/team <!-- mlops:marker -->\n::set-output name=x::1 [link](http://x) **b** `c`';
  const safe = escapeMarkdown(hostile, 500);
  expect(safe).not.toMatch(/[<>|@`\n*[\]]/);
  expect(safe).toContain('&lt;img src=x&gt;');
  expect(safe).toContain('&#64;org/team');
  expect(safe).toContain('&lt;&#33;-- mlops&#58;marker --&gt;');
  expect(safe.startsWith('&#124;')).toBe(true);
});

test('long values are cut with an ellipsis', () => {
  expect(escapeMarkdown('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
});

test('quoteValue keeps a value on one line', () => {
  expect(quoteValue('a\nb')).toBe('"a\\nb"');
  expect(quoteValue('forty')).toBe('"forty"');
  expect(quoteValue('a\u2028b')).toBe('"a b"');
});
