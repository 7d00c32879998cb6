import { beforeAll, describe, expect, it } from 'vitest'
import { buildBundle } from '../../../../electron/main/core/bundles/build'
import { bundlePaths, type BundleFiles } from '../../../../electron/main/core/bundles/format'
import { importBundle } from '../../../../electron/main/core/bundles/import'
import { contentHash } from '../../../../electron/main/core/prompts/hash'
import type { PromptMessage, ModelParams } from '../../../../shared/domain/prompts'
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

type Version = Parameters<typeof contentHash>[0] & { number: number; contentHash: string }

/** The bundle with version 2 edited by hand, its content hash recomputed so only the content is wrong. */
function withVersion2(edit: (v: { messages: PromptMessage[]; params: ModelParams }) => void): BundleFiles {
  const prompt = JSON.parse(files.get(bundlePaths.prompt) ?? '') as { versions: Version[] }
  const second = prompt.versions.find((v) => v.number === 2)
  if (!second) throw new Error('no version 2')
  edit(second)
  second.contentHash = contentHash(second)
  return new Map(files).set(bundlePaths.prompt, JSON.stringify(prompt))
}

const tool = (name: string) => ({
  name,
  description: 'Send the ticket to a queue',
  parameters: { type: 'object', properties: { queue: { type: 'string' } } },
})

/** Imports into an empty workspace, expecting the refusal and no row written. */
async function expectRefused(bad: BundleFiles, message: string): Promise<void> {
  const { ctx, close } = openContext(newHome(), { seedDemo: false })
  const before = rowCounts(ctx)
  await expect(importBundle(ctx, bad)).rejects.toThrow(message)
  expect(rowCounts(ctx)).toEqual(before)
  close()
}

describe('importBundle of a prompt.json whose version the editor would refuse', () => {
  it('refuses duplicate tool names, naming the file, the version and the tool', async () => {
    const bad = withVersion2((v) => {
      v.params = { ...v.params, tools: [tool('route_ticket'), tool('route_ticket')] }
    })
    await expectRefused(
      bad,
      'prompt.json: version 2: Tool 2 ("route_ticket") has the same name as tool 1: tool names must be unique',
    )
  })

  it('refuses a tool choice naming a tool the version does not define', async () => {
    const bad = withVersion2((v) => {
      v.params = { ...v.params, tools: [tool('route_ticket')], toolChoice: { name: 'escalate' } }
    })
    await expectRefused(
      bad,
      'prompt.json: version 2: Tool choice names the tool "escalate", which is not defined (tools: "route_ticket")',
    )
  })

  it('refuses parameters that are not an object schema, and a second conversation placeholder', async () => {
    const notObject = withVersion2((v) => {
      v.params = { ...v.params, tools: [{ ...tool('route_ticket'), parameters: { type: 'string' } }] }
    })
    await expectRefused(
      notObject,
      'prompt.json: version 2: Tool 1 ("route_ticket") field parameters has type "string"',
    )
    const twoPlaceholders = withVersion2((v) => {
      v.messages = [
        ...v.messages,
        { role: 'conversation', content: '' },
        { role: 'conversation', content: '' },
      ]
    })
    await expectRefused(twoPlaceholders, 'prompt.json: version 2: Messages')
  })

  it('still imports the untouched bundle', async () => {
    const { ctx, close } = openContext(newHome(), { seedDemo: false })
    expect((await importBundle(ctx, files)).versionsAdded).toBeGreaterThan(1)
    close()
  })
})
