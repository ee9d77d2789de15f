// Types for the test that imports release.mjs.
export function checkReleaseTag(tag: string | undefined, pkgVersion: string, codeVersion: string | undefined): { major: string; error?: undefined } | { error: string; major?: undefined };
export function isPrivileged(text: string): boolean;
export function suitePins(text: string): { line: number; ref: string }[];
export function pinSuiteActions(text: string, sha: string, label: string): string;
export function privilegedWorkflows(dir?: string): string[];
export function pinProblems(): string[];
