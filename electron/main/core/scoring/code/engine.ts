import { newQuickJSWASMModule, RELEASE_SYNC, type QuickJSWASMModule } from 'quickjs-emscripten'

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
      const loading = newQuickJSWASMModule(RELEASE_SYNC)
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
