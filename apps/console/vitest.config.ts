import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Each language's messages are loaded on demand in the app (lib/i18n.tsx); tests have both.
    setupFiles: ['src/i18n/test-setup.ts'],
  },
});
