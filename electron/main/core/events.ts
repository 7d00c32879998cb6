import type { EventName, EventPayload } from '../../../shared/contract'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Fan-out of core events to every transport that listens (IPC windows, SSE clients, tests). */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload)
      } catch {
        // One broken subscriber (a closed window, a dropped socket) must not starve the others.
      }
    }
  }
}
