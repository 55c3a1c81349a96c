import { Typography } from 'antd';
import { CheckCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { checkUscc } from '@shijian/contracts';
import type { EnterpriseView } from '../../api/types';
import { useT, type Label } from '../../app/i18n';
import { normalizeUscc, usccTypingProblem } from '../enterprises/uscc';
import { lookupApi } from './api';
import { xm } from './messages';

export { normalizeUscc };

/** Form rules for a credit code: a wrong character or check digit while typing, a short code on leaving the field. */
export function usccRules(t: (l: Label) => string, required: boolean) {
  return [
    ...(required ? [{ required: true, message: t(xm.usccRequired) }] : []),
    {
      validateTrigger: ['onChange', 'onBlur'],
      validator: async (_: unknown, value: string | undefined) => {
        const problem = usccTypingProblem(value ?? '');
        if (problem) throw new Error(problem);
      },
    },
    {
      validateTrigger: 'onBlur',
      validator: async (_: unknown, value: string | undefined) => {
        if (value && value.length < 18 && !usccTypingProblem(value)) throw new Error(checkUscc(value)!.message);
      },
    },
  ];
}

/**
 * The registered enterprise with this code, once the code is complete and valid:
 * undefined while unknown (incomplete, loading, or the caller may not read the registry),
 * null when none is registered in the caller's scope.
 */
export function useRegisteredEnterprise(uscc: string | undefined, enabled = true): { enterprise: EnterpriseView | null | undefined; loading: boolean } {
  const code = enabled && uscc && uscc.length === 18 && !checkUscc(uscc) ? uscc : null;
  const found = useQuery({
    queryKey: ['enterprises', 'by-uscc', code],
    queryFn: async () => (await lookupApi.enterprises(code!)).items.find((e) => e.uscc === code) ?? null,
    enabled: Boolean(code),
    staleTime: 60_000,
  });
  if (!code || found.isError) return { enterprise: undefined, loading: false };
  return { enterprise: found.data, loading: found.isFetching };
}

/** Under a credit-code field: whose code it is, or that nobody registered has it. */
export function RegisteredHint({ enterprise, notFound }: { enterprise: EnterpriseView | null | undefined; notFound: Label }) {
  const t = useT();
  if (enterprise === undefined) return null;
  if (enterprise === null) {
    return (
      <Typography.Text type="warning">
        <InfoCircleOutlined /> {t(notFound)}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="success">
      <CheckCircleOutlined /> {t(xm.partyFound, { name: enterprise.name, region: enterprise.regionName })}
    </Typography.Text>
  );
}
