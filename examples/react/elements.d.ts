// Until the kit ships its React JSX types: the tags this app uses, loosely typed.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Element = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Record<string, unknown>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'mentorship-provider': Element;
      'commitment-calculator': Element;
      'program-picker': Element;
      'mentor-booking': Element;
      'session-tracker': Element;
    }
  }
}
