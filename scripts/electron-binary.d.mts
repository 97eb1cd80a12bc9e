/** Types for electron-binary.mjs, which the Electron launch tests (tests/electron) import. */
export function electronBinary(): string | null;
export function whyNoDesktop(): string | null;
