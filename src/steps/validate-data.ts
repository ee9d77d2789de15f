// The validate-data step: load, check, report. The same function serves the action and the CLI.
import { loadPipeline } from '../engine/config/pipeline.ts';
import { runChecks } from '../engine/validation/validate.ts';
import { annotations, buildReport, failureLines, renderMarkdown } from '../engine/validation/report.ts';
import { featureNames, loadData } from './data-source.ts';
import { booleanInput, optionalInput, userPath } from './inputs.ts';
import type { StepIO, StepResult } from './io.ts';
import type { InputsOf } from './specs.ts';
import { runInputs, writeOutputs } from './outputs.ts';

export async function validateData(inputs: InputsOf<'validate-data'>, io: StepIO): Promise<StepResult<'validate-data'>> {
  const cfg = await loadPipeline(inputs.pipeline, io.root, io.cwd);
  const failOnError = booleanInput(inputs, 'fail-on-error');
  const reportPath = userPath(io, inputs, 'report', `out/${cfg.name}/validation-report.json`);
  const loaded = await loadData(cfg, { data: optionalInput(inputs, 'data'), testData: optionalInput(inputs, 'test-data'), schema: optionalInput(inputs, 'schema') }, io);
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
  const typedSchema = optionalInput(inputs, 'schema');
  await writeOutputs(io, [[reportPath, `${JSON.stringify(report, null, 2)}\n`]], [...runInputs(cfg, table, loaded.test), ...(typedSchema ? [userPath(io, inputs, 'schema').abs] : [])]);
  for (const a of annotations(report)) io.annotate(a);
  const ok = report.passed || !failOnError;
  return {
    ok,
    ...(ok ? {} : { failure: [`the data failed validation: ${report.errors} error${report.errors === 1 ? '' : 's'} (the report: ${reportPath.shown})`, ...failureLines(report)].join('\n') }),
    outputs: { passed: String(report.passed), report: reportPath.shown, errors: String(report.errors), warnings: String(report.warnings) },
    summary: renderMarkdown(report),
  };
}
