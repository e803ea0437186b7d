export type FuseSettings = {
  runAsNode: boolean
  enableNodeOptionsEnvironmentVariable: boolean
  enableNodeCliInspectArguments: boolean
  enableCookieEncryption: boolean
  enableEmbeddedAsarIntegrityValidation: boolean
  onlyLoadAppFromAsar: boolean
}
export declare function fuseConfig(options: { forE2e: boolean }): FuseSettings
export declare function isE2eBuild(env?: Record<string, string | undefined>): boolean
export declare function toFuseWire(
  fuses: FuseSettings,
  lib: { FuseVersion: { V1: string }; FuseV1Options: Record<string, number> },
): Record<string | number, string | boolean>
