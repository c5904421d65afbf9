import { StrokeIcon } from '../../components/stroke-icon.tsx';
import type { NavIcon as Icon } from '../nav.ts';

const paths: Record<Icon, string> = {
  packs: 'M4 8l8-4 8 4v8l-8 4-8-4V8zm0 0l8 4 8-4M12 12v8',
  buy: 'M3 4h2l2.4 11h10.2L20 7H6.2M9 20h.01M17 20h.01',
  bills: 'M6 3h12v18l-3-2-3 2-3-2-3 2V3zm3 5h6m-6 4h6m-6 4h3',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0',
  notifications: 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zm4 4h4',
  pricing: 'M4 12V4h8l8 8-8 8-8-8zm4-4h.01',
  support: 'M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v5H4v-5zm13 0h3v5h-3v-5zm3 5a3 3 0 0 1-3 2h-3',
  outbox: 'M4 6h16v12H4V6zm0 0l8 7 8-7',
  demo: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
};

export function NavIcon({ name }: { name: Icon }) {
  return <StrokeIcon d={paths[name]} className="size-4.5 shrink-0" strokeWidth={1.75} />;
}
