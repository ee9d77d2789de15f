import type { CheckId } from './checks-catalog.ts';

/** One problem. Row-level findings carry the file and line (and the column where there is one). */
export interface Finding {
  check: CheckId;
  message: string;
  file?: string;
  line?: number;
  column?: string;
}

/** Findings kept per check; the rest are counted. A broken million-row file must not fill memory. */
export const FINDINGS_KEPT = 1000;

export class FindingSink {
  private readonly kept = new Map<CheckId, Finding[]>();
  private readonly counts = new Map<CheckId, number>();

  add(finding: Finding): void {
    const n = (this.counts.get(finding.check) ?? 0) + 1;
    this.counts.set(finding.check, n);
    if (n <= FINDINGS_KEPT) {
      let list = this.kept.get(finding.check);
      if (!list) this.kept.set(finding.check, (list = []));
      list.push(finding);
    }
  }

  /** Counts problems that were not kept one by one (counted in bulk). */
  addUncounted(check: CheckId, extra: number): void {
    this.counts.set(check, (this.counts.get(check) ?? 0) + extra);
  }

  count(check: CheckId): number {
    return this.counts.get(check) ?? 0;
  }

  findings(check: CheckId): Finding[] {
    return this.kept.get(check) ?? [];
  }
}
