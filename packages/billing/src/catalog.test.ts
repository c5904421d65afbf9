import { describe, expect, it } from 'vitest';
import {
  type BillingLabel,
  eidTrialLabels,
  freeTrialLabels,
  labelsByCode,
  parseCatalogTsv,
  tierQuote,
} from './catalog.ts';
import { DomainError } from './errors.ts';
import { formatPrice, parseMoney } from './money.ts';

// A verbatim copy of shared/data/catalog.tsv (also packages/db/seed/catalog.tsv), embedded so the
// test needs no I/O and no Node types (the billing package depends on nothing).
const catalogText = `code	product	name_zh	name_en	postpaid_unit_price_cny	packs (calls:price_cny)	free_trial_calls
plus.authority.wechat	plus	Plus版人脸核身(权威库)-微信	Plus Face Verification (authoritative DB) - WeChat	1.5	1000:1500,10000:15000,100000:140000,200000:280000,500000:675000,1000000:1300000	0
plus.selfie.wechat	plus	Plus版人脸核身(自传照片)-微信	Plus Face Verification (uploaded photo) - WeChat	0.6	1000:600,10000:6000,100000:50000,200000:100000,500000:225000,1000000:400000	0
plus.authority.h5	plus	Plus版人脸核身(权威库)-浮层H5	Plus Face Verification (authoritative DB) - overlay H5	1.5	1000:1500,10000:15000,100000:140000,200000:280000,500000:675000,1000000:1300000	0
plus.selfie.h5	plus	Plus版人脸核身(自传照片)-浮层H5	Plus Face Verification (uploaded photo) - overlay H5	0.6	1000:600,10000:6000,100000:50000,200000:100000,500000:225000,1000000:400000	0
plus.authority.app	plus	Plus版人脸核身(权威库)-APP	Plus Face Verification (authoritative DB) - App	1.5	1000:1500,10000:15000,100000:140000,200000:280000,500000:675000,1000000:1300000	0
plus.selfie.app	plus	Plus版人脸核身(自传照片)-APP	Plus Face Verification (uploaded photo) - App	0.6	1000:600,10000:6000,100000:50000,200000:100000,500000:225000,1000000:400000	0
enhanced.authority.wechat	enhanced	增强版人脸核身(权威库)-微信	Enhanced Face Verification (authoritative DB) - WeChat	1.2	1000:1150,10000:11000,100000:100000,200000:180000,500000:400000,1000000:800000	100
enhanced.selfie.wechat	enhanced	增强版人脸核身(自传照片)-微信	Enhanced Face Verification (uploaded photo) - WeChat	0.3	1000:280,10000:2700,100000:26000,200000:50000,500000:115000,1000000:230000	100
enhanced.authority.app	enhanced	增强版人脸核身(权威库)-APP	Enhanced Face Verification (authoritative DB) - App	1.2	1000:1150,10000:11000,100000:100000,200000:180000,500000:400000,1000000:800000	100
enhanced.selfie.app	enhanced	增强版人脸核身(自传照片)-APP	Enhanced Face Verification (uploaded photo) - App	0.3	1000:280,10000:2700,100000:26000,200000:50000,500000:115000,1000000:230000	100
enhanced.authority.h5	enhanced	增强版人脸核身(权威库)-浮层H5	Enhanced Face Verification (authoritative DB) - overlay H5	1.2	1000:1150,10000:11000,100000:100000,200000:180000,500000:400000,1000000:800000	100
enhanced.selfie.h5	enhanced	增强版人脸核身(自传照片)-浮层H5	Enhanced Face Verification (uploaded photo) - overlay H5	0.3	1000:280,10000:2700,100000:26000,200000:50000,500000:115000,1000000:230000	100
basic.authority	basic	基础版人脸核身(权威库)	Basic Face Verification (authoritative DB)	1	1000:930,10000:8000,100000:75000,200000:140000,500000:340000,1000000:660000	100
basic.selfie	basic	基础版人脸核身(自传照片)	Basic Face Verification (uploaded photo)	0.15	1000:145,10000:1200,100000:11500,200000:22000,500000:52500,1000000:100000	100
identity.basic	realname	身份信息核验	Identity information check	0.3	1000:300,10000:2800,100000:26000,200000:48000,500000:115000,1000000:220000	0
identity.validity	realname	身份信息及有效期核验	Identity and validity-period check	1.8	1000:1500,10000:14000,100000:130000,200000:240000,500000:550000,1000000:1000000	0
bankcard.verify	realname	银行卡信息核验	Bank card check (2/3/4 factors)	0.6	1000:580,10000:5600,100000:54000,200000:104000	0
bankcard.basic	realname	银行卡基础信息查询	Bank card basic information lookup	0.3	1000:280,10000:2700,100000:26000,200000:36000	0
mobile.status	realname	手机号在网时长/状态查询	Mobile number tenure / status lookup	0.4	1000:380,10000:3800,100000:37000,200000:72000	0
mobile.2factor	realname	手机号信息核验(二要素)	Mobile number check (2 factors)	0.4	1000:380,10000:3700,100000:36000,200000:70000	0
mobile.3factor.simple	realname	手机号信息核验(三要素)-简版	Mobile number check (3 factors) - simple	1.1	1000:1050,10000:10000,100000:95000,200000:180000	0
mobile.3factor.detailed	realname	手机号信息核验(三要素)-详版	Mobile number check (3 factors) - detailed	1.2	1000:1100,10000:10500,100000:100000,200000:190000	0
mobile.3factor.cmcc	realname	手机号信息核验(三要素)-移动	Mobile number check (3 factors) - China Mobile	1.3	1000:1250,10000:12000,100000:115000,200000:220000	0
mobile.3factor.ctcc	realname	手机号信息核验(三要素)-电信	Mobile number check (3 factors) - China Telecom	0.7	1000:650,10000:6000,100000:55000,200000:100000	0
mobile.3factor.cucc	realname	手机号信息核验(三要素)-联通	Mobile number check (3 factors) - China Unicom	0.7	1000:650,10000:6000,100000:55000,200000:100000	0
eid.authority	eid	E证通(权威库)	eID Verification (authoritative DB)	1.5	1000:1400,5000:6500,10000:12000,100000:100000,500000:450000,1000000:800000	100*
willingness.authority	willingness	意愿核身(权威库)	Intent Verification (authoritative DB)	1.5	1000:1450,10000:14400,100000:142000,200000:280000,500000:690000,1000000:1350000	0
willingness.selfie	willingness	意愿核身(自传照片)	Intent Verification (uploaded photo)	0.8	1000:730,10000:7200,100000:71000,200000:138000,500000:335000,1000000:650000	0
nfc.idcard	nfc	证件NFC识别	ID document NFC reading	1.0		0
shield.ai	shield	AI人脸防护盾	AI Face Shield	1.2	1000:1200,10000:11500,100000:110000,200000:210000,500000:500000,1000000:950000	0
photo.v2	photo	照片人脸核身V2.0	Photo Face Verification V2.0	1	1000:930,10000:8000,100000:75000	100**
risk.face	risk	人脸安全风险识别服务	Face security risk detection	0.0035		0
`;
const labels = parseCatalogTsv(catalogText);
const byCode = labelsByCode(labels);
const get = (code: string): BillingLabel => {
  const l = byCode.get(code);
  if (l === undefined) throw new Error(`missing ${code}`);
  return l;
};
const cst = (s: string): Date => new Date(`${s}+08:00`);

const HEADER = 'code\tproduct\tname_zh\tname_en\tpostpaid_unit_price_cny\tpacks (calls:price_cny)\tfree_trial_calls';
const row = (code: string, packs: string, trial: string, price = '1'): string =>
  `${code}\tp\t中\tEn\t${price}\t${packs}\t${trial}`;

describe('catalog', () => {
  it('R1.1 parses every label of the shared catalog', () => {
    expect(labels.length).toBeGreaterThanOrEqual(30);
    const ea = get('enhanced.authority.wechat');
    expect(ea.product).toBe('enhanced');
    expect(ea.nameZh).toBe('增强版人脸核身(权威库)-微信');
    expect(ea.nameEn).toBe('Enhanced Face Verification (authoritative DB) - WeChat');
    expect(ea.unitPrice).toBe(parseMoney('1.2'));
    expect(ea.tiers[1]).toEqual({ size: 10_000, price: parseMoney('11000') });
    expect(ea.tiers).toHaveLength(6);
  });

  it('R1.1 labels without tiers are postpaid only (nfc.idcard, risk.face)', () => {
    expect(get('nfc.idcard').tiers).toEqual([]);
    expect(get('risk.face').tiers).toEqual([]);
  });

  it('R1.2 keeps 4-decimal prices exactly (risk.face 0.0035)', () => {
    expect(get('risk.face').unitPrice).toBe(35n);
    expect(formatPrice(get('risk.face').unitPrice)).toBe('0.0035');
  });

  it('R3.4 free_trial_calls: 100 → activation, 100* → eid, 0 → none', () => {
    expect(get('basic.selfie')).toMatchObject({ trialCalls: 100, trialRule: 'activation' });
    expect(get('eid.authority')).toMatchObject({ trialCalls: 100, trialRule: 'eid' });
    expect(get('identity.basic')).toMatchObject({ trialCalls: 0, trialRule: 'none' });
    // The shared catalog marks photo.v2 as '100**': granted at activation, date-gated by code.
    expect(get('photo.v2')).toMatchObject({ trialCalls: 100, trialRule: 'activation' });
  });

  it('R1.1 rejects a malformed catalog', () => {
    const bad = (t: string): string => {
      try {
        parseCatalogTsv(t);
        return 'NONE';
      } catch (e) {
        return e instanceof DomainError ? e.code : 'OTHER';
      }
    };
    expect(bad('code\tproduct')).toBe('INVALID_CATALOG');
    expect(bad(`${HEADER}\n${row('a', '1000:1.23456', '0')}`)).toBe('INVALID_CATALOG');
    expect(bad(`${HEADER}\n${row('a', '', '0', '1.0.0')}`)).toBe('INVALID_CATALOG');
    expect(bad(`${HEADER}\n${row('a', '0:5', '0')}`)).toBe('INVALID_CATALOG');
    expect(bad(`${HEADER}\n${row('a', '', 'x')}`)).toBe('INVALID_CATALOG');
    expect(bad(`${HEADER}\n${row('a', '', '0')}\n${row('a', '', '0')}`)).toBe('INVALID_CATALOG');
    expect(bad(`${HEADER}\r\n${row('a', '10:5', '0')}\r\n\r\n`)).toBe('NONE');
  });

  it('R1.3 tier quote: per-call price, saving and saving % (enhanced 10,000 pack: 1.1, 1000.00, 8.33%)', () => {
    const ea = get('enhanced.authority.wechat');
    const q = tierQuote(ea, { size: 10_000, price: parseMoney('11000') });
    expect(formatPrice(q.perCall)).toBe('1.10');
    expect(q.saving).toBe(parseMoney('1000'));
    expect(q.savingPercent).toBe('8.33');
  });

  it('R1.3 tier quote rounds the per-call price half-up to 4 decimals', () => {
    const l = get('basic.selfie'); // 0.15 postpaid; 1000:145 → 0.145
    expect(formatPrice(tierQuote(l, { size: 1000, price: parseMoney('145') }).perCall)).toBe('0.145');
    const syn = { ...l, unitPrice: parseMoney('1') };
    // 2/3 = 0.66666… → 0.6667; saving 1/3 of postpaid → 33.33%
    const q = tierQuote(syn, { size: 3, price: parseMoney('2') });
    expect(formatPrice(q.perCall)).toBe('0.6667');
    expect(q.savingPercent).toBe('33.33');
    // 1/8 = 0.125 saving → 12.50%; 0.00005 per call rounds up to 0.0001
    expect(tierQuote(syn, { size: 8, price: parseMoney('7') }).savingPercent).toBe('12.50');
    expect(tierQuote(syn, { size: 20_000, price: parseMoney('1') }).perCall).toBe(1n);
  });

  it('R1.3 a tier with no saving shows 0.00%, a dearer tier a negative saving', () => {
    const l = get('plus.selfie.wechat'); // 0.6 × 1000 = 600 = pack price
    expect(tierQuote(l, { size: 1000, price: parseMoney('600') })).toMatchObject({ saving: 0n, savingPercent: '0.00' });
    const q = tierQuote(l, { size: 1000, price: parseMoney('660') });
    expect(q.saving).toBe(parseMoney('-60'));
    expect(q.savingPercent).toBe('-10.00');
    expect(tierQuote({ ...l, unitPrice: 0n }, { size: 10, price: 0n }).savingPercent).toBe('0.00');
  });

  it('R3.4 activation trial: every label marked 100, not eid.authority, not the 0 labels', () => {
    const codes = freeTrialLabels(labels, cst('2023-06-01T10:00:00')).map((l) => l.code);
    expect(codes).toEqual([
      'enhanced.authority.wechat',
      'enhanced.selfie.wechat',
      'enhanced.authority.app',
      'enhanced.selfie.app',
      'enhanced.authority.h5',
      'enhanced.selfie.h5',
      'basic.authority',
      'basic.selfie',
    ]);
  });

  it('R3.4 photo.v2 trial only for accounts activated on or after 2024-05-15 00:00 CST (synthetic label)', () => {
    const base = get('basic.selfie');
    const photo: BillingLabel = { ...base, code: 'photo.v2.synthetic', trialRule: 'activation', trialCalls: 100 };
    const ls = [base, photo];
    expect(freeTrialLabels(ls, cst('2024-05-14T23:59:59.999')).map((l) => l.code)).toEqual(['basic.selfie']);
    expect(freeTrialLabels(ls, cst('2024-05-15T00:00:00')).map((l) => l.code)).toEqual([
      'basic.selfie',
      'photo.v2.synthetic',
    ]);
    // and the real catalog row
    expect(freeTrialLabels(labels, cst('2024-05-15T00:00:00')).some((l) => l.code === 'photo.v2')).toBe(true);
    expect(freeTrialLabels(labels, cst('2024-05-14T12:00:00')).some((l) => l.code === 'photo.v2')).toBe(false);
  });

  it('R3.4 eid.authority trial is granted on first eID merchant approval, not at activation', () => {
    expect(eidTrialLabels(labels).map((l) => l.code)).toEqual(['eid.authority']);
    expect(freeTrialLabels(labels, cst('2025-01-01T00:00:00')).some((l) => l.code === 'eid.authority')).toBe(false);
  });
});
