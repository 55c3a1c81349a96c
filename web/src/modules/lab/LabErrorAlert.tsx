import { Alert, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { lm } from './messages';
import { alternativesOf, refusedItem } from './qualification';

/**
 * A refused lab action in the server's Chinese words. A test outside the
 * institution's qualification lists who could take it instead (first-ask
 * responsibility: never simply refuse, point to a capable institution).
 */
export function LabErrorAlert({ error, text }: { error: unknown; text?: string }) {
  const t = useT();
  const alternatives = alternativesOf(error);
  const isOutside = error instanceof ApiError && error.code === 'OUTSIDE_QUALIFICATION';
  const item = refusedItem(error);
  return (
    <Alert
      type="error"
      showIcon
      className="form-alert"
      role="alert"
      title={isOutside ? t(lm.outsideQualification) : (text ?? errorMessage(error))}
      description={
        isOutside ? (
          <>
            {/* The server's sentence already names the alternatives; with the list below, the item alone is enough. */}
            <div>{alternatives.length && item ? t(lm.outsideItem, { item }) : errorMessage(error)}</div>
            {alternatives.length ? (
              <>
                <Typography.Text strong>{t(lm.qualifiedInstead)}</Typography.Text>
                <ul className="alternatives">
                  {alternatives.map((a) => (
                    <li key={a.institutionId}>
                      {a.name}（{a.regionName}）<span className="mono"> CMA {a.cmaNumber ?? '—'}</span>
                      {a.cmaValidUntil ? `，${t(lm.validUntilShort)} ${formatDate(a.cmaValidUntil)}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <Typography.Text type="secondary">{t(lm.noneQualified)}</Typography.Text>
            )}
          </>
        ) : undefined
      }
    />
  );
}
