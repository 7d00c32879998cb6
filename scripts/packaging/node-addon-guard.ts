import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * electron-builder's native-dependency step (@electron/rebuild) rebuilds better-sqlite3 for Electron's ABI
 * in node_modules itself, then packs that build into app.asar.unpacked. Tests, the CLI and the Node host
 * load the same file under Node, so `npm run dist` keeps a copy of the Node build and puts it back after
 * packaging. @electron/rebuild's marker (build/Release/.forge-meta) goes too: left beside the restored Node
 * build it would make the next packaging skip the rebuild and pack the Node build into the app.
 *
 * Returns the function that restores; it reports whether the addon had changed.
 */
export function guardNodeAddon(packageDir: string): () => { restored: boolean } {
  const addon = join(packageDir, 'build', 'Release', 'better_sqlite3.node')
  const marker = join(packageDir, 'build', 'Release', '.forge-meta')
  if (!existsSync(addon)) return () => ({ restored: false })
  const backupDir = mkdtempSync(join(tmpdir(), 'evallab-dist-'))
  const backup = join(backupDir, 'better_sqlite3.node')
  copyFileSync(addon, backup)
  return () => {
    const changed = !existsSync(addon) || !readFileSync(addon).equals(readFileSync(backup))
    if (changed) {
      // Copy then rename: a new file, never a write into one that another checkout may share by hard link.
      copyFileSync(backup, `${addon}.partial`)
      renameSync(`${addon}.partial`, addon)
    }
    rmSync(marker, { force: true })
    rmSync(backupDir, { recursive: true, force: true })
    return { restored: changed }
  }
}
