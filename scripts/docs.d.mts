// Types for the tests that import docs.mjs.
export function sections(): Record<string, string>;
/** The pages that hold generated tables, and the names of their blocks. */
export const GENERATED: Record<string, string[]>;
export function render(text: string, page?: string): string;
export const SUITE_REPO: string;
