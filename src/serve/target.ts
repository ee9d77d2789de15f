// The request target as the HTTP parser hands it over, read without trusting it: `//`, `http://[` and
// a bad percent-escape are a client's mistakes, answered 400 or 404, never an exception that reaches
// the process.
import { RequestError } from '../engine/serving/request-table.ts';

/** The path of a request target: origin form (/a/b?q) or absolute form (http://host/a/b?q). */
export function targetPath(target: string | undefined): string {
  const raw = target ?? '/';
  let p: string;
  if (raw.startsWith('/')) p = raw;
  else if (raw === '*') throw new RequestError(400, 'the target * is only for OPTIONS, which this server does not take');
  else {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new RequestError(400, `the request target ${JSON.stringify(raw.slice(0, 100))} is not a path or an absolute URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RequestError(400, `the request target ${JSON.stringify(raw.slice(0, 100))} is not an http URL`);
    p = url.pathname;
  }
  const q = p.search(/[?#]/);
  return q < 0 ? p : p.slice(0, q);
}

/** A path segment decoded, or a 400 for a bad escape (`%E0%A4%A`). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RequestError(400, `the path segment ${JSON.stringify(segment.slice(0, 100))} has a bad percent-escape`);
  }
}
