import { z } from 'zod'
import type { EventName } from './names'

export const events = {
  'db.changed': z.object({ tables: z.array(z.string()).min(1) }),
} satisfies Record<EventName, z.ZodType>

export type Events = typeof events
export type EventPayload<E extends EventName> = z.output<Events[E]>
