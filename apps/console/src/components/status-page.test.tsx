import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusPage } from './status-page.tsx';

afterEach(cleanup);

describe('StatusPage', () => {
  it('without a page title: the state is the page, its h1 says it to screen readers', () => {
    render(
      <MemoryRouter>
        <StatusPage title="Page not found" link={{ to: '/packs', label: 'Back' }}>
          Gone.
        </StatusPage>
      </MemoryRouter>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Page not found');
    expect(screen.getByText('Gone.')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Back' });
    expect(link.getAttribute('href')).toBe('/packs');
    expect(link.className).not.toContain('bg-brand-600');
  });

  it('with a page title: that is the h1 (with its back link), the state is an h2; a primary way out', () => {
    render(
      <MemoryRouter>
        <StatusPage
          page={{ title: 'Order 42', back: <a href="/bills">All bills</a> }}
          icon="tools"
          title="No such order"
          link={{ to: '/bills', label: 'Bills', primary: true }}
        />
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Order 42']);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('No such order');
    expect(screen.getByRole('link', { name: 'All bills' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bills' }).className).toContain('bg-brand-600');
  });

  it('no link: no way-out button', () => {
    render(
      <MemoryRouter>
        <StatusPage page={{ title: 'Forecast' }} title="No such pack" />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
