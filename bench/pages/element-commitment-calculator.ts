// <commitment-calculator> alone: its class (and what it imports), defined by the measuring helper.
import { CommitmentCalculator } from '../../src/components/commitment-calculator/commitment-calculator.js';
import { measureDefine } from './element.js';

measureDefine('commitment-calculator', CommitmentCalculator);
