type Env = Record<string, string | undefined>
export type BinaryLookup = { ok: true; path: string } | { ok: false; reason: string }
export declare function electronExecutableName(platform: string): string
export declare function resolveElectronBinary(input: {
  electronDir: string; env: Env; platform: string
  exists: (path: string) => boolean; readText: (path: string) => string | undefined
}): BinaryLookup
export declare function decideStart(input: { binary: BinaryLookup; platform: string; env: Env }):
  { mode: 'electron'; command: string; args: string[] } | { mode: 'web'; kind: 'no-binary' | 'no-display'; reason: string }
export declare function webFallbackLine(url: string, kind?: 'no-binary' | 'no-display'): string
export declare function webHostPort(env: Env): number
export declare function openCommand(platform: string, url: string, env: Env): { command: string; args: string[] } | null
export declare function findHostUrl(text: string): string | null
