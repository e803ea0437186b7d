import type { MenuItemConstructorOptions } from 'electron'

export type MenuOptions = { isDev: boolean; isMac: boolean }

/**
 * The application menu, Chinese labels. Reload and DevTools exist only in development: in the
 * field a reload mid-edit would throw away a half-filled form, and DevTools is a console into the
 * records. Roles keep the standard shortcuts (Ctrl+C/V/Z) working in the form fields.
 */
export function buildMenuTemplate({ isDev, isMac }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? [
          { role: 'reload', label: '重新加载' },
          { role: 'forceReload', label: '强制重新加载' },
          { role: 'toggleDevTools', label: '开发者工具' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[]
      : []),
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ]
  return [
    // macOS puts Quit under the app-name menu; elsewhere it lives under 文件.
    ...(isMac ? [{ role: 'appMenu', label: '工会工作台' } satisfies MenuItemConstructorOptions] : []),
    { label: '文件', submenu: isMac ? [{ role: 'close', label: '关闭窗口' }] : [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', role: 'help', submenu: [{ role: 'about', label: '关于工会工作台' }] },
  ]
}
