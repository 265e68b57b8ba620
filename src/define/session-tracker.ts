import { SessionTracker } from '../components/session-tracker/session-tracker.js';
import { define } from '../components/shared/define.js';

define('session-tracker', SessionTracker);

export { SessionTracker };
