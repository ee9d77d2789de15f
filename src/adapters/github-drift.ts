// drift-report's GitHub edge: one open issue per pipeline (a label to list by, a hidden marker at the
// start of the body to know it by), and the retrain workflow started through workflow_dispatch.
import type { DriftIssues, WorkflowDispatcher } from '../steps/io.ts';
import type { octokitFor } from './github.ts';

type Octokit = Awaited<ReturnType<typeof octokitFor>>;

/**
 * Open issues that carry `marker`, lowest number first. Two overlapping runs can both find none and
 * both open one; each run then keeps the lowest and closes the others, so one stays open whatever the
 * order (a close is idempotent).
 */
async function openDriftIssues(octokit: Octokit, owner: string, repo: string, label: string, marker: string): Promise<number[]> {
  const found: number[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: 100 })) {
    for (const issue of page.data) if (!issue.pull_request && (issue.body ?? '').startsWith(marker)) found.push(issue.number);
  }
  return found.sort((a, b) => a - b);
}

export function githubDriftIssues(octokit: Octokit, owner: string, repo: string, label: string): DriftIssues {
  const closeDuplicates = async (keep: number, others: number[]) => {
    for (const n of others) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: n, body: `Duplicate of #${keep}: two drift reports ran at once; #${keep} is the one kept open.` });
      await octokit.rest.issues.update({ owner, repo, issue_number: n, state: 'closed', state_reason: 'not_planned' });
    }
  };
  return {
    async raise(_pipeline, marker, title, body) {
      const open = await openDriftIssues(octokit, owner, repo, label, marker);
      const [current] = open;
      if (current !== undefined) {
        await octokit.rest.issues.update({ owner, repo, issue_number: current, title, body });
        await closeDuplicates(current, open.slice(1));
        return { number: current, created: false };
      }
      // Never retried blindly: a create whose answer was lost may have opened the issue.
      const created = await octokit.rest.issues.create({ owner, repo, title, body, labels: [label], request: { retries: 0 } });
      const after = await openDriftIssues(octokit, owner, repo, label, marker);
      const keep = after[0] ?? created.data.number;
      await closeDuplicates(keep, after.filter((n) => n !== keep));
      return { number: keep, created: keep === created.data.number };
    },
    async resolve(_pipeline, marker, comment) {
      const open = await openDriftIssues(octokit, owner, repo, label, marker);
      for (const n of open) {
        await octokit.rest.issues.createComment({ owner, repo, issue_number: n, body: comment });
        await octokit.rest.issues.update({ owner, repo, issue_number: n, state: 'closed', state_reason: 'completed' });
      }
      return open[0];
    },
  };
}

export function githubDispatcher(octokit: Octokit, owner: string, repo: string, ref: string): WorkflowDispatcher {
  return {
    async dispatch(workflow, inputs) {
      await octokit.rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref, inputs });
      return `started the workflow ${workflow} on ${ref} (workflow_dispatch)`;
    },
  };
}
