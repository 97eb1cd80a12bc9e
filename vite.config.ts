import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The renderer only. Electron loads the build from a file or custom protocol,
// hence relative asset URLs; the browser host serves the same files.
export default defineConfig({
  root: fromRoot('./renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/renderer'),
    emptyOutDir: true,
    // Assets stay files: index.html's CSP (font-src 'self') would refuse a font inlined as a data: URL.
    assetsInlineLimit: 0,
  },
});
