/** Placeholder: seeds the demo workspace on first run. */
export async function ensureWorkspace(): Promise<void> {}
