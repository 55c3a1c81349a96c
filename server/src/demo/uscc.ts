import { usccCheckCharacter } from '@shijian/contracts';

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 organisation code (8 characters + check character), the 9th–17th characters of a USCC. */
function orgCode(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return body8 + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/**
 * A valid, deterministic synthetic USCC: registration authority 9 (market
 * regulation), type 1 (enterprise) or 2 (individual business), the region code,
 * an organisation code derived from `serial`, and the GB 32100 check character.
 */
export function syntheticUscc(regionCode: string, serial: number, type: '1' | '2' = '1'): string {
  let n = serial;
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = ORG_CODE_CHARS[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `9${type}${regionCode}${orgCode(body)}`;
  return first17 + usccCheckCharacter(first17);
}
