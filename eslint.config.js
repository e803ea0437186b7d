import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/*
 * THE LAYER RULE (style.md; VS Code's import layering, vutron's "no Node/Electron in common/"):
 *   shared/         runs in every process, including the sandboxed renderer: no Electron, no Node.
 *   electron/core/  plain Node: no Electron, so the web host and plain-Node tests can run it.
 *   renderer/       talks to main only through its api client: no Electron, no Node, no core.
 * electron/main/build/layer-rule.test.ts proves the rule fires. Each layer gets one `no-restricted-imports`
 * entry: in flat config a later entry for the same rule replaces an earlier one, it does not merge.
 */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'))

const banElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload may import Electron.' }],
}
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const banNode = {
  // One pattern for `node:x`, bare `fs` and sub-paths like `fs/promises`, so each import is reported once.
  patterns: [{
    regex: `^(node:.*|(${nodeBuiltins.map(escapeRegex).join('|')})(/.*)?)$`,
    message: 'Node built-ins do not exist in the renderer: keep this layer portable.',
  }],
}
const banRendererImports = { regex: '(^|/)renderer/', message: 'Lower layers must not depend on the renderer.' }
const banCoreImports = {
  regex: '(^|/)electron/(core|main|preload|webhost)(/|$)',
  message: 'The renderer reaches the core only through renderer/src/api/client.ts (window.api / HTTP).',
}

function restrict(...layers) {
  return ['error', {
    paths: layers.flatMap((l) => l.paths ?? []),
    patterns: layers.flatMap((l) => l.patterns ?? []),
  }]
}

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.e2e-data/', '.scratch/', 'data/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],

  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `_name` marks a parameter kept for its position (Electron callbacks, handler signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // `<script setup lang="ts">`: vue-eslint-parser for the template, the TS parser for the script.
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
      globals: globals.browser,
    },
    rules: {
      // TypeScript checks names; no-undef does not understand types in .vue files.
      'no-undef': 'off',
    },
  },
  {
    files: ['renderer/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Plain JavaScript run by Node: scripts, build hooks, this file.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },

  // --- layers ---
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': restrict(banElectron, banNode, { patterns: [banRendererImports, { regex: '^\\.\\.?/(.*/)?electron/', message: 'shared/ must not depend on electron/.' }] }) },
  },
  {
    files: ['electron/core/**'],
    rules: { 'no-restricted-imports': restrict(banElectron, { patterns: [banRendererImports] }) },
  },
  {
    files: ['renderer/**'],
    rules: { 'no-restricted-imports': restrict(banElectron, banNode, { patterns: [banCoreImports] }) },
  },
  {
    // The renderer's build config runs in Node, not in the page.
    files: ['renderer/vite.config.mts', 'renderer/**/*.config.{ts,mts}'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
