import type { Rubric, RubricDraft } from '../../../../shared/domain/scoring'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { Handlers } from '../dispatch'
import { newId } from '../ids'
import { writeTransaction, type CoreContext } from '../context'

type RubricHandlers = Pick<Handlers, 'rubrics.list' | 'rubrics.save'>

const content = (r: RubricDraft): string =>
  canonicalJson({ name: r.name, description: r.description, criteria: r.criteria })

/** Rubrics are versioned: saving a changed rubric adds a version, and scores keep the version they used. */
export function rubricHandlers(ctx: CoreContext): RubricHandlers {
  return {
    'rubrics.list': () => ctx.repos.rubrics.latestPerKey(),

    'rubrics.save': (draft) =>
      writeTransaction(ctx, () => {
        const latest = ctx.repos.rubrics.latestForKey(draft.key)
        if (latest && content(latest) === content(draft)) return latest
        const rubric: Rubric = {
          ...draft,
          id: newId('rub'),
          version: (latest?.version ?? 0) + 1,
          createdAt: ctx.now(),
        }
        ctx.repos.rubrics.insert(rubric)
        ctx.repos.audit.append({
          at: rubric.createdAt,
          actor: ctx.user,
          action: 'rubric.saved',
          entityType: 'rubric',
          entityId: rubric.key,
          details: { id: rubric.id, version: rubric.version, criteria: rubric.criteria.map((c) => c.key) },
        })
        return rubric
      }),
  }
}
