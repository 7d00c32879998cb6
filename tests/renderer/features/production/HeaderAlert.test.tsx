import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { BreachSummary } from '../../../../shared/domain/production'
import { breachText } from '../../../../renderer/src/features/shell/ProductionAlertNotice'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { appState, renderApp } from '../render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const breach: BreachSummary = {
  promptId: 'p-triage',
  promptName: 'Triage',
  importId: 'imp-1',
  metric: 'format.json_schema',
  label: 'Triage JSON matches the schema',
  threshold: { metric: 'format.json_schema', direction: 'min', value: 0.99 },
  value: 0.973,
  cases: 2,
  scope: 'import',
  period: 'Nov 20 – Nov 21',
}

describe('the production alert in the header', () => {
  it("names the day when a day's rate breached, not the whole import's", () => {
    expect(breachText({ ...breach, scope: 'day', period: 'Nov 21' })).toBe(
      'Triage JSON matches the schema 97.3 % < 99 % (Triage, Nov 21)',
    )
  })

  it('says which metric of which prompt is below its threshold', () => {
    expect(breachText(breach)).toBe('Triage JSON matches the schema 97.3 % < 99 % (Triage)')
  })

  it('shows on other screens, not on Production, and opens the prompt’s monitoring', async () => {
    const core = createFakeCore(defaultState())
    core.handlers['production.breaches'] = () => [breach, { ...breach, metric: 'latency.p95_ms' }]
    renderApp(core.transport, { initialRoute: 'prompts' })
    await waitFor(() => expect(appState()).toBe('ready'))
    const notice = await screen.findByTestId('header-production-alert')
    expect(notice.getAttribute('role')).toBe('alert')
    expect(notice.textContent).toContain('Production alert: Triage JSON matches the schema')
    expect(notice.textContent).toContain('and 1 more')
    fireEvent.click(notice)
    await waitFor(() => expect(window.location.hash).toBe('#/production'))
    expect(screen.queryByTestId('header-production-alert')).toBeNull()
  })

  it('stays away when nothing is breached', async () => {
    const core = createFakeCore(defaultState())
    core.handlers['production.breaches'] = () => []
    renderApp(core.transport, { initialRoute: 'prompts' })
    await waitFor(() => expect(appState()).toBe('ready'))
    await waitFor(() =>
      expect(core.transport.calls.some((c) => c.method === 'production.breaches')).toBe(true),
    )
    expect(screen.queryByTestId('header-production-alert')).toBeNull()
  })
})
