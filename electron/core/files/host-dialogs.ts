/**
 * The file dialogs of the host, when it has them (Electron's main process). Core asks for a path
 * and never hands one to the renderer; the web host has none, and the browser uploads and
 * downloads instead.
 */
export type FileFilter = { name: string; extensions: string[] }

export type HostDialogs = {
  pickFile(filters: FileFilter[]): Promise<string | null>
  pickSavePath(defaultName: string, filters: FileFilter[]): Promise<string | null>
}
