import { useState } from 'react';
import { Alert, Button, Flex, Form, Modal, Progress, Result, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { LEDGER_IMPORT_MAX_BYTES } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { ledgerApi, type ImportRowError, type LedgerImportResult } from './ledgerApi';
import { ins } from './messages';

type RowErrors = { message: string; rows: ImportRowError[]; errorCount: number };

/**
 * 批量导入: download the template, upload the filled .xlsx. Every row is checked first; a file
 * with any bad row comes back as a table of row errors and nothing is written.
 */
export function LedgerImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowErrors | null>(null);
  const [done, setDone] = useState<LedgerImportResult | null>(null);

  function reset() {
    setFile(null);
    setPickError(null);
    setFailure(null);
    setRowErrors(null);
    setDone(null);
  }

  async function start() {
    if (!file) return setPickError(t(ins.dropHint));
    setUploading(true);
    setFailure(null);
    setRowErrors(null);
    try {
      const result = await ledgerApi.import(file);
      setDone(result);
      void client.invalidateQueries({ queryKey: ['instruments'] });
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { rows?: ImportRowError[]; errorCount?: number } | undefined) : undefined;
      if (e instanceof ApiError && e.code === 'IMPORT_ROWS_INVALID' && details?.rows) {
        setRowErrors({ message: e.message, rows: details.rows, errorCount: details.errorCount ?? details.rows.length });
      } else setFailure(errorMessage(e));
    } finally {
      setUploading(false);
    }
  }

  const columns: TableColumnsType<ImportRowError> = [
    { title: t(ins.row), dataIndex: 'row', width: 70 },
    { title: t(ins.column), dataIndex: 'column', width: 150, render: (c: string | null) => c ?? t(ins.wholeRow) },
    { title: t(ins.error), dataIndex: 'message' },
  ];

  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal
      title={t(ins.importTitle)}
      open={open}
      onCancel={close}
      width={760}
      footer={
        <Flex justify="flex-end" gap={8}>
          {done ? <Button onClick={reset}>{t(ins.importAnother)}</Button> : null}
          <Button onClick={close}>{t(ins.close)}</Button>
          {done ? null : (
            <Button type="primary" loading={uploading} disabled={!file} onClick={() => void start()}>
              {t(ins.startImport)}
            </Button>
          )}
        </Flex>
      }
    >
      {done ? (
        <Result status="success" title={t(ins.importDone, { n: done.inserted, c: done.compulsory })} subTitle={file?.name} />
      ) : (
        <Form layout="vertical" name="ledgerImport">
          <Form.Item label={t(ins.importStep1)}>
            <Button icon={<DownloadOutlined />} href={ledgerApi.templateUrl} download>
              {t(ins.downloadTemplate)}
            </Button>
          </Form.Item>
          <Form.Item label={t(ins.importStep2)} required>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
              onRemove={() => {
                setFile(null);
                setRowErrors(null);
              }}
              beforeUpload={(f) => {
                setRowErrors(null);
                setFailure(null);
                if (!f.name.toLowerCase().endsWith('.xlsx')) setPickError(t(ins.notXlsx));
                else if (f.size > LEDGER_IMPORT_MAX_BYTES) setPickError(t(ins.tooBig));
                else {
                  setPickError(null);
                  setFile(f);
                }
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t(ins.dropHint)}</p>
              <p className="ant-upload-hint">{t(ins.dropNote)}</p>
            </Upload.Dragger>
          </Form.Item>
          {pickError ? <Alert type="error" showIcon className="form-alert" title={pickError} /> : null}
          {failure ? <Alert type="error" showIcon className="form-alert" role="alert" title={failure} /> : null}
          {uploading ? (
            <div className="import-progress">
              <Progress percent={100} status="active" showInfo={false} />
              <Typography.Text type="secondary">{t(ins.uploading)}</Typography.Text>
            </div>
          ) : null}
          {rowErrors ? (
            <>
              <Alert
                type="error"
                showIcon
                role="alert"
                className="form-alert"
                title={rowErrors.message}
                description={rowErrors.errorCount > rowErrors.rows.length ? t(ins.rowErrorsMore, { shown: rowErrors.rows.length, n: rowErrors.errorCount }) : t(ins.rowErrorsTitle)}
              />
              <Table<ImportRowError>
                size="small"
                rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.message}`}
                columns={columns}
                dataSource={rowErrors.rows}
                pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                className="import-errors"
              />
            </>
          ) : null}
        </Form>
      )}
    </Modal>
  );
}
