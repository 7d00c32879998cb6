import type {
  Alert,
  DriftReport,
  MonitorPoint,
  ProductionImport,
  ProductionMonitor,
  ProductionPreview,
  ProductionSettings,
} from '../../../../shared/domain/production'
import { evil } from './evil'

export const promptId = 'p-triage'

export function productionImport(extra: Partial<ProductionImport> = {}): ProductionImport {
  return {
    id: 'imp-1',
    promptId,
    fileName: 'production-triage.jsonl',
    format: 'openai-log',
    importedAt: '2026-11-21T10:00:00.000Z',
    importedBy: 'ana',
    total: 400,
    sampled: 200,
    sampleRate: 0.5,
    periodStart: '2026-11-20T09:00:00.000Z',
    periodEnd: '2026-11-20T18:00:00.000Z',
    runId: 'run-prod-1',
    datasetId: 'ds-prod',
    scored: false,
    ...extra,
  }
}

export function preview(): ProductionPreview {
  return {
    format: 'openai-log',
    fileName: 'production-triage.jsonl',
    total: 400,
    versions: [
      { number: 4, calls: 180 },
      { number: 5, calls: 220 },
    ],
    periodStart: '2026-11-20T09:00:00.000Z',
    periodEnd: '2026-11-20T18:00:00.000Z',
    sample: [
      {
        externalId: 'chatcmpl-1',
        at: '2026-11-20T09:14:03.000Z',
        promptVersion: 4,
        provider: 'demo',
        model: 'triage-sim-2026-03',
        vars: { subject: evil, body: 'Refund please' },
        output: evil,
        toolCalls: [],
        error: null,
        inputTokens: 412,
        outputTokens: 31,
        costUsd: null,
        latencyMs: 1840,
        tags: ['lang:en'],
      },
    ],
    wouldSample: 80,
  }
}

export function point(format: number | null): MonitorPoint {
  return {
    importId: 'imp-1',
    label: 'production-triage.jsonl',
    periodStart: null,
    periodEnd: null,
    n: 200,
    metrics: {
      'format.json_schema': {
        value: format,
        ci95: format === null ? null : { low: 0.9, high: 0.96 },
        n: 200,
      },
      'latency.p95_ms': { value: 2400, ci95: null, n: 200 },
    },
  }
}

export function formatAlert(): Alert {
  return {
    metric: 'format.json_schema',
    label: 'Format check',
    threshold: { metric: 'format.json_schema', direction: 'min', value: 0.99 },
    importId: 'imp-1',
    value: 0.938,
    breached: true,
    cases: [
      {
        caseId: 'case-1',
        externalId: 'chatcmpl-7',
        input: `Subject ${evil}`,
        output: `{"category": ${evil}`,
        value: 0,
        reason: 'Output is not valid JSON',
      },
    ],
    scope: 'import',
    period: 'Nov 20',
    n: 200,
  }
}

export function monitor(
  settings: ProductionSettings,
  imports: ProductionImport[],
  alerts: Alert[] = [],
  reviewRubricId: string | null = null,
): ProductionMonitor {
  return {
    promptId,
    settings,
    imports,
    timeline: imports.some((i) => i.scored) ? [point(0.938)] : [],
    alerts,
    metricLabels: {
      'format.json_schema': 'Format check',
      'judge.priority_reasonable': 'Priority reasonable',
      // A pass/fail rule against an expected field: production calls never have one.
      'rule.category': 'Category matches',
      'latency.p95_ms': 'P95 latency',
      'cost.per_interaction_usd': 'Cost per call',
      'error.rate': 'Error rate',
    },
    reviewRubricId,
    // The demo suite's rules compare with expected fields: production can measure the format check only.
    measurable: ['format.json_schema', 'judge.priority_reasonable', 'latency.p95_ms', 'error.rate'],
  }
}

export function drift(): DriftReport {
  return {
    importId: 'imp-1',
    dataset: { id: 'ds-golden', name: 'Triage golden set', snapshotId: 'snap-1', cases: 145 },
    productionCalls: 200,
    length: { datasetMedian: 236, productionMedian: 412, ksStatistic: 0.41, pValue: 0.0001, drifted: true },
    tags: [{ key: 'channel:chat', datasetShare: 0.3, productionShare: 0.5, drifted: true }],
    languages: [{ key: 'es', datasetShare: 0.04, productionShare: 0.18, drifted: true }],
    drifted: true,
    findings: ['Spanish is 18 % of production but 4 % of the dataset'],
    unrepresented: [
      { caseId: 'case-9', externalId: 'chatcmpl-9', preview: evil, reasons: ['lang:es is rare'], tags: [] },
      { caseId: 'case-10', externalId: 'chatcmpl-10', preview: 'Hola', reasons: ['long'], tags: [] },
    ],
  }
}
