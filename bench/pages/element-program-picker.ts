// <program-picker> alone: its class (and what it imports), defined by the measuring helper.
import { ProgramPicker } from '../../src/components/program-picker/program-picker.js';
import { measureDefine } from './element.js';

measureDefine('program-picker', ProgramPicker);
