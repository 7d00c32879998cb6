import { z } from 'zod'
import { idSchema } from '../domain/ids'
import { runProgressSchema } from '../domain/runs'
import { playgroundProgressSchema } from '../domain/playground'
import type { EventName } from './names'
import { tableNameSchema } from './tables'

const eventSchemas = {
  'db.changed': z.object({
    tables: z.array(tableNameSchema).min(1),
    /** Set when every changed row belongs to these runs: another run's screens need no refetch. */
    runIds: z.array(idSchema).min(1).optional(),
  }),
  /** At most 10 a second per run; the last state (a status change included) always follows. */
  'runs.progress': runProgressSchema,
  /** Pieces of playground answers as they stream, and each answer's final state. */
  'playground.progress': playgroundProgressSchema,
} satisfies Record<EventName, z.ZodType>

export type Events = typeof eventSchemas
export type EventPayload<E extends EventName> = z.output<Events[E]>

/** Typed per event, so `events[e].parse()` with a generic `e` still gives that event's payload type. */
export const events: { [E in EventName]: z.ZodType<EventPayload<E>> } = eventSchemas
