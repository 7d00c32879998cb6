import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../electron/main/core'
import { slugify } from '../../../../electron/main/core/prompts/files'
import type { PromptDetail, PromptSummary } from '../../../../shared/domain/prompts'
import { promptVersionFileSchema, type HistoryEntry } from '../../../../shared/domain/registry'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'

const newHome = useTempHomes()

interface ExportedFile {
  fileName: string
  content: string
}

/** `detail` is the prompt at its latest version; `version` the exported one. */
async function exportTriage(core: Core, versionNumber = 3) {
  const detail = await promptNamed(core, 'Ticket triage')
  const file = await call<ExportedFile>(core, 'prompts.exportVersion', {
    promptId: detail.prompt.id,
    versionNumber,
  })
  const exported = await call<PromptDetail>(core, 'prompts.get', { id: detail.prompt.id, versionNumber })
  return { detail, version: exported.version, file }
}

/** The demo workspace's prompts: Ticket triage, Reply drafter and the Triage router. */
const demoPrompts = 3

async function promptCount(core: Core): Promise<number> {
  return (await call<PromptSummary[]>(core, 'prompts.list', {})).length
}

const gpt = { provider: 'openai', model: 'gpt-4o-mini-2024-07-18' }

describe('export', () => {
  it('writes a stable, sorted, LF-terminated JSON file named after the prompt and version', async () => {
    const core = demoCore(newHome())
    const { version, file } = await exportTriage(core)
    expect(file.fileName).toBe('ticket-triage.v3.prompt.json')
    expect(file.content.endsWith('}\n')).toBe(true)
    expect(file.content).not.toContain('\r')
    expect(file.content.split('\n').slice(0, 3)).toEqual([
      '{',
      '  "format": "evallab.prompt-version",',
      '  "formatVersion": 1,',
    ])
    const parsed = promptVersionFileSchema.parse(JSON.parse(file.content))
    expect(parsed.version).toMatchObject({ id: version.id, contentHash: version.contentHash })
    const again = await call<ExportedFile>(core, 'prompts.exportVersion', {
      promptId: version.promptId,
      versionNumber: 3,
    })
    expect(again.content).toBe(file.content)
    core.close()
  })

  it('makes file-safe slugs', () => {
    expect(slugify('Ticket triage')).toBe('ticket-triage')
    expect(slugify('  Réponse / FAQ (v2)!  ')).toBe('reponse-faq-v2')
    expect(slugify('***')).toBe('prompt')
  })
})

describe('import of Eval Lab files', () => {
  it('round-trips: a new prompt whose version has the same hash as the exported one', async () => {
    const core = demoCore(newHome())
    const { detail, version, file } = await exportTriage(core)
    const imported = await call<PromptDetail>(core, 'prompts.import', {
      ...file,
      target: { kind: 'new', name: 'Triage copy' },
    })
    expect(imported.prompt.name).toBe('Triage copy')
    expect(imported.prompt.description).toBe(detail.prompt.description)
    expect(imported.version.contentHash).toBe(version.contentHash)
    expect(imported.version.model).toEqual(version.model)
    expect(imported.version.message).toBe(
      'Imported from ticket-triage.v3.prompt.json (v3 of "Ticket triage")',
    )
    const history = await call<HistoryEntry[]>(core, 'prompts.history', { promptId: imported.prompt.id })
    expect(history.map((h) => h.action)).toEqual(['version.imported', 'prompt.created'])
    core.close()
  })

  it('appends an exported older version on top of the latest one, keeping its hash', async () => {
    const core = demoCore(newHome())
    const { detail, file } = await exportTriage(core, 1)
    const imported = await call<PromptDetail>(core, 'prompts.import', {
      ...file,
      target: { kind: 'existing', promptId: detail.prompt.id, baseVersionId: detail.version.id },
      message: 'Restore v1 wording',
    })
    const v1 = await call<PromptDetail>(core, 'prompts.get', { id: detail.prompt.id, versionNumber: 1 })
    // The demo prompt has five versions: the import becomes v6.
    expect(imported.version).toMatchObject({ number: 6, message: 'Restore v1 wording' })
    expect(imported.version.contentHash).toBe(v1.version.contentHash)
    const stale = await failure(core, 'prompts.import', {
      ...file,
      target: { kind: 'existing', promptId: detail.prompt.id, baseVersionId: detail.version.id },
    })
    expect(stale.code).toBe('CONFLICT')
    core.close()
  })

  it('rejects a tampered file naming the field, and stores nothing', async () => {
    const core = demoCore(newHome())
    const { file } = await exportTriage(core)
    const tampered = file.content.replace('Return only the JSON object.', 'Return JSON.')
    const error = await failure(core, 'prompts.import', {
      fileName: file.fileName,
      content: tampered,
      target: { kind: 'new', name: 'Tampered' },
    })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(
      /^"ticket-triage\.v3\.prompt\.json" field version\.contentHash .* does not match/,
    )
    expect(await promptCount(core)).toBe(demoPrompts)
    core.close()
  })

  it('names the file and the field of a file that does not match the format', async () => {
    const core = demoCore(newHome())
    const { file } = await exportTriage(core)
    const broken = JSON.parse(file.content) as { version: { messages: { role: string }[] } }
    broken.version.messages[1]!.role = 'tool'
    const error = await failure(core, 'prompts.import', {
      fileName: 'x.prompt.json',
      content: JSON.stringify(broken),
      target: { kind: 'new', name: 'X' },
    })
    expect(error.message).toMatch(/^"x\.prompt\.json" has an invalid field version\.messages\.1\.role: /)
    const other = await failure(core, 'prompts.import', {
      fileName: 'other.json',
      content: '{"format": "something-else"}',
      target: { kind: 'new', name: 'X' },
    })
    expect(other.message).toMatch(
      /^"other\.json" has format "something-else": expected an Eval Lab prompt file/,
    )
    core.close()
  })

  it('refuses a duplicate name for a new prompt', async () => {
    const core = demoCore(newHome())
    const { file } = await exportTriage(core)
    const error = await failure(core, 'prompts.import', {
      ...file,
      target: { kind: 'new', name: 'ticket TRIAGE' },
    })
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/"Ticket triage" already exists/),
    })
    core.close()
  })
})

describe('import of promptfoo files', () => {
  it('imports plain text as one user message on top of a prompt, keeping its model and params', async () => {
    const core = demoCore(newHome())
    const detail = await promptNamed(core, 'Ticket triage')
    const imported = await call<PromptDetail>(core, 'prompts.import', {
      fileName: 'triage.txt',
      content: 'Classify: {{subject}}\r\n\r\n{{body}}\r\n',
      target: { kind: 'existing', promptId: detail.prompt.id, baseVersionId: detail.version.id },
    })
    expect(imported.version.messages).toEqual([
      { role: 'user', content: 'Classify: {{subject}}\n\n{{body}}' },
    ])
    expect(imported.version.model).toEqual(detail.version.model)
    expect(imported.version.params).toEqual(detail.version.params)
    expect(imported.version.message).toBe('Imported from triage.txt (promptfoo text)')
    core.close()
  })

  it('imports a JSON chat array as a new prompt with the chosen model, and asks for one when missing', async () => {
    const core = demoCore(newHome())
    const content = JSON.stringify([
      { role: 'system', content: 'You triage tickets.' },
      { role: 'user', content: '{{subject}}' },
    ])
    const noModel = await failure(core, 'prompts.import', {
      fileName: 'chat.json',
      content,
      target: { kind: 'new', name: 'Chat' },
    })
    expect(noModel.message).toBe(
      '"chat.json": This file pins no model: choose the model to pin for the new prompt',
    )
    const imported = await call<PromptDetail>(core, 'prompts.import', {
      fileName: 'chat.json',
      content,
      target: { kind: 'new', name: 'Chat', model: gpt },
    })
    expect(imported.version.messages).toHaveLength(2)
    expect(imported.version.model).toEqual(gpt)
    expect(imported.prompt.owner).toBe('tester')
    core.close()
  })

  it('rejects several prompts in one text file, naming how many', async () => {
    const core = demoCore(newHome())
    const error = await failure(core, 'prompts.import', {
      fileName: 'prompts.txt',
      content: 'First {{subject}}\n---\nSecond {{body}}\n---\nThird',
      target: { kind: 'new', name: 'Many', model: gpt },
    })
    expect(error.message).toBe(
      '"prompts.txt" holds 3 prompts separated by lines of "---": import them one at a time, one prompt per file',
    )
    expect(await promptCount(core)).toBe(demoPrompts)
    core.close()
  })

  it('names the file and the position of malformed JSON, and the message of a bad chat entry', async () => {
    const core = demoCore(newHome())
    const target = { kind: 'new', name: 'Bad', model: gpt }
    const json = await failure(core, 'prompts.import', {
      fileName: 'bad.json',
      content: '[\n  {"role": }\n]',
      target,
    })
    expect(json.code).toBe('INVALID_INPUT')
    expect(json.message).toMatch(/^"bad\.json" is not valid JSON \(line 2, column 12\): /)
    const role = await failure(core, 'prompts.import', {
      fileName: 'chat.json',
      content: '[{"role": "user", "content": "hi"}, {"role": "tool", "content": "x"}]',
      target,
    })
    expect(role.message).toMatch(/^"chat\.json" has an invalid message 2 field role: /)
    const empty = await failure(core, 'prompts.import', { fileName: 'empty.md', content: ' \n\n', target })
    expect(empty.message).toBe('"empty.md" is empty: there is no prompt text to import')
    core.close()
  })

  it('names the file for a broken template or an unknown variable, unless new variables are allowed', async () => {
    const core = demoCore(newHome())
    const target = { kind: 'new', name: 'Vars', model: gpt }
    const syntax = await failure(core, 'prompts.import', { fileName: 'p.txt', content: 'Hi {{#a}}', target })
    expect(syntax.message).toMatch(/^"p\.txt": Template error in message 1 \(user\): Unclosed section "a"/)
    const unknown = await failure(core, 'prompts.import', {
      fileName: 'p.txt',
      content: 'Hi {{nme}}',
      target,
    })
    expect(unknown.message).toMatch(/^"p\.txt": Unknown variable \{\{nme\}\} in message 1 \(user\)/)
    expect(await promptCount(core)).toBe(demoPrompts)
    await call(core, 'prompts.import', {
      fileName: 'p.txt',
      content: 'Hi {{nme}}',
      target,
      allowNewVariables: true,
    })
    expect(await promptCount(core)).toBe(demoPrompts + 1)
    core.close()
  })
})
