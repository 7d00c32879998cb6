import { z } from 'zod'
import {
  modelParamsSchema,
  promptMessageSchema,
  type PromptMessage,
  type PromptSummary,
  type PromptVersion,
  type VersionSummary,
} from '../../../../../shared/domain/prompts'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

interface PromptRow {
  id: string
  name: string
  description: string
  owner: string
  updated_at: string
  version_count: number
  staging_number: number | null
  prod_number: number | null
}

interface VersionRow {
  id: string
  prompt_id: string
  number: number
  messages: string
  model_provider: string
  model_id: string
  params: string
  author: string
  message: string
  content_hash: string
  created_at: string
}

export interface NewPrompt {
  id: string
  name: string
  description: string
  owner: string
  createdAt: string
}

// The environment columns give list and detail screens the staging/prod version numbers in one query.
const promptSelect = `SELECT p.id, p.name, p.description, p.owner, p.updated_at,
       (SELECT COUNT(*) FROM prompt_versions v WHERE v.prompt_id = p.id) AS version_count,
       (SELECT v.number FROM prompt_environments e JOIN prompt_versions v ON v.id = e.version_id
         WHERE e.prompt_id = p.id AND e.env = 'staging') AS staging_number,
       (SELECT v.number FROM prompt_environments e JOIN prompt_versions v ON v.id = e.version_id
         WHERE e.prompt_id = p.id AND e.env = 'prod') AS prod_number
  FROM prompts p`

const versionColumns =
  'id, prompt_id, number, messages, model_provider, model_id, params, author, message, content_hash, created_at'

export type PromptsRepo = ReturnType<typeof createPromptsRepo>

export function createPromptsRepo(db: Db) {
  const statements = prepare(db)
  return { ...promptReads(statements), ...versionReads(statements), ...writes(statements) }
}

type Statements = ReturnType<typeof prepare>

function prepare(db: Db) {
  const versionsWhere = (where: string) => `SELECT ${versionColumns} FROM prompt_versions WHERE ${where}`
  return {
    list: db.prepare<[], PromptRow>(`${promptSelect} ORDER BY p.name COLLATE NOCASE`),
    get: db.prepare<[string], PromptRow>(`${promptSelect} WHERE p.id = ?`),
    byName: db.prepare<[string], PromptRow>(`${promptSelect} WHERE p.name = ?`),
    byVersionId: db.prepare<[string], VersionRow>(versionsWhere('id = ?')),
    allMessages: db.prepare<[string], { messages: string }>(
      'SELECT messages FROM prompt_versions WHERE prompt_id = ? ORDER BY number',
    ),
    latest: db.prepare<[string], VersionRow>(versionsWhere('prompt_id = ? ORDER BY number DESC LIMIT 1')),
    byNumber: db.prepare<[string, number], VersionRow>(versionsWhere('prompt_id = ? AND number = ?')),
    versions: db.prepare<[string], VersionRow>(versionsWhere('prompt_id = ? ORDER BY number DESC')),
    insertPrompt: db.prepare(
      `INSERT INTO prompts (id, name, description, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    insertVersion: db.prepare(
      `INSERT INTO prompt_versions (${versionColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    touch: db.prepare('UPDATE prompts SET updated_at = ? WHERE id = ?'),
    updateDetails: db.prepare('UPDATE prompts SET description = ?, owner = ?, updated_at = ? WHERE id = ?'),
  }
}

function promptReads(statements: Statements) {
  const summary = (row: PromptRow | undefined): PromptSummary | null => {
    if (!row) return null
    const latest = statements.latest.get(row.id)
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      owner: row.owner,
      versionCount: row.version_count,
      latest: latest ? toSummary(latest) : null,
      environments: { staging: row.staging_number, prod: row.prod_number },
      updatedAt: row.updated_at,
    }
  }
  return {
    list: (): PromptSummary[] => statements.list.all().flatMap((row) => summary(row) ?? []),
    get: (id: string): PromptSummary | null => summary(statements.get.get(id)),
    /** Case-insensitive, like the UNIQUE COLLATE NOCASE constraint on prompts.name. */
    findByName: (name: string): PromptSummary | null => summary(statements.byName.get(name)),
  }
}

function versionReads(statements: Statements) {
  return {
    versionById: (versionId: string): PromptVersion | null =>
      mapVersion(statements.byVersionId.get(versionId)),
    latestVersion: (promptId: string): PromptVersion | null => mapVersion(statements.latest.get(promptId)),
    version: (promptId: string, number: number): PromptVersion | null =>
      mapVersion(statements.byNumber.get(promptId, number)),
    versions: (promptId: string): VersionSummary[] => statements.versions.all(promptId).map(toSummary),
    /** Every stored message list of a prompt, oldest first: which variables its versions have used. */
    allMessages: (promptId: string): PromptMessage[][] =>
      statements.allMessages
        .all(promptId)
        .map((r) => parseJsonColumn(messagesSchema, r.messages, `versions of prompt ${promptId}`)),
  }
}

function writes(statements: Statements) {
  return {
    insertPrompt: (p: NewPrompt): void => {
      statements.insertPrompt.run(p.id, p.name, p.description, p.owner, p.createdAt, p.createdAt)
    },
    updateDetails: (d: { id: string; description: string; owner: string; updatedAt: string }): void => {
      statements.updateDetails.run(d.description, d.owner, d.updatedAt, d.id)
    },
    insertVersion: (v: PromptVersion): void => {
      statements.insertVersion.run(
        v.id,
        v.promptId,
        v.number,
        JSON.stringify(v.messages),
        v.model.provider,
        v.model.model,
        JSON.stringify(v.params),
        v.author,
        v.message,
        v.contentHash,
        v.createdAt,
      )
      statements.touch.run(v.createdAt, v.promptId)
    },
  }
}

const messagesSchema = z.array(promptMessageSchema)

function toSummary(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    author: row.author,
    message: row.message,
    createdAt: row.created_at,
    contentHash: row.content_hash,
  }
}

function mapVersion(row: VersionRow | undefined): PromptVersion | null {
  if (!row) return null
  const where = `prompt version ${row.id}`
  return {
    ...toSummary(row),
    promptId: row.prompt_id,
    messages: parseJsonColumn(messagesSchema, row.messages, where),
    model: { provider: row.model_provider, model: row.model_id },
    params: parseJsonColumn(modelParamsSchema, row.params, where),
  }
}
