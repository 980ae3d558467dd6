/** First-run page entry (opened once, on install): what ClaimLens does, a demo article, the legend, the keys. */
import { render } from 'preact';
import { App } from './App';
import { adoptMarkPalette } from './mark-palette';
import '../page-ui/style.css';
import './style.css';

adoptMarkPalette(document);
render(<App />, document.getElementById('app')!);
