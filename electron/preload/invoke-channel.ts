/**
 * The single IPC channel between preload and main; the contract channel travels as its first
 * argument. Prefixed like VS Code's `vscode:` channels. Its own module so the preload bundle stays
 * free of main-process code.
 */
export const INVOKE_CHANNEL = 'uniondesk:invoke'
