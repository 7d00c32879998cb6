import demoDataset from '../../../../resources/demo/dataset.json'
import demoPrompts from '../../../../resources/demo/prompts.json'
import demoRubric from '../../../../resources/demo/rubric.json'
import routingDataset from '../../../../resources/demo/routing-dataset.json'
import demoSuites from '../../../../resources/demo/suites.json'
import type { z } from 'zod'
import type { CoreContext } from '../context'
import { createSnapshot } from '../datasets/snapshot'
import { newId } from '../ids'
import { appendVersion } from '../prompts/versions'
import { resolveDemoSuite } from './demo-suites'
import {
  demoDatasetSchema,
  demoPromptsSchema,
  demoRubricSchema,
  demoSuitesSchema,
} from '../../../../shared/domain/demo-files'

/**
 * Fills a brand-new workspace with the support-ticket triage demo, in one transaction, so a newcomer
 * sees real prompts, cases and a rubric instead of empty screens.
 */
export function seedDemo(ctx: Pick<CoreContext, 'repos' | 'transaction'>, now: () => string): void {
  const prompts = demoPromptsSchema.parse(demoPrompts)
  const dataset = demoDatasetSchema.parse(demoDataset)
  const rubric = demoRubricSchema.parse(demoRubric)
  const suites = demoSuitesSchema.parse(demoSuites)
  const { repos } = ctx
  ctx.transaction(() => {
    const promptIds = new Map<string, string>()
    for (const p of prompts) {
      const promptId = newId('prm')
      promptIds.set(p.key, promptId)
      const first = p.versions[0]?.createdAt ?? now()
      repos.prompts.insertPrompt({
        id: promptId,
        name: p.name,
        description: p.description,
        owner: p.owner,
        createdAt: first,
      })
      repos.audit.append({
        at: first,
        actor: p.versions[0]?.author ?? p.owner,
        action: 'prompt.created',
        entityType: 'prompt',
        entityId: promptId,
        details: { name: p.name, owner: p.owner, number: 1 },
      })
      // The demo is trusted data, seeded before its dataset: its variables are not "unknown" typos.
      for (const v of p.versions) appendVersion(repos, { promptId, ...v }, { allowNewVariables: true })
    }
    seedDataset(ctx, dataset, now)
    // The tool-using router's chats: conversation turns and canned tool results (issue 19).
    seedDataset(ctx, demoDatasetSchema.parse(routingDataset), now)
    const rubricId = newId('rub')
    repos.rubrics.insert({ id: rubricId, version: 1, createdAt: now(), ...rubric })
    for (const suite of suites) {
      const promptId = promptIds.get(suite.prompt)
      if (!promptId) throw new Error(`The demo suite names an unknown prompt "${suite.prompt}"`)
      const draft = resolveDemoSuite(suite, new Map([[rubric.key, rubricId]]))
      repos.evalSuites.insert({
        promptId,
        version: 1,
        ...draft,
        message: suite.message,
        createdAt: suite.createdAt,
        createdBy: suite.author,
      })
    }
    repos.workspaceMeta.insert('demo_seeded_at', now())
  })
}

/** One demo dataset with its cases, and snapshot 1 so there is a version to diff the working copy against. */
function seedDataset(
  ctx: Pick<CoreContext, 'repos'>,
  dataset: z.output<typeof demoDatasetSchema>,
  now: () => string,
): void {
  const { repos } = ctx
  const datasetId = newId('ds')
  repos.datasets.insertDataset({
    id: datasetId,
    name: dataset.name,
    description: dataset.description,
    createdAt: now(),
  })
  repos.datasetCases.insertMany(
    dataset.cases.map((c, position) => ({ id: newId('case'), datasetId, position, ...c })),
  )
  createSnapshot({ repos, user: 'demo', now }, datasetId, 'Initial golden set')
}
