// One self-contained HTML page, as the site and the drift report write them: no script, font, image or
// request outside the file, and a Content-Security-Policy that says so to the browser. The one style
// sheet is allowed by its hash rather than by 'unsafe-inline', so a style smuggled in through data could
// not apply even if escaping failed; the pages therefore use classes, never style attributes.
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from data or releases as HTML text or an attribute value: it renders as the literal characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** A link's address from data: only http(s) and relative addresses, never javascript: or data:. */
export function safeHref(href: string): string | undefined {
  // Browsers drop blanks and controls inside a scheme ("java\tscript:") and read \ as /.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\\]/.test(href)) return undefined;
  if (/^https?:\/\//i.test(href)) return href;
  if (href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  return href;
}

export interface Page {
  title: string;
  css: string;
  body: string;
  /** The page's description, for the head. */
  description?: string;
}

export function cspFor(css: string): string {
  const hash = createHash('sha256').update(css).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
}

export function renderPage(page: Page): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${cspFor(page.css)}">
<meta name="referrer" content="no-referrer">
${page.description ? `<meta name="description" content="${escapeHtml(page.description)}">\n` : ''}<title>${escapeHtml(page.title)}</title>
<style>${page.css}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
