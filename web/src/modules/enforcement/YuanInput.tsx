import { Input } from 'antd';
import { useT, type Translate } from '../../app/i18n';
import { xm } from './messages';
import { formatYuan, isYuan, normalizeYuan } from './money';

/** Form.Item props for an amount in yuan kept as exact text: cleaned as typed, checked against the server's pattern. */
export function yuanField(t: Translate, required = false) {
  return {
    normalize: (value: string | undefined) => normalizeYuan(value),
    rules: [
      ...(required ? [{ required: true, message: t(xm.yuanInvalid) }] : []),
      {
        validator: async (_: unknown, value: string | undefined) => {
          if (value && !isYuan(value)) throw new Error(t(xm.yuanInvalid));
        },
      },
    ],
  };
}

/** A text input for yuan (never a number input: no float on the way), showing the amount with thousands separators as typed. */
export function YuanInput({ value, onChange, id, disabled }: { value?: string; onChange?: (value: string) => void; id?: string; disabled?: boolean }) {
  const t = useT();
  return (
    <Input
      id={id}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange?.(e.target.value)}
      inputMode="decimal"
      autoComplete="off"
      maxLength={24}
      prefix="¥"
      suffix={<span className="secondary-text">{value && isYuan(value) ? `${formatYuan(value)} ${t(xm.yuan)}` : t(xm.yuan)}</span>}
      placeholder="0.00"
    />
  );
}
