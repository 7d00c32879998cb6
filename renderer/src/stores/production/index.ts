import type { ApiClient } from '../../api'
import { watchTables } from '../watch-tables'
import { createBreachesStore, type BreachesStore } from './breaches-store'
import { createDriftStore, type DriftStore } from './drift-store'
import { createImportStore, type ImportStore } from './import-store'
import { createMonitorStore, monitorTables, type MonitorStore } from './monitor-store'

/** The Production screen: a prompt's monitoring, the log being imported and the drift of the latest import. */
export interface ProductionStores {
  monitor: MonitorStore
  importer: ImportStore
  drift: DriftStore
  /** Breached thresholds of every prompt, shown in the header. */
  breaches: BreachesStore
  /** Stops listening to core events. */
  dispose(): void
}

export function createProductionStores(client: ApiClient, refetchDelayMs?: number): ProductionStores {
  const monitor = createMonitorStore(client)
  const importer = createImportStore(client, () => monitor.getState().actions.refresh())
  const drift = createDriftStore(client)
  const breaches = createBreachesStore(client)
  void breaches.getState().actions.refresh()
  const off = watchTables(
    client,
    monitorTables,
    () => {
      void monitor.getState().actions.refresh()
      void breaches.getState().actions.refresh()
    },
    refetchDelayMs,
  )
  return { monitor, importer, drift, breaches, dispose: off }
}
