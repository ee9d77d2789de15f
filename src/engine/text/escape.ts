// Everything that comes from data or config passes through here before it reaches Markdown, an
// annotation or a log line. Data can hold anything: `<img src=x>`, `@org/team`, `|`, a fake
// `<!-- marker -->`, newlines that would start a workflow command (`::set-output`) in the log.

const MARKDOWN_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '#': '&#35;',
  '!': '&#33;',
  '~': '&#126;',
  // An entity for @ renders as @ but GitHub does not turn it into a mention.
  '@': '&#64;',
  ':': '&#58;',
};

const MARKDOWN_SPECIAL = /[&<>"'|\\`*_[\]()#!~@:]/g;
// C0 and C1 controls (tabs and newlines included), line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Shortens a string to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/**
 * Escapes text for a Markdown table cell or paragraph: it renders as the literal characters, on one
 * line, and cannot open HTML, a link, emphasis, a mention or a comment.
 */
export function escapeMarkdown(text: string, max = 120): string {
  const flat = truncate(text, max).replace(CONTROL, ' ');
  return flat.replace(MARKDOWN_SPECIAL, (ch) => MARKDOWN_ENTITIES[ch] ?? ch);
}

/**
 * Quotes a value for a one-line message (logs, annotations, errors): JSON quoting makes newlines and
 * control characters visible as escapes, so a value can never start a line of its own.
 */
export function quoteValue(value: string, max = 60): string {
  return JSON.stringify(truncate(value, max)).replace(/[\u2028\u2029]/g, ' ');
}
