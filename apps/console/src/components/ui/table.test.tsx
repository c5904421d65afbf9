import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Table, TBody, Td, THead, Th, Tr } from './table.tsx';

function Money({ stack, stickyFirst }: { stack?: boolean; stickyFirst?: boolean }) {
  return (
    <Table caption="Packs" stack={stack} stickyFirst={stickyFirst}>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th align="right">Remaining</Th>
        </tr>
      </THead>
      <TBody>
        <Tr>
          <Td wide>Basic</Td>
          <Td align="right" label="Remaining">
            3,580
          </Td>
        </Tr>
      </TBody>
    </Table>
  );
}

describe('Table on phones and wide screens (issue 17)', () => {
  afterEach(cleanup);

  it('stacked: one table (headers kept for screen readers), each cell labelled by data-label, its text only the value', () => {
    render(<Money stack />);
    const table = screen.getByRole('table', { name: 'Packs' });
    expect(screen.getAllByRole('table')).toHaveLength(1);
    expect(within(table).getByRole('columnheader', { name: 'Remaining' })).toBeTruthy();
    const cell = within(table).getByRole('cell', { name: '3,580' });
    expect(cell.getAttribute('data-label')).toBe('Remaining');
    expect(cell.textContent).toBe('3,580');
    expect(cell.className).toContain('max-md:block');
    expect(within(table).getByRole('cell', { name: 'Basic' }).className).toContain('max-md:col-span-2');
    expect(table.closest('section')?.getAttribute('data-table-layout')).toBe('stack');
  });

  it('not stacked: no phone labels, a plain scrollable table', () => {
    render(<Money />);
    const cell = screen.getByRole('cell', { name: '3,580' });
    expect(cell.getAttribute('data-label')).toBeNull();
    expect(cell.className).not.toContain('max-md:');
  });

  it('the scroll region is positioned, so off-screen sr-only text cannot widen the page', () => {
    render(<Money stickyFirst />);
    const region = screen.getByRole('region', { name: 'Packs' });
    expect(region.className).toContain('relative');
    expect(region.className).toContain('overflow-x-auto');
    expect(screen.getByRole('table').className).toContain('md:[&_tr>*:first-child]:sticky');
  });
});
