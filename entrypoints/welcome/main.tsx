/** First-run page entry (opened once, on install): what ClaimLens does, a demo article, the legend, the keys. */
import { render } from 'preact';
import { App } from './App';
import '../page-ui/style.css';
import './style.css';

render(<App />, document.getElementById('app')!);
