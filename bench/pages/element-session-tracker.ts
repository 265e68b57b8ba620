// <session-tracker> alone: its class (and what it imports), defined by the measuring helper.
import { SessionTracker } from '../../src/components/session-tracker/session-tracker.js';
import { measureDefine } from './element.js';

measureDefine('session-tracker', SessionTracker);
