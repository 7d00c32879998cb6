/**
 * The mock LLM server in a process of its own, for the runner benchmark: a real provider is another machine,
 * so the runner's process must not pay for the mock's CPU or memory. Talks to its parent over the fork IPC
 * channel: sends { ready, openaiBaseUrl } once listening, answers 'stats' with the counters below, and exits
 * on 'close'. The behaviour is the mock's options as JSON (latency, fault rates, a requests-per-minute limit).
 *
 *   fork('bench/mock-process.ts', ['{"latencyMs":200,"rate429":0.1}'], { execArgv: ['--import', 'tsx'] })
 */
import { startMockLlmServer } from '../tests/fixtures/mock-llm'
import type { MockServerOptions } from '../tests/fixtures/mock-llm'

export interface MockProcessStats {
  type: 'stats'
  total: number
  maxInFlight: number
  /** Requests open on average over the run, as the server saw them. */
  averageInFlight: number
  byStatus: Record<number, number>
  byFault: Record<string, number>
}

export type MockProcessMessage = { type: 'ready'; openaiBaseUrl: string } | MockProcessStats

const send = (message: MockProcessMessage): void => void process.send?.(message)

const options = JSON.parse(process.argv[2] ?? '{}') as MockServerOptions
const server = await startMockLlmServer(options)
process.on('message', (message: unknown) => {
  if (message === 'stats') {
    const { total, maxInFlight, byStatus, byFault } = server.stats
    send({
      type: 'stats',
      total,
      maxInFlight,
      averageInFlight: server.stats.averageInFlight(),
      byStatus,
      byFault,
    })
  } else if (message === 'close') {
    void server.close().then(() => process.exit(0))
  }
})
process.on('disconnect', () => void server.close().then(() => process.exit(0)))
send({ type: 'ready', openaiBaseUrl: server.openaiBaseUrl })
