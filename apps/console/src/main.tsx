import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createApp } from './app/app.tsx';
import { loadLocale, storedLocale } from './lib/i18n.tsx';
import './index.css';

// After a release, a tab opened before it may ask for a chunk that no longer exists (the BFF answers
// 404): load the new index.html once instead of showing a broken page. At most once a minute, so a
// really missing file cannot loop.
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('idv.chunkReload') ?? '0');
  if (Date.now() - last < 60_000) return;
  event.preventDefault();
  sessionStorage.setItem('idv.chunkReload', String(Date.now()));
  window.location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The router starts its loaders (/me, the page's chunk and data) now, while the language's messages
// (a chunk of their own, already requested by index.html) arrive; the first render waits for them.
const locale = storedLocale();
const app = createApp();
loadLocale(locale).then(
  () =>
    createRoot(root).render(
      <StrictMode>
        <App app={app} initialLocale={locale} />
      </StrictMode>,
    ),
  () => {
    // Both languages, as no messages could be loaded to say it in one.
    root.textContent = '无法加载控制台，请刷新页面。 The console could not be loaded: please reload the page.';
  },
);
