import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import type { DatasetCase, DatasetSnapshot, SnapshotDiff } from '../../../../shared/domain/datasets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure } from '../core-calls'
import { allCases, base64, importAsNew } from './api-helpers'

const newHome = useTempHomes()

const turns = [
  { role: 'system', content: 'Acme support, {{channel}} channel.' },
  { role: 'user', content: 'I was billed twice.' },
  { role: 'assistant', content: 'Which invoice?' },
]
const jsonl = [
  { key: 'billing-1', vars: { channel: 'email' }, messages: turns, tool_results: { find_invoice: 'INV-9' } },
  { key: 'plain-1', vars: { channel: 'chat' } },
]
  .map((line) => JSON.stringify(line))
  .join('\n')

type Exported = { content: string }
const withoutIds = (cases: DatasetCase[]) => cases.map(({ id: _id, ...fields }) => fields)

async function imported(core: Core): Promise<{ datasetId: string; cases: DatasetCase[] }> {
  const result = await importAsNew(core, 'support-chats.jsonl', jsonl, 'Support chats')
  return { datasetId: result.dataset.id, cases: await allCases(core, result.dataset.id) }
}

describe('conversation cases through the core', () => {
  it('imports turns and canned results, exports them and imports the export identically', async () => {
    const core = demoCore(newHome())
    const { datasetId, cases } = await imported(core)
    expect(cases[0]).toMatchObject({
      key: 'billing-1',
      conversation: turns,
      toolResults: { find_invoice: 'INV-9' },
    })
    expect(cases[1] && 'conversation' in cases[1]).toBe(false)
    for (const format of ['csv', 'jsonl'] as const) {
      const first = await call<Exported>(core, 'datasets.export', { datasetId, format })
      const copy = await importAsNew(core, `copy.${format}`, first.content, `Copy ${format}`)
      expect(withoutIds(await allCases(core, copy.dataset.id))).toEqual(withoutIds(cases))
      expect(
        (await call<Exported>(core, 'datasets.export', { datasetId: copy.dataset.id, format })).content,
      ).toBe(first.content)
    }
    core.close()
  })

  it('refuses a file with one bad turn whole: nothing is stored', async () => {
    const core = demoCore(newHome())
    const before = (await call<unknown[]>(core, 'datasets.list', {})).length
    const bad = `${jsonl}\n${JSON.stringify({ key: 'x', vars: { channel: 'sms' }, messages: [{ role: 'robot', content: 'hi' }] })}`
    const refused = await failure(core, 'datasets.importCommit', {
      fileName: 'cases.jsonl',
      contentBase64: base64(bad),
      mapping: { key: { role: 'key' }, vars: { role: 'varsObject' }, messages: { role: 'conversation' } },
      target: { kind: 'new', name: 'Broken' },
    })
    expect(refused.message).toContain(
      'cases.jsonl, row 3 (line 3), column "messages", turn 1: role "robot" is not one of system, user, assistant',
    )
    expect((await call<unknown[]>(core, 'datasets.list', {})).length).toBe(before)
    core.close()
  })

  it('edits and removes turns, snapshots them, and the diff names conversation and toolResults', async () => {
    const core = demoCore(newHome())
    const { datasetId, cases } = await imported(core)
    const [chat] = cases
    const first = await call<DatasetSnapshot>(core, 'datasets.snapshot', { datasetId })
    const edited = [...turns, { role: 'user', content: 'INV-9, yes.' }]
    await call(core, 'cases.update', { caseId: chat?.id, patch: { conversation: edited, toolResults: null } })
    const [after] = await allCases(core, datasetId)
    expect(after?.conversation).toEqual(edited)
    expect(after && 'toolResults' in after).toBe(false)
    const diff = await call<SnapshotDiff>(core, 'datasets.diffSnapshots', {
      datasetId,
      from: first.id,
      to: 'working',
    })
    expect(diff.edited.map((e) => [e.key, e.fields])).toEqual([
      ['billing-1', ['conversation', 'toolResults']],
    ])
    const second = await call<DatasetSnapshot>(core, 'datasets.snapshot', { datasetId })
    const atFirst = await allCases(core, datasetId, first.id)
    expect(atFirst[0]?.conversation).toEqual(turns)
    expect((await allCases(core, datasetId, second.id))[0]?.conversation).toEqual(edited)
    await call(core, 'cases.update', { caseId: chat?.id, patch: { conversation: null } })
    expect((await allCases(core, datasetId))[0]).not.toHaveProperty('conversation')
    const refused = await failure(core, 'cases.update', {
      caseId: chat?.id,
      patch: { conversation: [{ role: 'robot', content: 'x' }] },
    })
    expect(refused.code).toBe('INVALID_INPUT')
    core.close()
  })
})
