import { describe, expect, it } from 'vitest'
import {
  createCodeSandbox,
  inputJson,
  type CodeScorerInput,
} from '../../../../../electron/main/core/scoring/code'
import { ticketInput } from './helpers'

// A roomy time limit: these tests are about results, not limits, and must pass on a busy machine.
const sandbox = createCodeSandbox({ timeMs: 2000 })

describe('code scorer sandbox: results', () => {
  it('hands output, vars, expected, toolCalls and metadata to the scorer as plain data', async () => {
    const source = `(output, { vars, expected, toolCalls, metadata }) => {
      const answer = JSON.parse(output)
      return {
        pass: answer.queue === expected.queue && answer.priority <= expected.maxPriority,
        score: vars.customerTier === 'enterprise' ? 1 : 0.5,
        reason: [vars.ticket.slice(0, 10), toolCalls[0].name, toolCalls[0].arguments.month, metadata.region].join('|'),
      }
    }`
    expect(await sandbox.run(source, ticketInput())).toEqual({
      ok: true,
      score: 1,
      passed: true,
      reason: 'I was char|lookup_invoice|2026-03|eu-west',
    })
  })

  it('accepts a named function score(output, context) next to helpers', async () => {
    const source = `const queueOf = (text) => JSON.parse(text).queue
      function score(output, { expected }) { return queueOf(output) === expected.queue }`
    expect(await sandbox.run(source, ticketInput('{"queue":"sales"}'))).toEqual({
      ok: true,
      score: 0,
      passed: false,
      reason: 'The scorer returned false',
    })
  })

  it('normalizes a number to a score without pass/fail (the suite threshold decides)', async () => {
    const result = await sandbox.run('(output) => output.length / 100', ticketInput('x'.repeat(42)))
    expect(result).toEqual({ ok: true, score: 0.42, passed: null, reason: 'The scorer returned 0.42' })
  })

  it('lets a scorer say it cannot score this result with score: null', async () => {
    const source = `(output, { expected }) => expected === null ? { score: null, reason: 'no label' } : true`
    const input = ticketInput()
    const result = await sandbox.run(source, { ...input, context: { ...input.context, expected: undefined } })
    expect(result).toEqual({ ok: true, score: null, passed: null, reason: 'no label' })
  })

  it('gives a failed call (null output) to the scorer to judge', async () => {
    const result = await sandbox.run(
      `(output) => ({ pass: output !== null, reason: 'output: ' + output })`,
      ticketInput(null),
    )
    expect(result).toEqual({ ok: true, score: 0, passed: false, reason: 'output: null' })
  })

  it('awaits an async scorer inside the same limits', async () => {
    const result = await sandbox.run(
      'async (output) => { await null; return output.includes("billing") }',
      ticketInput(),
    )
    expect(result).toMatchObject({ ok: true, score: 1, passed: true })
  })

  it('gives the same Math.random sequence on every call, so re-scoring reproduces a score', async () => {
    const source = '() => ({ score: Math.random(), reason: String(Math.random()) })'
    const first = await sandbox.run(source, ticketInput())
    const second = await sandbox.run(source, ticketInput())
    expect(first.ok && first.score).toBeGreaterThan(0)
    expect(second).toEqual(first)
  })

  it('keeps date parsing but refuses the clock', async () => {
    const parsing = await sandbox.run(
      `() => new Date('2026-03-01T00:00:00Z').getUTCMonth() === 2`,
      ticketInput(),
    )
    expect(parsing).toMatchObject({ ok: true, passed: true })
    for (const read of ['Date.now()', 'new Date()', 'Date()']) {
      const result = await sandbox.run(`() => ${read} > 0`, ticketInput())
      expect(result).toEqual({
        ok: false,
        kind: 'threw',
        message: expect.stringContaining('Code scorers have no clock'),
      })
    }
  })

  it('scores 500 results in a row, each with its own vars, none leaking into the next', async () => {
    const source = `(output, { vars }) => {
      globalThis.seen = (globalThis.seen ?? 0) + 1
      return { pass: output === 'answer ' + vars.n, score: globalThis.seen === 1 ? 1 : 0 }
    }`
    const results = []
    for (let n = 0; n < 500; n++) {
      const input = ticketInput(`answer ${n}`)
      results.push(await sandbox.run(source, { ...input, context: { ...input.context, vars: { n } } }))
    }
    expect(results.filter((r) => r.ok && r.passed === true && r.score === 1)).toHaveLength(500)
  })
})

describe('code scorer sandbox: one input for several scorers', () => {
  it('scores prepared JSON the same as the input it came from', async () => {
    const json = inputJson(ticketInput())
    const source = '(output, { expected }) => JSON.parse(output).queue === expected.queue'
    expect(await sandbox.runJson(source, json)).toEqual(await sandbox.run(source, ticketInput()))
  })

  it('refuses an input that is not the contract, naming the field', async () => {
    const bad = { output: 42, context: { vars: {}, expected: null, toolCalls: [], metadata: {} } }
    const result = await sandbox.run('() => true', bad as unknown as CodeScorerInput)
    expect(result).toMatchObject({
      ok: false,
      kind: 'bad_input',
      message: expect.stringContaining('at output'),
    })
  })
})
