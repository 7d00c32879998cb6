import { useCallback, useEffect, useState } from 'react'
import type { ErrorInfo, MethodInput } from '../../../../../shared/contract'
import type { PlaygroundSession } from '../../../../../shared/domain/playground'
import type { Run } from '../../../../../shared/domain/runs'
import { toErrorInfo } from '../../../api'
import { useRpcClient } from '../../../api/query'
import { applyProgress } from './playground-state'

export interface PlaygroundControls {
  session: PlaygroundSession | null
  error: ErrorInfo | null
  busy: boolean
  start: (input: MethodInput<'playground.start'>) => Promise<void>
  cancel: () => Promise<void>
  save: (promptVersionId?: string) => Promise<Run | null>
  saved: Run | null
}

/**
 * One playground session at a time: started, followed through `playground.progress` events (each answer
 * streams in), cancelled, saved. Not server state a query could cache: nothing is stored until saved.
 */
export function usePlayground(): PlaygroundControls {
  const client = useRpcClient()
  const [session, setSession] = useState<PlaygroundSession | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<Run | null>(null)

  useEffect(
    () => client.on('playground.progress', (event) => setSession((s) => (s ? applyProgress(s, event) : s))),
    [client],
  )

  const guarded = useCallback(async <T>(work: () => Promise<T>): Promise<T | null> => {
    setBusy(true)
    setError(null)
    try {
      return await work()
    } catch (e) {
      setError(toErrorInfo(e))
      return null
    } finally {
      setBusy(false)
    }
  }, [])

  const start = useCallback(
    async (input: MethodInput<'playground.start'>) => {
      setSaved(null)
      const started = await guarded(() => client.call('playground.start', input))
      // Events may have arrived before the answer: the core's view of the session is the newer one then.
      if (started)
        setSession(await client.call('playground.get', { sessionId: started.id }).catch(() => started))
    },
    [client, guarded],
  )

  const cancel = useCallback(async () => {
    if (!session) return
    const stopped = await guarded(() => client.call('playground.cancel', { sessionId: session.id }))
    if (stopped) setSession(stopped)
  }, [client, guarded, session])

  const save = useCallback(
    async (promptVersionId?: string) => {
      if (!session) return null
      const input = promptVersionId ? { sessionId: session.id, promptVersionId } : { sessionId: session.id }
      const run = await guarded(() => client.call('playground.save', input))
      if (run) setSaved(run)
      return run
    },
    [client, guarded, session],
  )

  return { session, error, busy, start, cancel, save, saved }
}
