import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Locale, useI18n } from '../../../lib/i18n.tsx';
import { BillItemExplainLink, explainHref } from './bill-item-cells.tsx';

function Row({ id }: { id: string }) {
  const i18n = useI18n();
  return <BillItemExplainLink item={{ id }} i18n={i18n} />;
}

function Where() {
  const l = useLocation();
  return <p data-testid="where">{`${l.pathname}${l.search}`}</p>;
}

function renderLink(locale: Locale, id = '123') {
  return render(
    <I18nProvider initialLocale={locale}>
      <MemoryRouter initialEntries={['/bills/items?month=2026-11']}>
        <Routes>
          <Route path="/bills/items" element={<Row id={id} />} />
          <Route path="/explain" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('itemized bill: trace a line to its rule (issue 9)', () => {
  afterEach(cleanup);

  it('links each charge to the explainer by its id', () => {
    expect(explainHref('123')).toBe('/explain?chargeId=123');
    expect(explainHref('900719925474099312')).toBe('/explain?chargeId=900719925474099312');
  });

  it('English: "Explain" named after the line, and it opens /explain?chargeId=<id>', () => {
    renderLink('en');
    const link = screen.getByRole('link', { name: 'Explain charge 123' });
    // The visible text is part of the accessible name (WCAG 2.5.3 label in name).
    expect(link.textContent).toBe('Explain');
    expect(link.getAttribute('href')).toBe('/explain?chargeId=123');
    fireEvent.click(link);
    expect(screen.getByTestId('where').textContent).toBe('/explain?chargeId=123');
  });

  it('Chinese: 「追溯」 named 「追溯账单明细 <id>」', () => {
    renderLink('zh-CN', '4567');
    const link = screen.getByRole('link', { name: '追溯账单明细 4567' });
    expect(link.textContent).toBe('追溯');
    expect(link.getAttribute('href')).toBe('/explain?chargeId=4567');
  });
});
