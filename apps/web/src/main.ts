import './styles.css';
import { startConsole } from './controller.js';
import { queryElements } from './dom.js';

startConsole(queryElements());
