import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorCodes, describeInputIssues, type ErrorInfo } from '../../../shared/contract'
import type { AppMode } from '../../../renderer/src/api/app-mode'
import { TransportError, toErrorInfo } from '../../../renderer/src/api/errors'
import { ErrorNotice } from '../../../renderer/src/components/ErrorNotice'
import { errorHint } from '../../../renderer/src/components/error-hint'
import { failureCopy } from '../../../renderer/src/features/recovery/failure-copy'

afterEach(cleanup)

/** Advice a browser user cannot follow: the desktop app's own restart, its window, its native dialogs. */
const desktopOnly = /quit Eval Lab|restart Eval Lab|this window|native/i
/** Advice that makes no sense inside the desktop app: the host process and its address. */
const browserOnly = /host|\?token|npm run web/i

describe('ErrorNotice', () => {
  it('says what to do about a full disk, beside the message naming the file', () => {
    const message =
      'The disk is full: could not write /data/evallab/evallab.db. Nothing was saved; free some space and try again.'
    render(<ErrorNotice title="Could not import" error={{ code: 'DISK_FULL', message }} testId="n" />)
    const notice = screen.getByTestId('n')
    expect(notice.dataset.errorCode).toBe('DISK_FULL')
    expect(notice.textContent).toContain('could not write /data/evallab/evallab.db')
    expect(notice.querySelector('.error-hint')?.textContent).toMatch(/^Free space on the disk/)
  })

  it('never shows a raw code: every code reads as the message and a next step', () => {
    for (const code of errorCodes) {
      render(
        <ErrorNotice title="Could not save" error={{ code, message: 'What the core said.' }} testId={code} />,
      )
      const notice = screen.getByTestId(code)
      expect(notice.dataset.errorCode).toBe(code)
      expect(notice.textContent).not.toMatch(/[A-Z]{3,}_[A-Z_]+|INTERNAL|CONFLICT|FORBIDDEN/)
      expect(notice.querySelector('.error-hint')?.textContent).toMatch(/^[A-Z].*[.)]$/)
    }
  })

  it('says what to do about a model’s unusable answer or an unreachable provider, not to correct a value', () => {
    for (const mode of ['desktop', 'browser'] as const) {
      const model = errorHint({ code: 'INVALID_INPUT', details: { source: 'model', problems: [] } }, mode)
      expect(model).toMatch(/^The model’s answer was unusable.*again.*another model.*fewer cases/)
      const provider = errorHint(
        { code: 'INVALID_INPUT', details: { source: 'provider', kind: 'auth' } },
        mode,
      )
      expect(provider).toMatch(/Settings.*another model/)
      for (const hint of [model, provider]) {
        expect(hint).not.toMatch(/Correct the value/)
        expect(hint).not.toMatch(mode === 'browser' ? desktopOnly : browserOnly)
      }
    }
    // A name or key already taken: choose another, not "reload" (nothing changed elsewhere).
    const taken = errorHint({ code: 'CONFLICT', details: { field: 'name', promptId: 'p1' } }, 'browser')
    expect(taken).toBe('Choose another name: this one is already used.')
    expect(errorHint({ code: 'CONFLICT', details: { runs: [] } }, 'desktop')).toMatch(/^It changed/)
    const correction = { code: 'CONFLICT' as const, details: { caseId: 'c1', field: 'name' } }
    expect(errorHint(correction, 'desktop')).toMatch(/^It changed/)
    // Any other refused input still points at the value the message names.
    expect(errorHint({ code: 'INVALID_INPUT', details: [] }, 'desktop')).toMatch(/^Correct the value/)
  })

  it('turns a refused input into a sentence naming the value, with no method or code in it', () => {
    const schema = z.object({ name: z.string().min(1) })
    const parsed = schema.safeParse({ name: '' })
    if (parsed.success) throw new Error('expected the empty name to be refused')
    const message = describeInputIssues(parsed.error)
    expect(message).toMatch(/^The value of “name” was not accepted \(.+\)\. Correct it and try again\.$/)
    render(<ErrorNotice title="Not saved" error={{ code: 'INVALID_INPUT', message }} testId="input" />)
    expect(screen.getByTestId('input').textContent).not.toContain('INVALID_INPUT')
  })
})

describe('advice fits where the page runs', () => {
  const modes: AppMode[] = ['desktop', 'browser']
  const infos: ErrorInfo[] = [
    ...errorCodes.map((code) => ({ code, message: 'x' })),
    toErrorInfo(new TransportError('Could not reach the Eval Lab core (fetch failed)')),
  ]

  it('gives browser users no step only the desktop app can take, and desktop users no host to restart', () => {
    for (const info of infos) {
      expect(errorHint(info, 'browser'), info.code).not.toMatch(desktopOnly)
      expect(errorHint(info, 'desktop'), info.code).not.toMatch(browserOnly)
    }
    for (const kind of [
      'locked',
      'newer-version',
      'edited-migration',
      'migration-failed',
      'unreadable',
    ] as const) {
      expect(failureCopy(kind, 'browser').steps.join(' '), kind).not.toMatch(desktopOnly)
      expect(failureCopy(kind, 'desktop').steps.join(' '), kind).not.toMatch(/\{restart\}|Ctrl\+C/)
    }
    expect(failureCopy('locked', 'browser').steps.join(' ')).toContain('start it again')
  })

  it('blames the connection, not the user, when the core did not answer', () => {
    const info = toErrorInfo(new TransportError('Could not reach the Eval Lab core (fetch failed)'))
    for (const mode of modes) expect(errorHint(info, mode)).toMatch(/not answering/)
    expect(errorHint(info, 'browser')).toMatch(/still running/)
    expect(errorHint({ code: 'INTERNAL' }, 'browser')).toMatch(/report it/)
  })
})
