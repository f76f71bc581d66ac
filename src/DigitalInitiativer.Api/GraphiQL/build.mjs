// Bundles the IDE and Monaco's workers into dist/, which the API serves at /graphiql in Development.
import { build } from 'esbuild';

const common = { bundle: true, minify: true, logLevel: 'warning', loader: { '.ttf': 'file' }, define: { 'process.env.NODE_ENV': '"production"' } };
await build({ ...common, entryPoints: ['ide.jsx'], outfile: 'dist/ide.js', format: 'esm', jsx: 'automatic' });
await build({
  ...common,
  format: 'iife',
  outdir: 'dist',
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
});
