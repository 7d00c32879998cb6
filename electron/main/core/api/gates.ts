import type { Handlers } from '../dispatch'
import type { ScoringDeps } from '../scoring/deps'
import { listBaselines, setBaseline } from '../scoring/gates/baselines'
import { evaluateGate, listGateResults } from '../scoring/gates/evaluate'
import { writeTransaction, type CoreContext } from '../context'

type GateHandlers = Pick<Handlers, 'baselines.set' | 'baselines.list' | 'gates.evaluate' | 'gates.list'>

/** Baselines and gates; evaluating a gate may score outputs first (judges through `deps`). */
export function gateHandlers(ctx: CoreContext, deps: ScoringDeps): GateHandlers {
  return {
    'baselines.set': (input) => writeTransaction(ctx, () => setBaseline(ctx, input)),
    'baselines.list': ({ promptId }) => listBaselines(ctx, promptId),
    'gates.evaluate': ({ runId, slice }) => evaluateGate(ctx, runId, slice, deps),
    'gates.list': ({ promptId }) => listGateResults(ctx, promptId),
  }
}
