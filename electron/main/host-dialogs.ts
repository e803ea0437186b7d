import type { BrowserWindow, Dialog } from 'electron'
import type { HostDialogs } from '../core/files/host-dialogs'

/**
 * Core's file dialogs, shown by main: the renderer asks for "a roster file" or "save this result"
 * and only ever sees a token, never a path (security.md: the renderer does not handle raw paths).
 */
export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | undefined): HostDialogs {
  return {
    async pickFile(filters) {
      const win = window()
      const options = { properties: ['openFile' as const], filters }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async pickSavePath(defaultName, filters) {
      const win = window()
      const options = { defaultPath: defaultName, filters }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled ? null : (r.filePath ?? null)
    },
  }
}
