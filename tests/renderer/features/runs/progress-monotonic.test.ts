import { QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../../../renderer/src/api'
import { createQueryClient, invalidateOnChange } from '../../../../renderer/src/api/query'
import { createRunFeed, runListKey } from '../../../../renderer/src/queries/run-feed'
import type { EventName, MethodName, Transport } from '../../../../shared/contract'
import type { PromptDetail } from '../../../../shared/domain/prompts'
import type { Run, RunProgress } from '../../../../shared/domain/runs'
import { startCoreProcess, type CoreProcess } from '../../fixtures/core-process'

let core: CoreProcess | null = null
afterEach(async () => {
  await core?.close()
  core = null
})

const model = { provider: 'acme-gateway', model: 'acme-mini-1' }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function call<T>(transport: Transport, method: MethodName, input: unknown): Promise<T> {
  const result = await transport.rpc(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}

/**
 * The core as the browser host carries it: replies on one channel and events on another (SSE), each in
 * order but not in order with each other, so an event can reach the client after a reply read later.
 */
function twoChannels(inner: Transport): Transport {
  let eventsAt = 0
  return {
    rpc: async (method, input) => {
      const result = await inner.rpc(method, input)
      await sleep(Math.random() * 10)
      return result
    },
    on(event: EventName, listener) {
      return inner.on(event, (payload) => {
        eventsAt = Math.max(eventsAt, Date.now() + Math.random() * 30)
        setTimeout(() => listener(payload as never), eventsAt - Date.now())
      })
    },
  }
}

/** The user's own prompt and 600 cases (1,200 calls with two repeats), imported as a CSV file. */
async function ownRun(transport: Transport) {
  const prompt = await call<PromptDetail>(transport, 'prompts.create', {
    name: 'Damaged orders',
    messages: [{ role: 'user', content: 'Ticket: {{message}}' }],
    model,
    message: 'first cut',
    allowNewVariables: true,
  })
  const rows = Array.from({ length: 600 }, (_, i) => `T-${i},Order ${i} arrived crushed`)
  const contentBase64 = btoa(['key,message', ...rows].join('\n'))
  const fileName = 'tickets.csv'
  const preview = await call<{ mapping: unknown }>(transport, 'datasets.importPreview', {
    fileName,
    contentBase64,
    knownVariables: ['message'],
  })
  const imported = await call<{ dataset: { id: string } }>(transport, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name: 'Damaged orders' },
  })
  return {
    promptVersionIds: [prompt.version.id],
    models: [model],
    datasetId: imported.dataset.id,
    repeats: 2,
  }
}

function progressReaching(transport: Transport, ok: (p: RunProgress) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = transport.on('runs.progress', (payload) => {
      if (!ok(payload as RunProgress)) return
      off()
      resolve()
    })
  })
}

describe('the progress a client sees on the real core', () => {
  it('never goes backwards through batch writes, pause and resume', async () => {
    core = await startCoreProcess({
      provider: model.provider,
      runner: { flushRows: 50, flushMs: 250, progressIntervalMs: 100 },
    })
    const raw = core.transport
    const plan = await ownRun(raw)
    // The renderer's own pieces: the run feed over the query cache, refetched on db.changed.
    const client = createClient(twoChannels(raw))
    const queries = createQueryClient()
    const feed = createRunFeed(client, queries)
    const stopInvalidating = invalidateOnChange(client, queries, { delayMs: 5, intervalMs: 40 })
    const seen: number[] = []
    let runId = ''
    const observer = new QueryObserver(queries, feed.listOptions)
    const unsubscribe = observer.subscribe(({ data }) => {
      const run = data?.find((r) => r.id === runId)
      if (run && seen.at(-1) !== run.counts.done) seen.push(run.counts.done)
    })
    // Snapshot reads interleaved with the events, as screens mounting and db.changed refetches cause.
    const refetch = setInterval(() => void queries.refetchQueries({ queryKey: runListKey }), 15)

    const run = await call<Run>(raw, 'runs.start', {
      ...plan,
      name: 'Damaged orders nightly',
      useCache: false,
    })
    runId = run.id
    await progressReaching(raw, (p) => p.runId === run.id && p.done >= 400)
    feed.adopt(await call<Run>(raw, 'runs.pause', { id: run.id }))
    feed.adopt(await call<Run>(raw, 'runs.resume', { id: run.id }))
    await progressReaching(raw, (p) => p.runId === run.id && p.status === 'completed')
    await sleep(400)

    clearInterval(refetch)
    unsubscribe()
    stopInvalidating()
    feed.dispose()
    const drops = seen.flatMap((done, i) => (i > 0 && done < (seen[i - 1] ?? 0) ? [[seen[i - 1], done]] : []))
    expect(drops).toEqual([])
    expect(seen.at(-1)).toBe(1200)
    expect(seen.length).toBeGreaterThan(5)
  }, 60_000)
})
