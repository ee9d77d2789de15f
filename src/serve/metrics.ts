// Prometheus metrics in the text exposition format (version 0.0.4): counters, gauges and histograms
// with labels. Small and exact for what serve needs; label values are escaped as the format requires.
import { monitorEventLoopDelay } from 'node:perf_hooks';

type Labels = Record<string, string>;

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels) => {
  const pairs = Object.entries(labels);
  return pairs.length === 0 ? '' : `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
};

abstract class Metric {
  readonly name: string;
  readonly help: string;
  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }
  abstract render(): string[];
}

export class Counter extends Metric {
  private readonly values = new Map<string, number>();
  private readonly type: 'counter' | 'gauge';
  constructor(name: string, help: string, type: 'counter' | 'gauge' = 'counter') {
    super(name, help);
    this.type = type;
  }
  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  set(labels: Labels, value: number): void {
    this.values.set(labelText(labels), value);
  }
  reset(): void {
    this.values.clear();
  }
  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...[...this.values].map(([k, v]) => `${this.name}${k} ${v}`)];
  }
}

export class Histogram extends Metric {
  private readonly buckets: number[];
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(name: string, help: string, buckets: number[]) {
    super(name, help);
    this.buckets = buckets;
  }
  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels, counts: new Array<number>(this.buckets.length).fill(0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  render(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => out.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`, `${this.name}_sum${labelText(s.labels)} ${s.sum}`, `${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** The serving metrics: requests, errors, latency, predictions, rows, missing values, the model. */
export class ServeMetrics {
  readonly requests = new Counter('mlops_requests_total', 'HTTP requests by route and status code.');
  readonly errors = new Counter('mlops_request_errors_total', 'HTTP requests answered with a 4xx or 5xx status, by route and code.');
  readonly latency = new Histogram('mlops_request_duration_seconds', 'Request latency by route.', [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);
  readonly predictions = new Counter('mlops_predictions_total', 'Predictions by class (classification).');
  readonly values = new Histogram('mlops_prediction_value', 'Predicted values (regression).', [0.1, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10000]);
  readonly rows = new Histogram('mlops_rows_per_request', 'Rows per prediction request.', [1, 2, 5, 10, 50, 100, 500, 1000, 5000, 10000]);
  readonly rowsTotal = new Counter('mlops_rows_total', 'Rows predicted.');
  private readonly missing = new Counter('mlops_feature_missing_total', 'Rows with no value, by feature column.');
  private readonly missingRate = new Counter('mlops_feature_missing_rate', 'The share of predicted rows with no value, by feature column.', 'gauge');
  readonly extra = new Counter('mlops_extra_columns_total', 'Request columns the model does not use (ignored).');
  readonly model = new Counter('mlops_model_info', 'The model being served (1), with its version and digest as labels.', 'gauge');
  readonly swaps = new Counter('mlops_model_swaps_total', 'Model hot swaps through PUT /admin/model, by result.');
  readonly logErrors = new Counter('mlops_request_log_errors_total', 'Failed opens, writes and rotations of the request log (logging is best effort; predictions are served).');
  readonly logDropped = new Counter('mlops_request_log_dropped_lines_total', 'Request log lines that could not be written.');
  readonly connections = new Counter('mlops_open_connections', 'Open client connections.', 'gauge');
  readonly connectionsEvicted = new Counter('mlops_connections_evicted_total', 'Idle connections closed to make room at --max-connections.');
  readonly connectionsRefused = new Counter('mlops_connections_refused_total', 'Connections refused at --max-connections with none idle.');
  readonly memory = new Counter('mlops_process_resident_memory_bytes', 'The process\'s resident memory.', 'gauge');
  readonly loopDelay = new Counter('mlops_event_loop_delay_seconds', 'How late the thread answering HTTP ran its timers: the worst and the 99th percentile since start (what a /ping waited for this process, not for the machine).', 'gauge');
  /** Sampled every 10 ms while the server runs (it enables and disables it). */
  readonly loop = monitorEventLoopDelay({ resolution: 10 });
  /** Missing counts per feature, kept as plain numbers: the labelled series are built at render time only. */
  private missingCounts: Float64Array = new Float64Array(0);
  private missingFeatures: readonly string[] = [];
  private rowCount = 0;

  countMissing(features: readonly string[], missing: readonly number[], rows: number): void {
    if (features !== this.missingFeatures) {
      // Another model (a swap): its own columns, counted from here on.
      const before = new Map(this.missingFeatures.map((f, i) => [f, this.missingCounts[i]!]));
      this.missingFeatures = features;
      this.missingCounts = Float64Array.from(features, (f) => before.get(f) ?? 0);
    }
    this.rowCount += rows;
    for (let i = 0; i < missing.length; i++) this.missingCounts[i]! += missing[i]!;
  }

  render(): string {
    this.missing.reset();
    this.missingRate.reset();
    this.missingFeatures.forEach((f, i) => {
      if (this.missingCounts[i]) this.missing.inc({ feature: f }, this.missingCounts[i]);
      this.missingRate.set({ feature: f }, this.rowCount === 0 ? 0 : this.missingCounts[i]! / this.rowCount);
    });
    this.memory.set({}, process.memoryUsage.rss());
    this.loopDelay.set({ quantile: '0.99' }, this.loop.percentile(99) / 1e9);
    this.loopDelay.set({ quantile: '1' }, this.loop.max / 1e9);
    const all = [this.requests, this.errors, this.latency, this.predictions, this.values, this.rows, this.rowsTotal, this.missing, this.missingRate, this.extra, this.model, this.swaps, this.logErrors, this.logDropped, this.connections, this.connectionsEvicted, this.connectionsRefused, this.memory, this.loopDelay];
    return `${all.flatMap((m) => m.render()).join('\n')}\n`;
  }
}
