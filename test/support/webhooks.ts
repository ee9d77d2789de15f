// Events as GitHub sends them: a copy of one of GitHub's own webhook examples (@octokit/webhooks-examples),
// for a test to patch (its repository, commits, numbers).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as { name: string; examples: Record<string, unknown>[] }[];

// The examples are deep JSON that tests patch in place; typing every event would add nothing here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WebhookPayload = Record<string, any>;

/** A fresh copy of the first example of an event (and action, when given). */
export function webhookExample(name: string, action?: string): WebhookPayload {
  const event = EXAMPLES.find((e) => e.name === name);
  const found = event?.examples.find((x) => action === undefined || x.action === action);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name}${action ? `.${action}` : ''} example`);
  return structuredClone(found);
}
