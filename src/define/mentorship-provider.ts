import { MentorshipProvider } from '../components/mentorship-provider/mentorship-provider.js';
import { define } from '../components/shared/define.js';

define('mentorship-provider', MentorshipProvider);

export { MentorshipProvider };
