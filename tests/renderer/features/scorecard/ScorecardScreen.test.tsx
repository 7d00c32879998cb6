import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { MaturityCriterion, WorkspaceScorecard } from '../../../../shared/domain/scorecard'
import { createFakeCore, defaultState } from '../../fixtures/fake-core'
import { appState, renderApp } from '../render-app'

afterEach(() => {
  cleanup()
  history.replaceState(null, '', '/')
})

const evil = '<img src=x onerror=alert(1)>'

function criterion(key: MaturityCriterion['key'], level: number, met: boolean): MaturityCriterion {
  return {
    key,
    label: key.replace('_', ' '),
    level,
    met,
    evidence: met ? `${key} found ${evil}` : `no ${key}`,
    nextStep: met ? '' : `Add ${key}`,
    link: met ? null : key === 'ci_gate' ? '#/prompts/p-reply/suite' : 'https://evil.example',
  }
}

function scorecard(gateMet: boolean): WorkspaceScorecard {
  const criteria = [
    criterion('registry_history', 1, true),
    criterion('ci_gate', 2, gateMet),
    criterion('production_alerts', 3, false),
  ]
  return {
    level: gateMet ? 2 : 1,
    criteria: criteria.map((c) => ({
      key: c.key,
      label: c.label,
      level: c.level,
      met: c.met ? 1 : 0,
      of: 1,
    })),
    prompts: [
      {
        promptId: 'p-reply',
        name: 'Reply drafter',
        level: gateMet ? 2 : 1,
        criteria,
        nextSteps: gateMet ? ['Add production_alerts'] : ['Add ci_gate'],
      },
    ],
    nextSteps: ['Reply drafter: Add ci_gate'],
    runbook: null,
    assessedAt: '2026-11-21T10:00:00.000Z',
  }
}

describe('the Scorecard screen', () => {
  it('shows the workspace level, each prompt’s criteria with evidence and next steps, and reassesses after a write', async () => {
    const core = createFakeCore(defaultState())
    let gateMet = false
    core.handlers['scorecard.get'] = () => scorecard(gateMet)
    renderApp(core.transport, { initialRoute: 'scorecard' })
    await waitFor(() => expect(appState()).toBe('ready'))

    expect((await screen.findByTestId('scorecard-level')).textContent).toBe('Level 1 · Managed')
    const card = screen.getByTestId('scorecard-prompt')
    expect(card.dataset.prompt).toBe('Reply drafter')
    expect(card.dataset.level).toBe('1')
    const gate = card.querySelector<HTMLElement>('[data-key="ci_gate"]')!
    expect(gate.dataset.met).toBe('false')
    expect(within(gate).getByTestId('scorecard-next-step').textContent).toContain('Add ci_gate')
    expect(within(gate).getByRole('link').getAttribute('href')).toBe('#/prompts/p-reply/suite')
    const canary = card.querySelector<HTMLElement>('[data-key="production_alerts"]')!
    expect(within(canary).queryByRole('link')).toBeNull()
    const evidence = within(card).getAllByTestId('scorecard-evidence')[0]!
    expect(evidence.textContent).toContain(evil)
    expect(evidence.querySelector('img')).toBeNull()

    // A gate rule saved on the suite screen: the core announces the suite's tables, as for suites.save.
    gateMet = true
    core.transport.emit('db.changed', { tables: ['eval_suites', 'audit_log'] })
    fireEvent.click(screen.getByTestId('nav-prompts'))
    fireEvent.keyDown(window, { key: '8', code: 'Digit8', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('scorecard-level').textContent).toBe('Level 2 · Automated'))
    expect(screen.getByTestId('nav-scorecard').getAttribute('aria-current')).toBe('page')
    expect(location.hash).toBe('#/scorecard')
    const met = screen.getByTestId('scorecard-prompt').querySelector<HTMLElement>('[data-key="ci_gate"]')
    expect(met!.dataset.met).toBe('true')
  })

  it('shows the core’s refusal when the workspace cannot be assessed', async () => {
    const core = createFakeCore(defaultState())
    renderApp(core.transport, { initialRoute: 'scorecard' })
    await waitFor(() => expect(appState()).toBe('ready'))
    expect((await screen.findByRole('alert')).textContent).toContain('Could not assess the workspace')
  })
})
