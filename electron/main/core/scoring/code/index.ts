/**
 * Users' JavaScript scorers, run in QuickJS compiled to WebAssembly (quickjs-emscripten), never `node:vm`.
 * A scorer is source that evaluates to a function, or defines `function score(output, context)`:
 * `(output, { vars, expected, toolCalls, metadata }) → boolean | number (0..1) | { score, pass, reason }`,
 * sync or async. Each call runs in a fresh runtime with a time, memory and stack limit, inputs go in as
 * JSON, results come out as JSON validated with zod; no require/process/fetch/import/timers, no clock
 * (Date.now() and new Date() throw), Math.random seeded the same on every call. See prelude.ts, limits.ts.
 */
export { createCodeSandbox, type CodeSandbox } from './sandbox'
export { codeScorerInputSchema, inputJson, type CodeScorerInput } from './input'
export { defaultSandboxLimits, sandboxLimitsSchema, type SandboxLimits } from './limits'
export type { CodeErrorKind, CodeScore, CodeScoreOutcome } from './result'
export { toScoreOutcome } from './outcome'
export { codeSandboxVersion } from './version'
export { createWorkerSandbox, watchdogMarginMs, type WorkerCodeSandbox } from './worker-sandbox'
