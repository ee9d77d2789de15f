import { getOctokit } from '@actions/github';
import { FakeGitHub } from './support/fake-github.ts';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(() => gh.stop());

const post = (path: string, body: unknown) => fetch(`${gh.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('a request that matches the OpenAPI description reaches its handler', async () => {
  gh.on('issues/create-comment', (req, params) => ({ status: 201, body: { ...gh.example('issues/create-comment', 201), id: 1, body: (req.body as { body: string }).body, issue_url: `https://api.github.com/repos/o/r/issues/${params.issue_number}` } }));
  const octokit = getOctokit('t0ken', { baseUrl: gh.url });
  const res = await octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 7, body: 'hello' });
  expect(res.status).toBe(201);
  expect(res.data).toMatchObject({ id: 1, body: 'hello', issue_url: 'https://api.github.com/repos/o/r/issues/7' });
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

test('the fake\'s own answers are checked: a response GitHub could not give is a violation', async () => {
  gh.on('issues/create-comment', () => ({ status: 201, body: { id: 1 } }));
  gh.on('issues/list-comments', () => ({ status: 418, body: {} }));
  await post('/repos/o/r/issues/7/comments', { body: 'x' });
  await fetch(`${gh.url}/repos/o/r/issues/7/comments`);
  expect(gh.violations.join('\n')).toMatch(/issues\/create-comment: the fake's 201 response response must have required property 'node_id'/);
});

test('a binary upload is accepted on the uploads route, and refused where GitHub takes JSON', async () => {
  gh.on('repos/upload-release-asset', (req) => ({ status: 201, body: { ...(gh.example('repos/get-release', 200).assets as object[])[0], size: (req.body as Buffer).length } }));
  const upload = await fetch(`${gh.url}/repos/o/r/releases/1/assets?name=m.json.gz`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0x1f, 0x8b, 0, 1]) });
  expect(upload.status).toBe(201);
  expect(((await upload.json()) as { size: number }).size).toBe(4);
  expect(gh.violations).toEqual([]);
  gh.on('issues/create-comment', () => ({ status: 201, body: gh.example('issues/create-comment', 201) }));
  await fetch(`${gh.url}/repos/o/r/issues/7/comments`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from('x') });
  expect(gh.violations.join('\n')).toMatch(/issues\/create-comment.*takes no application\/octet-stream body/);
});
