/**
 * The mock LLM server in a process of its own, for the runner benchmark: a real provider is another machine,
 * so the runner's process must not pay for the mock's CPU or memory. Talks to its parent over the fork IPC
 * channel: sends { ready, openaiBaseUrl } once listening, answers 'stats' with { total, maxInFlight },
 * and exits on 'close'.
 *
 *   fork('bench/mock-process.ts', [latencyMs], { execArgv: ['--import', 'tsx'] })
 */
import { startMockLlmServer } from '../tests/fixtures/mock-llm'

export type MockProcessMessage =
  { type: 'ready'; openaiBaseUrl: string } | { type: 'stats'; total: number; maxInFlight: number }

const send = (message: MockProcessMessage): void => void process.send?.(message)

const server = await startMockLlmServer({ latencyMs: Number(process.argv[2] ?? 0) })
process.on('message', (message: unknown) => {
  if (message === 'stats') {
    send({ type: 'stats', total: server.stats.total, maxInFlight: server.stats.maxInFlight })
  } else if (message === 'close') {
    void server.close().then(() => process.exit(0))
  }
})
process.on('disconnect', () => void server.close().then(() => process.exit(0)))
send({ type: 'ready', openaiBaseUrl: server.openaiBaseUrl })
