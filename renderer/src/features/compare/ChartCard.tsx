import type { EChartsOption } from 'echarts'
import { useRef, useState } from 'react'
import { downloadText } from '../../lib/download'
import { EChart, type EChartHandle } from '../../lib/echarts/EChart'
import { toCsv, type CsvRows } from './charts/csv'

interface Props {
  title: string
  testId: string
  option: EChartsOption
  rows: CsvRows
  /** File name without extension. */
  fileName: string
  /** A line under the title on what the chart leaves out (e.g. batch answers without a latency). */
  note?: string | null | undefined
}

function downloadDataUrl(fileName: string, dataUrl: string): void {
  const link = document.createElement('a')
  link.href = dataUrl
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

/** A chart with its title and the two exports: the picture (PNG) and the numbers behind it (CSV). */
export function ChartCard({ title, testId, option, rows, fileName, note }: Props) {
  const chart = useRef<EChartHandle>(null)
  // A chart is drawn when scrolled into view, one at a time: until then there is no picture to export.
  const [drawn, setDrawn] = useState(false)
  const exportPng = () => {
    const url = chart.current?.toPng()
    if (url) downloadDataUrl(`${fileName}.png`, url)
  }
  return (
    <section className="chart-card" aria-label={title}>
      <header className="chart-card-header">
        <h3>{title}</h3>
        <div className="chart-card-actions">
          <button
            type="button"
            data-testid="chart-export-png"
            onClick={exportPng}
            disabled={!drawn}
            title={drawn ? undefined : 'The chart is still being drawn'}
          >
            PNG
          </button>
          <button
            type="button"
            data-testid="chart-export-csv"
            onClick={() => downloadText(`${fileName}.csv`, toCsv(rows), 'text/csv')}
          >
            CSV
          </button>
        </div>
      </header>
      {note ? (
        <p className="muted chart-note" data-testid={`${testId}-note`}>
          {note}
        </p>
      ) : null}
      <EChart ref={chart} option={option} testId={testId} onRendered={setDrawn} />
    </section>
  )
}
