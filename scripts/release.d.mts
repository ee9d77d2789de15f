// Types for the test that imports release.mjs.
export function checkReleaseTag(tag: string | undefined, pkgVersion: string, codeVersion: string | undefined): { major: string; error?: undefined } | { error: string; major?: undefined };
