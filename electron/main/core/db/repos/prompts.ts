import { z } from 'zod'
import {
  modelParamsSchema,
  promptMessageSchema,
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

const versionColumns =
  'id, prompt_id, number, messages, model_provider, model_id, params, author, message, content_hash, created_at'

export type PromptsRepo = ReturnType<typeof createPromptsRepo>

export function createPromptsRepo(db: Db) {
  const statements = {
    list: db.prepare<[], PromptRow>(
      `SELECT p.id, p.name, p.description, p.owner, p.updated_at,
              (SELECT COUNT(*) FROM prompt_versions v WHERE v.prompt_id = p.id) AS version_count
         FROM prompts p ORDER BY p.name COLLATE NOCASE`,
    ),
    get: db.prepare<[string], PromptRow>(
      `SELECT p.id, p.name, p.description, p.owner, p.updated_at,
              (SELECT COUNT(*) FROM prompt_versions v WHERE v.prompt_id = p.id) AS version_count
         FROM prompts p WHERE p.id = ?`,
    ),
    latest: db.prepare<[string], VersionRow>(
      `SELECT ${versionColumns} FROM prompt_versions WHERE prompt_id = ? ORDER BY number DESC LIMIT 1`,
    ),
    byNumber: db.prepare<[string, number], VersionRow>(
      `SELECT ${versionColumns} FROM prompt_versions WHERE prompt_id = ? AND number = ?`,
    ),
    versions: db.prepare<[string], VersionRow>(
      `SELECT ${versionColumns} FROM prompt_versions WHERE prompt_id = ? ORDER BY number DESC`,
    ),
    insertPrompt: db.prepare(
      `INSERT INTO prompts (id, name, description, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    insertVersion: db.prepare(
      `INSERT INTO prompt_versions (${versionColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    touch: db.prepare('UPDATE prompts SET updated_at = ? WHERE id = ?'),
  }

  function summary(row: PromptRow): PromptSummary {
    const latest = statements.latest.get(row.id)
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      owner: row.owner,
      versionCount: row.version_count,
      latest: latest ? toSummary(latest) : null,
      updatedAt: row.updated_at,
    }
  }

  return {
    list: (): PromptSummary[] => statements.list.all().map(summary),
    get: (id: string): PromptSummary | null => {
      const row = statements.get.get(id)
      return row ? summary(row) : null
    },
    latestVersion: (promptId: string): PromptVersion | null => mapVersion(statements.latest.get(promptId)),
    version: (promptId: string, number: number): PromptVersion | null =>
      mapVersion(statements.byNumber.get(promptId, number)),
    versions: (promptId: string): VersionSummary[] => statements.versions.all(promptId).map(toSummary),
    insertPrompt: (p: NewPrompt): void => {
      statements.insertPrompt.run(p.id, p.name, p.description, p.owner, p.createdAt, p.createdAt)
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
    messages: parseJsonColumn(z.array(promptMessageSchema), row.messages, where),
    model: { provider: row.model_provider, model: row.model_id },
    params: parseJsonColumn(modelParamsSchema, row.params, where),
  }
}
