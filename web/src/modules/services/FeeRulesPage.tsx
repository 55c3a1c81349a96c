import { useState } from 'react';
import { App, Button, DatePicker, Form, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FEE_CONDITION_LABELS, type FeeCondition } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { errorMessage } from '../../shared/errors';
import { FilterBar, SelectFilter } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { mayToggleRule, serviceAccess } from './access';
import { keys, servicesApi, type FeeRuleListQuery, type FeeRuleView } from './api';
import { FeeRuleForm } from './FeeRuleForm';
import { wm } from './messages';
import { RegionName } from './parts';

const LIST = { sorts: ['effectiveFrom'] as const, sort: 'effectiveFrom' as const, order: 'asc' as const };
const FILTERS = ['active', 'on'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type FormValues = Omit<Filters, 'on'> & { on?: Dayjs | null };

const toForm = (v: Filters): FormValues => ({ ...v, on: v.on ? dayjs(v.on) : null });
const fromForm = (v: FormValues): Filters => ({ ...v, on: v.on ? v.on.format('YYYY-MM-DD') : undefined });

/** 收费减免规则: everyone reads them (they decide what a request costs); the national and provincial bureaus write them. */
export function FeeRulesPage() {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const list = useListParams(LIST, FILTERS);
  const [creating, setCreating] = useState(false);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as FeeRuleListQuery;
  const result = useListQuery(keys.feeRules, query, servicesApi.feeRules);
  const writer = serviceAccess.feeWrite(session);
  const toggle = useMutation({
    mutationFn: (rule: FeeRuleView) => servicesApi.setFeeRuleActive(rule.id, !rule.active),
    onSuccess: (rule) => {
      void client.invalidateQueries({ queryKey: keys.feeRules });
      void message.success(t(rule.active ? wm.ruleEnabled : wm.ruleDisabled, { name: rule.name }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const columns: TableColumnsType<FeeRuleView> = [
    { title: t(wm.ruleName), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t(wm.condition), dataIndex: 'condition', width: 160, render: (c: FeeCondition) => <Tag>{t(FEE_CONDITION_LABELS[c])}</Tag> },
    {
      title: t(wm.reduction),
      dataIndex: 'reductionPercent',
      width: 110,
      align: 'right',
      render: (p: number) => (p >= 100 ? <Tag color="green">{t(wm.free)}</Tag> : `${p}%`),
    },
    { title: t(wm.ruleRegion), dataIndex: 'regionCode', width: 200, render: (code: string | null) => (code ? <RegionName code={code} /> : t(wm.nationwide)) },
    {
      title: t(wm.effective),
      width: 210,
      ...list.sortable('effectiveFrom'),
      render: (_, r) => `${formatDate(r.effectiveFrom)} ~ ${r.effectiveTo ? formatDate(r.effectiveTo) : t(wm.openEnded)}`,
    },
    { title: t(wm.basis), dataIndex: 'basis', render: (b: string) => (b ? <Typography.Text type="secondary">{b}</Typography.Text> : '—') },
    { title: t(wm.itemStatus), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="success">{t(wm.ruleActive)}</Tag> : <Tag>{t(wm.ruleInactive)}</Tag>) },
  ];
  if (writer) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 90,
      render: (_, rule) =>
        mayToggleRule(session, rule.regionCode) ? (
          <Popconfirm
            title={t(rule.active ? wm.disableConfirm : wm.enableConfirm, { name: rule.name })}
            description={t(wm.toggleRuleText)}
            okText={t(rule.active ? wm.disable : wm.enable)}
            okButtonProps={{ danger: rule.active }}
            cancelText={t(common.cancel)}
            onConfirm={() => toggle.mutateAsync(rule).catch(() => undefined)}
          >
            <Button type="link" size="small" danger={rule.active}>
              {t(rule.active ? wm.disable : wm.enable)}
            </Button>
          </Popconfirm>
        ) : (
          <span className="secondary-text">—</span>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(wm.feeRulesTitle)}
        subtitle={t(wm.feeRulesSubtitle)}
        extra={
          writer ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(wm.newRule)}
            </Button>
          ) : null
        }
      />
      <FilterBar<FormValues> name="feeRuleFilters" values={list.filters} onApply={list.setFilters} toForm={toForm} fromForm={fromForm} typed={[]}>
        <SelectFilter
          name="active"
          label={t(wm.filterRuleStatus)}
          width={120}
          options={[
            { value: 'true', label: t(wm.ruleActive) },
            { value: 'false', label: t(wm.ruleInactive) },
          ]}
        />
        <Form.Item name="on">
          <DatePicker placeholder={t(wm.filterOn)} aria-label={t(wm.filterOn)} />
        </Form.Item>
      </FilterBar>
      <ListTable<FeeRuleView> list={list} result={result} columns={columns} emptyText={t(wm.feeRulesEmpty)} scroll={{ x: 1100 }} />
      {writer ? <FeeRuleForm open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
