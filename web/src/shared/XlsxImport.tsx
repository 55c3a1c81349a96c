import { Alert, Table, Upload, type TableColumnsType } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportRowError } from '@shijian/contracts';
import { ApiError } from '../api/client';

/**
 * The parts every spreadsheet import shares: the drop zone that takes one .xlsx within a size,
 * and the table of row errors the server answers IMPORT_ROWS_INVALID with (nothing written).
 */

export type RowErrors = { message: string; rows: ImportRowError[]; errorCount: number };

/** The row errors of an IMPORT_ROWS_INVALID answer, or null for any other failure. */
export function rowErrorsOf(e: unknown): RowErrors | null {
  if (!(e instanceof ApiError) || e.code !== 'IMPORT_ROWS_INVALID') return null;
  const details = e.details as { rows?: ImportRowError[]; errorCount?: number } | undefined;
  return details?.rows ? { message: e.message, rows: details.rows, errorCount: details.errorCount ?? details.rows.length } : null;
}

export function XlsxDropzone(props: {
  file: File | null;
  maxBytes: number;
  text: { notXlsx: string; tooBig: string; dropHint: string; dropNote: string };
  /** A good file was picked (the previous errors are stale). */
  onPick: (file: File) => void;
  /** The file was refused, with why. */
  onRefuse: (message: string) => void;
  onRemove: () => void;
}) {
  const { file, maxBytes, text } = props;
  return (
    <Upload.Dragger
      accept=".xlsx"
      maxCount={1}
      fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
      onRemove={props.onRemove}
      beforeUpload={(f) => {
        if (!f.name.toLowerCase().endsWith('.xlsx')) props.onRefuse(text.notXlsx);
        else if (f.size > maxBytes) props.onRefuse(text.tooBig);
        else props.onPick(f);
        return Upload.LIST_IGNORE;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text.dropHint}</p>
      <p className="ant-upload-hint">{text.dropNote}</p>
    </Upload.Dragger>
  );
}

export function ImportRowErrors(props: { errors: RowErrors; text: { row: string; column: string; wholeRow: string; error: string; title: string; more: (shown: number, n: number) => string } }) {
  const { errors, text } = props;
  const columns: TableColumnsType<ImportRowError> = [
    { title: text.row, dataIndex: 'row', width: 70 },
    { title: text.column, dataIndex: 'column', width: 150, render: (c: string | null) => c ?? text.wholeRow },
    { title: text.error, dataIndex: 'message' },
  ];
  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        className="form-alert"
        title={errors.message}
        description={errors.errorCount > errors.rows.length ? text.more(errors.rows.length, errors.errorCount) : text.title}
      />
      <Table<ImportRowError>
        size="small"
        rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.message}`}
        columns={columns}
        dataSource={errors.rows}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        className="import-errors"
      />
    </>
  );
}
