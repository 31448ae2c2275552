import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { readTheme, showTheme } from './common/theme.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

// Before the first paint, so a dark or high-contrast window never flashes light.
showTheme(readTheme(), null);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
