import { newQuickJSWASMModule, RELEASE_SYNC, type QuickJSWASMModule } from 'quickjs-emscripten'
import { runInFreshRuntime } from './call'
import { sandboxLimitsSchema } from './limits'

/**
 * V8 compiles the module's WebAssembly lazily, so the first calls are slow (≈ 30 ms idle, measured
 * ≈ 300 ms on a busy machine): one warm-up call with a roomy limit runs the common paths (the prelude,
 * JSON, strings, regex, dates, arrays, promises, a caught error) so that this cost never counts against
 * a user's time limit.
 */
const warmUpSource = `async (output, { vars }) => {
  const parsed = JSON.parse(output)
  const words = String(vars.text).toLowerCase().split(/\\s+/).filter((w) => /^[a-z]+$/.test(w))
  await null
  try { vars.missing.field } catch (error) { String(error.stack) }
  return { pass: words.includes('ready') && new Date(parsed.at).getUTCFullYear() === 2026, score: 1, reason: 'ok' }
}`
const warmUpInput = JSON.stringify({
  output: '{"at":"2026-01-01T00:00:00Z"}',
  context: { vars: { text: 'Engine ready' }, expected: null, toolCalls: [], metadata: {} },
})

async function loadWarm(): Promise<QuickJSWASMModule> {
  const module = await newQuickJSWASMModule(RELEASE_SYNC)
  const warm = runInFreshRuntime(
    module,
    warmUpSource,
    warmUpInput,
    sandboxLimitsSchema.parse({ timeMs: 10_000 }),
  )
  if (!warm.outcome.ok) throw new Error(`the engine failed its warm-up call: ${warm.outcome.message}`)
  if (warm.engineBroken) throw new Error('the engine failed to free its warm-up call')
  return module
}

/**
 * The QuickJS WebAssembly module, loaded once (≈ tens of ms) and shared by every call; each call gets its
 * own runtime in it. quickjs-emscripten 0.32 can abort while freeing a runtime that ran out of memory
 * (upstream issue justjake/quickjs-emscripten#257, `list_empty(&rt->gc_obj_list)`): after such an abort
 * the module's memory is not trusted again, so it is dropped and the next call loads a new one.
 */
export class QuickJsEngine {
  private module: Promise<QuickJSWASMModule> | null = null
  private loads = 0

  load(): Promise<QuickJSWASMModule> {
    if (!this.module) {
      this.loads += 1
      const loading = loadWarm()
      // A failed load is not cached: the next call tries again.
      loading.catch(() => {
        if (this.module === loading) this.module = null
      })
      this.module = loading
    }
    return this.module
  }

  discard(): void {
    this.module = null
  }

  /** How many modules were loaded: 1 unless an abort forced a fresh one (tests read it). */
  get loadCount(): number {
    return this.loads
  }
}
