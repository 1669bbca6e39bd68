// Vite build of the web app. The output (web/dist) is served by `dandelion serve` under a strict
// CSP (no 'unsafe-inline'), so the build must emit no inline script or style: no module-preload
// polyfill, CSS as files. Three pages: the staff app (index.html), the public help page
// (help.html), which shares no code with the app so it stays small, and a survivors' network
// member's own page (notes.html, served at /notes under a neutral title). The app lives under /app/
// (`/` and `/en/` are the network's public site, rendered by the server): every built URL starts
// with /app/, the help page's assets included, though the page itself is still served at /help.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev`: /help (and /help/en, /help?lang=th…) is the help page, as `dandelion serve`
// answers it, not the staff app.
const helpPage: Plugin = {
  name: 'dandelion-help-page',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const [path, query] = (req.url ?? '').split('?');
      if (path === '/help' || path?.startsWith('/help/'))
        req.url = `/app/help.html${query ? `?${query}` : ''}`;
      // A member's own page (src/members/), under a neutral name.
      if (path === '/notes' || path === '/notes/') req.url = '/app/notes.html';
      next();
    });
  },
};

export default defineConfig({
  base: '/app/',
  plugins: [react(), helpPage],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      input: {
        app: fileURLToPath(new URL('index.html', import.meta.url)),
        help: fileURLToPath(new URL('help.html', import.meta.url)),
        notes: fileURLToPath(new URL('notes.html', import.meta.url)),
      },
      output: {
        // The member's page preloads chunks it shares with the staff app (the survivors' API
        // client…). A chunk named after the network would name it in notes.html, where anyone
        // viewing the page's source would see it: such chunks get a neutral name.
        chunkFileNames: (chunk) =>
          /surviv|member/i.test(chunk.name) ? 'assets/n-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
  test: {
    // Most tests are plain logic; the few that render a component say so in their first line
    // (`@vitest-environment jsdom`): a jsdom per file was most of this run's time.
    environment: 'node',
    // Worker threads start faster than the default child processes (62 s -> 34 s for this run).
    pool: 'threads',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
