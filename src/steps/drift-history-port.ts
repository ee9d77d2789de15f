// The port where drift-report keeps its summaries and the site reads them: beside the registry, in
// models/<pipeline>/drift/ or on the champion's GitHub release.
/** drift-report's summaries, kept beside the registry (the newest DRIFT_KEPT), which the site reads. */
export interface DriftHistory {
  /** Keeps one summary (JSON) taken at `stamp` (driftStamp); says where it went, or why it could not. */
  record(pipeline: string, stamp: string, bytes: Buffer): Promise<string>;
  /** The kept summaries, oldest first. */
  list(pipeline: string): Promise<{ stamp: string; bytes: Buffer }[]>;
}
