// The terminal gets plain text: the job summary's Markdown with its HTML entities decoded and <code>
// tags turned into backticks. Decoding is safe there: escapeMarkdown has already replaced every
// control character, so no escape sequence can come back, and a terminal renders no HTML.

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Markdown for a job summary → text for a terminal, in one pass (so "&amp;#64;" stays "&#64;"). */
export function toTerminal(markdown: string): string {
  return markdown.replace(/&(#\d{1,7}|lt|gt|amp|quot);|<\/?code>/g, (match, entity: string | undefined) => {
    if (entity === undefined) return '`';
    if (entity.startsWith('#')) {
      const code = Number(entity.slice(1));
      return code >= 0x20 && code <= 0x10ffff && !(code >= 0x7f && code <= 0x9f) ? String.fromCodePoint(code) : match;
    }
    return NAMED[entity] ?? match;
  });
}
