/**
 * Acceptance test of issue 5: a batch run survives `kill -9`. One run of the demo "Ticket triage" (2
 * versions × 145 cases × an OpenAI and an Anthropic model = 580 calls to the mock LLM server, with light
 * 429/500 faults) is executed by a child process (tests/fixtures/crash/run-batch.ts) that is SIGKILLed at 12
 * different points, and resumed by a fresh child after each; then it is reopened and resumed here. The final
 * results must equal those of a run without a crash, with no duplicate and no lost row, and no item stored
 * before a kill may be requested again after it.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../electron/main/core'
import type { Run, RunProgress, RunResult, RunResultPage } from '../../../../shared/domain/runs'
import {
  bundledEntry,
  keyText,
  killLiveChildren,
  mockKey,
  parseMockKey,
  readStoredState,
  spawnCrashChild,
  tsxEntry,
  within,
  type ChildEntry,
  type StoredRow,
  type StoredState,
} from '../../../fixtures/crash/harness'
import {
  crashRunner,
  type ChildConfig,
  type ChildMessage,
  type SelfKill,
} from '../../../fixtures/crash/protocol'
import type { FaultKind, MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call } from '../core-calls'

const tempHome = useTempHomes()
const startMock = useMockLlmServer()
afterEach(killLiveChildren)
let entry: ChildEntry = tsxEntry
beforeAll(async () => {
  // EVALLAB_CRASH_CHILD=tsx runs the script itself under tsx (slower to start, same assertions).
  entry = process.env.EVALLAB_CRASH_CHILD === 'tsx' ? tsxEntry : await bundledEntry()
})
afterAll(() => entry.dispose())

/** The longest one child may take (it starts in about a second; all 580 calls take a few seconds). */
const SEGMENT_MS = 30_000

/** Where a child dies: by its own hand at a point only it can see, or by the parent's SIGKILL. */
type KillPoint =
  | { name: string; self: SelfKill }
  /** When the mock server has received this many chat requests from this child. */
  | { name: string; afterRequests: number }
  /** As soon as the child reports the run resumed, while its first calls are being sent. */
  | { name: string; onRunLine: true }
  /** When the retry of an item arrives: its first attempt is answered with a scripted 429. */
  | { name: string; onRetry: true }

const killPoints: readonly KillPoint[] = [
  { name: 'right after runs.start, before the first call', self: { at: 'started' } },
  { name: 'at the first request', afterRequests: 1 },
  { name: 'right after runs.resume returned', onRunLine: true },
  { name: 'while an item is retried after a 429', onRetry: true },
  { name: 'inside a write transaction (3rd row of the process)', self: { at: 'insert', n: 3 } },
  { name: 'after 20 requests', afterRequests: 20 },
  { name: 'right after the 2nd batch committed', self: { at: 'flushed', n: 2 } },
  { name: 'after 45 requests', afterRequests: 45 },
  { name: 'inside a write transaction (23rd row of the process)', self: { at: 'insert', n: 23 } },
  { name: 'after 90 requests', afterRequests: 90 },
  { name: 'after 150 requests', afterRequests: 150 },
  { name: 'every result stored, before the run is marked completed', self: { at: 'completing' } },
]

function coreFor(home: string, server: MockLlmServer): Core {
  const settings = (kind: 'openai' | 'anthropic', baseUrl: string) =>
    ({ kind, baseUrl, apiKey: 'test', concurrency: 8 }) as const
  return openCore({
    home,
    user: 'crash-test',
    providerSettings: {
      openai: settings('openai', server.openaiBaseUrl),
      anthropic: settings('anthropic', server.anthropicBaseUrl),
    },
    runner: crashRunner,
  })
}

function settled(core: Core, runId: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const stop = core.bus.subscribe((event, payload) => {
      const p = payload as RunProgress
      if (event !== 'runs.progress' || p.runId !== runId || p.status === 'running') return
      stop()
      call<Run>(core, 'runs.get', { id: runId }).then(resolve, reject)
    })
  })
}

async function allResults(core: Core, runId: string): Promise<RunResult[]> {
  const out: RunResult[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await call<RunResultPage>(core, 'runs.results', { runId, offset, limit: 500 })
    out.push(...page.results)
    if (page.results.length === 0 || out.length >= page.total) return out
  }
}

/** key → the answer, or the error kind when there is none; a duplicate key fails the test. */
function answers(results: readonly RunResult[]): Map<string, string> {
  const map = new Map(results.map((r) => [keyText(r), r.responseText ?? `error:${r.errorKind}`]))
  expect(map.size, 'no duplicate result rows').toBe(results.length)
  return map
}

/** What a row must keep once written: a resume never replaces it. */
const rowContent = (r: StoredRow) => ({
  responseText: r.responseText,
  errorKind: r.errorKind,
  attempts: r.attempts,
  attemptLog: r.attemptLog,
  createdAt: r.createdAt,
})

/** What every kill must leave: a sound file, the run still 'running', its counts matching its rows. */
function expectConsistentAfterKill(state: StoredState, point: string): void {
  expect(state.integrity, point).toBe('ok')
  expect(state.status, point).toBe('running')
  expect(state.distinctKeys, `${point}: no duplicate rows`).toBe(state.rowCount)
  expect(state.rows.size, point).toBe(state.rowCount)
  // The rows of a batch and the run's counts are written in one transaction: a kill never splits them.
  const errors = [...state.rows.values()].filter((r) => r.errorKind !== null).length
  expect(state.counts, point).toMatchObject({ done: state.rowCount, errors })
}

/** Called by the mock server once per chat request, to time the parent's kills; may script a fault. */
interface RequestTap {
  onRequest: (key: string) => readonly FaultKind[] | undefined
}

/** One run, killed again and again: each segment is one child, from its start (or resume) to its kill. */
class CrashedRun {
  runId: string | undefined
  total = 0
  /** Every row as first seen after a kill, by keyText. */
  readonly firstSeen = new Map<string, ReturnType<typeof rowContent>>()
  /** Rows a kill rolled back with their transaction. */
  readonly rolledBack = new Set<string>()
  readonly log: string[] = []
  constructor(
    private readonly base: ChildConfig,
    private readonly tap: RequestTap,
  ) {}

  get home(): string {
    return this.base.home
  }

  async killAt(point: KillPoint, server: MockLlmServer): Promise<void> {
    const { runId, home } = this
    const before = runId ? readStoredState(home, runId) : undefined
    const storedKeys = [...(before?.rows.values() ?? [])].map((r) => mockKey(runId ?? '', r))
    const attemptsBefore = new Map(storedKeys.map((key) => [key, server.stats.attemptsFor(key).length]))
    const selfKill = 'self' in point ? { selfKill: point.self } : {}
    const startedAt = performance.now()
    const child = spawnCrashChild(entry, { ...this.base, ...(runId ? { runId } : {}), ...selfKill })
    const what = () => `${point.name}\n${child.describe()}`
    let requests = 0
    let retried: string | undefined
    this.tap.onRequest = (key) => {
      if (++requests === ('afterRequests' in point ? point.afterRequests : 0)) child.kill()
      if (!('onRetry' in point)) return undefined
      // The first item this child sends for the first time gets a 429; its next attempt is the retry.
      if (retried === undefined && server.stats.attemptsFor(key).length === 1) retried = key
      else if (key === retried) child.kill()
      return key === retried ? ['429'] : undefined
    }
    const run = await within(child.message('run'), SEGMENT_MS, what)
    const runLineAt = performance.now()
    if ('onRunLine' in point) child.kill()
    const exit = await within(child.exited, SEGMENT_MS, what)
    this.tap.onRequest = () => undefined
    expect(exit.signal, `${point.name}: ended by SIGKILL\n${what()}`).toBe('SIGKILL')
    if (runId) {
      // The reopened workspace shows the run the last kill cut off as interrupted, with what it kept.
      expect(run.id).toBe(runId)
      expect(run.foundStatus, point.name).toBe('interrupted')
      expect(run.counts.done, point.name).toBe(before?.rowCount)
    }
    this.runId = run.id
    this.total = run.counts.total

    // The dead process still holds the workspace lock: the next open must take it over.
    expect(existsSync(join(home, 'evallab.lock')), `${point.name}: stale lock left`).toBe(true)
    const state = readStoredState(home, run.id)
    expectConsistentAfterKill(state, point.name)
    this.expectKept(state, point.name)
    // Only missing items were called: nothing stored before this child started was requested by it.
    const again = [...attemptsBefore].filter(([key, n]) => server.stats.attemptsFor(key).length !== n)
    expect(again, `${point.name}: stored items requested again`).toEqual([])
    this.expectDeathAsPlanned(point, child.messages, state, requests)
    if (retried) {
      expect(server.stats.attemptsFor(retried).length, point.name).toBeGreaterThanOrEqual(2)
      expect(state.rows.has(keyText(parseMockKey(retried))), `${point.name}: retried item stored`).toBe(false)
    }
    this.log.push(
      `${point.name}: ${requests} requests, ${state.rowCount}/${this.total} rows stored, run line at ${Math.round(runLineAt - startedAt)} ms, killed at ${Math.round(performance.now() - startedAt)} ms`,
    )
  }

  /** No row lost, none rewritten: every row seen after an earlier kill is still there, unchanged. */
  expectKept(state: StoredState, point: string): void {
    for (const [key, kept] of this.firstSeen) {
      const row = state.rows.get(key)
      expect(row && rowContent(row), `${point}: ${key} kept as written`).toEqual(kept)
    }
    for (const [key, row] of state.rows)
      if (!this.firstSeen.has(key)) this.firstSeen.set(key, rowContent(row))
  }

  private expectDeathAsPlanned(
    point: KillPoint,
    messages: readonly ChildMessage[],
    state: StoredState,
    requests: number,
  ): void {
    const dying = messages.find((m): m is Extract<ChildMessage, { event: 'dying' }> => m.event === 'dying')
    if ('self' in point) expect(dying?.at, point.name).toBe(point.self.at)
    if (dying?.at === 'started') expect(requests, `${point.name}: no call went out`).toBe(0)
    if (dying?.at === 'insert') {
      // The rows of the transaction the kill cut off are gone; a later resume writes them.
      expect(dying.inTransaction, point.name).toBe(true)
      expect(dying.batch.length, point.name).toBeGreaterThan(0)
      for (const key of dying.batch.map(keyText)) {
        expect(state.rows.has(key), `${point.name}: ${key} rolled back`).toBe(false)
        this.rolledBack.add(key)
      }
    }
    if (dying?.at === 'flushed') {
      // Killed right after a commit: that batch is all there.
      expect(dying.inTransaction, point.name).toBe(false)
      expect(dying.batch.length, point.name).toBeGreaterThan(0)
      for (const key of dying.batch.map(keyText))
        expect(state.rows.has(key), `${point.name}: ${key}`).toBe(true)
    }
    if (dying?.at === 'completing') expect(state.rowCount, point.name).toBe(this.total)
    else expect(state.rowCount, `${point.name}: killed before the end`).toBeLessThan(this.total)
  }
}

describe('a batch run killed with SIGKILL', () => {
  it(
    'resumes after 12 kill points to the results of a run without a crash',
    { timeout: 180_000 },
    async () => {
      const tap: RequestTap = { onRequest: () => undefined }
      const server = await startMock({
        latency: { minMs: 5, maxMs: 20 },
        rate429: 0.04,
        rate500: 0.02,
        retryAfterSeconds: 0.01,
        seed: 5,
        // The hook counts requests to time the parent's kills; where it scripts nothing the seeded rates decide.
        faultsFor: (key) => tap.onRequest(key),
      })
      const home = tempHome()
      const run = new CrashedRun(
        {
          home,
          openaiBaseUrl: server.openaiBaseUrl,
          anthropicBaseUrl: server.anthropicBaseUrl,
          concurrency: 8,
        },
        tap,
      )
      for (const point of killPoints) await run.killAt(point, server)
      const { runId, total } = run
      if (!runId) throw new Error('no run was started')
      console.info(`crash test, ${killPoints.length} kill points:\n  ${run.log.join('\n  ')}`)

      // Reopened here as the app would be after the last crash, and resumed to completion.
      const attemptsBeforeFinal = server.stats.snapshot().attempts
      const core = coreFor(home, server)
      try {
        const reopened = await call<Run>(core, 'runs.get', { id: runId })
        expect(reopened.status).toBe('interrupted')
        expect(reopened.counts.done).toBe(total)
        const finished = settled(core, runId)
        await call<Run>(core, 'runs.resume', { id: runId })
        const final = await within(finished, SEGMENT_MS, () => 'the final resume')
        expect(final.status).toBe('completed')
        // Everything was stored before: the last resume called nothing.
        expect(server.stats.snapshot().attempts).toEqual(attemptsBeforeFinal)

        const results = await allResults(core, runId)
        const got = answers(results)
        expect(got.size).toBe(total)
        for (const key of run.rolledBack) expect(got.has(key), `${key} written after its rollback`).toBe(true)
        for (const r of results) {
          // A row counts only the attempts of the process that stored it; the server saw them all.
          expect(r.attempts).toBeLessThanOrEqual(server.stats.attemptsFor(mockKey(runId, r)).length)
        }
        const errors = results.filter((r) => r.errorKind !== null).length
        expect(final.counts).toMatchObject({ total, done: total, errors, cached: 0 })
        const spent = results.reduce((sum, r) => sum + (r.costUsd ?? 0), 0)
        expect(final.counts.spentUsd).toBeCloseTo(spent, 9)

        const reference = await call<Run>(core, 'runs.start', { ...final.plan, name: 'reference' })
        const referenceDone = await within(settled(core, reference.id), SEGMENT_MS, () => 'the reference run')
        expect(referenceDone.status).toBe('completed')
        expect(got).toEqual(answers(await allResults(core, reference.id)))
        // Eight attempts against 6 % faults: every item ends with an answer, in both runs.
        expect(errors).toBe(0)
      } finally {
        core.close()
      }

      const after = readStoredState(home, runId)
      expect(after).toMatchObject({
        integrity: 'ok',
        status: 'completed',
        rowCount: total,
        distinctKeys: total,
      })
      run.expectKept(after, 'after completion')
    },
  )
})
