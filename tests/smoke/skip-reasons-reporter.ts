import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

/**
 * Prints why tests were skipped, after the list reporter's summary: the list reporter marks a skipped test
 * with "-" and drops the reason, and a skipped smoke test must say why (e.g. no packaged app here).
 */
export default class SkipReasonsReporter implements Reporter {
  private readonly skipped = new Map<string, string[]>()

  printsToStdio(): boolean {
    return true
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return
    const reasons = result.annotations.filter((note) => note.type === 'skip' || note.type === 'fixme')
    for (const reason of reasons) {
      const key = reason.description?.trim() || '(no reason given)'
      this.skipped.set(key, [...(this.skipped.get(key) ?? []), test.titlePath().slice(1).join(' › ')])
    }
  }

  onEnd(): void {
    for (const [reason, tests] of this.skipped) {
      const count = tests.length === 1 ? '1 test' : `${tests.length} tests`
      console.log(`\n  Skipped ${count}: ${reason}`)
      for (const title of tests) console.log(`    - ${title}`)
    }
  }
}
