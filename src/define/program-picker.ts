import { ProgramPicker } from '../components/program-picker/program-picker.js';
import { define } from '../components/shared/define.js';

define('program-picker', ProgramPicker);

export { ProgramPicker };
