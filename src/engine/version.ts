// The suite's version: package.json's, checked by a test (the bundle cannot read package.json at run time).
export const VERSION = '0.1.0';
export const TOOL = `mlops-actions@${VERSION}`;
