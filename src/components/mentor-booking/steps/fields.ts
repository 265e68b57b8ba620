/** The details form's fields, in order (the class keeps what the visitor typed in one of these). */
export type Field = 'name' | 'email' | 'careerLevel' | 'goals' | 'message';
export const emptyForm = (): Record<Field, string> => ({ name: '', email: '', careerLevel: '', goals: '', message: '' });
