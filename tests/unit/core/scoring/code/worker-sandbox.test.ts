import { afterAll, describe, expect, it } from 'vitest'
import {
  createCodeSandbox,
  createWorkerSandbox,
  sandboxLimitsSchema,
} from '../../../../../electron/main/core/scoring/code'
import { ticketInput } from './helpers'

const sandbox = createWorkerSandbox({}, { workers: 1 })
afterAll(() => sandbox.close())

const routed = '(output, { expected }) => JSON.parse(output).queue === expected.queue'
/** Garbage collection near the memory limit: seconds inside QuickJS where its interrupt handler never runs. */
const gcBound = '() => { const kept = []; for (;;) kept.push(new Array(1e5).fill(kept.length)) }'
const limits = sandboxLimitsSchema.parse({ timeMs: 250 })

// Starting a worker from the TypeScript sources (through tsx) takes seconds on a busy machine.
describe('code sandbox in a worker thread with a watchdog', { timeout: 60_000 }, () => {
  it('scores like the in-thread sandbox, with per-call limits', async () => {
    const input = ticketInput()
    expect(await sandbox.run(routed, input)).toEqual(await createCodeSandbox().run(routed, input))
    expect(await sandbox.run('() => { while (true) {} }', input, { ...limits, timeMs: 60 })).toEqual({
      ok: false,
      kind: 'timeout',
      message: 'The scorer ran past its 60 ms time limit and was stopped',
    })
  })

  it('stops a call the interrupt handler cannot reach, and the calls queued behind it still complete', async () => {
    const starts = sandbox.workerStarts
    const [stuck, ...others] = await Promise.all([
      sandbox.run(gcBound, ticketInput(), limits),
      ...['billing', 'sales', 'billing'].map((queue) =>
        sandbox.run(routed, ticketInput(JSON.stringify({ queue })), limits),
      ),
    ])
    // Either the watchdog stopped it (the usual case) or, on a quiet machine, QuickJS met the memory limit.
    expect(stuck).toMatchObject({ ok: false, kind: expect.stringMatching(/^(timeout|memory)$/) })
    if (stuck?.ok === false && stuck.kind === 'timeout') {
      expect(stuck.message).toBe(
        'The scorer ran past its 250 ms time limit and was stopped (stuck in a long built-in call, or collecting garbage near its 16 MB memory limit)',
      )
      expect(sandbox.workerStarts).toBe(starts + 1)
    }
    expect(others.map((o) => o.ok && o.score)).toEqual([1, 0, 1])
  })

  it('a bad input is named by field without reaching the worker', async () => {
    const bad = { output: 7, context: {} } as unknown as Parameters<typeof sandbox.run>[1]
    expect(await sandbox.run(routed, bad)).toMatchObject({ ok: false, kind: 'bad_input' })
  })

  it('a closed sandbox fails what was still waiting instead of leaving it pending', async () => {
    const closing = createWorkerSandbox()
    const waiting = closing.run('() => { while (true) {} }', ticketInput(), { ...limits, timeMs: 5000 })
    await closing.close()
    expect(await waiting).toMatchObject({
      ok: false,
      kind: 'engine',
      message: expect.stringContaining('closed'),
    })
  })

  it('spreads calls over two workers: the calls go on while one worker is busy, with the same scores', async () => {
    const two = createWorkerSandbox({}, { workers: 2 })
    try {
      const finished: string[] = []
      const busy = two
        .run('() => { while (true) {} }', ticketInput(), { ...limits, timeMs: 1500 })
        .then((outcome) => (finished.push('busy'), outcome))
      // The busy worker has one call waiting, the other none: the next call goes to the other one.
      const first = await two.run(routed, ticketInput(JSON.stringify({ queue: 'billing' })), limits)
      finished.push('routed')
      expect(first).toEqual(
        await createCodeSandbox().run(routed, ticketInput(JSON.stringify({ queue: 'billing' }))),
      )
      const queues = ['billing', 'sales', 'billing', 'sales']
      const routedOutcomes = await Promise.all(
        queues.map((queue) => two.run(routed, ticketInput(JSON.stringify({ queue })), limits)),
      )
      expect(routedOutcomes.map((o) => o.ok && o.score)).toEqual([1, 0, 1, 0])
      expect(await busy).toMatchObject({ ok: false, kind: 'timeout' })
      expect(finished).toEqual(['routed', 'busy'])
      expect(two.workerStarts).toBe(2)
    } finally {
      await two.close()
    }
  })
})
