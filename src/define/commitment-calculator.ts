import { CommitmentCalculator } from '../components/commitment-calculator/commitment-calculator.js';
import { define } from '../components/shared/define.js';

define('commitment-calculator', CommitmentCalculator);

export { CommitmentCalculator };
