import type { TestCase, TestResult } from '@playwright/test/reporter'
import { afterEach, describe, expect, it, vi } from 'vitest'
import SkipReasonsReporter from '../../smoke/skip-reasons-reporter'

type Annotation = TestResult['annotations'][number]

function testCase(title: string): TestCase {
  return { titlePath: () => ['', 'packaged-app', 'packaged-app.spec.ts', title] } as unknown as TestCase
}

function result(status: TestResult['status'], annotations: Annotation[]): TestResult {
  return { status, annotations } as unknown as TestResult
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('SkipReasonsReporter', () => {
  it('prints each skip reason once, with the tests it skipped, and nothing for tests that ran', () => {
    const printed: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line))
    const reporter = new SkipReasonsReporter()
    const noApp: Annotation = {
      type: 'skip',
      description: 'No packaged app at dist/linux-unpacked/eval-lab.',
    }
    reporter.onTestEnd(testCase('opens the window'), result('skipped', [noApp]))
    reporter.onTestEnd(testCase('a demo run completes'), result('skipped', [noApp]))
    reporter.onTestEnd(testCase('ran'), result('passed', [{ type: 'userData', description: '/tmp/x' }]))
    reporter.onEnd()

    expect(printed.join('\n')).toBe(
      [
        '\n  Skipped 2 tests: No packaged app at dist/linux-unpacked/eval-lab.',
        '    - packaged-app › packaged-app.spec.ts › opens the window',
        '    - packaged-app › packaged-app.spec.ts › a demo run completes',
      ].join('\n'),
    )
  })

  it('says so when a skip gave no reason', () => {
    const printed: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line))
    const reporter = new SkipReasonsReporter()
    reporter.onTestEnd(testCase('quiet'), result('skipped', [{ type: 'skip' }]))
    reporter.onEnd()
    expect(printed[0]).toBe('\n  Skipped 1 test: (no reason given)')
  })
})
