/** Entry of the self-practice demo (index.html): wires the page shell to the flow in app.ts. */
import './trusted-types.ts';
import { startApp } from './app.ts';
import './styles.css';

const get = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`index.html lacks #${id}`);
  return el as T;
};

startApp({
  main: get('app'),
  status: get('load-status'),
  progress: get<HTMLProgressElement>('load-progress'),
  deleteButton: get<HTMLButtonElement>('delete-all'),
});
