import { describe, expect, it } from 'vitest'
import { assertionsScorer } from '../../../../../electron/main/core/scoring/scorers/assertions'
import { javascriptFunctionBody } from '../../../../../electron/main/core/scoring/scorers/assertions-javascript'
import { orderCase, services } from './helpers'

const scorer = assertionsScorer({ kind: 'assertions', field: 'assertions', judgeModel: null })
const answer = '{"order":"4471","status":"shipped","eta_days":3}'

type Detail = { type: string; status: string; pass: boolean; score: number; reason: string }
async function runOne(assertion: Record<string, unknown>, output = answer) {
  const outcome = await scorer(orderCase(output, [assertion]), services())
  const [detail] = (outcome.details?.['assertions'] ?? []) as Detail[]
  return { outcome, detail: detail! }
}

describe('javascript assertion (promptfoo semantics, in the sandbox)', () => {
  it('turns a one-line value into an expression, a declaration line into statements + return', () => {
    expect(javascriptFunctionBody("output.includes('4471')")).toBe("return output.includes('4471')")
    expect(javascriptFunctionBody('const o = JSON.parse(output); o.eta_days < 5;')).toBe(
      'const o = JSON.parse(output); return o.eta_days < 5',
    )
    expect(javascriptFunctionBody('const a = 1\nreturn a\n')).toBe('const a = 1\nreturn a')
  })

  it('reads output and context.vars; a boolean is pass/fail', async () => {
    const pass = await runOne({
      type: 'javascript',
      value: 'JSON.parse(output).order === context.vars.order_id',
    })
    expect(pass.outcome).toMatchObject({ value: 1, passed: true })
    const fail = await runOne({ type: 'javascript', value: "output.includes('cancelled')" })
    expect(fail.detail).toMatchObject({ status: 'scored', pass: false, score: 0 })
    expect(fail.detail.reason).toBe("Custom function returned false\noutput.includes('cancelled')")
  })

  it('runs a multi-line function body and awaits a promise', async () => {
    const value = [
      'const order = JSON.parse(output)',
      'if (order.status !== "shipped") return false',
      'return Promise.resolve({ pass: true, score: 0.8, reason: "shipped in " + order.eta_days + " days" })',
    ].join('\n')
    const { outcome, detail } = await runOne({ type: 'javascript', value })
    expect(detail).toMatchObject({ pass: true, score: 0.8, reason: 'shipped in 3 days' })
    expect(outcome).toMatchObject({ value: 1, raw: 0.8 })
  })

  it('a number is the score: pass when ≥ threshold, else when > 0; any finite number is kept', async () => {
    const noThreshold = await runOne({ type: 'javascript', value: 'JSON.parse(output).eta_days' })
    expect(noThreshold.detail).toMatchObject({ pass: true, score: 3 })
    const under = await runOne({
      type: 'javascript',
      value: 'JSON.parse(output).eta_days / 10',
      threshold: 0.5,
    })
    expect(under.detail).toMatchObject({ pass: false, score: 0.3 })
    const zero = await runOne({ type: 'javascript', value: '0' })
    expect(zero.detail).toMatchObject({ pass: false, score: 0 })
  })

  it('not-javascript inverts pass; a GradingResult keeps its own reason', async () => {
    const inverted = await runOne({ type: 'not-javascript', value: "output.includes('cancelled')" })
    expect(inverted.detail).toMatchObject({ pass: true, score: 1, reason: 'Assertion passed' })
    const graded = await runOne({
      type: 'not-javascript',
      value: "({ pass: true, score: 1, reason: 'looks shipped' })",
    })
    expect(graded.detail).toMatchObject({ pass: false, score: 1, reason: 'looks shipped' })
  })

  it('a throw, a syntax error or a wrong return type is a failed assertion, as in promptfoo', async () => {
    const threw = await runOne({ type: 'javascript', value: 'JSON.parse("not json")' })
    expect(threw.detail).toMatchObject({ status: 'scored', pass: false, score: 0 })
    expect(threw.detail.reason).toMatch(/^Custom function threw error: SyntaxError/)
    const syntax = await runOne({ type: 'javascript', value: 'output.includes(' })
    expect(syntax.detail).toMatchObject({ status: 'scored', pass: false })
    const wrong = await runOne({ type: 'javascript', value: "'yes'" })
    expect(wrong.detail.reason).toContain('Got type string')
    expect(wrong.outcome).toMatchObject({ value: 0, passed: false })
  })

  it('cannot reach the host: require, process, fetch are not there', async () => {
    for (const value of ["require('fs')", 'process.env.HOME', "fetch('http://127.0.0.1')"]) {
      const { detail } = await runOne({ type: 'javascript', value })
      expect(detail).toMatchObject({ status: 'scored', pass: false })
      expect(detail.reason).toMatch(/threw error: (ReferenceError|TypeError)/)
    }
  })

  it('a script that loops is stopped at its time limit and leaves the test unscored', async () => {
    const { outcome, detail } = await runOne({ type: 'javascript', value: 'while (true) {}\nreturn true' })
    expect(detail).toMatchObject({ status: 'error', pass: false })
    expect(detail.reason).toContain('time limit')
    expect(outcome).toMatchObject({ value: null, passed: null, details: { error: 'assertion' } })
  })

  it('a very long GradingResult reason comes back cut, not as an error', async () => {
    const { detail } = await runOne({
      type: 'javascript',
      value: "({ pass: true, score: 1, reason: 'x'.repeat(5000) })",
    })
    expect(detail.status).toBe('scored')
    expect(detail.reason.length).toBeLessThan(2000)
    expect(detail.reason.endsWith('…')).toBe(true)
  })
})
