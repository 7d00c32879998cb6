import type { QueueReport } from '../../../../../shared/domain/review'
import { coefficient, percent, strength } from './format'

/** Agreement per criterion: Cohen's κ (two reviewers), Krippendorff's α (any number), % identical. */
export function AgreementTable({ rows }: { rows: QueueReport['agreement'] }) {
  return (
    <section className="report-section">
      <h3>Agreement between reviewers</h3>
      {rows.length === 0 ? (
        <p className="muted">No criterion has been scored by two reviewers yet.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Cohen’s κ</th>
              <th scope="col">Krippendorff’s α</th>
              <th scope="col">Agreement</th>
              <th scope="col">Items</th>
              <th scope="col">Reviewers</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.criterionKey} data-testid="agreement-row" data-key={row.criterionKey}>
                <th scope="row">{row.criterionName}</th>
                <td data-testid="agreement-kappa" title={strength(row.cohensKappa)}>
                  {coefficient(row.cohensKappa)}
                </td>
                <td data-testid="agreement-alpha" title={strength(row.krippendorffAlpha)}>
                  {coefficient(row.krippendorffAlpha)}
                </td>
                <td>{percent(row.percentAgreement)}</td>
                <td>{row.items}</td>
                <td>{row.reviewers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** Where an LLM judge scored the same outputs: how far it agrees with the final human score. */
export function CalibrationTable({ rows }: { rows: QueueReport['calibration'] }) {
  if (rows.length === 0) return null
  return (
    <section className="report-section">
      <h3>Judge calibration</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Judge metric</th>
            <th scope="col">κ</th>
            <th scope="col">α</th>
            <th scope="col">Agreement</th>
            <th scope="col">Items</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.criterionKey}|${row.judgeMetric}`}
              data-testid="calibration-row"
              data-key={row.criterionKey}
            >
              <th scope="row">{row.criterionKey}</th>
              <td>{row.judgeMetric}</td>
              <td>{coefficient(row.cohensKappa)}</td>
              <td>{coefficient(row.krippendorffAlpha)}</td>
              <td>{percent(row.percentAgreement)}</td>
              <td>{row.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
