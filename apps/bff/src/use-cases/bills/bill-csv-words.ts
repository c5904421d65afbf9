import type { CsvWords } from '../../repositories/bills/csv.ts';

/**
 * R5.5 The CSV is for finance people, in the reader's language: the header row, product and label
 * names, billing mode and transaction type words. Label names come from the catalog (billing_labels);
 * the words here cover what the catalog does not name (products, SSL certificate labels).
 */
export type CsvLang = 'zh-CN' | 'en';

const HEADERS: Record<CsvLang, CsvWords['headers']> = {
  'zh-CN': {
    id: '明细编号',
    occurredAt: '时间（北京时间）',
    usageDate: '用量日期',
    month: '账单月份',
    resourceId: '资源 ID',
    alias: '别名',
    project: '项目',
    region: '地域',
    product: '产品',
    label: '计费标签',
    billingMode: '计费模式',
    transactionType: '交易类型',
    unitPrice: '单价（元）',
    quantity: '用量',
    amount: '金额（元）',
    paidCash: '现金支付（元）',
    paidIncome: '收益转入支付（元）',
    paidGift: '赠送金支付（元）',
    paidVoucher: '代金券抵扣（元）',
    orderId: '订单',
  },
  en: {
    id: 'Line ID',
    occurredAt: 'Time (CST)',
    usageDate: 'Usage date',
    month: 'Bill month',
    resourceId: 'Resource ID',
    alias: 'Alias',
    project: 'Project',
    region: 'Region',
    product: 'Product',
    label: 'Billing label',
    billingMode: 'Billing mode',
    transactionType: 'Transaction type',
    unitPrice: 'Unit price (CNY)',
    quantity: 'Quantity',
    amount: 'Amount (CNY)',
    paidCash: 'Paid by cash (CNY)',
    paidIncome: 'Paid by income transfer (CNY)',
    paidGift: 'Paid by gift (CNY)',
    paidVoucher: 'Paid by voucher (CNY)',
    orderId: 'Order',
  },
};

const PRODUCTS: Record<CsvLang, Record<string, string>> = {
  'zh-CN': {
    plus: 'Plus 版人脸核身',
    enhanced: '增强版人脸核身',
    basic: '基础版人脸核身',
    realname: '实名信息核验',
    eid: 'eID 数字身份',
    willingness: '意愿核身',
    nfc: 'NFC 证件识读',
    shield: 'AI 人脸防护盾',
    photo: '照片核身',
    risk: '人脸安全风险检测',
    ssl: 'SSL 证书',
  },
  en: {
    plus: 'Face Verification Plus',
    enhanced: 'Enhanced Face Verification',
    basic: 'Basic Face Verification',
    realname: 'Real-name checks',
    eid: 'eID digital identity',
    willingness: 'Intent Verification',
    nfc: 'NFC document reading',
    shield: 'AI Face Shield',
    photo: 'Photo Face Verification',
    risk: 'Face security risk detection',
    ssl: 'SSL certificate',
  },
};

const EXTRA_LABELS: Record<CsvLang, Record<string, string>> = {
  'zh-CN': { 'ssl.dv': 'DV 域名型证书', 'ssl.ov': 'OV 企业型证书', 'ssl.ev': 'EV 增强型证书' },
  en: {
    'ssl.dv': 'DV (domain validated)',
    'ssl.ov': 'OV (organization validated)',
    'ssl.ev': 'EV (extended validation)',
  },
};

const MODES: Record<CsvLang, Record<string, string>> = {
  'zh-CN': { prepaid: '预付费', postpaid: '后付费' },
  en: { prepaid: 'Prepaid', postpaid: 'Postpaid' },
};

const TX: Record<CsvLang, Record<string, string>> = {
  'zh-CN': {
    purchase: '购买',
    refund: '退费',
    daily_settlement: '按日结算',
    monthly_settlement: '按月结算',
    pack_deduction: '资源包抵扣',
  },
  en: {
    purchase: 'Purchase',
    refund: 'Refund',
    daily_settlement: 'Daily settlement',
    monthly_settlement: 'Monthly settlement',
    pack_deduction: 'Pack deduction',
  },
};

export function csvWords(lang: CsvLang): CsvWords {
  return {
    lang,
    headers: HEADERS[lang],
    products: PRODUCTS[lang],
    extraLabels: EXTRA_LABELS[lang],
    billingModes: MODES[lang],
    transactionTypes: TX[lang],
  };
}

/** `lang=zh-CN|en` wins; otherwise the first Accept-Language that is English or Chinese; Chinese by default. */
export function csvLang(lang: string | undefined, acceptLanguage: string | undefined): CsvLang {
  if (lang === 'en' || lang === 'zh-CN') return lang;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('zh')) return 'zh-CN';
  }
  return 'zh-CN';
}
