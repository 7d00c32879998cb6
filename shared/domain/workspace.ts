import { z } from 'zod'

/** Why a workspace could not be opened; each kind gets its own recovery advice in the UI. */
export const workspaceFailureKinds = [
  'locked',
  'newer-version',
  'edited-migration',
  'migration-failed',
  'unreadable',
] as const
export type WorkspaceFailureKind = (typeof workspaceFailureKinds)[number]

export const workspaceFailureSchema = z.object({
  kind: z.enum(workspaceFailureKinds),
  message: z.string(),
  dbFile: z.string(),
  backupFile: z.string().nullable(),
})
export type WorkspaceFailure = z.infer<typeof workspaceFailureSchema>

export const appStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    home: z.string(),
    dbFile: z.string(),
    schemaVersion: z.number().int().nonnegative(),
    user: z.string(),
  }),
  z.object({ state: z.literal('failed'), home: z.string(), failure: workspaceFailureSchema }),
])
export type AppStatus = z.infer<typeof appStatusSchema>
