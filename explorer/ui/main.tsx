/** The explorer page's entry: reads the served model from the page and renders the app. */
import { render } from 'preact';
import type { ModelKey } from '../api-types.ts';
import { App } from './app.tsx';
import './styles.css';

const config = JSON.parse(document.getElementById('kripke-config')!.textContent!) as { served: ModelKey };
const root = document.getElementById('app')!;
root.textContent = ''; // the "loading" line
render(<App served={config.served} />, root);
