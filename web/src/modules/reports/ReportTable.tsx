import { Table, Tooltip, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ROW_DIMENSION_LABELS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import type { ReportColumn, ReportDefinition, ReportTableView } from './api';
import { cellKey, drillable, formatCell, linesOf } from './cells';
import { rm } from './messages';

type Line = ReturnType<typeof linesOf>[number];

export type CellTarget = { rowKey: string; rowLabel: string; column: ReportColumn };

/**
 * A report table in its official layout: column groups over their columns, the rows,
 * the 合计 row in bold, rates with %. Manual cells open `onManual` (a unit's own open
 * draft); computed cells open `onDrill` (the records behind the figure).
 */
export function ReportTable({
  definition: d,
  cells,
  onManual,
  onDrill,
}: {
  definition: ReportDefinition;
  cells: ReportTableView['cells'];
  onManual?: (target: CellTarget) => void;
  onDrill?: (target: CellTarget) => void;
}) {
  const t = useT();

  const cell = (line: Line, c: ReportColumn) => {
    const key = cellKey(line.key, c.key);
    const value = cells[key];
    const text = formatCell(c, d, value?.value);
    const target: CellTarget = { rowKey: line.key, rowLabel: line.label, column: c };
    const names = { row: line.label, column: c.label };
    if (c.kind === 'manual' && onManual && !line.total) {
      return (
        <Tooltip title={value?.note ? t(rm.noteTitle, { note: value.note }) : undefined}>
          <button type="button" className="report-cell report-cell-manual" data-cell={key} aria-label={t(rm.manualCellLabel, names)} onClick={() => onManual(target)}>
            {text || (
              <span className="report-cell-empty">
                <EditOutlined /> {t(rm.fill)}
              </span>
            )}
          </button>
        </Tooltip>
      );
    }
    const ratioTitle = c.kind === 'ratio' && value?.denominator !== undefined ? t(rm.ratioParts, { num: value.numerator ?? '0', den: value.denominator }) : undefined;
    const noteTitle = c.kind === 'manual' && value?.note ? t(rm.noteTitle, { note: value.note }) : undefined;
    if (drillable(c) && onDrill) {
      return (
        <Tooltip title={ratioTitle}>
          <button type="button" className="report-cell report-cell-drill" data-cell={key} aria-label={t(rm.drillCellLabel, names)} onClick={() => onDrill(target)}>
            {text}
          </button>
        </Tooltip>
      );
    }
    const title = ratioTitle ?? noteTitle;
    return (
      <Tooltip title={title}>
        <span className={`report-cell${title ? ' report-cell-noted' : ''}`} data-cell={key}>
          {text}
        </span>
      </Tooltip>
    );
  };

  const columns: TableColumnsType<Line> = [
    {
      title: d.rowDimension === 'none' ? t(rm.rowHeading) : t(ROW_DIMENSION_LABELS[d.rowDimension]),
      dataIndex: 'label',
      key: '__row',
      fixed: 'left',
      width: 170,
      render: (label: string) => <span className="report-row-label">{label}</span>,
    },
    ...d.groups.map((g) => ({
      key: `group:${g.key}`,
      title: g.label,
      align: 'center' as const,
      children: g.columns.map((c) => ({
        key: c.key,
        title: c.kind === 'manual' && c.unit && !c.label.includes(c.unit) ? `${c.label}（${c.unit}）` : c.label,
        align: 'right' as const,
        width: 112,
        onHeaderCell: () => ({ className: 'report-column-head', style: { textAlign: 'center' } }),
        render: (_: unknown, line: Line) => cell(line, c),
      })),
    })),
  ];

  return (
    <div data-testid="report-table">
    <Table<Line>
      className="report-table"
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={linesOf(d)}
      rowClassName={(line) => (line.total ? 'report-total-row' : '')}
      scroll={{ x: 'max-content' }}
    />
    </div>
  );
}
