// The port through which drift-report pulls a served model's request log from the server itself
// (mlops serve's GET /admin/requests), when the log lives on another machine than the monitor.
import type { LogWindow } from '../engine/serving/log-table.ts';

export interface LogPuller {
  /**
   * Pulls every line of the window, page by page (a failed page is asked for again from its cursor, so
   * no line is lost or counted twice), into `file`, written whole. Refuses more than `maxBytes`.
   */
  pull(baseUrl: string, token: string, window: LogWindow, file: string, maxBytes: number): Promise<{ lines: number; pages: number; retries: number }>;
}
