// drift-report's pull of a request log over HTTP from mlops serve (GET /admin/requests, log-pages.ts).
// Page after page, following the server's cursor; a page that fails on the way (a dropped connection,
// a body cut short, a 5xx) is asked for again with the same cursor, which names the same lines, so a
// resumed pull neither loses nor repeats one. The lines go into a file written whole.
import { UserError } from '../engine/errors.ts';
import { openAtomic } from '../engine/write-atomic.ts';
import type { LogPuller } from '../steps/log-pull-port.ts';

const ATTEMPTS = 5;
const PAGE_TIMEOUT_MS = 120_000;

class Retryable extends Error {}

export function httpLogPuller(fetchImpl: typeof fetch = fetch, pauseMs = 250): LogPuller {
  return {
    async pull(baseUrl, token, window, file, maxBytes) {
      const base = baseUrl.replace(/\/+$/, '');
      const first = new URLSearchParams();
      if (window.since !== undefined) first.set('since', new Date(window.since).toISOString());
      if (window.until !== undefined) first.set('until', new Date(window.until).toISOString());
      let url = `${base}/admin/requests${first.size ? `?${first}` : ''}`;
      const out = await openAtomic(file);
      let lines = 0;
      let pages = 0;
      let retries = 0;
      let bytes = 0;
      try {
        for (;;) {
          const page = await fetchPage(url);
          bytes += Buffer.byteLength(page.text);
          if (bytes > maxBytes) throw new UserError(`${base}: the request log of the window is over ${maxBytes.toLocaleString('en-US')} bytes; narrow the window (since, until) or lower serve's --log-sample`);
          await out.write(page.text);
          lines += page.lines;
          pages++;
          if (!page.next) break;
          url = `${base}/admin/requests?cursor=${encodeURIComponent(page.next)}`;
        }
        await out.commit();
      } catch (err) {
        await out.abort();
        throw err;
      }
      return { lines, pages, retries };

      async function fetchPage(at: string): Promise<{ text: string; lines: number; next: string | null }> {
        let last = '';
        for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
          try {
            return await once(at);
          } catch (err) {
            if (!(err instanceof Retryable) && err instanceof UserError) throw err;
            last = (err as Error).message;
            if (attempt < ATTEMPTS) {
              retries++;
              await new Promise((r) => setTimeout(r, pauseMs * 2 ** (attempt - 1)));
            }
          }
        }
        throw new UserError(`${base}/admin/requests did not answer whole after ${ATTEMPTS} tries (${last}); nothing was read`);
      }

      async function once(at: string): Promise<{ text: string; lines: number; next: string | null }> {
        let res: Response;
        try {
          res = await fetchImpl(at, { headers: { authorization: `Bearer ${token}`, accept: 'application/x-ndjson' }, signal: AbortSignal.timeout(PAGE_TIMEOUT_MS) });
        } catch (err) {
          throw new Retryable(`the connection failed: ${(err as Error).message}`);
        }
        if (res.status === 401) throw new UserError(`${base} refused the log token (401): give the token the server was started with in MLOPS_LOG_TOKEN (its own, not the admin token)`);
        if (res.status === 404) throw new UserError(`${base} has no GET /admin/requests (404): start mlops serve with --log and MLOPS_LOG_TOKEN set`);
        if (res.status >= 500 || res.status === 429) throw new Retryable(`HTTP ${res.status}`);
        let text: string;
        try {
          text = await res.text();
        } catch (err) {
          throw new Retryable(`the answer was cut off: ${(err as Error).message}`);
        }
        if (res.status !== 200) throw new UserError(`${base}/admin/requests answered ${res.status}: ${text.slice(0, 300)}`);
        const said = Number(res.headers.get('x-mlops-lines'));
        let count = 0;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
        // A body cut at a line's end looks whole to HTTP without a length: the count tells.
        if (!Number.isSafeInteger(said) || said !== count) throw new Retryable(`the page held ${count} lines, not the ${res.headers.get('x-mlops-lines') ?? '?'} the server sent`);
        return { text, lines: count, next: res.headers.get('x-mlops-next-cursor') };
      }
    },
  };
}
