import type { Handlers } from '../dispatch'
import type { PlaygroundManager } from '../playground/manager'

type PlaygroundHandlers = Pick<
  Handlers,
  'playground.start' | 'playground.get' | 'playground.cancel' | 'playground.save'
>

/** The playground; its calls run in the PlaygroundManager, in the background. */
export function playgroundHandlers(playground: PlaygroundManager): PlaygroundHandlers {
  return {
    'playground.start': (input) => playground.start(input),
    'playground.get': ({ sessionId }) => playground.get(sessionId),
    'playground.cancel': ({ sessionId }) => playground.cancel(sessionId),
    'playground.save': (input) => playground.save(input),
  }
}
