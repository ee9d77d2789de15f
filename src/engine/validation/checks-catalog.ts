// The catalog of validate-data's checks: the one list of their ids, default severities and meanings.
export const SEVERITY_LEVELS = ['error', 'warn', 'off'] as const;
export type Severity = (typeof SEVERITY_LEVELS)[number];

export const CHECKS = [
  { id: 'parse', severity: 'error', description: 'The file is well-formed CSV: not empty, UTF-8, no ragged rows or unclosed quotes, unique non-empty column names.' },
  { id: 'min_rows', severity: 'error', description: 'At least `validation.min_rows` rows.' },
  { id: 'missing_column', severity: 'error', description: 'Every column of the schema (and the target) is present.' },
  { id: 'unexpected_column', severity: 'warn', description: 'No column that the schema does not know.' },
  { id: 'type', severity: 'error', description: 'Every value has its column\'s type (declared, or inferred from the training data).' },
  { id: 'decimal_comma', severity: 'warn', description: 'No column that looks numeric with decimal commas (`64,5`) is read as categories; set `data.decimal: ","` to read such numbers.' },
  { id: 'range', severity: 'warn', description: 'Numbers lie within the declared range (or the training data\'s range, when new data is checked).' },
  { id: 'new_category', severity: 'warn', description: 'No category that the schema (or the training data) has never seen.' },
  { id: 'missing_rate', severity: 'error', description: 'No column has more missing values than its limit.' },
  { id: 'label_missing', severity: 'error', description: 'Every row has a label.' },
  { id: 'label_classes', severity: 'error', description: 'Classification: at least two classes. Regression: the label is numeric.' },
  { id: 'class_size', severity: 'error', description: 'Classification: every class has at least `validation.min_class_rows` rows.' },
  { id: 'duplicate_rows', severity: 'warn', description: 'No row repeats an earlier row exactly.' },
  { id: 'conflicting_labels', severity: 'warn', description: 'No two rows have equal features but different labels.' },
  { id: 'constant_column', severity: 'warn', description: 'No feature holds a single value.' },
  { id: 'leakage', severity: 'error', description: 'No test row also appears in the training data (needs `data.test` or the `test-data` input).' },
] as const satisfies readonly { id: string; severity: Severity; description: string }[];

export type CheckId = (typeof CHECKS)[number]['id'];
