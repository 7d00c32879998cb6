import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Transport } from '../../../../shared/contract'
import type { EvalSuite } from '../../../../shared/domain/scoring'
import { startCoreProcess, type CoreProcess } from '../../fixtures/core-process'
import { appState, renderApp } from '../render-app'
import { mockTableViewport } from './helpers'

let core: CoreProcess | null = null
let restoreViewport = () => undefined as void
beforeEach(() => {
  restoreViewport = mockTableViewport()
})
afterEach(async () => {
  restoreViewport()
  cleanup()
  history.replaceState(null, '', '/')
  await core?.close()
  core = null
})

const model = { provider: 'local-llm', model: 'qwen2.5-7b-instruct' }
const config = [
  'defaultTest:',
  '  assert:',
  '    - { type: python, value: "len(output) < 400" }',
  'tests:',
  '  - vars: { order: "4471" }',
  '    threshold: 0.5',
  '    assert:',
  '      - { type: contains, value: "4471" }',
  '      - { type: llm-rubric, value: Is polite to the customer }',
  '  - vars: { order: "4472" }',
  '    assert:',
  '      - { type: similar, value: Your order shipped }',
].join('\n')

async function call<T>(transport: Transport, method: Parameters<Transport['rpc']>[0], input: unknown) {
  const result = await transport.rpc(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as T
}

describe('importing promptfoo tests with assertions (real core)', () => {
  it('names the types not run, then adds a promptfoo assertions scorer with a judge in one click', async () => {
    core = await startCoreProcess()
    const prompt = await call<{ prompt: { id: string } }>(core.transport, 'prompts.create', {
      name: 'Order status',
      messages: [{ role: 'user', content: 'Where is order {{order}}?' }],
      model,
      message: 'first cut',
      allowNewVariables: true,
    })
    renderApp(core.transport, { initialRoute: 'datasets' })
    await waitFor(() => expect(appState()).toBe('ready'))
    fireEvent.click(screen.getByTestId('import-dataset'))
    const file = new File([config], 'orders.yaml', { type: 'application/yaml' })
    fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [file] } })
    const notRun = await screen.findByTestId('import-assertions-not-run')
    expect(notRun.textContent).toBe(
      'Not run by Eval Lab: python ×2, similar ×1 — kept in the case, reported as not scored.',
    )
    expect(screen.getByTestId('import-assertions').textContent).toContain(
      '1 llm-rubric assertion needs a judge',
    )
    await screen.findByRole('option', { name: 'Order status' })
    fireEvent.change(screen.getByTestId('import-prompt-vars'), { target: { value: prompt.prompt.id } })
    await waitFor(() =>
      expect(screen.getByTestId('import-known-variables').textContent).toContain('{{order}}'),
    )
    fireEvent.change(screen.getByTestId('import-dataset-name'), { target: { value: 'Orders' } })
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('confirm-dataset-import').disabled).toBe(false),
    )
    fireEvent.click(screen.getByTestId('confirm-dataset-import'))

    await waitFor(() => expect(screen.queryByTestId('import-dialog-dataset')).toBeNull())
    const add = await screen.findByTestId('assertions-offer-add')
    expect(add.textContent).toBe('Add a ‘promptfoo assertions’ scorer to Order status’s suite')
    expect(screen.getByTestId('assertions-offer-not-run').textContent).toContain('python ×2, similar ×1')
    fireEvent.click(add)
    const done = await screen.findByTestId('assertions-offer-done')
    expect(done.textContent).toContain('(promptfoo.pass) to Order status')
    expect(done.textContent).toContain('llm-rubric is graded by local-llm/qwen2.5-7b-instruct')

    const suite = await call<EvalSuite>(core.transport, 'suites.get', { promptId: prompt.prompt.id })
    expect(suite.scorers.at(-1)).toEqual({
      metric: 'promptfoo.pass',
      label: 'promptfoo assertions',
      config: { kind: 'assertions', field: 'assertions', judgeModel: model },
    })
  }, 30_000)
})
