import type { Queue } from '../../../../../shared/domain/review'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useQueueReport } from '../../../queries/queues'
import { AgreementTable, CalibrationTable } from './AgreementTable'
import { DisagreementList } from './DisagreementList'
import { WinRatePanel } from './WinRatePanel'

/** How far reviewers agree (κ, α per criterion), what to adjudicate, pairwise win rate, judge calibration. */
export function ReportTab({ queue }: { queue: Queue }) {
  const { report, error } = useQueueReport(queue.id)

  if (error) return <ErrorNotice title="Could not load the report" error={error} testId="report-error" />
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
