// electron-builder afterPack hook (referenced from electron-builder.yml): flips the fuses in the
// packaged Electron binary. It runs before signing, which is where fuses must be flipped.
import { fuseConfig, isE2eBuild, toFuseWire } from './fuses.mjs'

/** @param {import('app-builder-lib').AfterPackContext} context */
export default async function afterPack(context) {
  let lib
  try {
    // Loaded only when packaging: electron-builder depends on it; the app itself never does.
    lib = await import('@electron/fuses')
  } catch (err) {
    throw new Error(`@electron/fuses is needed to flip the Electron fuses (add it to devDependencies): ${err}`)
  }
  const forE2e = isE2eBuild()
  const settings = fuseConfig({ forE2e })
  console.log(`  • flipping Electron fuses${forE2e ? ' (e2e build: --inspect kept)' : ''}: ${JSON.stringify(settings)}`)
  // addElectronFuses finds the binary for the platform (.exe / .app / linux executable name).
  await context.packager.addElectronFuses(context, toFuseWire(settings, lib.default ?? lib))
}
