/**
 * The explorer's one HTML page: the bundled script and styles, and the model the server was
 * started with (for a URL that names none). Everything it loads comes from this server.
 */
import { esc } from '../counterexamples/html.ts';
import type { ModelKey } from './api-types.ts';

export function explorerPage(served: ModelKey): string {
  // JSON inside a script element: `<` is escaped so no value can close the element.
  const config = JSON.stringify({ served }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kripke explorer · ${esc(served.model)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/explorer.css">
<script type="application/json" id="kripke-config">${config}</script>
<script type="module" src="/assets/explorer.js"></script>
</head>
<body>
<div id="app"><p class="loading">Loading the explorer…</p></div>
</body>
</html>
`;
}
