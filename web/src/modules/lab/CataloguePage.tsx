import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Radio, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { institutionsApi, labApi, usersApi } from '../../api/endpoints';
import type { SignatoryView, TestItemView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName, useCategoryOptions } from '../../shared/categories';
import { errorMessage, showFormError } from '../../shared/errors';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { limitLabel } from './limits';
import { lm } from './messages';
import { TestItemForm } from './TestItemForm';

function ItemsTab({ writable }: { writable: boolean }) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const categoryName = useCategoryName();
  const categories = useCategoryOptions();
  const [filters, setFilters] = useState<{ q?: string; category?: string }>({});
  const [creating, setCreating] = useState(false);
  const items = useQuery({ queryKey: ['lab', 'test-items', 'catalogue', filters], queryFn: () => labApi.testItems({ ...filters, pageSize: 500 }) });
  const toggle = useMutation({
    mutationFn: (item: TestItemView) => labApi.setTestItemActive(item.id, !item.active),
    onSuccess: (item) => {
      void client.invalidateQueries({ queryKey: ['lab', 'test-items'] });
      void message.success(t(item.active ? lm.itemActivated : lm.itemDeactivated, { item: `${item.standard} ${item.parameter}` }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const columns: TableColumnsType<TestItemView> = [
    { title: t(lm.standard), dataIndex: 'standard', render: (s: string) => <span className="mono">{s}</span> },
    { title: t(lm.parameter), dataIndex: 'parameter' },
    { title: t(lm.requirement), key: 'limit', render: (_, item) => limitLabel(item) },
    { title: t(lm.categories), dataIndex: 'categories', render: (codes: string[]) => codes.map((c) => <Tag key={c}>{categoryName(c)}</Tag>) },
    { title: t(lm.requiredItem), dataIndex: 'required', render: (r: boolean) => (r ? t(lm.yes) : t(lm.no)) },
    { title: t(lm.itemStatus), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="success">{t(lm.active)}</Tag> : <Tag>{t(lm.inactive)}</Tag>) },
  ];
  if (writable) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 110,
      render: (_, item) =>
        item.active ? (
          <Popconfirm
            title={t(lm.deactivateConfirm)}
            description={t(lm.deactivateConfirmText, { item: `${item.standard} ${item.parameter}` })}
            okText={t(lm.deactivate)}
            okButtonProps={{ danger: true }}
            cancelText={t(common.cancel)}
            onConfirm={() => toggle.mutateAsync(item).catch(() => undefined)}
          >
            <Button type="link" danger size="small">
              {t(lm.deactivate)}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => toggle.mutate(item)}>
            {t(lm.activate)}
          </Button>
        ),
    });
  }

  return (
    <>
      <Flex justify="space-between" wrap gap={12} className="filter-bar">
        <Form layout="inline" name="catalogueFilters" onFinish={(v: { q?: string; category?: string }) => setFilters({ q: v.q?.trim() || undefined, category: v.category })}>
          <Form.Item name="q">
            <Input.Search allowClear placeholder={t(lm.catalogueSearch)} aria-label={t(lm.catalogueSearch)} style={{ width: 220 }} onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))} />
          </Form.Item>
          <Form.Item name="category">
            <Select
              allowClear
              placeholder={t(lm.category)}
              aria-label={t(lm.category)}
              style={{ width: 180 }}
              options={categories.options}
              onChange={(category?: string) => setFilters((f) => ({ ...f, category }))}
            />
          </Form.Item>
        </Form>
        {writable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t(lm.createItem)}
          </Button>
        ) : null}
      </Flex>
      {items.isError ? <QueryError error={items.error} onRetry={() => void items.refetch()} /> : null}
      <Table<TestItemView>
        rowKey="id"
        columns={columns}
        dataSource={items.data?.items}
        loading={items.isFetching}
        pagination={(items.data?.items.length ?? 0) > 20 ? { pageSize: 20, showTotal: (n) => t(common.total, { n }) } : false}
        locale={{ emptyText: items.isPending ? ' ' : <ListEmpty filtered={Boolean(filters.q || filters.category)} emptyText={t(lm.catalogueEmpty)} /> }}
        scroll={{ x: 900 }}
      />
      <TestItemForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** The institution the caller works for (its qualification domains). */
function useOwnInstitution() {
  const session = useSession();
  return useQuery({
    queryKey: ['institutions', 'own', session.org.id],
    queryFn: async () => {
      const page = await institutionsApi.list({ pageSize: 10 });
      const own = page.items.find((i) => i.orgId === session.org.id);
      return own ? institutionsApi.get(own.id) : null;
    },
  });
}

function AuthorizeForm() {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId: string; domain: string }>();
  const [error, setError] = useState<string | null>(null);
  const institution = useOwnInstitution();
  const signatories = useQuery({
    queryKey: ['users', 'signatories', session.org.id],
    queryFn: () => usersApi.list({ role: 'signatory', orgId: session.org.id, pageSize: 100, sort: 'displayName' }),
  });
  const authorize = useMutation({
    mutationFn: (v: { userId: string; domain: string }) => labApi.authorizeSignatory(v.userId, v.domain),
    onSuccess: (list) => {
      client.setQueryData(['lab', 'signatories'], list);
      void message.success(t(lm.signatoryAuthorized));
      form.resetFields();
    },
    onError: (e) => showFormError(form, e, setError),
  });
  return (
    <Card size="small" title={t(lm.authorizeTitle)} className="detail-card">
      {error ? <Alert type="error" showIcon className="form-alert" title={error} /> : null}
      <Form name="authorize" form={form} layout="inline" onFinish={(v) => authorize.mutate(v)} onValuesChange={() => setError(null)}>
        <Form.Item name="userId" label={t(lm.signatoryUser)} rules={[{ required: true, message: t(lm.signatoryUserRequired) }]}>
          <Select
            style={{ width: 240 }}
            loading={signatories.isPending}
            options={(signatories.data?.items ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.displayName }))}
            notFoundContent={t(lm.noSignatoryUsers)}
          />
        </Form.Item>
        <Form.Item name="domain" label={t(lm.domain)} rules={[{ required: true, message: t(lm.domainRequired) }]}>
          <Select style={{ width: 220 }} loading={institution.isPending} options={(institution.data?.domains ?? []).map((d) => ({ value: d, label: d }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={authorize.isPending}>
            {t(lm.authorize)}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function SignatoriesTab({ writable }: { writable: boolean }) {
  const t = useT();
  const signatories = useQuery({ queryKey: ['lab', 'signatories'], queryFn: labApi.signatories });
  const columns: TableColumnsType<SignatoryView> = [
    { title: t(lm.signatory), dataIndex: 'name' },
    { title: t(lm.domain), dataIndex: 'domain', render: (d: string) => <Tag color="blue">{d}</Tag> },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t(lm.signatoriesHint)}</Typography.Paragraph>
      {writable ? <AuthorizeForm /> : null}
      {signatories.isError ? <QueryError error={signatories.error} onRetry={() => void signatories.refetch()} /> : null}
      <Table<SignatoryView>
        rowKey="id"
        columns={columns}
        dataSource={signatories.data}
        loading={signatories.isFetching}
        pagination={false}
        locale={{ emptyText: signatories.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(lm.noSignatories)} /> }}
      />
    </>
  );
}

const SETTINGS_KEY = ['lab', 'settings'] as const;

/** Blind testing (testers don't see client or producer): read and set through /api/lab/settings. */
function BlindTab() {
  const t = useT();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const known = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => labApi.settings() });
  const save = useMutation({
    mutationFn: (blindTesting: boolean) => labApi.setBlindTesting(blindTesting),
    onSuccess: (settings) => {
      client.setQueryData(SETTINGS_KEY, settings);
      void message.success(t(settings.blindTesting ? lm.blindOnSaved : lm.blindOffSaved));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const value = known.data?.blindTesting;
  return (
    <Card className="detail-card">
      <Typography.Paragraph>{t(lm.blindExplain)}</Typography.Paragraph>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={value}
        disabled={save.isPending}
        options={[
          { value: true, label: t(lm.blindOn) },
          { value: false, label: t(lm.blindOff) },
        ]}
        onChange={(e) => {
          const next = e.target.value as boolean;
          modal.confirm({
            title: t(next ? lm.blindOnConfirm : lm.blindOffConfirm),
            okText: t(common.confirm),
            cancelText: t(common.cancel),
            onOk: () => save.mutateAsync(next).catch(() => undefined),
          });
        }}
      />
    </Card>
  );
}

/** The institution's catalogue of test items, its authorised signatories and its lab settings. */
export function CataloguePage() {
  const t = useT();
  const session = useSession();
  const admin = can(session, 'lab.catalogue.write');
  const tabs = [
    { key: 'items', label: t(lm.tabItems), children: <ItemsTab writable={admin} /> },
    { key: 'signatories', label: t(lm.tabSignatories), children: <SignatoriesTab writable={can(session, 'lab.signatory.write')} /> },
    ...(admin ? [{ key: 'blind', label: t(lm.tabBlind), children: <BlindTab /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t(lm.catalogueTitle)} subtitle={t(admin ? lm.catalogueSubtitleAdmin : lm.catalogueSubtitle)} />
      <Tabs items={tabs} destroyOnHidden />
    </>
  );
}
