import { Button, Descriptions, Drawer, Tag } from 'antd';
import { ENTERPRISE_SIZE_LABELS } from '@shijian/contracts';
import type { EnterpriseView } from '../../api/types';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { useCategoryName } from '../../shared/categories';
import { formatDateTime } from '../../shared/format';
import { useRegionPathLabel } from '../../shared/RegionCascader';
import { em } from './messages';

/** Everything recorded about one enterprise, read-only, with 编辑 for those who may. */
export function EnterpriseDetail({ enterprise, onClose, onEdit }: { enterprise: EnterpriseView | null; onClose: () => void; onEdit?: (e: EnterpriseView) => void }) {
  const t = useT();
  const categoryName = useCategoryName();
  const regionPath = useRegionPathLabel(enterprise?.regionCode);
  return (
    <Drawer
      title={enterprise?.name ?? t(em.detailTitle)}
      open={Boolean(enterprise)}
      onClose={onClose}
      size={560}
      extra={
        enterprise && onEdit ? (
          <Button type="primary" onClick={() => onEdit(enterprise)}>
            {t(common.edit)}
          </Button>
        ) : null
      }
    >
      {enterprise ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'uscc', label: t(em.uscc), children: <span className="mono">{enterprise.uscc}</span> },
            { key: 'name', label: t(em.name), children: enterprise.name },
            { key: 'region', label: t(em.region), children: regionPath ?? enterprise.regionName },
            { key: 'address', label: t(em.address), children: enterprise.address },
            { key: 'legal', label: t(em.legalRepresentative), children: enterprise.legalRepresentative },
            { key: 'size', label: t(em.size), children: t(ENTERPRISE_SIZE_LABELS[enterprise.size]) },
            {
              key: 'categories',
              label: t(em.categories),
              children: enterprise.categories.length ? enterprise.categories.map((c) => <Tag key={c}>{categoryName(c)}</Tag>) : '—',
            },
            { key: 'created', label: t(em.createdAt), children: formatDateTime(enterprise.createdAt) },
            { key: 'updated', label: t(em.updatedAt), children: formatDateTime(enterprise.updatedAt) },
          ]}
        />
      ) : null}
    </Drawer>
  );
}
