// The GitHub adapters' failures at the HTTP level, with nock: a secondary rate limit waited out by its
// retry-after, a 502 retried, and an upload that hangs abandoned instead of holding the job until its
// timeout. (The end-to-end tests use the contract-checked fake GitHub; these need exact answers and
// stalls that only an HTTP mock gives.)
import nock from 'nock';
import { octokitFor, requestTimeoutMs, withDeadline } from '../src/adapters/github.ts';
import { githubRegistry } from '../src/adapters/github-registry.ts';

const API = 'https://api.github.com';
let warnings: string[];
const io = { warning: (m: string) => void warnings.push(m), info: () => {} };

beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
// nock patches node's http and fetch for the whole worker process; the next test file in the same
// worker (a raw-socket server test) must get them back untouched.
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});
beforeEach(() => {
  warnings = [];
  delete process.env.GITHUB_API_URL;
});
afterEach(() => nock.cleanAll());

/** An answer that comes only after 5 s: GitHub gone quiet mid-request. */
const stall = (status: number, body: unknown) => () => new Promise<[number, unknown]>((resolve) => setTimeout(() => resolve([status, body]), 5_000).unref());

const release = (version: number) => ({ id: version, tag_name: `spam-v${version}`, draft: false, html_url: `https://github.com/o/r/releases/tag/spam-v${version}`, upload_url: `https://uploads.github.com/repos/o/r/releases/${version}/assets{?name,label}`, assets: [], body: '' });

test('a secondary rate limit is waited out for its retry-after, then the call succeeds', async () => {
  const scope = nock(API)
    .get('/repos/o/r/releases')
    .query(true)
    .reply(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' })
    .get('/repos/o/r/releases')
    .query(true)
    .reply(200, [release(1)]);
  const registry = githubRegistry(await octokitFor('t0ken', io, { fetch: globalThis.fetch }), 'o', 'r', io);
  const started = Date.now();
  expect((await registry.versions('spam')).map((v) => v.version)).toEqual([1]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  expect(warnings).toContain('GitHub secondary rate limit: retrying after 1 s');
  expect(scope.isDone()).toBe(true);
});

test('a 502 is retried; a 404 is not', async () => {
  const scope = nock(API).get('/repos/o/r/releases').query(true).reply(502, 'Bad Gateway').get('/repos/o/r/releases').query(true).reply(200, []);
  const octokit = await octokitFor('t0ken', io, { fetch: globalThis.fetch });
  expect(await githubRegistry(octokit, 'o', 'r', io).versions('spam')).toEqual([]);
  expect(scope.isDone()).toBe(true);
  nock(API).get('/repos/o/r/releases/9').reply(404, { message: 'Not Found' });
  await expect(octokit.rest.repos.getRelease({ owner: 'o', repo: 'r', release_id: 9 })).rejects.toMatchObject({ status: 404 });
  expect(nock.pendingMocks()).toEqual([]);
});

test('an upload that stalls is abandoned at its deadline and retried, never waited on for ever', async () => {
  // The first attempt's answer never comes in time; the retry's does.
  const scope = nock('https://uploads.github.com')
    .post('/repos/o/r/releases/1/assets')
    .query({ name: 'model.json.gz' })
    .reply(stall(201, { id: 7, name: 'model.json.gz', state: 'uploaded' }))
    .post('/repos/o/r/releases/1/assets')
    .query({ name: 'model.json.gz' })
    .reply(201, { id: 8, name: 'model.json.gz', state: 'uploaded' });
  const octokit = await octokitFor('t0ken', io, { fetch: globalThis.fetch, timeoutMs: 300 });
  const started = Date.now();
  const answer = await octokit.rest.repos.uploadReleaseAsset({ owner: 'o', repo: 'r', release_id: 1, name: 'model.json.gz', data: Buffer.from('gz') as unknown as string, baseUrl: 'https://uploads.github.com', headers: { 'content-type': 'application/octet-stream', 'content-length': 2 } });
  expect(answer.data).toMatchObject({ id: 8 });
  // One deadline (0.3 s) and one retry's wait (1 s), not the 5 s stall.
  expect(Date.now() - started).toBeLessThan(4_000);
  expect(scope.isDone()).toBe(true);
});

test('with no retries left, a stalled request fails with an error instead of hanging', async () => {
  nock(API).get('/repos/o/r/releases').query(true).reply(stall(200, []));
  const octokit = await octokitFor('t0ken', io, { fetch: globalThis.fetch, timeoutMs: 200, retries: 0 });
  const started = Date.now();
  await expect(githubRegistry(octokit, 'o', 'r', io).versions('spam')).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(2_000);
});

test('the deadline grows with the body: a minute, and a second a 100 KB', async () => {
  expect(requestTimeoutMs(0)).toBe(60_000);
  expect(requestTimeoutMs(50 * 1024 ** 2)).toBe(60_000 + 525_000);
  let seen: AbortSignal | null | undefined;
  await withDeadline(async (_u, init) => {
    seen = init?.signal;
    return new Response('');
  })('https://example.invalid/', { body: 'x' });
  expect(seen).toBeInstanceOf(AbortSignal);
  expect(seen?.aborted).toBe(false);
});
