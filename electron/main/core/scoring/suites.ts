import { AppError } from '../../../../shared/contract'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { EvalSuite, EvalSuiteDraft, Scorer } from '../../../../shared/domain/scoring'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { CoreContext } from '../context'
import { requirePrompt } from '../prompts/detail'
import { checkSuite } from './suite-checks'

/**
 * Version 0: what a prompt is scored with before anyone saved a suite. A prompt that asks for JSON gets a
 * format check (against its own schema when it gives one); nothing else can be assumed.
 */
export function defaultSuite(promptId: string, latest: PromptVersion | null): EvalSuite {
  const format = latest?.params.responseFormat
  const scorers: Scorer[] = []
  if (format?.type === 'json_object') {
    scorers.push({ metric: 'format.json', label: 'Output is valid JSON', config: formatJson })
  } else if (format?.type === 'json_schema') {
    scorers.push({
      metric: 'format.json_schema',
      label: `Output matches the "${format.name}" JSON Schema`,
      config: { kind: 'format', format: { check: 'json_schema', schema: format.schema } },
    })
  }
  const from = latest ? `v${latest.number}` : 'the prompt'
  return {
    promptId,
    version: 0,
    createdAt: null,
    createdBy: null,
    message: `Default suite derived from ${from}'s response format`,
    scorers,
    gates: [],
  }
}

const formatJson: Scorer['config'] = { kind: 'format', format: { check: 'json' } }

/** The prompt's newest stored suite, else its default (version 0). */
export function latestSuite(ctx: CoreContext, promptId: string): EvalSuite {
  return (
    ctx.repos.evalSuites.latest(promptId) ?? defaultSuite(promptId, ctx.repos.prompts.latestVersion(promptId))
  )
}

/** The suite that scores a result of this prompt version: its prompt's latest. */
export function suiteForVersion(ctx: CoreContext, versionId: string): EvalSuite {
  const version = ctx.repos.prompts.versionById(versionId)
  if (!version) throw new AppError('NOT_FOUND', `No prompt version with id ${versionId}`)
  return latestSuite(ctx, version.promptId)
}

const sameContent = (a: EvalSuiteDraft, b: EvalSuiteDraft): boolean =>
  canonicalJson({ scorers: a.scorers, gates: a.gates }) ===
  canonicalJson({ scorers: b.scorers, gates: b.gates })

/**
 * Stores the draft as the next version, unless it equals the latest stored one (then that is returned and
 * nothing is written). Runs inside the caller's write transaction.
 */
export function saveSuite(
  ctx: CoreContext,
  promptId: string,
  draft: EvalSuiteDraft,
  message: string,
  action: 'suite.saved' | 'suite.imported' = 'suite.saved',
): EvalSuite {
  requirePrompt(ctx.repos, promptId)
  checkSuite(ctx.repos, draft)
  const latest = ctx.repos.evalSuites.latest(promptId)
  if (latest && sameContent(latest, draft)) return latest
  const createdAt = ctx.now()
  const suite = {
    promptId,
    version: (latest?.version ?? 0) + 1,
    scorers: draft.scorers,
    gates: draft.gates,
    message,
    createdAt,
    createdBy: ctx.user,
  }
  ctx.repos.evalSuites.insert(suite)
  ctx.repos.audit.append({
    at: createdAt,
    actor: ctx.user,
    action,
    entityType: 'prompt',
    entityId: promptId,
    details: {
      suiteVersion: suite.version,
      message,
      scorers: draft.scorers.length,
      gates: draft.gates.length,
    },
  })
  return suite
}
