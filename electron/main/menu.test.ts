import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate } from './menu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}
const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role).filter(Boolean)

describe('buildMenuTemplate', () => {
  it('has the Chinese top-level menus and 退出 on Windows/Linux', () => {
    const menu = buildMenuTemplate({ isDev: false, isMac: false })
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助'])
    expect(flatten(menu).find((i) => i.role === 'quit')?.label).toBe('退出')
  })

  it('offers reload and DevTools only in development', () => {
    const prod = roles(buildMenuTemplate({ isDev: false, isMac: false }))
    expect(prod).not.toContain('reload')
    expect(prod).not.toContain('forceReload')
    expect(prod).not.toContain('toggleDevTools')
    const dev = roles(buildMenuTemplate({ isDev: true, isMac: false }))
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('keeps the edit roles so shortcuts work in form fields', () => {
    expect(roles(buildMenuTemplate({ isDev: false, isMac: false }))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })

  it('labels every visible item', () => {
    for (const item of flatten(buildMenuTemplate({ isDev: true, isMac: true }))) {
      if (item.type !== 'separator') expect(item.label, String(item.role)).toBeTruthy()
    }
  })
})
