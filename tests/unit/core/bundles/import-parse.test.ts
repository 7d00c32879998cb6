import { beforeAll, describe, expect, it } from 'vitest'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { bundlePaths, type BundleFiles, type BundlePath } from '../../../../electron/main/core/bundles/format'
import { importBundle } from '../../../../electron/main/core/bundles/import'
import { parseBundle } from '../../../../electron/main/core/bundles/parse'
import { useTempHomes } from '../../../fixtures/temp-home'
import { demoWithBaseline, openContext, rowCounts } from './import-helpers'

const newHome = useTempHomes()
let files: BundleFiles

beforeAll(async () => {
  const home = newHome()
  const promptId = await demoWithBaseline(home)
  const { ctx, close } = openContext(home)
  files = buildBundle(ctx, promptId).files
  close()
}, 60_000)

const edited = (path: BundlePath, edit: (text: string) => string): BundleFiles =>
  new Map(files).set(path, edit(files.get(path) ?? ''))

describe('parseBundle', () => {
  it('reads the exported folder', () => {
    const parsed = parseBundle(files)
    expect(parsed.prompt.name).toBe('Ticket triage')
    expect(parsed.results.length).toBeGreaterThan(0)
  })

  it('names the results line whose case is not in dataset.jsonl', () => {
    const bad = edited(bundlePaths.results, (t) => t.replace(/"case":"[^"]+"/, '"case":"nope"'))
    expect(() => parseBundle(bad)).toThrow(
      /^baseline\/results\.jsonl: line 1: case: "nope" is not in dataset\.jsonl/,
    )
  })

  it('names a scores metric that no scorer of gates.json produces', () => {
    const bad = edited(bundlePaths.results, (t) =>
      t.replace(
        '"scores":{',
        '"scores":{"made.up":{"passed":null,"raw":null,"reason":"","source":"rule","value":1},',
      ),
    )
    expect(() => parseBundle(bad)).toThrow(/^baseline\/results\.jsonl: line 1: scores\.made\.up: /)
  })

  it('names the field of a JSON file that does not match its schema', () => {
    const bad = edited(bundlePaths.prompt, (t) => t.replace('"owner": "', '"owner": 5, "x": "'))
    expect(() => parseBundle(bad)).toThrow(/^prompt\.json: owner: /)
  })
})

describe('importBundle into a workspace that has the prompt already', () => {
  it('refuses a version that differs from the workspace version of the same number, writing nothing', async () => {
    const { ctx, close } = openContext(newHome())
    const prompt = JSON.parse(files.get(bundlePaths.prompt) ?? '') as {
      versions: { message: string; messages: { content: string }[]; contentHash: string }[]
    }
    const first = prompt.versions[0]
    if (!first?.messages[0]) throw new Error('no version 1')
    first.messages[0].content += ' changed'
    const { contentHash } = await import('../../../../electron/main/core/prompts/hash')
    first.contentHash = contentHash(first as unknown as Parameters<typeof contentHash>[0])
    const bad = new Map(files).set(bundlePaths.prompt, JSON.stringify(prompt))
    const before = rowCounts(ctx)
    await expect(importBundle(ctx, bad)).rejects.toThrow(
      "prompt.json: version 1 differs from this workspace's version 1",
    )
    expect(rowCounts(ctx)).toEqual(before)
    close()
  })
})
