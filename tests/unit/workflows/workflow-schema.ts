import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { z } from 'zod'

export const root = resolve(import.meta.dirname, '../../..')

/**
 * The subset of GitHub Actions' workflow syntax this repo's workflows use
 * (docs.github.com/actions/reference/workflows-and-actions/workflow-syntax). Strict objects: a key outside the
 * subset (a typo such as `runs_on`, or a feature the tests below do not know) fails the parse, so it is
 * noticed and either fixed or added here.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()])
const env = z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), scalar)
const permission = z.enum(['read', 'write', 'none'])
const permissions = z.record(z.string(), permission)

const step = z
  .strictObject({
    name: z.string().min(1).optional(),
    id: z.string().min(1).optional(),
    if: z.string().min(1).optional(),
    uses: z.string().min(1).optional(),
    with: z.record(z.string(), scalar).optional(),
    run: z.string().min(1).optional(),
    shell: z.string().optional(),
    env: env.optional(),
  })
  .refine(
    (s) => (s.uses === undefined) !== (s.run === undefined),
    'a step has exactly one of `uses` and `run`',
  )
  .refine((s) => s.uses !== undefined || s.with === undefined, '`with` belongs to a `uses` step')

const matrix = z.strictObject({ include: z.array(z.record(z.string(), z.string())).min(1) })

const job = z.strictObject({
  name: z.string().min(1).optional(),
  'runs-on': z.string().min(1),
  container: z.strictObject({ image: z.string().min(1) }).optional(),
  // Required here, though GitHub defaults it to 6 hours: a hung packaging step must not hold a runner that long.
  'timeout-minutes': z.number().int().positive().max(120),
  needs: z.array(z.string()).min(1).optional(),
  if: z.string().min(1).optional(),
  permissions: permissions.optional(),
  defaults: z.strictObject({ run: z.strictObject({ shell: z.string() }) }).optional(),
  strategy: z.strictObject({ 'fail-fast': z.boolean().optional(), matrix }).optional(),
  steps: z.array(step).min(1),
})

const branchFilter = z.strictObject({ branches: z.array(z.string()).min(1) })

export const workflowSchema = z.strictObject({
  name: z.string().min(1),
  on: z.strictObject({
    push: z.union([branchFilter, z.strictObject({ tags: z.array(z.string()).min(1) })]).optional(),
    pull_request: branchFilter.optional(),
    workflow_dispatch: z.null().optional(),
  }),
  permissions,
  concurrency: z.strictObject({ group: z.string(), 'cancel-in-progress': z.boolean() }).optional(),
  jobs: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), job),
})

export type Workflow = z.infer<typeof workflowSchema>
export type Job = Workflow['jobs'][string]
export type Step = Job['steps'][number]

/** Reads and validates one workflow; a YAML error or a shape outside the subset throws, naming the file. */
export function loadWorkflow(file: string): Workflow {
  const path = join(root, '.github/workflows', file)
  const document = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true, uniqueKeys: true })
  const problems = [...document.errors, ...document.warnings]
  if (problems.length > 0) throw new Error(`${path}: ${problems.map((p) => p.message).join('\n')}`)
  const parsed = workflowSchema.safeParse(document.toJS())
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/** A step's command with `${{ matrix.<key> }}` replaced by one matrix entry's values (nothing else is expanded). */
export function expandMatrix(command: string, entry: Record<string, string>): string {
  return command.replace(/\$\{\{ matrix\.([\w-]+) \}\}/g, (whole, key: string) => entry[key] ?? whole)
}

/** The npm scripts a shell command runs: `npm run <name>`, `npm run-script <name>` and `npm test`. */
export function npmScriptsIn(command: string): string[] {
  const named = [...command.matchAll(/\bnpm (?:run|run-script) ([\w:.-]+)/g)].map((m) => m[1] ?? '')
  const lifecycle = [...command.matchAll(/\bnpm (test|start)\b/g)].map((m) => m[1] ?? '')
  return [...named, ...lifecycle]
}

export function packageScripts(): Record<string, string> {
  const pkg = z
    .object({ scripts: z.record(z.string(), z.string()) })
    .parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')))
  return pkg.scripts
}
