import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Typography, type TableColumnsType } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { SERVICE_KIND_LABELS, SERVICE_KINDS, type ServiceKind } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useCategoryOptions } from '../../shared/categories';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { RegionCascader } from '../../shared/RegionCascader';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { serviceAccess } from './access';
import { keys, servicesApi, type CatalogueQuery, type ServiceItemView } from './api';
import { wm } from './messages';
import { ItemFeatures, KindTag, RegionName, Standards, Yuan } from './parts';
import { RequestForm } from './RequestForm';

const LIST = { sorts: ['name'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'kind', 'category', 'regionCode', 'epidemic', 'onSite'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type FormValues = Omit<Filters, 'epidemic' | 'onSite'> & { epidemic?: boolean; onSite?: boolean };

const toForm = (v: Filters): FormValues => ({ ...v, epidemic: v.epidemic === 'true', onSite: v.onSite === 'true' });
const fromForm = (v: FormValues): Filters => ({ ...v, epidemic: v.epidemic ? 'true' : undefined, onSite: v.onSite ? 'true' : undefined });

/**
 * 服务目录: every institution's active items, searched by words, kind, product category and
 * region. Enterprises and bureaus tick items of one institution and request the service.
 */
export function CataloguePage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const categories = useCategoryOptions();
  const mayRequest = serviceAccess.request(session);
  const [picked, setPicked] = useState<ServiceItemView[]>([]);
  const [requesting, setRequesting] = useState(false);
  const { regionCode, ...filters } = list.filters;
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...filters, region: regionCode } as CatalogueQuery;
  const result = useListQuery(keys.catalogue, query, servicesApi.catalogue);
  const institution = picked[0] ? { id: picked[0].institutionId, name: picked[0].institutionName } : null;

  const columns: TableColumnsType<ServiceItemView> = [
    {
      title: t(wm.institution),
      dataIndex: 'institutionName',
      width: 220,
      render: (name: string, row) => (
        <div>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <RegionName code={row.regionCode} />
          </Typography.Text>
        </div>
      ),
    },
    { title: t(wm.kind), dataIndex: 'kind', width: 120, render: (k: ServiceKind) => <KindTag kind={k} /> },
    {
      title: t(wm.item),
      dataIndex: 'name',
      ...list.sortable('name'),
      render: (name: string, row) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          {row.parameters ? <div className="secondary-text">{row.parameters}</div> : null}
        </div>
      ),
    },
    { title: t(wm.standards), dataIndex: 'standards', width: 170, render: (s: string[]) => <Standards standards={s} /> },
    { title: t(wm.fee), dataIndex: 'feeYuan', width: 120, align: 'right', render: (v: string) => <Yuan value={v} /> },
    { title: t(wm.turnaround), dataIndex: 'turnaroundDays', width: 110, render: (n: number) => t(wm.workingDays, { n }) },
    { title: t(wm.features), key: 'features', width: 130, render: (_, row) => <ItemFeatures item={row} /> },
  ];

  return (
    <>
      <PageHeader title={t(wm.catalogueTitle)} subtitle={t(wm.catalogueSubtitle)} />
      <FilterBar<FormValues> name="catalogueFilters" values={list.filters} onApply={list.setFilters} toForm={toForm} fromForm={fromForm}>
        <SearchFilter label={t(wm.catalogueSearch)} width={240} />
        <SelectFilter name="kind" label={t(wm.kind)} width={150} options={SERVICE_KINDS.map((k) => ({ value: k, label: t(SERVICE_KIND_LABELS[k]) }))} />
        <SelectFilter name="category" label={t(wm.filterCategory)} width={170} options={categories.options} loading={categories.loading} showSearch={{ optionFilterProp: 'label' }} />
        {/* The catalogue is public: any region, whatever the user's own scope. */}
        <Form.Item name="regionCode">
          <RegionCascader anyLevel placeholder={t(wm.filterRegion)} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="epidemic" valuePropName="checked">
          <Checkbox>{t(wm.filterEpidemic)}</Checkbox>
        </Form.Item>
        <Form.Item name="onSite" valuePropName="checked">
          <Checkbox>{t(wm.filterOnSite)}</Checkbox>
        </Form.Item>
      </FilterBar>
      {mayRequest ? (
        <Alert
          className="form-alert"
          type={institution ? 'success' : 'info'}
          showIcon
          title={institution ? t(wm.picked, { n: picked.length, institution: institution.name }) : t(wm.pickHint)}
          description={institution ? picked.map((p) => p.name).join('、') : t(wm.pickOneInstitution)}
          action={
            institution ? (
              <Flex gap={8}>
                <Button onClick={() => setPicked([])}>{t(wm.clearPicked)}</Button>
                <Button type="primary" icon={<SendOutlined />} onClick={() => setRequesting(true)}>
                  {t(wm.requestService)}
                </Button>
              </Flex>
            ) : undefined
          }
        />
      ) : null}
      <ListTable<ServiceItemView>
        list={list}
        result={result}
        columns={columns}
        emptyText={t(wm.catalogueEmpty)}
        filteredText={t(wm.catalogueFiltered)}
        scroll={{ x: 1100 }}
        rowSelection={
          mayRequest
            ? {
                hideSelectAll: true,
                selectedRowKeys: picked.map((p) => p.id),
                // One request goes to one institution: the others' boxes are off while something is picked.
                getCheckboxProps: (row) => ({ disabled: Boolean(institution && row.institutionId !== institution.id), 'aria-label': row.name }),
                onSelect: (row, selected) => setPicked((now) => (selected ? [...now.filter((p) => p.id !== row.id), row] : now.filter((p) => p.id !== row.id))),
              }
            : undefined
        }
      />
      {institution ? <RequestForm institution={institution} picked={picked} open={requesting} onClose={() => setRequesting(false)} /> : null}
    </>
  );
}
