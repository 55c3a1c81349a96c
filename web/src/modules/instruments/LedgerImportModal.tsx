import { useState } from 'react';
import { Alert, Button, Flex, Form, Modal, Progress, Result, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { LEDGER_IMPORT_MAX_BYTES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { ImportRowErrors, rowErrorsOf, XlsxDropzone, type RowErrors } from '../../shared/XlsxImport';
import { ledgerApi, type LedgerImportResult } from './ledgerApi';
import { ins } from './messages';


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
      const rows = rowErrorsOf(e);
      if (rows) setRowErrors(rows);
      else setFailure(errorMessage(e));
    } finally {
      setUploading(false);
    }
  }

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
            <XlsxDropzone
              file={file}
              maxBytes={LEDGER_IMPORT_MAX_BYTES}
              text={{ notXlsx: t(ins.notXlsx), tooBig: t(ins.tooBig), dropHint: t(ins.dropHint), dropNote: t(ins.dropNote) }}
              onPick={(f) => {
                setRowErrors(null);
                setFailure(null);
                setPickError(null);
                setFile(f);
              }}
              onRefuse={(message) => {
                setRowErrors(null);
                setFailure(null);
                setPickError(message);
              }}
              onRemove={() => {
                setFile(null);
                setRowErrors(null);
              }}
            />
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
            <ImportRowErrors
              errors={rowErrors}
              text={{
                row: t(ins.row),
                column: t(ins.column),
                wholeRow: t(ins.wholeRow),
                error: t(ins.error),
                title: t(ins.rowErrorsTitle),
                more: (shown, n) => t(ins.rowErrorsMore, { shown, n }),
              }}
            />
          ) : null}
        </Form>
      )}
    </Modal>
  );
}
