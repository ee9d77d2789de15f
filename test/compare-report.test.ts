// The comparison report: the comment stays under GitHub's limit by dropping the bulky parts first, and
// always says where the whole report is.
import { commentMarker, MAX_COMMENT_CHARS, renderComment, renderComparison, type ComparisonView } from '../src/engine/compare/report.ts';

function view(slices: number, classes = 2): ComparisonView {
  const names = Array.from({ length: classes }, (_, k) => `class-${k}`);
  const cm = names.map((_, i) => names.map((__, j) => (i === j ? 50 : 1)));
  return {
    pipeline: 'p',
    marker: commentMarker('p'),
    verdict: { decision: 'promote', promote: true, reasons: ['accuracy: better by 0.01 (p = 0.2, not significant at α = 0.05)'] },
    primary: 'accuracy',
    metrics: [{ name: 'accuracy', champion: 0.9, candidate: 0.91, diff: 0.01, ci: [-0.01, 0.03], p: 0.2, significant: false, lowerIsBetter: false }],
    classes: names,
    confusion: { champion: cm, candidate: cm },
    slices: Array.from({ length: slices }, (_, i) => ({ column: 'customer', value: `customer-${i}-with-a-long-name`, rows: 3, champion: 0.5, candidate: 0.6 })),
    importances: [['f', 1]],
    data: { files: ['data/x.csv'], testRows: 100, candidateTestRows: 100, labelledRows: 500, newRowsSinceChampion: 0, sha256: 'a'.repeat(64) },
    candidate: { path: 'out/m.json', sha256: 'b'.repeat(64) },
    champion: { source: 'release p-v1', sha256: 'c'.repeat(64) },
    links: { run: null, artifacts: null },
    notes: [],
    unchartable: [],
    fullReport: 'in the job summary and the artifact mlops-comparison-p-job-bbbbbbbbbbbb',
  };
}

test('a report that fits is the comment as it is', () => {
  const v = view(10);
  expect(renderComment(v)).toBe(renderComparison(v));
  expect(renderComment(v)).not.toContain('Shortened');
});

test('too many slices: the comment drops them (then the matrices) and points to the full report', () => {
  const v = view(3000, 60);
  const full = renderComparison(v);
  expect(full.length).toBeGreaterThan(65536);
  const comment = renderComment(v);
  expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
  expect(comment.startsWith(v.marker)).toBe(true);
  expect(comment).not.toContain('customer-0-with');
  expect(comment).toContain('| **accuracy** | 0.9000 | 0.9100 |');
  expect(comment).toMatch(/_Shortened to fit a comment: the slices(, the confusion matrices)? (is|are) left out\. The full report is in the job summary and the artifact mlops-comparison-p-job-bbbbbbbbbbbb\._/);
});

test('a report too long even without its bulky parts is cut, and still points to the full report', () => {
  const v = view(0);
  v.verdict.reasons = Array.from({ length: 2000 }, (_, i) => `reason ${i}: ${'x'.repeat(200)}`);
  const comment = renderComment(v);
  expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
  expect(comment.endsWith('_Cut to fit a comment. The full report is in the job summary and the artifact mlops-comparison-p-job-bbbbbbbbbbbb._\n')).toBe(true);
});
