// Types for the tests that import docs.mjs.
export function sections(): Record<string, string>;
export function render(readme: string): string;
export const SUITE_REPO: string;
