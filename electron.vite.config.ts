import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { CHANNELS } from './shared/contract'

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * `electron-vite build` → out/main/index.js (ESM, package.json "main"), out/preload/index.cjs,
 * out/renderer/. The project does not use electron-vite's default src/ layout, so every entry is
 * named here. Works without the Electron binary.
 */
export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      rollupOptions: { input: { index: at('electron/main/index.ts') } },
      // Packages in "dependencies" (sqlite3 with its .node addon, electron-updater, exceljs, zod,
      // pinyin-pro) stay external and ship in node_modules inside the asar: the addon cannot be bundled.
      externalizeDeps: true,
    },
  },
  preload: {
    // The contract's channel names, inlined so the preload whitelists exactly the contract without
    // bundling zod and the schemas (see electron/preload/index.ts).
    define: { __UNIONDESK_CHANNELS__: JSON.stringify(CHANNELS) },
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload is run as one classic CommonJS-style script: it may require('electron')
      // and nothing else, so no externals and no chunks. `.cjs` because package.json is "type": "module".
      externalizeDeps: false,
      rollupOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    // Same settings as renderer/vite.config.mts (which `npm run build:renderer` uses for the web host).
    root: at('renderer'),
    base: './',
    plugins: [vue()],
    define: {
      __VUE_I18N_FULL_INSTALL__: true,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
      __VUE_PROD_DEVTOOLS__: false,
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    },
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 900,
      rollupOptions: { input: { index: at('renderer/index.html') } },
    },
  },
})
