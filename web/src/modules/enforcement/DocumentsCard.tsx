import { useRef, useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Table, Tooltip, Upload, type TableColumnsType } from 'antd';
import type { UploadChangeParam } from 'antd/es/upload';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { showFormError } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { requiredRule } from '../../shared/rules';
import { caseKey, casesApi, type CaseDetailView, type CaseDocumentView } from './api';
import { xm } from './messages';

/** What the server stores as case documents: signed paper scanned or printed to PDF. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Values = { title: string; documentNo?: string; file?: File };

function UploadModal({ detail, open, onClose }: { detail: CaseDetailView; open: boolean; onClose: () => void }) {
  const t = useT();
  const required = requiredRule(t, xm.required);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const file = Form.useWatch('file', form) as File | undefined;
  // The title is filled from the file name until the user types their own.
  const autoTitle = useRef('');
  const upload = useMutation({
    mutationFn: (v: Values) => casesApi.upload(detail.id, { title: v.title, documentNo: v.documentNo?.trim() || undefined, fileName: v.file!.name }, v.file!),
    onSuccess: (updated, v) => {
      client.setQueryData(caseKey(detail.id), updated);
      void message.success(t(xm.uploaded, { title: v.title }));
      onClose();
    },
    onError: (e) => showFormError(form, e, (text) => void message.error(text)),
  });
  return (
    <Modal
      open={open}
      title={t(xm.uploadTitle)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(xm.upload)}
      cancelText={t(common.cancel)}
      confirmLoading={upload.isPending}
      destroyOnHidden
    >
      <Form<Values> name="caseDocument" form={form} layout="vertical" preserve={false} onFinish={(v) => upload.mutate(v)}>
        <Form.Item
          name="file"
          label={t(xm.docFile)}
          extra={t(xm.uploadHint)}
          valuePropName="fileList"
          getValueFromEvent={(e: UploadChangeParam) => e.fileList[e.fileList.length - 1]?.originFileObj}
          getValueProps={(value?: File) => ({ fileList: value ? [{ uid: '1', name: value.name, status: 'done' as const }] : [] })}
          rules={[
            {
              validator: async (_: unknown, value?: File) => {
                if (!value) throw new Error(t(xm.fileRequired));
                if (!(DOCUMENT_TYPES as readonly string[]).includes(value.type)) throw new Error(t(xm.fileType));
                if (value.size > DOCUMENT_MAX_BYTES) throw new Error(t(xm.fileTooBig));
              },
            },
          ]}
        >
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            maxCount={1}
            beforeUpload={(chosen) => {
              // Kept in the form and sent with the other fields on submit, not uploaded on its own.
              const current = (form.getFieldValue('title') as string | undefined) ?? '';
              if (!current || current === autoTitle.current) {
                autoTitle.current = chosen.name.replace(/\.[^.]+$/, '');
                form.setFieldValue('title', autoTitle.current);
              }
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t(xm.chooseFile)}</Button>
          </Upload>
        </Form.Item>
        {file ? <div className="secondary-text" style={{ marginTop: -12, marginBottom: 12 }}>{formatSize(file.size)}</div> : null}
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="title" label={t(xm.docTitle)} rules={[required(xm.docTitle), { max: 200 }]}>
              <Input maxLength={200} placeholder="行政处罚决定书" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="documentNo" label={t(xm.docNo)} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** The case's documents, downloadable by anyone who may read the case; uploads for those who may write it. */
export function DocumentsCard({ detail, writable }: { detail: CaseDetailView; writable: boolean }) {
  const t = useT();
  const [uploading, setUploading] = useState(false);
  const columns: TableColumnsType<CaseDocumentView> = [
    {
      title: t(xm.docTitle),
      dataIndex: 'title',
      render: (title: string, row) => (
        <div>
          {title}
          {row.documentNo ? <div className="secondary-text">{row.documentNo}</div> : null}
        </div>
      ),
    },
    { title: t(xm.docFile), dataIndex: 'fileName', render: (name: string, row) => <span>{name}<div className="secondary-text">{formatSize(row.size)}</div></span> },
    {
      title: t(xm.docDigest),
      dataIndex: 'sha256',
      render: (hash: string) => (
        <Tooltip title={<span className="mono">{hash}</span>}>
          <span className="mono">{hash.slice(0, 12)}…</span>
        </Tooltip>
      ),
    },
    { title: t(xm.docUploadedAt), dataIndex: 'uploadedAt', width: 150, render: formatDateTime },
    {
      title: t(common.actions),
      key: 'download',
      width: 90,
      render: (_, row) => (
        <Button type="link" size="small" icon={<DownloadOutlined />} href={casesApi.documentUrl(detail.id, row.id)} download={row.fileName} aria-label={`${t(xm.download)} ${row.title}`}>
          {t(xm.download)}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={t(xm.documents)}
      className="detail-card"
      extra={
        writable ? (
          <Button size="small" icon={<UploadOutlined />} onClick={() => setUploading(true)}>
            {t(xm.upload)}
          </Button>
        ) : null
      }
    >
      <Table<CaseDocumentView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={detail.documents}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(xm.documentsEmpty)} /> }}
      />
      {writable ? <UploadModal detail={detail} open={uploading} onClose={() => setUploading(false)} /> : null}
    </Card>
  );
}
