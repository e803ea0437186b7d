// Plain ESM (not TypeScript) because electron-builder loads the afterPack hook in plain Node.

/**
 * The Electron fuses we flip in the packaged binary (docs/security.md). Named like
 * electron-builder's `electronFuses` option so the intent reads plainly; `toFuseWire` maps them to
 * @electron/fuses' numeric wire. Only e2e builds keep --inspect, which Playwright needs to attach.
 *
 * GrantFileProtocolExtraPrivileges stays at Electron's default (on): the window loads the bundle
 * from file://, and module scripts from file:// need it. Turning it off needs a custom protocol first.
 *
 * @param {{ forE2e: boolean }} options
 */
export function fuseConfig({ forE2e }) {
  return {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node interpreter.
    runAsNode: false,
    // NODE_OPTIONS could preload arbitrary code into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect / --inspect-brk give a debugger over the main process (and so the records).
    enableNodeCliInspectArguments: forE2e,
    // Cookies and localStorage encrypted with the OS key store.
    enableCookieEncryption: true,
    // The app.asar must match the hash embedded at package time (macOS, Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Ignore a loose resources/app folder planted next to app.asar.
    onlyLoadAppFromAsar: true,
  }
}

/** Build flag: `UNIONDESK_E2E_BUILD=1 electron-builder …` keeps inspection for Playwright. */
export function isE2eBuild(env = process.env) {
  return env.UNIONDESK_E2E_BUILD === '1' || env.UNIONDESK_E2E_BUILD === 'true'
}

/**
 * @param {ReturnType<typeof fuseConfig>} fuses
 * @param {{ FuseVersion: { V1: string }, FuseV1Options: Record<string, number> }} lib  the @electron/fuses module
 */
export function toFuseWire(fuses, { FuseVersion, FuseV1Options }) {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: fuses.runAsNode,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: fuses.enableNodeOptionsEnvironmentVariable,
    [FuseV1Options.EnableNodeCliInspectArguments]: fuses.enableNodeCliInspectArguments,
    [FuseV1Options.EnableCookieEncryption]: fuses.enableCookieEncryption,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: fuses.enableEmbeddedAsarIntegrityValidation,
    [FuseV1Options.OnlyLoadAppFromAsar]: fuses.onlyLoadAppFromAsar,
  }
}
