import { existsSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { Run, RunProgress } from '../../../../shared/domain/runs'
import { forkMockLlm, type ForkedMockLlm } from '../../../fixtures/mock-llm/fork'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore } from '../core-calls'

const tempHome = useTempHomes()
let mock: ForkedMockLlm | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})
const CASES = 25_000
const PING_MS = 50
const LIMIT_MS = 100
const models = [
  { provider: 'lab-vllm', model: 'qwen2.5-7b-instruct' },
  { provider: 'lab-vllm', model: 'llama-3.1-8b-instruct' },
]

function ticketsCsv(rows: number): string {
  const lines = ['ticket,expected_area']
  for (let i = 0; i < rows; i++) lines.push(`"Order ${i}: the export to CSV stops at row ${i % 97}",export`)
  return `${lines.join('\n')}\n`
}

async function importTickets(core: Core): Promise<string> {
  const contentBase64 = Buffer.from(ticketsCsv(CASES)).toString('base64')
  const fileName = 'tickets.csv'
  const preview = await call<{ mapping: unknown }>(core, 'datasets.importPreview', {
    fileName,
    contentBase64,
    knownVariables: ['ticket'],
  })
  const detail = await call<{ dataset: { id: string; caseCount: number } }>(core, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: preview.mapping,
    target: { kind: 'new', name: 'Support tickets, full year' },
  })
  expect(detail.dataset.caseCount).toBe(CASES)
  return detail.dataset.id
}

/** One reply: how long after it was due it came, and the CPU the core's main thread used meanwhile. */
interface Reply {
  wallMs: number
  cpuMs: number
}

const MAIN_THREAD_STAT = `/proc/self/task/${process.pid}/stat`

/**
 * CPU time of the core's main thread (the one running its event loop), in ms: utime + stime from
 * /proc (clock ticks of 10 ms). Where /proc is missing (macOS), the whole process's CPU time stands in.
 */
function mainThreadCpuMs(): number {
  if (!existsSync(MAIN_THREAD_STAT)) {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  const fields = readFileSync(MAIN_THREAD_STAT, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/**
 * A client calling `app.status` every 50 ms through dispatch, as the host does. A reply's time counts from
 * when the call was due, not from when a blocked event loop finally let the timer send it: that wait is
 * exactly what a client of a busy core sees. Beside it, the CPU the core's main thread used from when the
 * call was scheduled (50 ms before it was due) to its reply: a loop blocked for 100 ms spends 100 ms of CPU
 * on that thread, while a thread the OS did not run (other processes on a shared 2-core machine) spends
 * none while it waits.
 */
function pinger(core: Core) {
  const replies: Reply[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  const schedule = (): void => {
    const due = performance.now() + PING_MS
    const cpuAtSchedule = mainThreadCpuMs()
    timer = setTimeout(() => {
      void core.dispatch('app.status', {}).then((result) => {
        if (!result.ok) throw new Error(result.error.message)
        replies.push({ wallMs: performance.now() - due, cpuMs: mainThreadCpuMs() - cpuAtSchedule })
        if (timer) schedule()
      })
    }, PING_MS)
  }
  schedule()
  return {
    /** The replies since the last call: the slowest, how many, and the slow ones with their CPU. */
    take(): { worst: number; count: number; slow: Reply[] } {
      const worst = Math.round(Math.max(0, ...replies.map((r) => r.wallMs)))
      const count = replies.length
      const slow = replies
        .filter((r) => r.wallMs >= LIMIT_MS)
        .map((r) => ({ wallMs: Math.round(r.wallMs), cpuMs: Math.round(r.cpuMs) }))
      replies.length = 0
      return { worst, count, slow }
    },
    stop(): void {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}

function settled(core: Core, runId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || p.status === 'running') return
      stop()
      resolve()
    })
  })
}

describe('a 25,000-case run keeps the core responsive', () => {
  it('answers a cheap call within 100 ms every 50 ms through start, run and scoring', async () => {
    // The provider in a process of its own, as a real one is another machine: the core's loop is the core's.
    const server = (mock = await forkMockLlm({ latencyMs: 0 }))
    const core = demoCore(tempHome(), {
      seedDemo: false,
      providerSettings: {
        'lab-vllm': { kind: 'openai', baseUrl: server.openaiBaseUrl, apiKey: 'lab', concurrency: 16 },
      },
    })
    const datasetId = await importTickets(core)
    const prompt = await call<{ version: { id: string } }>(core, 'prompts.create', {
      name: 'Ticket area',
      messages: [{ role: 'user', content: 'Which product area is this about?\n{{ticket}}' }],
      model: models[0],
      message: 'First version',
      allowNewVariables: true,
    })
    const ping = pinger(core)
    ping.take()
    const run = await call<Run>(core, 'runs.start', {
      name: 'Full year',
      promptVersionIds: [prompt.version.id],
      models,
      datasetId,
      useCache: false,
    })
    const done = settled(core, run.id)
    const start = ping.take()
    await done
    const running = ping.take()
    const final = await call<Run>(core, 'runs.get', { id: run.id })
    await call(core, 'runs.score', { runId: run.id })
    const scoring = ping.take()
    ping.stop()
    const phases = { start, running, scoring }
    expect(final.status).toBe('completed')
    expect(final.counts.done).toBe(2 * CASES)
    expect(running.count).toBeGreaterThan(10)
    // A reply over 100 ms fails when the loop was working through the wait (≥ 100 ms of main-thread CPU
    // beyond the 50 ms before the call was due): that is a stall of ours. One where the thread used less
    // was the OS running other processes on this shared machine; it is printed (bench/ui.ts reports the
    // wall time alone, and on a quiet machine there are none).
    const stalls = Object.values(phases).flatMap((phase) =>
      phase.slow.filter((r) => r.cpuMs - PING_MS >= LIMIT_MS),
    )
    if (Object.values(phases).some((phase) => phase.slow.length > 0)) console.info(JSON.stringify(phases))
    expect(stalls, JSON.stringify(phases)).toEqual([])
    core.close()
  }, 600_000)
})
