// The validate-data step: load, check, report. The same function serves the action and the CLI.
import { loadPipeline } from '../engine/config/pipeline.ts';
import { runChecks } from '../engine/validation/validate.ts';
import { annotations, buildReport, renderMarkdown } from '../engine/validation/report.ts';
import { writeFileAtomic } from '../adapters/files.ts';
import { featureNames, loadData } from './data-source.ts';
import { booleanInput, optionalInput, repoPath } from './inputs.ts';
import type { StepInputs, StepIO, StepResult } from './io.ts';

export async function validateData(inputs: StepInputs, io: StepIO): Promise<StepResult> {
  const cfg = await loadPipeline(inputs.pipeline ?? '', io.root);
  const failOnError = booleanInput(inputs, 'fail-on-error');
  const reportPath = repoPath(io.root, inputs, 'report', `out/${cfg.name}/validation-report.json`);
  const loaded = await loadData(cfg, { data: optionalInput(inputs, 'data'), testData: optionalInput(inputs, 'test-data'), schema: optionalInput(inputs, 'schema') });
  const { table } = loaded;
  io.info(`read ${table.rowCount} rows × ${table.columns.length} columns from ${table.files.join(', ')}`);

  const result = runChecks(
    {
      table,
      task: cfg.task,
      target: cfg.target,
      id: cfg.id,
      features: featureNames(cfg, table),
      reference: loaded.reference,
      minRows: cfg.validation.minRows,
      minClassRows: cfg.validation.minClassRows,
      maxMissingRate: cfg.validation.maxMissingRate,
      test: loaded.test,
    },
    cfg.validation.severity,
  );
  const report = buildReport(
    {
      pipeline: cfg.name,
      pipelineFile: cfg.file,
      files: table.files,
      rows: table.rowCount,
      columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
      reference: loaded.referenceKind,
      referenceSource: loaded.referenceSource,
      testFiles: loaded.test?.files ?? [],
    },
    result,
  );
  await writeFileAtomic(reportPath.abs, `${JSON.stringify(report, null, 2)}\n`);
  for (const a of annotations(report)) io.annotate(a);
  const ok = report.passed || !failOnError;
  return {
    ok,
    ...(ok ? {} : { failure: `the data failed validation: ${report.errors} error${report.errors === 1 ? '' : 's'} (see ${reportPath.rel})` }),
    outputs: { passed: String(report.passed), report: reportPath.rel, errors: String(report.errors), warnings: String(report.warnings) },
    summary: renderMarkdown(report),
  };
}
