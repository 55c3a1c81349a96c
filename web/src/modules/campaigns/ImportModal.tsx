import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Form, Modal, Progress, Result, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SCREENING_IMPORT_MAX_BYTES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { ImportRowErrors, rowErrorsOf, XlsxDropzone, type RowErrors } from '../../shared/XlsxImport';
import { CAMPAIGNS_KEY, campaignsApi } from './api';
import { cm } from './messages';
import { useCampaignOptions } from './tags';


/**
 * (Give it a `key` of the fixed campaign so a new campaign starts afresh.)
 * Bulk import of a producer list: pick the campaign, download its template,
 * upload the filled file. A file with any bad row comes back as a table of row
 * errors and nothing is written; a clean one is written by a background job
 * whose progress is polled and shown.
 */
export function ImportModal({ open, campaignId: fixedCampaign, onClose }: { open: boolean; campaignId?: string; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const campaigns = useCampaignOptions();
  const [campaignId, setCampaignId] = useState<string | undefined>(fixedCampaign);
  const [file, setFile] = useState<File | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<RowErrors | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const job = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'import', campaignId, jobId],
    queryFn: () => campaignsApi.importJob(campaignId!, jobId!),
    enabled: Boolean(jobId && campaignId),
    refetchInterval: (q) => (q.state.status !== 'error' && (q.state.data?.status === 'running' || !q.state.data) ? 500 : false),
    retry: false,
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY, predicate: (q) => q.queryKey[1] !== 'import' });
  }, [status, client]);

  function reset() {
    setFile(null);
    setPickError(null);
    setFailure(null);
    setRowErrors(null);
    setJobId(null);
  }

  async function start() {
    if (!campaignId) return setPickError(t(cm.campaignRequired));
    if (!file) return setPickError(t(cm.dropHint));
    setUploading(true);
    setFailure(null);
    setRowErrors(null);
    try {
      const started = await campaignsApi.startImport(campaignId, file);
      setJobId(started.id);
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setRowErrors(rows);
      else setFailure(errorMessage(e));
    } finally {
      setUploading(false);
    }
  }

  const running = Boolean(jobId) && status !== 'done' && status !== 'failed' && !job.isError;
  const percent = job.data && job.data.total ? Math.floor((job.data.processed * 100) / job.data.total) : 0;

  const body = () => {
    if (jobId) {
      if (status === 'done') {
        return <Result status="success" title={t(cm.importDone, { n: job.data!.inserted })} subTitle={job.data!.fileName} />;
      }
      if (status === 'failed') {
        return <Result status="warning" title={t(cm.importFailed)} subTitle={job.data!.message} />;
      }
      // The job is gone (the server restarted): what was written stays, the list shows it.
      if (job.isError) return <Result status="warning" title={t(cm.importFailed)} subTitle={errorMessage(job.error)} />;
      return (
        <div className="import-progress">
          <Progress percent={percent} status="active" aria-label={t(cm.importing, { done: job.data?.processed ?? 0, total: job.data?.total ?? 0 })} />
          <Typography.Text type="secondary">{t(cm.importing, { done: job.data?.processed ?? 0, total: job.data?.total ?? 0 })}</Typography.Text>
        </div>
      );
    }
    return (
      <Form layout="vertical" name="screeningImport">
        <Form.Item label={t(cm.importStep1)} required validateStatus={pickError && !campaignId ? 'error' : undefined}>
          <Flex gap={8} wrap>
            <Select
              style={{ flex: 1, minWidth: 260 }}
              value={campaignId}
              onChange={(v?: string) => {
                setCampaignId(v);
                setPickError(null);
                setRowErrors(null);
              }}
              disabled={Boolean(fixedCampaign)}
              options={campaigns.options}
              loading={campaigns.loading}
              placeholder={t(cm.campaignRequired)}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Button icon={<DownloadOutlined />} href={campaignId ? campaignsApi.templateUrl(campaignId) : undefined} disabled={!campaignId} download>
              {t(cm.downloadTemplate)}
            </Button>
          </Flex>
        </Form.Item>
        <Form.Item label={t(cm.importStep2)} required>
          <XlsxDropzone
            file={file}
            maxBytes={SCREENING_IMPORT_MAX_BYTES}
            text={{ notXlsx: t(cm.notXlsx), tooBig: t(cm.tooBig), dropHint: t(cm.dropHint), dropNote: t(cm.dropNote) }}
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
            <Typography.Text type="secondary">{t(cm.uploading)}</Typography.Text>
          </div>
        ) : null}
        {rowErrors ? (
          <ImportRowErrors
            errors={rowErrors}
            text={{
              row: t(cm.row),
              column: t(cm.column),
              wholeRow: t(cm.wholeRow),
              error: t(cm.error),
              title: t(cm.rowErrorsTitle),
              more: (shown, n) => t(cm.rowErrorsMore, { shown, n }),
            }}
          />
        ) : null}
      </Form>
    );
  };

  const close = () => {
    // A running import goes on in the background; the lists refresh when the user comes back.
    if (!running) reset();
    onClose();
  };

  return (
    <Modal
      title={t(cm.importTitle)}
      open={open}
      onCancel={close}
      width={760}
      destroyOnHidden={false}
      footer={
        jobId ? (
          <Flex justify="flex-end" gap={8}>
            {running ? <Typography.Text type="secondary">{t(cm.importRunningClose)}</Typography.Text> : <Button onClick={reset}>{t(cm.importAnother)}</Button>}
            <Button type="primary" onClick={close}>
              {t(cm.close)}
            </Button>
          </Flex>
        ) : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={close}>{t(cm.close)}</Button>
            <Button type="primary" loading={uploading} disabled={!file || !campaignId} onClick={() => void start()}>
              {t(cm.startImport)}
            </Button>
          </Flex>
        )
      }
    >
      {body()}
    </Modal>
  );
}
