import { LOCALES, loadLocale } from '../lib/i18n.tsx';

// Unit tests render in either language at once and read `catalogs` directly: load both before any test.
await Promise.all(LOCALES.map(loadLocale));
