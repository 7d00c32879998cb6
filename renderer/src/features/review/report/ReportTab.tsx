import { useEffect } from 'react'
import type { Queue } from '../../../../../shared/domain/review'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useQueues } from '../../../stores/hooks'
import { selectQueuesActions, selectReport, selectReportLoad } from '../../../stores/review/selectors'
import { AgreementTable, CalibrationTable } from './AgreementTable'
import { DisagreementList } from './DisagreementList'
import { WinRatePanel } from './WinRatePanel'

/** How far reviewers agree (κ, α per criterion), what to adjudicate, pairwise win rate, judge calibration. */
export function ReportTab({ queue }: { queue: Queue }) {
  const report = useQueues(selectReport)
  const load = useQueues(selectReportLoad)
  const { loadReport } = useQueues(selectQueuesActions)
  useEffect(() => {
    void loadReport()
  }, [loadReport, queue.id])

  if (load.error)
    return <ErrorNotice title="Could not load the report" error={load.error} testId="report-error" />
  if (!report || report.queueId !== queue.id) return <p className="muted">Loading the report…</p>
  return (
    <section className="queue-report" data-testid="queue-report">
      {report.winRate ? <WinRatePanel winRate={report.winRate} /> : null}
      {queue.mode === 'single' ? <AgreementTable rows={report.agreement} /> : null}
      {queue.mode === 'single' ? (
        <DisagreementList queue={queue} disagreements={report.disagreements} />
      ) : null}
      <CalibrationTable rows={report.calibration} />
    </section>
  )
}
