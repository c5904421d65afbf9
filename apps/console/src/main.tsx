import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
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
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
