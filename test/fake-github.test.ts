import { getOctokit } from '@actions/github';
import { FakeGitHub } from './support/fake-github.ts';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(() => gh.stop());

const post = (path: string, body: unknown) => fetch(`${gh.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('a request that matches the OpenAPI description reaches its handler', async () => {
  gh.on('issues/create-comment', (req, params) => ({ status: 201, body: { id: 1, body: (req.body as { body: string }).body, issue: params.issue_number } }));
  const octokit = getOctokit('t0ken', { baseUrl: gh.url });
  const res = await octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 7, body: 'hello' });
  expect(res.status).toBe(201);
  expect(res.data).toMatchObject({ id: 1, body: 'hello', issue: '7' });
  expect(gh.violations).toEqual([]);
  expect(gh.requests.map((r) => r.operation?.operationId)).toEqual(['issues/create-comment']);
});

test('a body that does not match the schema is a violation', async () => {
  gh.on('issues/create-comment', () => ({ status: 201, body: {} }));
  const res = await post('/repos/o/r/issues/7/comments', { bodyy: 'typo' });
  expect(res.status).toBe(422);
  expect(gh.violations.join('\n')).toMatch(/issues\/create-comment.*body must have required property 'body'/);
});

test('a path parameter of the wrong type is a violation', async () => {
  gh.on('issues/create-comment', () => ({ status: 201, body: {} }));
  await post('/repos/o/r/issues/seven/comments', { body: 'x' });
  expect(gh.violations.join('\n')).toMatch(/"issue_number"="seven"/);
});

test('an unknown route, an unknown query parameter and a bad enum are violations', async () => {
  gh.on('issues/list-comments', () => ({ status: 200, body: [] }));
  gh.on('repos/list-releases', () => ({ status: 200, body: [] }));
  await fetch(`${gh.url}/repos/o/r/no-such-thing`);
  await fetch(`${gh.url}/repos/o/r/issues/1/comments?per_page=100&colour=red`);
  await post('/repos/o/r/releases', { tag_name: 'v1', make_latest: 'sometimes' });
  const all = gh.violations.join('\n');
  expect(all).toMatch(/no-such-thing: no such operation/);
  expect(all).toMatch(/unknown query parameter "colour"/);
  expect(all).toMatch(/repos\/create-release.*make_latest/);
  expect(gh.violations).toHaveLength(3);
});

test('a valid request with no registered handler is a violation too', async () => {
  const res = await fetch(`${gh.url}/repos/o/r/releases/latest`);
  expect(res.status).toBe(404);
  expect(gh.violations.join('\n')).toMatch(/repos\/get-latest-release.*no handler/);
});
