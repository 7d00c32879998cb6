/** The prelude's helpers for the rare paths, compiled inside the sandbox on first need (see above). */
const rareSource = String.raw`(parse, stringify) => {
  'use strict'
  const describe = (error) => {
    try {
      if (error instanceof Error) return stringify({ name: String(error.name), message: String(error.message) })
      return stringify({ name: 'thrown value', message: String(stringify(error) ?? error) })
    } catch {
      return stringify({ name: 'thrown value', message: 'a value that cannot be read' })
    }
  }
  const settled = (value) => {
    try {
      return stringify({ status: 'ok', type: typeof value, value })
    } catch (error) {
      return stringify({ status: 'unreadable', error: parse(describe(error)) })
    }
  }
  const threw = (error) => stringify({ status: 'threw', error: parse(describe(error)) })
  return { settled, threw }
}`

/**
 * Runs inside QuickJS before the user's source. It takes away the clock and makes Math.random seeded, so
 * the same scorer on the same stored output always gives the same score (re-scoring must reproduce it):
 * Date.now(), Date() and `new Date()` without arguments throw a clear error; `new Date('2024-05-01')`,
 * Date.parse and Date.UTC keep working, since parsing dates in an output is a fair business rule.
 *
 * It returns `{ run, collect }`: `run(fn, json)` calls the scorer with the parsed input and
 * answers one JSON string `{ status, ... }`; a promise result settles through `collect()` after the host
 * drains pending jobs. QuickJS itself has no require, process, fetch, console, timers or module loader.
 */
export const preludeSource = String.raw`(() => {
  'use strict'
  const rareSource = ${JSON.stringify(rareSource)}
  const RealDate = Date
  const parse = JSON.parse
  const stringify = JSON.stringify
  const noClock = () => {
    throw new Error('Code scorers have no clock: Date.now(), Date() and new Date() without arguments are not available, so scores stay reproducible')
  }
  function SandboxDate(...args) {
    if (!new.target || args.length === 0) noClock()
    return Reflect.construct(RealDate, args, new.target)
  }
  SandboxDate.prototype = RealDate.prototype
  SandboxDate.parse = RealDate.parse
  SandboxDate.UTC = RealDate.UTC
  SandboxDate.now = noClock
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SandboxDate, writable: true, configurable: true })
  globalThis.Date = SandboxDate

  let seed = 0x2545f491
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  // The common path (a scorer that returns a plain value) is all that is compiled for each call: compiling
  // costs QuickJS ≈ 75 µs per kilobyte of source, a third of a call's time when the whole prelude was one
  // piece. Errors, unreadable values and promises compile their helpers only when they happen.
  const evaluate = eval
  let rare = null
  const rarely = () => (rare ??= evaluate(rareSource)(parse, stringify))
  let pending = null

  const run = (candidate, json) => {
    const fn = typeof candidate === 'function' ? candidate : globalThis.score
    if (typeof fn !== 'function') return stringify({ status: 'not_a_function', type: typeof candidate })
    const input = parse(json)
    let value
    try {
      value = fn(input.output, input.context)
    } catch (error) {
      return rarely().threw(error)
    }
    if (value instanceof Promise) {
      const { settled, threw } = rarely()
      pending = stringify({ status: 'pending' })
      value.then((v) => { pending = settled(v) }, (e) => { pending = threw(e) })
      return pending
    }
    try {
      return stringify({ status: 'ok', type: typeof value, value })
    } catch {
      return rarely().settled(value)
    }
  }
  const collect = () => pending
  return { run, collect }
})()`
