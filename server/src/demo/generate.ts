import type { EnterpriseSize } from '@shijian/contracts';
import type { EnterpriseInput } from '../modules/registry/enterprises.js';
import type { Regions } from '../platform/regions/service.js';
import { syntheticUscc } from './uscc.js';

/** A small deterministic PRNG (mulberry32), so a generated registry is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRADE_NAMES = '康宁 恒通 华信 永安 鑫源 瑞丰 金诚 天和 宏达 博远 安泰 嘉禾 远航 百合 新锐 正阳 中科 力拓 亿佳 众邦 华康 益民 仁和 长青 信达 德润 汇丰 联创 腾飞 鸿运'.split(' ');
const BUSINESS = '医疗用品 防护科技 卫生材料 无纺制品 熔喷材料 电子科技 生物技术 精密仪器 医疗器械 食品 建材 特种设备 消毒用品 纺织 传感技术'.split(' ');
const SUFFIX = ['有限公司', '有限责任公司', '股份有限公司', '制品厂', '经营部'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉玲红'.split('');
const SIZES: [EnterpriseSize, number][] = [['micro', 0.55], ['small', 0.3], ['medium', 0.12], ['large', 0.03]];

/**
 * `count` synthetic enterprises spread over every county of GB/T 2260, with valid
 * credit codes, names, legal representatives, sizes and one or two product kinds.
 */
export async function* syntheticEnterprises(
  regions: Regions,
  categories: string[],
  count: number,
  options: { seed?: number; batch?: number; serialOffset?: number } = {},
): AsyncGenerator<EnterpriseInput[]> {
  const random = prng(options.seed ?? 2260);
  const counties = [...(await regions.index()).values()].filter((r) => !r.hasChildren && r.level > 1);
  const batch = options.batch ?? 5000;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let rows: EnterpriseInput[] = [];
  for (let i = 0; i < count; i++) {
    const county = counties[i % counties.length]!;
    const roll = random();
    let acc = 0;
    const size = SIZES.find(([, p]) => (acc += p) >= roll)?.[0] ?? 'micro';
    const first = pick(categories);
    const cats = random() < 0.3 ? [first, pick(categories)] : [first];
    const place = county.name.replace(/(区|县|市|旗)$/, '');
    rows.push({
      uscc: syntheticUscc(county.code, (options.serialOffset ?? 0) + i, size === 'micro' && random() < 0.5 ? '2' : '1'),
      name: `${place}${pick(TRADE_NAMES)}${pick(BUSINESS)}${pick(SUFFIX)}${i.toString(36).toUpperCase()}`,
      regionCode: county.code,
      address: `${county.name}工业园区${1 + Math.floor(random() * 300)}号`,
      legalRepresentative: pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : ''),
      size,
      categories: [...new Set(cats)],
    });
    if (rows.length === batch) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length) yield rows;
}
