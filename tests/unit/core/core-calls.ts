import type { ErrorInfo } from '../../../shared/contract'
import type { PromptDetail, PromptSummary } from '../../../shared/domain/prompts'
import { openCore, type Core, type CoreOptions } from '../../../electron/main/core'
import { fixedClock } from '../../fixtures/temp-home'
import { catchUpClock, copyTemplate } from '../../fixtures/workspace-template'

/** Calls a method and returns its value; a failure fails the test with the error code and message. */
export async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Calls a method that must fail and returns its error. */
export async function failure(core: Core, method: string, input: unknown): Promise<ErrorInfo> {
  const result = await core.dispatch(method, input)
  if (result.ok) throw new Error(`${method} succeeded but was expected to fail`)
  return result.error
}

/**
 * The seeded demo workspace (or, with `seedDemo: false`, an empty migrated one) in a fresh folder, with a
 * fixed clock and user. A new folder gets a copy of the run's template workspace instead of being migrated
 * and seeded again; a test's own clock or migrations build it as before.
 */
export function demoCore(home: string, options: Partial<CoreOptions> = {}): Core {
  const fromTemplate = !options.now && !options.migrations
  const template = fromTemplate ? copyTemplate(home, options.seedDemo === false ? 'migrated' : 'demo') : null
  const now = options.now ?? fixedClock()
  const core = openCore({ home, user: 'tester', ...options, now })
  catchUpClock(template, now)
  return core
}

export async function promptNamed(core: Core, name: string): Promise<PromptDetail> {
  const list = await call<PromptSummary[]>(core, 'prompts.list', {})
  const found = list.find((p) => p.name === name)
  if (!found) throw new Error(`no prompt named ${name}`)
  return call<PromptDetail>(core, 'prompts.get', { id: found.id })
}
