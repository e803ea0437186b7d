import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/* Runs the real eslint.config.js on snippets placed (virtually) in each layer. */
const cwd = fileURLToPath(new URL('../../..', import.meta.url))
const eslint = new ESLint({ cwd })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer rule (eslint.config.js)', () => {
  const electronImport = "import { app } from 'electron'\nexport const name = app.name\n"
  const electronSubpath = "import { ipcRenderer } from 'electron/renderer'\nexport const r = ipcRenderer\n"

  it('bans Electron in electron/core and shared', async () => {
    for (const file of ['electron/core/example.ts', 'electron/core/members/example.ts', 'shared/example.ts', 'shared/domain/example.ts']) {
      expect(await restrictedImports(electronImport, file), file).toHaveLength(1)
      expect(await restrictedImports(electronSubpath, file), file).toHaveLength(1)
    }
  })

  it('allows Electron in electron/main and electron/preload', async () => {
    expect(await restrictedImports(electronImport, 'electron/main/example.ts')).toEqual([])
    expect(await restrictedImports(electronSubpath, 'electron/preload/example.ts')).toEqual([])
  })

  it('bans Node built-ins in shared but not in core', async () => {
    for (const code of [
      "import { readFile } from 'node:fs/promises'\nexport const r = readFile\n",
      "import { join } from 'path'\nexport const j = join\n",
      "import { readFile } from 'fs/promises'\nexport const r = readFile\n",
      "import { createHash } from 'crypto'\nexport const c = createHash\n",
    ]) {
      expect(await restrictedImports(code, 'shared/example.ts'), code).toHaveLength(1)
      expect(await restrictedImports(code, 'electron/core/example.ts'), code).toEqual([])
    }
  })

  it('bans Electron, Node and the core in the renderer, .ts and .vue alike', async () => {
    const coreImport = "import { dispatch } from '../../../electron/core/dispatch'\nexport const d = dispatch\n"
    const nodeImport = "import { readFile } from 'node:fs'\nexport const r = readFile\n"
    for (const code of [electronImport, coreImport, nodeImport]) {
      expect(await restrictedImports(code, 'renderer/src/stores/example.ts'), code).toHaveLength(1)
      const sfc = `<script setup lang="ts">\n${code}</script>\n<template><div /></template>\n`
      expect(await restrictedImports(sfc, 'renderer/src/views/ExampleView.vue'), code).toHaveLength(1)
    }
  })

  it('lets the renderer use shared/ and its own api client', async () => {
    const ok = "import type { Channel } from '../../../shared/contract'\nimport { invoke } from '../api/client'\nexport const x: Channel = 'app.info'\nexport const i = invoke\n"
    expect(await restrictedImports(ok, 'renderer/src/stores/example.ts')).toEqual([])
  })

  it('keeps shared/ independent of electron/ and renderer/', async () => {
    expect(await restrictedImports("import { AppCore } from '../electron/core/app-core'\nexport const a = AppCore\n", 'shared/example.ts')).toHaveLength(1)
    expect(await restrictedImports("import { invoke } from '../renderer/src/api/client'\nexport const i = invoke\n", 'shared/example.ts')).toHaveLength(1)
  })

  it('reports explicit any as an error', async () => {
    const [result] = await eslint.lintText('export const x: any = 1\n', { filePath: 'electron/main/example.ts' })
    expect(result?.messages.find((m) => m.ruleId === '@typescript-eslint/no-explicit-any')?.severity).toBe(2)
  })
})
