import { describe, expect, it } from 'vitest'
import { createCodeSandbox, type CodeScoreOutcome } from '../../../../../electron/main/core/scoring/code'
import { ticketInput } from './helpers'

/** A short time limit, for the scorers that must be stopped by it. */
const tight = createCodeSandbox({ timeMs: 100, memoryBytes: 8 * 1024 * 1024 })
/**
 * A long time limit for every other failure, so that on a busy machine it is the failure under test (a
 * throw, the memory limit) that ends the call, never a descheduled 100 ms.
 */
const roomy = createCodeSandbox({ timeMs: 5000, memoryBytes: 8 * 1024 * 1024 })
const trivial = '(output) => output.includes("billing")'

/** Runs the broken scorer, then a good one: a failure must never break the next call. */
async function thenTrivial(source: string, on = roomy): Promise<CodeScoreOutcome> {
  const broken = await on.run(source, ticketInput())
  expect(await on.run(trivial, ticketInput())).toMatchObject({ ok: true, score: 1, passed: true })
  return broken
}

describe('code scorer sandbox: failures become a scoring error for that result only', () => {
  it('stops an endless loop at the time limit', async () => {
    expect(await thenTrivial('() => { while (true) {} }', tight)).toEqual({
      ok: false,
      kind: 'timeout',
      message: 'The scorer ran past its 100 ms time limit and was stopped',
    })
  })

  it('stops an endless loop in the top-level code too, and one a try/catch tries to swallow', async () => {
    expect(await thenTrivial('while (true) {}', tight)).toMatchObject({ ok: false, kind: 'timeout' })
    const swallow = '() => { for (;;) { try { while (true) {} } catch (e) {} } }'
    expect(await thenTrivial(swallow, tight)).toMatchObject({ ok: false, kind: 'timeout' })
  })

  it('stops unbounded allocation at the memory limit', async () => {
    const grow = '() => { const kept = []; for (;;) kept.push({ n: kept.length }) }'
    expect(await thenTrivial(grow)).toEqual({
      ok: false,
      kind: 'memory',
      message: 'The scorer went over its 8 MB memory limit and was stopped',
    })
  })

  it('stops allocation into a global that outlives the call (the upstream free-after-OOM abort case)', async () => {
    const grow = 'var kept = []; function score() { for (;;) kept.push([kept.length]) }'
    expect(await thenTrivial(grow)).toMatchObject({ ok: false, kind: 'memory' })
    // The release build frees such a runtime cleanly: no module had to be reloaded.
    expect(roomy.engineLoads).toBe(1)
  })

  it('stops runaway recursion with a stack error', async () => {
    expect(await thenTrivial('function score() { return score() + 1 }')).toMatchObject({
      ok: false,
      kind: 'stack',
    })
  })

  it('reports what the scorer threw', async () => {
    expect(await thenTrivial('() => { throw new TypeError("no queue field") }')).toEqual({
      ok: false,
      kind: 'threw',
      message: 'The scorer threw while scoring: TypeError: no queue field',
    })
    expect(await thenTrivial('() => { throw { code: 42 } }')).toMatchObject({
      kind: 'threw',
      message: 'The scorer threw while scoring: thrown value: {"code":42}',
    })
  })

  it('reports a syntax error with its line', async () => {
    expect(await thenTrivial('(output) => {\n  return output ===\n}')).toEqual({
      ok: false,
      kind: 'syntax',
      message: expect.stringMatching(/^The scorer has a syntax error \(line 3\): /),
    })
  })

  it('refuses code that is not a function', async () => {
    expect(await thenTrivial('const threshold = 0.5')).toMatchObject({ ok: false, kind: 'not_a_function' })
  })

  it.each([
    ['a string', '() => "pass"', '"pass" (a string)'],
    ['a number above 1', '() => 7', '7 (a number outside 0..1)'],
    ['NaN', '() => NaN', 'null (a number outside 0..1)'],
    ['undefined', '() => {}', 'undefined (a undefined)'],
    [
      'an object without score or pass',
      '() => ({ scor: 1 })',
      '{"scor":1} (it has neither "score" nor "pass")',
    ],
    ['a pass that is not a boolean', '() => ({ pass: "yes" })', '{"pass":"yes"} ('],
  ])('refuses %s as a result', async (_name, source, shown) => {
    const result = await thenTrivial(source)
    expect(result).toMatchObject({ ok: false, kind: 'bad_result' })
    expect(!result.ok && result.message).toContain(`The scorer returned ${shown}`)
  })

  it('reports a rejected promise and a result that cannot be read', async () => {
    expect(await thenTrivial('async () => { throw new Error("lookup failed") }')).toMatchObject({
      kind: 'threw',
      message: 'The scorer threw while scoring: Error: lookup failed',
    })
    expect(await thenTrivial('() => ({ score: 1n })')).toMatchObject({ kind: 'bad_result' })
  })

  it('bounds a hostile getter on the returned value by the same time limit', async () => {
    const source = '() => ({ pass: true, get reason() { while (true) {} } })'
    expect(await thenTrivial(source, tight)).toMatchObject({ ok: false, kind: 'timeout' })
  })
})
